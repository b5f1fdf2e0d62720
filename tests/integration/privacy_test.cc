// Export returns everything stored about a customer; erasure leaves no byte of it behind.
#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class PrivacyTest : public JourneydTest {};

const char kNameMarker[] = "Zyxquarn Markerfeld";
const char kEmailMarker[] = "zyxquarn.marker@example.org";
const char kPhoneMarker[] = "+31655501234";
const char kSummaryMarker[] = "QUOKKA-MARKER-SUMMARY said the router blinks purple";
const char kAttributeMarker[] = "QUOKKA-MARKER-ATTRIBUTE";

TEST_F(PrivacyTest, ExportReturnsProfileTouchpointsAndAccessLog) {
  StartJourneyd();
  auto stub = Stub();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-EXPORT");
  upsert.mutable_customer()->set_display_name("Export Person");
  upsert.mutable_customer()->add_emails("export@example.com");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(stub->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  v1::RecordTouchpointsRequest record;
  *record.add_touchpoints() = MakeTouchpoint("exp-1", "C-EXPORT", "chat", "chat_inbound", absl::Now() - absl::Hours(2));
  *record.add_touchpoints() = MakeTouchpoint("exp-2", "C-EXPORT", "email", "email_inbound", absl::Now() - absl::Hours(1));
  v1::RecordTouchpointsResponse recorded;
  ASSERT_TRUE(stub->RecordTouchpoints(Context("integration").get(), record, &recorded).ok());
  v1::GetJourneyRequest get;
  get.set_customer_id("C-EXPORT");
  v1::Journey journey;
  ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &journey).ok());

  v1::ExportCustomerRequest request;
  request.set_customer_id("C-EXPORT");
  v1::CustomerExport exported;
  ASSERT_TRUE(stub->ExportCustomer(Context("admin").get(), request, &exported).ok());
  EXPECT_EQ(exported.customer().display_name(), "Export Person");
  ASSERT_EQ(exported.touchpoints_size(), 2);
  EXPECT_EQ(exported.touchpoints(0).id(), "exp-1") << "oldest first";
  bool agent_read_logged = false;
  for (const v1::AuditEntry& entry : exported.access_log()) {
    if (entry.action() == "GetJourney" && entry.actor().find("agent:agent-1") != std::string::npos) {
      agent_read_logged = true;
    }
  }
  EXPECT_TRUE(agent_read_logged) << "the agent's read of the journey is in the access log";
}

TEST_F(PrivacyTest, ErasureLeavesNoMarkerBytesInTheDatabaseOrItsWal) {
  StartJourneyd();
  auto stub = Stub();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-ERASE");
  upsert.mutable_customer()->set_display_name(kNameMarker);
  upsert.mutable_customer()->add_emails(kEmailMarker);
  upsert.mutable_customer()->add_phones(kPhoneMarker);
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(stub->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  v1::RecordTouchpointsRequest record;
  for (int i = 0; i < 50; ++i) {
    v1::Touchpoint tp = MakeTouchpoint("erase-" + std::to_string(i), "C-ERASE", i % 2 ? "chat" : "phone",
                                       "call_inbound", absl::Now() - absl::Hours(100 - i));
    tp.set_summary(kSummaryMarker);
    (*tp.mutable_attributes())["note"] = kAttributeMarker;
    *record.add_touchpoints() = tp;
  }
  v1::RecordTouchpointsResponse recorded;
  ASSERT_TRUE(stub->RecordTouchpoints(Context("integration").get(), record, &recorded).ok());
  // Another customer stays.
  v1::UpsertCustomerRequest other;
  other.mutable_customer()->set_id("C-STAYS");
  other.mutable_customer()->set_display_name("Stays Around");
  ASSERT_TRUE(stub->UpsertCustomer(Context("admin").get(), other, &upserted).ok());
  v1::GetJourneyRequest get;
  get.set_customer_id("C-ERASE");
  v1::Journey journey;
  ASSERT_TRUE(stub->GetJourney(Context("agent").get(), get, &journey).ok());

  // Before erasure the markers are really on disk (so the check below can fail).
  std::string before = ReadFileBytes(db_path_) + ReadFileBytes(db_path_.string() + "-wal");
  ASSERT_NE(before.find(kSummaryMarker), std::string::npos);

  v1::EraseCustomerRequest erase;
  erase.set_customer_id("C-ERASE");
  erase.set_reason("GDPR request 42");
  v1::EraseCustomerResponse erased;
  ASSERT_TRUE(stub->EraseCustomer(Context("admin").get(), erase, &erased).ok());
  EXPECT_EQ(erased.touchpoints_erased(), 50);
  EXPECT_EQ(erased.pseudonym().rfind("erased-", 0), 0u);

  std::string after = ReadFileBytes(db_path_) + ReadFileBytes(db_path_.string() + "-wal");
  for (const char* marker : {kNameMarker, kEmailMarker, kPhoneMarker, kSummaryMarker, kAttributeMarker,
                             "Zyxquarn", "QUOKKA"}) {
    EXPECT_EQ(after.find(marker), std::string::npos) << "found '" << marker << "' after erasure";
  }
  EXPECT_EQ(after.find("C-ERASE"), std::string::npos) << "the audit log keeps only the pseudonym";
  EXPECT_NE(after.find(erased.pseudonym()), std::string::npos) << "the erasure itself is on record";

  v1::Journey gone;
  EXPECT_EQ(stub->GetJourney(Context("agent").get(), get, &gone).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::GetCustomerRequest stays;
  stays.set_customer_id("C-STAYS");
  v1::Customer customer;
  EXPECT_TRUE(stub->GetCustomer(Context("agent").get(), stays, &customer).ok());
}

}  // namespace
}  // namespace journeydesk::testing
