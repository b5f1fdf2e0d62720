// What journeyd accepts: every rule refuses with the field it concerns and the rule broken,
// so an integrator fixes the sender without guessing.
#include "journey/touchpoint_validation.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "journey/default_stage_map.h"
#include "test_support.h"

namespace journeydesk::journey {
namespace {

using testing_support::Message;

const absl::Time kNow = absl::FromUnixSeconds(1'750'000'000);  // 2025-06-15T15:06:40Z

const StageResolver& Stages() {
  static const StageResolver* stages = new StageResolver(*LoadDefaultStageMap());
  return *stages;
}

v1::Touchpoint ValidTouchpoint() {
  v1::Touchpoint touchpoint;
  touchpoint.set_id("crm-4711");
  touchpoint.set_customer_id("C-0001");
  touchpoint.set_channel("chat");
  touchpoint.set_kind("chat_inbound");
  touchpoint.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(kNow - absl::Hours(1)));
  touchpoint.set_direction(v1::DIRECTION_INBOUND);
  touchpoint.set_summary("Asked about roaming charges");
  touchpoint.set_nps(9);
  touchpoint.set_effort(2);
  (*touchpoint.mutable_attributes())["contract_end"] = "2025-09-30";
  return touchpoint;
}

TEST(TouchpointValidation, AcceptsAWellFormedTouchpoint) {
  EXPECT_TRUE(ValidateTouchpoint(ValidTouchpoint(), "touchpoints[0]", kNow, Stages()).ok());
  v1::Touchpoint by_address = ValidTouchpoint();
  by_address.clear_customer_id();
  by_address.set_address("+31 20 123 4567");
  by_address.set_stage("support");
  EXPECT_TRUE(ValidateTouchpoint(by_address, "touchpoints[0]", kNow, Stages()).ok());
}

struct Rule {
  const char* name;
  void (*breaks)(v1::Touchpoint&);
  const char* message;
};

class TouchpointRules : public ::testing::TestWithParam<Rule> {};

TEST_P(TouchpointRules, NamesTheFieldAndTheRule) {
  v1::Touchpoint touchpoint = ValidTouchpoint();
  GetParam().breaks(touchpoint);
  absl::Status status = ValidateTouchpoint(touchpoint, "touchpoints[3]", kNow, Stages());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(status), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    EachRule, TouchpointRules,
    ::testing::Values(
        Rule{"IdRequired", [](v1::Touchpoint& t) { t.clear_id(); }, "touchpoints[3].id: required"},
        Rule{"IdLength", [](v1::Touchpoint& t) { t.set_id(std::string(129, 'x')); },
             "touchpoints[3].id: at most 128 characters, got 129"},
        Rule{"IdPrintable", [](v1::Touchpoint& t) { t.set_id("crm 4711"); },
             "touchpoints[3].id: must be printable ASCII without spaces"},
        Rule{"CustomerOrAddress", [](v1::Touchpoint& t) { t.clear_customer_id(); },
             "touchpoints[3].customer_id: required (or set address to an email address, phone "
             "number or chat handle)"},
        Rule{"NotBoth", [](v1::Touchpoint& t) { t.set_address("anna@example.com"); },
             "touchpoints[3]: set customer_id or address, not both"},
        Rule{"CustomerIdPattern", [](v1::Touchpoint& t) { t.set_customer_id("C 1"); },
             "touchpoints[3].customer_id: must match [A-Za-z0-9_.:-]{1,64}"},
        Rule{"AddressNormalisable",
             [](v1::Touchpoint& t) {
               t.clear_customer_id();
               t.set_address("anna@example");
             },
             "touchpoints[3].address: email address needs a domain with a dot after the '@', "
             "e.g. name@example.com"},
        Rule{"ChannelRequired", [](v1::Touchpoint& t) { t.clear_channel(); },
             "touchpoints[3].channel: required"},
        Rule{"ChannelPattern", [](v1::Touchpoint& t) { t.set_channel("Chat"); },
             "touchpoints[3].channel: must match [a-z0-9_.-]{1,32}, got \"Chat\""},
        Rule{"KindRequired", [](v1::Touchpoint& t) { t.clear_kind(); },
             "touchpoints[3].kind: required"},
        Rule{"KindPattern", [](v1::Touchpoint& t) { t.set_kind("rate-card"); },
             "touchpoints[3].kind: must match [a-z0-9_]{1,64}, got \"rate-card\""},
        Rule{"OccurredAtRequired", [](v1::Touchpoint& t) { t.clear_occurred_at(); },
             "touchpoints[3].occurred_at: required"},
        Rule{"OccurredAtValid", [](v1::Touchpoint& t) { t.mutable_occurred_at()->set_nanos(-1); },
             "touchpoints[3].occurred_at: not a valid timestamp"},
        Rule{"OccurredAtNotFarFuture",
             [](v1::Touchpoint& t) {
               t.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(kNow + absl::Hours(25)));
             },
             "touchpoints[3].occurred_at: must not be more than 24 h in the future, got "
             "2025-06-16T16:06:40Z; check the sender's clock"},
        Rule{"StageOfTheMap", [](v1::Touchpoint& t) { t.set_stage("boarding"); },
             "touchpoints[3].stage: \"boarding\" is not a stage of the stage map; leave it empty "
             "to derive it from the kind"},
        Rule{"DirectionKnown",
             [](v1::Touchpoint& t) { t.set_direction(static_cast<v1::Direction>(9)); },
             "touchpoints[3].direction: unknown value 9"},
        Rule{"NpsRange", [](v1::Touchpoint& t) { t.set_nps(11); },
             "touchpoints[3].nps: must be between 0 and 10, got 11"},
        Rule{"NpsNotNegative", [](v1::Touchpoint& t) { t.set_nps(-1); },
             "touchpoints[3].nps: must be between 0 and 10, got -1"},
        Rule{"EffortRange", [](v1::Touchpoint& t) { t.set_effort(0); },
             "touchpoints[3].effort: must be between 1 and 7, got 0"},
        Rule{"SummaryLength", [](v1::Touchpoint& t) { t.set_summary(std::string(4001, 'a')); },
             "touchpoints[3].summary: at most 4000 bytes, got 4001"},
        Rule{"SummaryUtf8", [](v1::Touchpoint& t) { t.set_summary("caf\xC3"); },
             "touchpoints[3].summary: must be valid UTF-8"},
        Rule{"AttributeCount",
             [](v1::Touchpoint& t) {
               for (int i = 0; i < 64; ++i) (*t.mutable_attributes())["k" + std::to_string(i)] = "v";
             },
             "touchpoints[3].attributes: at most 64 entries, got 65"},
        Rule{"AttributeKey", [](v1::Touchpoint& t) { (*t.mutable_attributes())["Plan"] = "x"; },
             "touchpoints[3].attributes: key \"Plan\" must match [a-z0-9_]{1,64}"},
        Rule{"AttributeValueLength",
             [](v1::Touchpoint& t) { (*t.mutable_attributes())["plan"] = std::string(1025, 'x'); },
             "touchpoints[3].attributes[\"plan\"]: at most 1024 bytes, got 1025"},
        Rule{"ContractEndDate",
             [](v1::Touchpoint& t) { (*t.mutable_attributes())["contract_end"] = "30-09-2025"; },
             "touchpoints[3].attributes[\"contract_end\"]: must be a date YYYY-MM-DD, e.g. "
             "2025-03-31"},
        Rule{"ContractEndRealDate",
             [](v1::Touchpoint& t) { (*t.mutable_attributes())["contract_end"] = "2025-02-30"; },
             "touchpoints[3].attributes[\"contract_end\"]: must be a date YYYY-MM-DD, e.g. "
             "2025-03-31"}),
    [](const ::testing::TestParamInfo<Rule>& info) { return info.param.name; });

TEST(TouchpointValidation, UpToOneDayOfClockSkewIsAccepted) {
  v1::Touchpoint touchpoint = ValidTouchpoint();
  touchpoint.mutable_occurred_at()->set_seconds(absl::ToUnixSeconds(kNow + absl::Hours(23)));
  EXPECT_TRUE(ValidateTouchpoint(touchpoint, "touchpoints[0]", kNow, Stages()).ok());
}

TEST(TouchpointValidation, WithoutPrefixFieldsAreNamedBare) {
  v1::Touchpoint touchpoint = ValidTouchpoint();
  touchpoint.set_nps(12);
  EXPECT_EQ(Message(ValidateTouchpoint(touchpoint, "", kNow, Stages())),
            "nps: must be between 0 and 10, got 12");
}

TEST(TouchpointValidation, BatchLimitIsOneThousand) { EXPECT_EQ(kMaxTouchpointsPerBatch, 1000); }

v1::Customer ValidCustomer() {
  v1::Customer customer;
  customer.set_id("C-0001");
  customer.set_display_name("Anna Jansen");
  customer.add_emails("Anna@Example.com");
  customer.add_phones("+31 20 123 4567");
  customer.add_chat_handles("@anna_j");
  (*customer.mutable_attributes())["contract_end"] = "2025-09-30";
  return customer;
}

TEST(CustomerValidation, AcceptsAProfileAndANewCustomerWithoutId) {
  EXPECT_TRUE(ValidateCustomer(ValidCustomer(), "customer").ok());
  v1::Customer fresh = ValidCustomer();
  fresh.clear_id();
  EXPECT_TRUE(ValidateCustomer(fresh, "customer").ok());
}

TEST(CustomerValidation, NamesTheFieldForEachRule) {
  auto message = [](void (*breaks)(v1::Customer&)) {
    v1::Customer customer = ValidCustomer();
    breaks(customer);
    absl::Status status = ValidateCustomer(customer, "customer");
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    return Message(status);
  };
  EXPECT_EQ(message([](v1::Customer& c) { c.set_id("C/1"); }),
            "customer.id: must match [A-Za-z0-9_.:-]{1,64}");
  EXPECT_EQ(message([](v1::Customer& c) { c.set_display_name(std::string(201, 'a')); }),
            "customer.display_name: at most 200 bytes, got 201");
  EXPECT_EQ(message([](v1::Customer& c) { c.add_emails("no-at-sign"); }),
            "customer.emails[1]: email address needs an '@', e.g. name@example.com");
  EXPECT_EQ(message([](v1::Customer& c) { c.add_phones("12"); }),
            "customer.phones[1]: phone number needs 6 to 15 digits, got 2, e.g. +31 20 123 4567");
  EXPECT_EQ(message([](v1::Customer& c) { c.set_chat_handles(0, "a"); }),
            "customer.chat_handles[0]: chat handle needs 2 to 64 characters, got 1");
  EXPECT_EQ(message([](v1::Customer& c) { (*c.mutable_attributes())["contract_end"] = "soon"; }),
            "customer.attributes[\"contract_end\"]: must be a date YYYY-MM-DD, e.g. 2025-03-31");
}

}  // namespace
}  // namespace journeydesk::journey
