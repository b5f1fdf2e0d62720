#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using AuditLogTest = StoreTest;

TEST_F(AuditLogTest, AppendedRecordsAreListedPerCustomerOldestFirst) {
  ASSERT_TRUE(store_->Append({Audit("GetJourney", "C-1"), Audit("GetJourney", "C-2"),
                              Audit("ExportCustomer", "C-1"), Audit("Ping")})
                  .ok());
  auto records = store_->ListForCustomer("C-1");
  ASSERT_TRUE(records.ok()) << records.status();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].action, "GetJourney");
  EXPECT_EQ((*records)[1].action, "ExportCustomer");
  EXPECT_EQ((*records)[0].actor, "token:0badc0de agent:a1");
  EXPECT_EQ((*records)[0].role, "agent");
  EXPECT_EQ((*records)[0].customer_id, "C-1");
}

TEST_F(AuditLogTest, UpsertAndSetConsentAuditTheCustomerInTheSameWrite) {
  v1::Customer customer = Upsert(Customer("", "New"));
  ASSERT_TRUE(store_->SetConsent(customer.id(), true, std::nullopt, "x", Audit("SetConsent")).ok());
  auto records = store_->ListForCustomer(customer.id());
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].action, "UpsertCustomer");
  EXPECT_EQ((*records)[1].action, "SetConsent");
}

TEST_F(AuditLogTest, TimeIsKeptToTheMicrosecond) {
  AuditRecord record = Audit("GetCustomer", "C-1");
  record.at = absl::FromUnixMicros(1'700'000'000'123'456);
  ASSERT_TRUE(store_->Append({record}).ok());
  EXPECT_EQ((*store_->ListForCustomer("C-1"))[0].at, record.at);
}

}  // namespace
}  // namespace journeydesk::store::testing
