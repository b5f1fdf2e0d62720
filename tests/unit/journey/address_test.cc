// Identity resolution starts with one spelling per address: whatever a channel sends, the
// same person's email, phone number or chat handle normalises to the same value.
#include "journey/address.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace journeydesk::journey {
namespace {

using ::testing::HasSubstr;
using testing_support::Message;
using Kind = store::Address::Kind;

struct Normalised {
  const char* raw;
  Kind kind;
  const char* value;
};

class AddressNormalisation : public ::testing::TestWithParam<Normalised> {};

TEST_P(AddressNormalisation, GivesOneSpellingPerAddress) {
  absl::StatusOr<store::Address> address = NormalizeAddress(GetParam().raw);
  ASSERT_TRUE(address.ok()) << GetParam().raw << ": " << address.status();
  EXPECT_EQ(address->kind, GetParam().kind) << GetParam().raw;
  EXPECT_EQ(address->value, GetParam().value) << GetParam().raw;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddressNormalisation,
    ::testing::Values(
        Normalised{"  Anna.Jansen@Example.COM ", Kind::kEmail, "anna.jansen@example.com"},
        Normalised{"mailto:Anna@Example.com", Kind::kEmail, "anna@example.com"},
        Normalised{"EMAIL:anna@example.com", Kind::kEmail, "anna@example.com"},
        Normalised{"+31 (20) 123-4567", Kind::kPhone, "+31201234567"},
        Normalised{"+44 (0)20 7946 0018", Kind::kPhone, "+442079460018"},
        Normalised{"020 123 45 67", Kind::kPhone, "0201234567"},
        Normalised{"020.123.4567", Kind::kPhone, "0201234567"},
        Normalised{"tel:+44 20 7946 0958", Kind::kPhone, "+442079460958"},
        Normalised{"phone:06-12345678", Kind::kPhone, "0612345678"},
        Normalised{"@Anna_J", Kind::kChatHandle, "anna_j"},
        Normalised{"anna.j-88", Kind::kChatHandle, "anna.j-88"},
        // An explicit prefix wins over what the value looks like.
        Normalised{"chat:12345678", Kind::kChatHandle, "12345678"},
        Normalised{"chat:@Anna", Kind::kChatHandle, "anna"}));

struct Refused {
  const char* raw;
  const char* reason;
};

class AddressRefusal : public ::testing::TestWithParam<Refused> {};

TEST_P(AddressRefusal, SaysWhatIsWrong) {
  absl::StatusOr<store::Address> address = NormalizeAddress(GetParam().raw);
  ASSERT_EQ(address.status().code(), absl::StatusCode::kInvalidArgument) << GetParam().raw;
  EXPECT_THAT(Message(address), HasSubstr(GetParam().reason)) << GetParam().raw;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AddressRefusal,
    ::testing::Values(Refused{"", "address is empty"},
                      Refused{"   ", "address is empty"},
                      Refused{"anna@example", "domain with a dot"},
                      Refused{"anna@@example.com", "exactly one '@'"},
                      Refused{"anna@example..com", "'..'"},
                      Refused{"anna smith@example.com", "spaces"},
                      Refused{"mailto:", "email address is empty"},
                      Refused{"+31 12", "6 to 15 digits, got 4"},
                      Refused{"1234567890123456", "6 to 15 digits, got 16"},
                      Refused{"+31 20 ABC", "only a leading '+', digits"},
                      Refused{"tel:", "phone number is empty"},
                      Refused{"a", "2 to 64 characters, got 1"},
                      Refused{"anna#1", "letters, digits, '.', '_' and '-'"},
                      Refused{"@", "2 to 64 characters, got 0"}));

TEST(AddressNormalisation, ProfileFieldsUseTheSameRules) {
  EXPECT_EQ(*NormalizeEmail(" Bob@Mail.Example.org"), "bob@mail.example.org");
  EXPECT_EQ(*NormalizePhone("+1 (555) 010-9999"), "+15550109999");
  EXPECT_EQ(*NormalizeChatHandle("@Bob"), "bob");
  EXPECT_FALSE(NormalizeEmail("bob").ok());
  EXPECT_FALSE(NormalizePhone("bob").ok());
  EXPECT_FALSE(NormalizeChatHandle("bob@example.com").ok());
}

TEST(AddressNormalisation, ErrorsDoNotRepeatThePersonalData) {
  absl::StatusOr<store::Address> address = NormalizeAddress("secret.person@nodot");
  ASSERT_FALSE(address.ok());
  EXPECT_THAT(Message(address), ::testing::Not(HasSubstr("secret")));
}

}  // namespace
}  // namespace journeydesk::journey
