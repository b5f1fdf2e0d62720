#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using ::testing::Each;
using ::testing::Field;

// Distinctive strings that must not survive erasure anywhere in the database files.
constexpr const char* kNameMarker = "Zyqxname Markerova";
constexpr const char* kEmailMarker = "zyqx.email.marker@example.com";
constexpr const char* kPhoneMarker = "+99887766554433";
constexpr const char* kSummaryMarker = "ZYQX-SUMMARY-MARKER complained about the router";
constexpr const char* kAttributeMarker = "ZYQX-ATTRIBUTE-MARKER";

class EraseCustomerTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    // History first: a prospect that the customer later absorbs.
    ASSERT_TRUE(store_->RecordTouchpoints(
        {FromAddress("p1", {Address::Kind::kEmail, kEmailMarker}, 10)}).ok());
    v1::Customer customer = Customer("C-erase", "Temporary Name");
    Upsert(customer);  // an older version of the row, later replaced
    customer.set_display_name(kNameMarker);
    customer.add_emails(kEmailMarker);
    customer.add_phones(kPhoneMarker);
    (*customer.mutable_attributes())["segment"] = kAttributeMarker;
    Upsert(customer);
    std::vector<TouchpointWrite> writes;
    for (int i = 0; i < 30; ++i) {
      TouchpointWrite write = ForCustomer("e" + std::to_string(i), "C-erase", 100 + i);
      write.touchpoint.set_summary(kSummaryMarker);
      (*write.touchpoint.mutable_attributes())["note"] = kAttributeMarker;
      writes.push_back(write);
    }
    TouchpointWrite big = ForCustomer("e-big", "C-erase", 500);
    for (int i = 0; i < 300; ++i) big.touchpoint.mutable_summary()->append(kSummaryMarker);
    writes.push_back(big);  // spills onto overflow pages
    ASSERT_TRUE(store_->RecordTouchpoints(writes).ok());
    ASSERT_TRUE(store_->Append({Audit("GetJourney", "C-erase")}).ok());

    v1::Customer bystander = Customer("C-keep", "Kept Customer");
    bystander.add_emails("kept@example.com");
    Upsert(bystander);
    ASSERT_TRUE(store_->RecordTouchpoints({ForCustomer("k1", "C-keep", 1)}).ok());
  }

  std::string DatabaseBytes() { return ReadFile(db_path()) + ReadFile(db_path() + "-wal"); }
};

TEST_F(EraseCustomerTest, MarkersArePresentBeforeErasure) {
  // Guards the test below: the markers really are in the files before erasure.
  std::string bytes = DatabaseBytes();
  EXPECT_NE(bytes.find(kNameMarker), std::string::npos);
  EXPECT_NE(bytes.find("ZYQX-SUMMARY-MARKER"), std::string::npos);
}

TEST_F(EraseCustomerTest, NoByteOfTheCustomerRemainsInTheDatabaseFiles) {
  auto outcome = store_->EraseCustomer("C-erase", "X-pseudo", Audit("EraseCustomer"));
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->touchpoints_erased, 32);

  std::string bytes = DatabaseBytes();
  for (std::string marker : {kNameMarker, kEmailMarker, kPhoneMarker, kAttributeMarker,
                             "ZYQX-SUMMARY-MARKER", "Temporary Name", "zyqxname", "99887766554433"}) {
    EXPECT_EQ(bytes.find(marker), std::string::npos) << marker << " survived erasure";
  }
  EXPECT_EQ(ReadFile(db_path() + "-wal").size(), 0u) << "the WAL is truncated";
}

TEST_F(EraseCustomerTest, CustomerIsGoneEverywhereAndOthersAreKept) {
  ASSERT_TRUE(store_->EraseCustomer("C-erase", "X-pseudo", Audit("EraseCustomer")).ok());
  EXPECT_EQ(store_->GetCustomer("C-erase").status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->ListTouchpoints("C-erase", std::nullopt)->empty());
  EXPECT_TRUE(store_->SearchCustomers("zyqxname", 10)->empty());
  EXPECT_EQ(*store_->CountTouchpoints(), 1);
  EXPECT_TRUE(store_->GetCustomer("C-keep").ok());

  // The address is free again: the next contact from it starts a new prospect.
  auto next = store_->RecordTouchpoints({FromAddress("n1", {Address::Kind::kEmail, kEmailMarker}, 1)});
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE((*next)[0].created_prospect);
}

TEST_F(EraseCustomerTest, AuditRowsNowCarryThePseudonym) {
  ASSERT_TRUE(store_->EraseCustomer("C-erase", "X-pseudo", Audit("EraseCustomer")).ok());
  EXPECT_TRUE(store_->ListForCustomer("C-erase")->empty());
  auto records = store_->ListForCustomer("X-pseudo");
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 4u);  // 2 upserts, 1 read, the erasure itself
  EXPECT_THAT(*records, Each(Field(&AuditRecord::customer_id, "X-pseudo")));
  EXPECT_EQ(records->back().action, "EraseCustomer");
  EXPECT_EQ(DatabaseBytes().find("C-erase"), std::string::npos);
}

TEST_F(EraseCustomerTest, UnknownCustomerIsNotFound) {
  EXPECT_EQ(store_->EraseCustomer("C-none", "X-p", Audit("EraseCustomer")).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace journeydesk::store::testing
