// The demo population is what a new user sees first: it must be reproducible, plausible
// and contain every situation the next-best-action engine acts on, early in the list.

#include "demo/demo_population.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <gtest/gtest.h>

#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace journeydesk::demo {
namespace {

using v1::Touchpoint;

const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2026, 11, 23, 10, 30, 0), absl::UTCTimeZone());
constexpr absl::Duration kDay = absl::Hours(24);

struct Population {
  std::vector<DemoBatch> batches;
  std::vector<v1::Customer> customers;
  std::vector<DemoConsent> consents;
  std::map<std::string, std::vector<Touchpoint>> journeys;  // by customer id, in batch order
};

Population Generate(const DemoOptions& options) {
  Population population;
  const absl::Status status = GenerateDemoPopulation(options, [&](const DemoBatch& batch) {
    population.batches.push_back(batch);
    return absl::OkStatus();
  });
  EXPECT_TRUE(status.ok()) << status;
  for (const DemoBatch& batch : population.batches) {
    population.customers.insert(population.customers.end(), batch.customers.begin(), batch.customers.end());
    population.consents.insert(population.consents.end(), batch.consents.begin(), batch.consents.end());
    for (const Touchpoint& tp : batch.touchpoints) population.journeys[tp.customer_id()].push_back(tp);
  }
  return population;
}

// Map fields make plain serialization order unspecified; deterministic mode fixes it.
std::string Bytes(const std::vector<DemoBatch>& batches) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  for (const DemoBatch& batch : batches) {
    for (const auto& customer : batch.customers) customer.SerializeToCodedStream(&coded);
    for (const auto& consent : batch.consents) {
      coded.WriteString(consent.customer_id + (consent.profiling ? "P" : "-") + (consent.marketing ? "M" : "-"));
    }
    for (const auto& touchpoint : batch.touchpoints) touchpoint.SerializeToCodedStream(&coded);
  }
  coded.Trim();
  return out;
}

absl::Time At(const Touchpoint& tp) { return absl::FromUnixSeconds(tp.occurred_at().seconds()); }

absl::Time ContractEnd(const v1::Customer& customer) {
  absl::CivilDay day;
  const auto it = customer.attributes().find("contract_end");
  if (it == customer.attributes().end() || !absl::ParseCivilTime(it->second, &day)) {
    return absl::InfinitePast();
  }
  return absl::FromCivil(day, absl::UTCTimeZone());
}

const Touchpoint* Last(const std::vector<Touchpoint>& journey, std::string_view kind) {
  const Touchpoint* last = nullptr;
  for (const auto& tp : journey) {
    if (tp.kind() == kind) last = &tp;
  }
  return last;
}

bool AnyAfter(const std::vector<Touchpoint>& journey, absl::Time t, std::set<std::string> kinds) {
  return std::any_of(journey.begin(), journey.end(),
                     [&](const Touchpoint& tp) { return At(tp) > t && kinds.count(tp.kind()) > 0; });
}

bool IsInboundContact(const Touchpoint& tp) {
  return tp.kind() == "call_inbound" || tp.kind() == "chat_inbound" || tp.kind() == "email_inbound";
}

