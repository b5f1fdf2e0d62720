#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/search_terms.h"

namespace journeydesk::store {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;

TEST(PrefixUpperBound, IsTheNextStringAfterEveryExtensionOfThePrefix) {
  EXPECT_EQ(PrefixUpperBound("ab"), "ac");
  EXPECT_EQ(PrefixUpperBound(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixUpperBound(std::string("\xff\xff", 2)), std::nullopt);
}

TEST(QueryKeys, PhoneLikeWordsAreAlsoLookedUpByDigits) {
  EXPECT_THAT(QueryKeys("+49(151)"), ElementsAre("+49(151)", "49151"));
  EXPECT_THAT(QueryKeys("anna"), ElementsAre("anna"));
  EXPECT_THAT(QueryKeys("4915"), ElementsAre("4915"));
}

TEST(SearchTermsFor, IndexesIdNameWordsAddressesLowerCased) {
  v1::Customer customer;
  customer.set_id("C-AbC");
  customer.set_display_name("Anne-Marie  O'Neil");
  customer.add_emails("Anne@Example.com");
  customer.add_phones("+33 6 12");
  customer.add_chat_handles("@AnneM");
  std::vector<SearchTerm> terms = SearchTermsFor(customer);
  auto has = [&](const std::string& term, const std::string& field) {
    EXPECT_THAT(terms, Contains(::testing::AllOf(Field(&SearchTerm::term, term),
                                                 Field(&SearchTerm::field, field))))
        << term << " as " << field;
  };
  has("c-abc", "id");
  has("anne-marie", "name");
  has("anne", "name");
  has("marie", "name");
  has("neil", "name");
  has("anne@example.com", "email");
  has("33612", "phone");
  has("@annem", "chat_handle");
  has("annem", "chat_handle");
}

TEST(MatchScore, ExactBeatsPrefixAndAddressesBeatNames) {
  EXPECT_GT(MatchScore("name", true, 3, 3), MatchScore("email", false, 3, 4));
  EXPECT_GT(MatchScore("email", true, 3, 3), MatchScore("name", true, 3, 3));
  EXPECT_GT(MatchScore("name", false, 3, 4), MatchScore("name", false, 3, 10));
}

}  // namespace
}  // namespace journeydesk::store
