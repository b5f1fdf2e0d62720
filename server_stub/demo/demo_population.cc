#include "demo/demo_population.h"

#include <array>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "demo/demo_random.h"

namespace journeydesk::demo {
namespace {

using S = DemoScenario;

constexpr int kMaxCustomers = 999'999;
constexpr int kBlockSize = 100;

// The first 20 customers: every scenario within the first 13, so a demo finds them at once.
constexpr std::array<DemoScenario, 20> kFirstCustomers = {
    S::kRateCardNearContractEnd, S::kRecentDetractor, S::kOrdinary, S::kRepeatContacts,
    S::kChannelSwitch, S::kFailedPayment, S::kOrdinary, S::kOpenComplaint,
    S::kIncompleteOnboarding, S::kLapsed, S::kHappyPromoter, S::kOrdinary,
    S::kWonBack, S::kProspect, S::kRateCardNearContractEnd, S::kHappyPromoter,
    S::kClosed, S::kRecentDetractor, S::kOrdinary, S::kLapsed};

// How many of each 100 customers (after the first 20) get each scenario.
constexpr std::array<std::pair<DemoScenario, int>, kDemoScenarioCount> kShareOfHundred = {{
    {S::kRateCardNearContractEnd, 6}, {S::kRecentDetractor, 6}, {S::kRepeatContacts, 5},
    {S::kChannelSwitch, 5}, {S::kLapsed, 8}, {S::kFailedPayment, 4},
    {S::kIncompleteOnboarding, 3}, {S::kOpenComplaint, 5}, {S::kHappyPromoter, 10},
    {S::kProspect, 4}, {S::kWonBack, 3}, {S::kClosed, 1}, {S::kOrdinary, 40},
}};

// The shares above, shuffled once with a fixed seed so scenarios are spread out.
const std::array<DemoScenario, kBlockSize>& ScenarioBlock() {
  static const std::array<DemoScenario, kBlockSize> block = [] {
    std::array<DemoScenario, kBlockSize> b{};
    size_t next = 0;
    for (const auto& [scenario, count] : kShareOfHundred) {
      for (int i = 0; i < count; ++i) b[next++] = scenario;
    }
    DemoRandom rng(0x5CE7A210);
    for (size_t i = b.size() - 1; i > 0; --i) {
      std::swap(b[i], b[static_cast<size_t>(rng.Uniform(0, static_cast<int64_t>(i)))]);
    }
    return b;
  }();
  return block;
}

// Moves `customers` (and their consents and touchpoints) into `batch` order.
void Append(DemoCustomer&& customer, DemoBatch* batch) {
  batch->customers.push_back(std::move(customer.customer));
  batch->consents.push_back(std::move(customer.consent));
  for (auto& touchpoint : customer.touchpoints) batch->touchpoints.push_back(std::move(touchpoint));
}

}  // namespace

DemoScenario ScenarioOf(int customer_index) {
  if (customer_index < 0) return S::kOrdinary;
  if (customer_index < static_cast<int>(kFirstCustomers.size())) {
    return kFirstCustomers[static_cast<size_t>(customer_index)];
  }
  return ScenarioBlock()[static_cast<size_t>((customer_index - kFirstCustomers.size()) % kBlockSize)];
}

std::string_view ScenarioName(DemoScenario scenario) {
  switch (scenario) {
    case S::kOrdinary: return "ordinary";
    case S::kRateCardNearContractEnd: return "rate_card_near_contract_end";
    case S::kRecentDetractor: return "recent_detractor";
    case S::kRepeatContacts: return "repeat_contacts";
    case S::kChannelSwitch: return "channel_switch";
    case S::kLapsed: return "lapsed";
    case S::kFailedPayment: return "failed_payment";
    case S::kIncompleteOnboarding: return "incomplete_onboarding";
    case S::kOpenComplaint: return "open_complaint";
    case S::kHappyPromoter: return "happy_promoter";
    case S::kProspect: return "prospect";
    case S::kWonBack: return "won_back";
    case S::kClosed: return "closed";
  }
  return "unknown";
}

std::string DemoCustomerId(int customer_index) {
  return absl::StrFormat("C-%06d", customer_index + 1);
}

absl::Status GenerateDemoPopulation(const DemoOptions& options,
                                    const std::function<absl::Status(const DemoBatch&)>& sink) {
  if (options.customers < 1 || options.customers > kMaxCustomers) {
    return absl::InvalidArgumentError(absl::StrCat(
        "demo population: customers must be between 1 and ", kMaxCustomers, ", got ", options.customers));
  }
  if (options.now == absl::Time() || options.now == absl::InfinitePast() ||
      options.now == absl::InfiniteFuture()) {
    return absl::InvalidArgumentError(
        "demo population: `now` is not set; pass the current time (e.g. absl::Now())");
  }
  DemoBatch batch;
  for (int index = 0; index < options.customers; ++index) {
    DemoCustomer customer = GenerateDemoCustomer(options, index);
    if (batch.touchpoints.size() + customer.touchpoints.size() >
        static_cast<size_t>(kMaxTouchpointsPerBatch)) {
      if (absl::Status status = sink(batch); !status.ok()) return status;
      batch = DemoBatch();
    }
    Append(std::move(customer), &batch);
  }
  if (!batch.customers.empty()) return sink(batch);
  return absl::OkStatus();
}

}  // namespace journeydesk::demo