// Why `customer` does not show its scenario; empty if it does.
std::string MissingEvidence(DemoScenario scenario, const v1::Customer& customer,
                            const std::vector<Touchpoint>& journey) {
  switch (scenario) {
    case DemoScenario::kRateCardNearContractEnd: {
      const Touchpoint* view = Last(journey, "viewed_rate_card");
      if (view == nullptr || At(*view) < kNow - 14 * kDay) return "no viewed_rate_card in the last 14 days";
      const absl::Time end = ContractEnd(customer);
      if (end < kNow - kDay || end > kNow + 60 * kDay) return "contract_end not within 60 days";
      return "";
    }
    case DemoScenario::kRecentDetractor:
      for (const auto& tp : journey) {
        if (tp.kind() == "nps_response" && tp.has_nps() && tp.nps() <= 6 && At(tp) >= kNow - 14 * kDay) return "";
      }
      return "no NPS 0-6 in the last 14 days";
    case DemoScenario::kRepeatContacts:
      for (size_t i = 0; i < journey.size(); ++i) {
        if (!IsInboundContact(journey[i])) continue;
        int within_week = 0;
        for (size_t j = i; j < journey.size() && At(journey[j]) - At(journey[i]) <= 7 * kDay; ++j) {
          if (IsInboundContact(journey[j])) ++within_week;
        }
        if (within_week >= 3 && At(journey[i]) >= kNow - 14 * kDay) return "";
      }
      return "no 3 inbound contacts within 7 days recently";
    case DemoScenario::kChannelSwitch:
      for (const auto& chat : journey) {
        if (chat.kind() != "chat_inbound" || chat.channel() != "chat" || At(chat) < kNow - 14 * kDay) continue;
        for (const auto& call : journey) {
          if (call.channel() == "phone" && At(call) > At(chat) && At(call) - At(chat) <= 24 * absl::Hours(1)) return "";
        }
      }
      return "no chat followed by a phone call within 24 hours recently";
    case DemoScenario::kLapsed:
      if (customer.lifecycle_state() != v1::LIFECYCLE_LAPSED) return "lifecycle is not LAPSED";
      if (ContractEnd(customer) > kNow - 90 * kDay) return "contract ended less than 90 days ago";
      if (Last(journey, "contract_ended") == nullptr) return "no contract_ended";
      if (At(journey.back()) > kNow - 60 * kDay) return "activity in the last 60 days";
      return "";
    case DemoScenario::kFailedPayment: {
      const Touchpoint* failed = Last(journey, "payment_failed");
      if (failed == nullptr || At(*failed) < kNow - 14 * kDay) return "no payment_failed in the last 14 days";
      if (AnyAfter(journey, At(*failed), {"payment_succeeded", "payment"})) return "payment was fixed";
      return "";
    }
    case DemoScenario::kIncompleteOnboarding: {
      const Touchpoint* delivered = Last(journey, "device_delivered");
      const Touchpoint* failed = Last(journey, "activation_failed");
      if (delivered == nullptr || failed == nullptr) return "no delivery or no failed activation";
      if (At(*failed) > kNow - 7 * kDay) return "activation failed less than a week ago";
      if (AnyAfter(journey, At(*delivered), {"activation", "onboarding_completed"})) return "onboarding completed";
      return "";
    }
    case DemoScenario::kOpenComplaint: {
      const Touchpoint* complaint = Last(journey, "complaint");
      if (complaint == nullptr || At(*complaint) < kNow - 21 * kDay) return "no complaint in the last 21 days";
      if (AnyAfter(journey, At(*complaint), {"complaint_resolved"})) return "complaint resolved";
      return "";
    }
    case DemoScenario::kHappyPromoter: {
      const Touchpoint* nps = Last(journey, "nps_response");
      if (nps == nullptr || nps->nps() < 9 || At(*nps) < kNow - 60 * kDay) return "last NPS is not a recent 9-10";
      if (Last(journey, "complaint") != nullptr) return "has a complaint";
      if (customer.lifecycle_state() != v1::LIFECYCLE_ACTIVE) return "not ACTIVE";
      return "";
    }
    case DemoScenario::kProspect:
      if (customer.lifecycle_state() != v1::LIFECYCLE_PROSPECT) return "lifecycle is not PROSPECT";
      if (Last(journey, "purchase") != nullptr || Last(journey, "order_placed") != nullptr) return "bought something";
      return "";
    case DemoScenario::kWonBack:
      if (customer.lifecycle_state() != v1::LIFECYCLE_WON_BACK) return "lifecycle is not WON_BACK";
      if (Last(journey, "lapsed") == nullptr || Last(journey, "reactivation") == nullptr) return "no lapse and return";
      if (At(*Last(journey, "reactivation")) < At(*Last(journey, "lapsed"))) return "returned before lapsing";
      return "";
    case DemoScenario::kClosed:
      if (customer.lifecycle_state() != v1::LIFECYCLE_CLOSED) return "lifecycle is not CLOSED";
      if (Last(journey, "cancellation_request") == nullptr) return "no cancellation_request";
      return "";
    case DemoScenario::kOrdinary:
      return customer.lifecycle_state() == v1::LIFECYCLE_ACTIVE ? "" : "ordinary customer not ACTIVE";
  }
  return "unknown scenario";
}

class DemoPopulationTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    DemoOptions options;
    options.now = kNow;
    population_ = new Population(Generate(options));
  }
  static void TearDownTestSuite() {
    delete population_;
    population_ = nullptr;
  }
  static const Population& population() { return *population_; }

 private:
  static Population* population_;
};

Population* DemoPopulationTest::population_ = nullptr;

TEST_F(DemoPopulationTest, SameSeedAndNowGiveIdenticalBytes) {
  DemoOptions options;
  options.now = kNow;
  EXPECT_EQ(Bytes(Generate(options).batches), Bytes(population().batches));
}

TEST_F(DemoPopulationTest, DifferentSeedGivesDifferentPopulation) {
  DemoOptions options;
  options.now = kNow;
  options.customers = 50;
  options.seed = 7;
  const std::string other = Bytes(Generate(options).batches);
  options.seed = 8;
  EXPECT_NE(Bytes(Generate(options).batches), other);
}

