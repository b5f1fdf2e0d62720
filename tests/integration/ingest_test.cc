// RecordTouchpoints: idempotent ingest, identity resolution across channels, and bad input
// refused with the field and the rule, leaving nothing half-written.
#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class IngestTest : public JourneydTest {
 protected:
  v1::RecordTouchpointsResponse Record(const std::vector<v1::Touchpoint>& touchpoints,
                                       grpc::Status* status_out = nullptr) {
    v1::RecordTouchpointsRequest request;
    for (const auto& tp : touchpoints) *request.add_touchpoints() = tp;
    v1::RecordTouchpointsResponse response;
    grpc::Status status = Stub()->RecordTouchpoints(Context("integration").get(), request, &response);
    if (status_out) *status_out = status;
    else EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  v1::Touchpoint ByAddress(const std::string& id, const std::string& address, const std::string& channel,
                           const std::string& kind) {
    v1::Touchpoint tp = MakeTouchpoint(id, "", channel, kind, absl::Now() - absl::Hours(1));
    tp.clear_customer_id();
    tp.set_address(address);
    return tp;
  }

  int TimelineSize(const std::string& customer_id) {
    v1::GetJourneyRequest get;
    get.set_customer_id(customer_id);
    get.set_page_size(500);
    v1::Journey journey;
    grpc::Status status = Stub()->GetJourney(Context("agent").get(), get, &journey);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return journey.timeline_size();
  }
};

TEST_F(IngestTest, ResendingAStoredIdIsANoOpCountedAsDuplicate) {
  StartJourneyd();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-IDEM");
  upsert.mutable_customer()->set_display_name("Idem Potent");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  v1::Touchpoint first = MakeTouchpoint("idem-1", "C-IDEM", "phone", "call_inbound", absl::Now() - absl::Hours(3));
  first.set_summary("original summary");
  auto stored = Record({first});
  EXPECT_EQ(stored.stored(), 1);
  EXPECT_EQ(stored.results(0).status(), v1::RECORD_STORED);

  v1::Touchpoint resent = first;
  resent.set_summary("changed on re-send");
  auto again = Record({resent, MakeTouchpoint("idem-2", "C-IDEM", "chat", "chat_inbound", absl::Now() - absl::Hours(2))});
  EXPECT_EQ(again.stored(), 1);
  EXPECT_EQ(again.duplicates(), 1);
  EXPECT_EQ(again.results(0).status(), v1::RECORD_DUPLICATE);
  EXPECT_EQ(again.results(1).status(), v1::RECORD_STORED);

  v1::GetJourneyRequest get;
  get.set_customer_id("C-IDEM");
  v1::Journey journey;
  ASSERT_TRUE(Stub()->GetJourney(Context("agent").get(), get, &journey).ok());
  ASSERT_EQ(journey.timeline_size(), 2);
  EXPECT_EQ(journey.timeline(1).summary(), "original summary") << "a duplicate changes nothing";
}

