#ifndef JOURNEYDESK_SERVER_STUB_DEMO_DEMO_POPULATION_H_
#define JOURNEYDESK_SERVER_STUB_DEMO_DEMO_POPULATION_H_

// A deterministic demo population for a telecom-like subscription business: customers
// with realistic names and addresses, and 5–60 touchpoints each over the last two years,
// across every channel and stage. Pure: no storage, no network; `jdctl demo` feeds the
// batches to journeyd.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::demo {

struct DemoOptions {
  int customers = 2000;       // 1 .. 999,999 (ids are "C-000001" …)
  uint64_t seed = 20261123;   // same seed + same `now` → byte-identical population
  absl::Time now;             // must be set; no touchpoint occurs after it
};

// Consent is not settable through Customer on upsert; the loader calls SetConsent with this.
struct DemoConsent {
  std::string customer_id;
  bool profiling = false;
  bool marketing = false;
};

// One call's worth of data. Store `customers` (and `consents`) before `touchpoints`:
// every touchpoint belongs to a customer of the same batch.
struct DemoBatch {
  std::vector<v1::Customer> customers;
  std::vector<DemoConsent> consents;        // one per customer, same order
  std::vector<v1::Touchpoint> touchpoints;  // at most kMaxTouchpointsPerBatch
};

inline constexpr int kMaxTouchpointsPerBatch = 1000;

// The situation a next-best-action engine should act on that a customer was built to show.
// Depends only on the customer's index (not on the seed), so a demo script can rely on it.
enum class DemoScenario {
  kOrdinary,                 // an active customer with an unremarkable history
  kRateCardNearContractEnd,  // viewed the rate card in the last days, contract ends ≤ 60 days
  kRecentDetractor,          // NPS 0–6 in the last two weeks, after a bad experience
  kRepeatContacts,           // 3+ inbound contacts about one issue within 7 days, recently
  kChannelSwitch,            // an unresolved chat, then a phone call within 24 h, recently
  kLapsed,                   // contract ended months ago, no activity for months, LAPSED
  kFailedPayment,            // a payment failed in the last two weeks and is not yet paid
  kIncompleteOnboarding,     // device delivered, activation failed over a week ago, not done
  kOpenComplaint,            // a complaint in the last weeks without complaint_resolved
  kHappyPromoter,            // NPS 9–10 recently, nothing open: an upsell candidate
  kProspect,                 // only searched and compared; no purchase yet (PROSPECT)
  kWonBack,                  // lapsed, took a win-back offer and came back (WON_BACK)
  kClosed,                   // cancelled; the relationship ended (CLOSED)
};
inline constexpr int kDemoScenarioCount = 13;

// Scenario of the customer at 0-based `customer_index` ("C-000001" is index 0). The first
// 20 customers cover every scenario; beyond them each block of 100 holds, in a fixed
// shuffled order: 6 rate card, 6 detractor, 5 repeat contacts, 5 channel switch, 8 lapsed,
// 4 failed payment, 3 incomplete onboarding, 5 open complaint, 10 promoter, 4 prospect,
// 3 won back, 1 closed and 40 ordinary.
DemoScenario ScenarioOf(int customer_index);

// A stable snake_case name, e.g. "rate_card_near_contract_end".
std::string_view ScenarioName(DemoScenario scenario);

// "C-000001" for index 0.
std::string DemoCustomerId(int customer_index);

// One generated customer with its whole journey, ordered by occurred_at.
struct DemoCustomer {
  v1::Customer customer;
  DemoConsent consent;
  DemoScenario scenario = DemoScenario::kOrdinary;
  std::vector<v1::Touchpoint> touchpoints;
};

// Generates the customer at `customer_index`; independent of the other customers.
DemoCustomer GenerateDemoCustomer(const DemoOptions& options, int customer_index);

// Calls `sink` with batches (customers first, then their touchpoints, at most
// kMaxTouchpointsPerBatch touchpoints per call), in a fixed order; stops and returns the
// first error `sink` returns. INVALID_ARGUMENT if `options` is out of range or `now` unset.
absl::Status GenerateDemoPopulation(const DemoOptions& options,
                                    const std::function<absl::Status(const DemoBatch&)>& sink);

}  // namespace journeydesk::demo

#endif  // JOURNEYDESK_SERVER_STUB_DEMO_DEMO_POPULATION_H_