TEST_F(DemoPopulationTest, DefaultIsTwoThousandCustomersInIdOrder) {
  ASSERT_EQ(population().customers.size(), 2000u);
  ASSERT_EQ(population().consents.size(), 2000u);
  for (size_t i = 0; i < population().customers.size(); ++i) {
    EXPECT_EQ(population().customers[i].id(), DemoCustomerId(static_cast<int>(i)));
    EXPECT_EQ(population().consents[i].customer_id, population().customers[i].id());
  }
  EXPECT_EQ(population().customers.front().id(), "C-000001");
}

TEST_F(DemoPopulationTest, BatchesHoldTheirCustomersBeforeAtMostAThousandTouchpoints) {
  for (const DemoBatch& batch : population().batches) {
    EXPECT_LE(batch.touchpoints.size(), 1000u);
    std::set<std::string> ids;
    for (const auto& customer : batch.customers) ids.insert(customer.id());
    for (const auto& tp : batch.touchpoints) EXPECT_EQ(ids.count(tp.customer_id()), 1u) << tp.id();
  }
}

TEST_F(DemoPopulationTest, EveryJourneyHasFiveToSixtyTouchpointsInOrderAndNoneInTheFuture) {
  absl::flat_hash_set<std::string> ids;
  for (const auto& customer : population().customers) {
    const auto& journey = population().journeys.at(customer.id());
    EXPECT_GE(journey.size(), 5u) << customer.id();
    EXPECT_LE(journey.size(), 60u) << customer.id();
    for (size_t i = 0; i < journey.size(); ++i) {
      const Touchpoint& tp = journey[i];
      EXPECT_TRUE(ids.insert(tp.id()).second) << "duplicate id " << tp.id();
      EXPECT_LE(At(tp), kNow) << tp.id();
      EXPECT_GE(At(tp), kNow - 800 * kDay) << tp.id();
      EXPECT_TRUE(tp.stage().empty()) << tp.id();
      EXPECT_FALSE(tp.summary().empty()) << tp.id();
      EXPECT_EQ(tp.summary().find('{'), std::string::npos) << "unfilled placeholder: " << tp.summary();
      if (i > 0) {
        EXPECT_LE(At(journey[i - 1]), At(tp)) << tp.id();
      }
    }
  }
  EXPECT_EQ(population().journeys.at("C-000001").front().id(), "demo-C-000001-0001");
}

TEST_F(DemoPopulationTest, EmailsPhonesAndChatHandlesAreUnique) {
  absl::flat_hash_set<std::string> addresses;
  int with_chat = 0;
  for (const auto& customer : population().customers) {
    ASSERT_EQ(customer.emails_size(), 1) << customer.id();
    ASSERT_EQ(customer.phones_size(), 1) << customer.id();
    EXPECT_TRUE(addresses.insert(customer.emails(0)).second) << customer.emails(0);
    EXPECT_TRUE(addresses.insert(customer.phones(0)).second) << customer.phones(0);
    for (const auto& handle : customer.chat_handles()) {
      EXPECT_TRUE(addresses.insert(handle).second) << handle;
      ++with_chat;
    }
    EXPECT_EQ(customer.phones(0).find_first_not_of("+0123456789"), std::string::npos) << customer.phones(0);
  }
  EXPECT_GT(with_chat, 400);
}

TEST_F(DemoPopulationTest, NamesAreVaried) {
  std::set<std::string> first_names;
  for (const auto& customer : population().customers) {
    first_names.insert(customer.display_name().substr(0, customer.display_name().find(' ')));
  }
  EXPECT_GT(first_names.size(), 150u);
}

TEST_F(DemoPopulationTest, ContractEndsSpreadFromAYearAgoToTwoYearsAhead) {
  absl::Time earliest = absl::InfiniteFuture();
  absl::Time latest = absl::InfinitePast();
  for (const auto& customer : population().customers) {
    EXPECT_FALSE(customer.attributes().at("segment").empty());
    if (customer.lifecycle_state() == v1::LIFECYCLE_PROSPECT) continue;
    EXPECT_FALSE(customer.attributes().at("plan").empty()) << customer.id();
    const absl::Time end = ContractEnd(customer);
    ASSERT_NE(end, absl::InfinitePast()) << customer.id();
    earliest = std::min(earliest, end);
    latest = std::max(latest, end);
  }
  EXPECT_GE(earliest, kNow - 367 * kDay);
  EXPECT_LE(earliest, kNow - 250 * kDay);
  EXPECT_LE(latest, kNow + 733 * kDay);
  EXPECT_GE(latest, kNow + 600 * kDay);
}