TEST_F(IngestTest, EmailPhoneAndChatResolveToOneCustomerAndUnknownAddressesBecomeProspects) {
  StartJourneyd();
  v1::UpsertCustomerRequest upsert;
  auto* customer = upsert.mutable_customer();
  customer->set_id("C-OMNI");
  customer->set_display_name("Omni Channel");
  customer->add_emails("Omni.Channel@Example.COM");
  customer->add_phones("+44 20 7946 0018");
  customer->add_chat_handles("@omni_c");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  EXPECT_EQ(upserted.customer().emails(0), "omni.channel@example.com");
  EXPECT_EQ(upserted.customer().phones(0), "+442079460018");

  auto response = Record({ByAddress("omni-1", "omni.channel@example.com", "email", "email_inbound"),
                          ByAddress("omni-2", "+44 (0)20 7946 0018", "phone", "call_inbound"),
                          ByAddress("omni-3", "+442079460018", "sms", "sms_inbound"),
                          ByAddress("omni-4", "OMNI_C", "chat", "chat_inbound")});
  for (const auto& result : response.results()) {
    EXPECT_EQ(result.customer_id(), "C-OMNI") << result.id();
    EXPECT_FALSE(result.created_prospect());
  }

  auto unknown = Record({ByAddress("pros-1", "new.person@example.net", "chat", "chat_inbound"),
                         ByAddress("pros-2", "New.Person@example.net", "web", "page_view")});
  ASSERT_EQ(unknown.results_size(), 2);
  EXPECT_TRUE(unknown.results(0).created_prospect());
  EXPECT_FALSE(unknown.results(1).created_prospect()) << "same address, same prospect, same batch";
  const std::string prospect = unknown.results(0).customer_id();
  EXPECT_EQ(unknown.results(1).customer_id(), prospect);
  EXPECT_EQ(TimelineSize(prospect), 2);

  // The CRM later registers the person: the prospect's journey joins the customer's.
  v1::UpsertCustomerRequest registered;
  registered.mutable_customer()->set_id("C-NEW");
  registered.mutable_customer()->set_display_name("New Person");
  registered.mutable_customer()->add_emails("new.person@example.net");
  v1::UpsertCustomerResponse merged;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("integration").get(), registered, &merged).ok());
  ASSERT_EQ(merged.merged_prospect_ids_size(), 1);
  EXPECT_EQ(merged.merged_prospect_ids(0), prospect);
  EXPECT_EQ(TimelineSize("C-NEW"), 2);

  // An address that belongs to a real customer cannot be claimed by another.
  v1::UpsertCustomerRequest thief;
  thief.mutable_customer()->set_display_name("Someone Else");
  thief.mutable_customer()->add_emails("omni.channel@example.com");
  v1::UpsertCustomerResponse refused;
  grpc::Status status = Stub()->UpsertCustomer(Context("admin").get(), thief, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_NE(status.error_message().find("C-OMNI"), std::string::npos) << status.error_message();
}

TEST_F(IngestTest, AnInvalidTouchpointRefusesTheWholeBatchNamingFieldAndRule) {
  StartJourneyd();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-BAD");
  upsert.mutable_customer()->set_display_name("Bad Input");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());

  struct Case {
    std::string field;
    std::function<void(v1::Touchpoint&)> spoil;
  };
  const std::vector<Case> cases = {
      {"touchpoints[1].id", [](v1::Touchpoint& tp) { tp.clear_id(); }},
      {"touchpoints[1].channel", [](v1::Touchpoint& tp) { tp.clear_channel(); }},
      {"touchpoints[1].kind", [](v1::Touchpoint& tp) { tp.set_kind("Not A Kind!"); }},
      {"touchpoints[1].occurred_at", [](v1::Touchpoint& tp) { tp.clear_occurred_at(); }},
      {"touchpoints[1].nps", [](v1::Touchpoint& tp) { tp.set_nps(11); }},
      {"touchpoints[1].effort", [](v1::Touchpoint& tp) { tp.set_effort(0); }},
      {"touchpoints[1].stage", [](v1::Touchpoint& tp) { tp.set_stage("no_such_stage"); }},
      {"touchpoints[1]", [](v1::Touchpoint& tp) { tp.set_address("someone@example.com"); }},
      {"touchpoints[1].customer_id", [](v1::Touchpoint& tp) { tp.set_customer_id("C-DOES-NOT-EXIST"); }},
  };
  for (const Case& c : cases) {
    v1::Touchpoint good = MakeTouchpoint("ok-" + c.field, "C-BAD", "web", "page_view", absl::Now() - absl::Hours(1));
    v1::Touchpoint bad = MakeTouchpoint("bad-" + c.field, "C-BAD", "phone", "call_inbound", absl::Now() - absl::Hours(1));
    c.spoil(bad);
    grpc::Status status;
    Record({good, bad}, &status);
    EXPECT_TRUE(status.error_code() == grpc::StatusCode::INVALID_ARGUMENT ||
                status.error_code() == grpc::StatusCode::NOT_FOUND)
        << c.field << ": " << status.error_code();
    EXPECT_EQ(status.error_message().rfind(c.field, 0), 0u)
        << "message should start with " << c.field << ": " << status.error_message();
  }
  EXPECT_EQ(TimelineSize("C-BAD"), 0) << "nothing of a refused batch is written";

  std::vector<v1::Touchpoint> too_many;
  for (int i = 0; i < 1001; ++i) {
    too_many.push_back(MakeTouchpoint("many-" + std::to_string(i), "C-BAD", "web", "page_view", absl::Now() - absl::Hours(1)));
  }
  grpc::Status status;
  Record(too_many, &status);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("1000"), std::string::npos) << status.error_message();
}

}  // namespace
}  // namespace journeydesk::testing
