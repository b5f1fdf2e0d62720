// GetJourney serves customers viewed a moment ago from memory; every change made through
// journeyd shows on the very next read: a profile update, new and late touchpoints,
// consent, a prospect merged in, erasure.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class JourneyFreshnessTest : public JourneydTest {
 protected:
  void SetUp() override {
    JourneydTest::SetUp();
    StartJourneyd();
    stub_ = Stub();
  }

  absl::StatusOr<v1::Journey> Journey(const std::string& customer_id) const {
    v1::GetJourneyRequest request;
    request.set_customer_id(customer_id);
    v1::Journey journey;
    grpc::Status status = stub_->GetJourney(Context("agent").get(), request, &journey);
    if (status.error_code() == grpc::StatusCode::NOT_FOUND) return absl::NotFoundError(status.error_message());
    if (!status.ok()) return absl::InternalError(status.error_message());
    return journey;
  }

  static std::vector<std::string> TimelineIds(const v1::Journey& journey) {
    std::vector<std::string> ids;
    for (const v1::Touchpoint& tp : journey.timeline()) ids.push_back(tp.id());
    return ids;
  }

  void Upsert(const std::string& id, const std::string& name, const std::string& email = "") const {
    v1::UpsertCustomerRequest upsert;
    upsert.mutable_customer()->set_id(id);
    upsert.mutable_customer()->set_display_name(name);
    if (!email.empty()) upsert.mutable_customer()->add_emails(email);
    v1::UpsertCustomerResponse upserted;
    ASSERT_TRUE(stub_->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  }

  v1::RecordTouchpointsResponse Record(const std::vector<v1::Touchpoint>& touchpoints) const {
    v1::RecordTouchpointsRequest record;
    for (const v1::Touchpoint& tp : touchpoints) *record.add_touchpoints() = tp;
    v1::RecordTouchpointsResponse recorded;
    EXPECT_TRUE(stub_->RecordTouchpoints(Context("integration").get(), record, &recorded).ok());
    return recorded;
  }

  // An inbound touchpoint: a contact when on an assisted channel.
  v1::Touchpoint Inbound(const std::string& id, const std::string& channel, const std::string& kind,
                         absl::Duration ago) const {
    v1::Touchpoint tp = MakeTouchpoint(id, "C-FR", channel, kind, now_ - ago);
    tp.set_direction(v1::DIRECTION_INBOUND);
    return tp;
  }

  const absl::Time now_ = absl::Now();
  std::unique_ptr<v1::JourneyService::Stub> stub_;
};

TEST_F(JourneyFreshnessTest, AnUpdatedProfileShowsOnTheNextRead) {
  Upsert("C-FR", "Frieda Old");
  Record({MakeTouchpoint("fr-1", "C-FR", "web", "page_view", now_ - absl::Hours(3))});
  ASSERT_EQ(Journey("C-FR")->customer().display_name(), "Frieda Old");
  Upsert("C-FR", "Frieda New");
  EXPECT_EQ(Journey("C-FR")->customer().display_name(), "Frieda New");
}

TEST_F(JourneyFreshnessTest, RecordedTouchpointsShowInTimeOrderAndADuplicateOnlyOnce) {
  Upsert("C-FR", "Frieda");
  Record({MakeTouchpoint("fr-1", "C-FR", "web", "page_view", now_ - absl::Hours(3))});
  ASSERT_EQ(TimelineIds(*Journey("C-FR")), std::vector<std::string>({"fr-1"}));

  Record({Inbound("fr-3", "phone", "call_inbound", absl::Hours(1))});
  EXPECT_EQ(TimelineIds(*Journey("C-FR")), std::vector<std::string>({"fr-3", "fr-1"}));

  // A touchpoint that arrives late (it happened between the two) and a resend of one stored.
  v1::RecordTouchpointsResponse late =
      Record({Inbound("fr-2", "email", "email_inbound", absl::Hours(2)),
              Inbound("fr-3", "phone", "call_inbound", absl::Hours(1))});
  EXPECT_EQ(late.duplicates(), 1);
  const absl::StatusOr<v1::Journey> journey = Journey("C-FR");
  EXPECT_EQ(TimelineIds(*journey), std::vector<std::string>({"fr-3", "fr-2", "fr-1"}));
  EXPECT_EQ(journey->metrics().contacts_last_30_days(), 2)
      << "the email and the call are contacts; the page view is not";
}

TEST_F(JourneyFreshnessTest, ConsentShowsOnTheNextRead) {
  Upsert("C-FR", "Frieda");
  ASSERT_FALSE(Journey("C-FR")->customer().consent().profiling());
  v1::SetConsentRequest consent;
  consent.set_customer_id("C-FR");
  consent.set_profiling(true);
  v1::Customer updated;
  ASSERT_TRUE(stub_->SetConsent(Context("agent").get(), consent, &updated).ok());
  EXPECT_TRUE(Journey("C-FR")->customer().consent().profiling());
}

TEST_F(JourneyFreshnessTest, AProspectMergedIntoACustomerBringsTheirTouchpoints) {
  Upsert("C-FR", "Frieda");
  Record({MakeTouchpoint("fr-1", "C-FR", "web", "page_view", now_ - absl::Hours(3))});
  v1::Touchpoint by_address = MakeTouchpoint("fr-mail", "", "email", "email_inbound", now_ - absl::Hours(2));
  by_address.clear_customer_id();
  by_address.set_address("frieda@example.com");
  const std::string prospect = Record({by_address}).results(0).customer_id();
  ASSERT_TRUE(Journey(prospect).ok());  // both journeys read once, so both are in memory
  ASSERT_EQ(TimelineIds(*Journey("C-FR")), std::vector<std::string>({"fr-1"}));

  Upsert("C-FR", "Frieda", "frieda@example.com");
  EXPECT_EQ(TimelineIds(*Journey("C-FR")), std::vector<std::string>({"fr-mail", "fr-1"}));
  EXPECT_TRUE(absl::IsNotFound(Journey(prospect).status())) << "the prospect is gone after the merge";
}

TEST_F(JourneyFreshnessTest, AnErasedCustomerHasNoJourney) {
  Upsert("C-FR", "Frieda");
  Record({MakeTouchpoint("fr-1", "C-FR", "web", "page_view", now_ - absl::Hours(3))});
  ASSERT_TRUE(Journey("C-FR").ok());
  v1::EraseCustomerRequest erase;
  erase.set_customer_id("C-FR");
  erase.set_reason("request #7");
  v1::EraseCustomerResponse erased;
  ASSERT_TRUE(stub_->EraseCustomer(Context("admin").get(), erase, &erased).ok());
  EXPECT_TRUE(absl::IsNotFound(Journey("C-FR").status()));
}

}  // namespace
}  // namespace journeydesk::testing
