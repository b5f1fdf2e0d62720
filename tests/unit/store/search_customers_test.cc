#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using SearchCustomersTest = StoreTest;

class SearchFixture : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    v1::Customer ada = Customer("C-ada", "Ada Lovelace");
    ada.add_emails("ada@analytical.org");
    ada.add_phones("+442071234567");
    ada.add_chat_handles("@countess");
    Upsert(ada);
    v1::Customer adam = Customer("C-adam", "Adam Smith");
    adam.add_emails("adam.smith@wealth.org");
    Upsert(adam);
    Upsert(Customer("C-bob", "Bob Lovelace-Byron"));
  }

  std::vector<std::string> Ids(const std::string& query, int limit = 20) {
    auto hits = store_->SearchCustomers(query, limit);
    EXPECT_TRUE(hits.ok()) << hits.status();
    std::vector<std::string> ids;
    if (hits.ok()) {
      for (const SearchHit& hit : *hits) ids.push_back(hit.customer.id());
    }
    return ids;
  }
};

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST_F(SearchFixture, PrefixOfANameWordFindsTheCustomerCaseInsensitively) {
  EXPECT_THAT(Ids("LOVEL"), UnorderedElementsAre("C-ada", "C-bob"));
  EXPECT_THAT(Ids("byr"), ElementsAre("C-bob")) << "parts of hyphenated names are words";
}

TEST_F(SearchFixture, EmailPrefixFindsTheCustomerAndSaysWhatMatched) {
  auto hits = store_->SearchCustomers("ada@ana", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].customer.id(), "C-ada");
  EXPECT_EQ((*hits)[0].matched_field, "email");
  EXPECT_EQ((*hits)[0].matched_value, "ada@analytical.org");
}

TEST_F(SearchFixture, PhoneIsFoundByItsDigitsWhateverTheFormatting) {
  EXPECT_THAT(Ids("+44 20"), ::testing::IsEmpty()) << "every word must match";
  EXPECT_THAT(Ids("+44207"), ElementsAre("C-ada"));
  EXPECT_THAT(Ids("(44)207-123"), ElementsAre("C-ada"));
  EXPECT_THAT(Ids("4420712"), ElementsAre("C-ada"));
}

TEST_F(SearchFixture, ChatHandleWithOrWithoutAtSign) {
  EXPECT_THAT(Ids("@count"), ElementsAre("C-ada"));
  EXPECT_THAT(Ids("counte"), ElementsAre("C-ada"));
}

TEST_F(SearchFixture, IdPrefixFindsTheCustomer) {
  EXPECT_THAT(Ids("c-bo"), ElementsAre("C-bob"));
}

TEST_F(SearchFixture, ExactMatchRanksBeforePrefixMatch) {
  // "ada" is Ada's whole first name but only a prefix of "adam".
  EXPECT_THAT(Ids("ada"), ElementsAre("C-ada", "C-adam"));
  auto hits = store_->SearchCustomers("ada", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);
}

TEST_F(SearchFixture, LimitIsRespected) {
  EXPECT_EQ(Ids("ada", 1).size(), 1u);
  EXPECT_EQ(Ids("c-", 2).size(), 2u);
}

TEST_F(SearchFixture, CustomerMustMatchEveryWord) {
  EXPECT_THAT(Ids("ada lovelace"), ElementsAre("C-ada"));
  EXPECT_THAT(Ids("lovelace bob"), ElementsAre("C-bob"));
  EXPECT_THAT(Ids("ada byron"), ::testing::IsEmpty());
}

TEST_F(SearchFixture, RenamedCustomerIsFoundByTheNewNameOnly) {
  Upsert(Customer("C-bob", "Robert Stone"));
  EXPECT_THAT(Ids("byron"), ::testing::IsEmpty());
  EXPECT_THAT(Ids("stone"), ElementsAre("C-bob"));
}

TEST_F(SearchFixture, EmptyQueryFindsNothing) { EXPECT_THAT(Ids("   "), ::testing::IsEmpty()); }

}  // namespace
}  // namespace journeydesk::store::testing
