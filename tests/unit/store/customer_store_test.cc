#include <gmock/gmock.h>

#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using CustomerStoreTest = StoreTest;

TEST_F(CustomerStoreTest, UpsertThenGetReturnsTheStoredProfile) {
  v1::Customer input = Customer("", "Grace Hopper");
  input.add_emails("grace@navy.mil");
  input.add_phones("+15550100");
  (*input.mutable_attributes())["plan"] = "gold";

  auto outcome = store_->UpsertCustomer(input, Audit("UpsertCustomer"));
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_TRUE(outcome->created);
  EXPECT_THAT(outcome->customer.id(), ::testing::MatchesRegex("C-[0-9a-f]{12}"));
  EXPECT_GT(outcome->customer.created_at().seconds(), 0);

  auto stored = store_->GetCustomer(outcome->customer.id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->SerializeAsString(), outcome->customer.SerializeAsString());
  EXPECT_EQ(stored->attributes().at("plan"), "gold");
}

TEST_F(CustomerStoreTest, SecondUpsertReplacesProfileButKeepsConsentAndCreatedAt) {
  v1::Customer first = Upsert(Customer("C-1", "Old Name"));
  ASSERT_TRUE(store_->SetConsent("C-1", true, std::nullopt, "agent a1", Audit("SetConsent")).ok());

  v1::Customer input = Customer("C-1", "New Name");
  input.mutable_consent()->set_profiling(false);  // ignored: consent only via SetConsent
  auto outcome = store_->UpsertCustomer(input, Audit("UpsertCustomer"));
  ASSERT_TRUE(outcome.ok()) << outcome.status();

  EXPECT_FALSE(outcome->created);
  EXPECT_EQ(outcome->customer.display_name(), "New Name");
  EXPECT_TRUE(outcome->customer.consent().profiling());
  EXPECT_EQ(outcome->customer.created_at().seconds(), first.created_at().seconds());
}

TEST_F(CustomerStoreTest, UnknownCustomerIsNotFound) {
  auto customer = store_->GetCustomer("C-nobody");
  EXPECT_EQ(customer.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(customer.status().message()), HasSubstr("C-nobody"));
}

TEST_F(CustomerStoreTest, SetConsentChangesOnlyGivenValuesAndRecordsSource) {
  Upsert(Customer("C-1", "Ada"));
  ASSERT_TRUE(store_->SetConsent("C-1", true, true, "web form", Audit("SetConsent")).ok());
  auto customer = store_->SetConsent("C-1", std::nullopt, false, "agent a1", Audit("SetConsent"));
  ASSERT_TRUE(customer.ok()) << customer.status();
  EXPECT_TRUE(customer->consent().profiling());
  EXPECT_FALSE(customer->consent().marketing());
  EXPECT_EQ(customer->consent().source(), "agent a1");
  EXPECT_GT(customer->consent().updated_at().seconds(), 0);
  EXPECT_EQ(store_->SetConsent("C-x", true, true, "x", Audit("SetConsent")).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(CustomerStoreTest, ListCustomerIdsIsInIdOrder) {
  Upsert(Customer("C-b", "B"));
  Upsert(Customer("C-a", "A"));
  auto ids = store_->ListCustomerIds();
  ASSERT_TRUE(ids.ok());
  EXPECT_THAT(*ids, ElementsAre("C-a", "C-b"));
}

TEST_F(CustomerStoreTest, AddressOfAnotherCustomerIsAlreadyExistsNamingAddressAndOwner) {
  v1::Customer owner = Customer("C-owner", "Owner");
  owner.add_emails("shared@example.com");
  Upsert(owner);

  v1::Customer other = Customer("C-other", "Other");
  other.add_emails("shared@example.com");
  auto outcome = store_->UpsertCustomer(other, Audit("UpsertCustomer"));

  ASSERT_EQ(outcome.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(outcome.status().message()),
              ::testing::AllOf(HasSubstr("shared@example.com"), HasSubstr("C-owner")));
  EXPECT_EQ(store_->GetCustomer("C-other").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(CustomerStoreTest, UnknownAddressCreatesAProspectFoundAgainForTheSameAddress) {
  Address email{Address::Kind::kEmail, "new@example.com"};
  std::vector<TouchpointWrite> batch = {FromAddress("t1", email, 100),
                                        FromAddress("t2", email, 200)};
  auto results = store_->RecordTouchpoints(batch);
  ASSERT_TRUE(results.ok()) << results.status();

  const std::string prospect_id = (*results)[0].customer_id;
  EXPECT_THAT(prospect_id, ::testing::MatchesRegex("P-[0-9a-f]{12}"));
  EXPECT_TRUE((*results)[0].created_prospect);
  EXPECT_EQ((*results)[1].customer_id, prospect_id) << "same address inside one batch";
  EXPECT_FALSE((*results)[1].created_prospect);

  auto later = store_->RecordTouchpoints({FromAddress("t3", email, 300)});
  ASSERT_TRUE(later.ok()) << later.status();
  EXPECT_EQ((*later)[0].customer_id, prospect_id) << "same address in a later batch";

  auto prospect = store_->GetCustomer(prospect_id);
  ASSERT_TRUE(prospect.ok());
  EXPECT_EQ(prospect->lifecycle_state(), v1::LIFECYCLE_PROSPECT);
  EXPECT_EQ(prospect->display_name(), "new@example.com");
  EXPECT_THAT(prospect->emails(), ElementsAre("new@example.com"));
}

TEST_F(CustomerStoreTest, UpsertClaimingAProspectsAddressMergesItAndMovesItsTouchpoints) {
  Address phone{Address::Kind::kPhone, "+4915100001"};
  auto recorded = store_->RecordTouchpoints({FromAddress("t1", phone, 100),
                                             FromAddress("t2", phone, 200)});
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  const std::string prospect_id = (*recorded)[0].customer_id;

  v1::Customer customer = Customer("C-known", "Known Customer");
  customer.add_phones("+4915100001");
  auto outcome = store_->UpsertCustomer(customer, Audit("UpsertCustomer"));
  ASSERT_TRUE(outcome.ok()) << outcome.status();

  EXPECT_THAT(outcome->merged_prospect_ids, ElementsAre(prospect_id));
  EXPECT_EQ(store_->GetCustomer(prospect_id).status().code(), absl::StatusCode::kNotFound);
  auto touchpoints = store_->ListTouchpoints("C-known", std::nullopt);
  ASSERT_TRUE(touchpoints.ok());
  ASSERT_EQ(touchpoints->size(), 2u);
  for (const v1::Touchpoint& touchpoint : *touchpoints) {
    EXPECT_EQ(touchpoint.customer_id(), "C-known") << "the stored body moves too";
  }
  auto next = store_->RecordTouchpoints({FromAddress("t3", phone, 300)});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ((*next)[0].customer_id, "C-known");
  EXPECT_FALSE((*next)[0].created_prospect);
}

}  // namespace
}  // namespace journeydesk::store::testing