TEST_F(DemoPopulationTest, AboutSeventyPercentConsentToProfiling) {
  int profiling = 0;
  for (const auto& consent : population().consents) profiling += consent.profiling ? 1 : 0;
  EXPECT_GT(profiling, 1300);
  EXPECT_LT(profiling, 1500);
}

TEST_F(DemoPopulationTest, EveryChannelAndEveryStageMapKindIsUsed) {
  std::set<std::string> channels;
  std::set<std::string> kinds;
  for (const auto& [id, journey] : population().journeys) {
    for (const auto& tp : journey) {
      channels.insert(tp.channel());
      kinds.insert(tp.kind());
    }
  }
  EXPECT_EQ(channels, (std::set<std::string>{"email", "chat", "phone", "web", "app", "store", "sms", "social"}));
  for (const char* kind :
       {"viewed_rate_card", "viewed_price_page", "page_view", "search", "brochure_request", "quote_requested",
        "offer_viewed", "comparison_viewed", "purchase", "order_placed", "contract_signed", "payment",
        "payment_failed", "payment_succeeded", "delivery_scheduled", "delivery_failed", "device_delivered",
        "activation", "activation_failed", "onboarding_step", "onboarding_completed", "welcome_call", "usage",
        "bill_issued", "bill_shock", "call_inbound", "email_inbound", "chat_inbound", "complaint",
        "complaint_resolved", "fault_reported", "technician_visit", "contract_renewal_notice", "renewal",
        "plan_change", "cancellation_request", "contract_ended", "lapsed", "winback_offer", "reactivation",
        "nps_response"}) {
    EXPECT_EQ(kinds.count(kind), 1u) << kind;
  }
}

TEST_F(DemoPopulationTest, AssistedContactsCarryAgentAndContactIds) {
  for (const auto& [id, journey] : population().journeys) {
    for (const auto& tp : journey) {
      if (tp.kind() != "call_inbound") continue;
      EXPECT_EQ(tp.agent_id().rfind("agent-", 0), 0u) << tp.id();
      EXPECT_FALSE(tp.contact_id().empty()) << tp.id();
      EXPECT_NE(tp.outcome(), v1::OUTCOME_UNSPECIFIED) << tp.id();
    }
  }
}

TEST_F(DemoPopulationTest, FirstTwentyCustomersCoverEveryScenario) {
  std::set<DemoScenario> seen;
  for (int i = 0; i < 20; ++i) seen.insert(ScenarioOf(i));
  EXPECT_EQ(seen.size(), static_cast<size_t>(kDemoScenarioCount));
}

TEST_F(DemoPopulationTest, EveryCustomerShowsTheEvidenceOfItsScenario) {
  for (size_t i = 0; i < population().customers.size(); ++i) {
    const v1::Customer& customer = population().customers[i];
    const DemoScenario scenario = ScenarioOf(static_cast<int>(i));
    EXPECT_EQ(MissingEvidence(scenario, customer, population().journeys.at(customer.id())), "")
        << customer.id() << " (" << ScenarioName(scenario) << ")";
  }
}

TEST(DemoScenarioTest, ScenariosComeInKnownProportions) {
  std::map<DemoScenario, int> counts;
  for (int i = 20; i < 2020; ++i) ++counts[ScenarioOf(i)];
  EXPECT_EQ(counts[DemoScenario::kRateCardNearContractEnd], 120);
  EXPECT_EQ(counts[DemoScenario::kHappyPromoter], 200);
  EXPECT_EQ(counts[DemoScenario::kOrdinary], 800);
  EXPECT_EQ(counts[DemoScenario::kClosed], 20);
}

TEST(DemoOptionsTest, RejectsUnsetNowAndBadCounts) {
  auto ignore = [](const DemoBatch&) { return absl::OkStatus(); };
  EXPECT_EQ(GenerateDemoPopulation(DemoOptions{}, ignore).code(), absl::StatusCode::kInvalidArgument);
  DemoOptions options;
  options.now = kNow;
  options.customers = 0;
  EXPECT_EQ(GenerateDemoPopulation(options, ignore).code(), absl::StatusCode::kInvalidArgument);
}

TEST(DemoOptionsTest, StopsAtTheFirstSinkError) {
  DemoOptions options;
  options.now = kNow;
  options.customers = 200;
  int calls = 0;
  const absl::Status status = GenerateDemoPopulation(options, [&](const DemoBatch&) {
    ++calls;
    return absl::UnavailableError("journeyd went away");
  });
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace journeydesk::demo
