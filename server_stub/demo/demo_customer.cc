// GenerateDemoCustomer: one customer's profile and journey, shaped by their scenario.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "demo/demo_journey_writer.h"
#include "demo/demo_people.h"
#include "demo/demo_population.h"
#include "demo/demo_random.h"
#include "demo/demo_texts.h"

namespace journeydesk::demo {
namespace {

constexpr v1::Direction kIn = v1::DIRECTION_INBOUND;
constexpr v1::Direction kOut = v1::DIRECTION_OUTBOUND;
constexpr v1::Direction kInternal = v1::DIRECTION_INTERNAL;
constexpr int kMaxTouchpoints = 60;

struct Plan {
  const char* name;
  int fee_cents;
  int term_months;
  bool home;
  int upgrade;  // index of the plan a happy customer could move up to; -1 for none
  int weight;
};

const std::vector<Plan>& Plans() {
  static const auto* plans = new std::vector<Plan>{
      {"SIM Only 10GB", 1200, 12, false, 1, 20},
      {"SIM Only Unlimited", 2500, 12, false, -1, 12},
      {"Mobile 20GB + Handset", 3800, 24, false, 3, 20},
      {"Mobile Unlimited + Handset", 5200, 24, false, -1, 10},
      {"Home Fibre 500", 4500, 24, true, 5, 15},
      {"Home Fibre 1000", 6000, 24, true, -1, 8},
      {"Family Bundle (4 SIMs)", 7900, 24, false, -1, 8},
  };
  return *plans;
}

using Weighted = std::vector<std::pair<const char*, int>>;

const char* PickWeighted(DemoRandom& rng, const Weighted& options) {
  int total = 0;
  for (const auto& option : options) total += option.second;
  int64_t ticket = rng.Uniform(0, total - 1);
  for (const auto& [value, weight] : options) {
    if (ticket < weight) return value;
    ticket -= weight;
  }
  return options.front().first;
}

// Everything about a customer that shapes their journey.
struct Profile {
  DemoPerson person;
  int plan = 0;
  int final_plan = 0;  // after any plan change
  std::string segment;
  std::string device;
  int activity = 1;  // 0 low, 1 medium, 2 high
};

// What a scenario produced besides touchpoints.
struct Outcome {
  v1::LifecycleState lifecycle = v1::LIFECYCLE_ACTIVE;
  std::optional<absl::Time> contract_end;
};

class JourneyBuilder {
 public:
  JourneyBuilder(JourneyWriter* writer, Profile* profile)
      : w_(*writer), p_(*profile), rng_(writer->rng()), now_(writer->now()) {}

  Outcome Build(DemoScenario scenario);

 private:
  const Plan& plan() const { return Plans()[static_cast<size_t>(p_.plan)]; }
  absl::Time DaysAgo(int64_t days) const { return now_ - days * kDay; }
  // The kind's template key, preferring the home-broadband variant for home plans.
  std::string Key(std::string_view kind) const;
  absl::Time BusinessHours(absl::Time day) { return w_.OnDay(day, 8, 20); }
  absl::Time WakingHours(absl::Time day) { return w_.OnDay(day, 7, 23); }
  int DrawNps(bool happy);

  void AddDiscovery(absl::Time purchase_at);
  void AddPurchase(absl::Time at);
  void AddOnboarding(absl::Time purchase_at);
  void AddBillsAndUsage(absl::Time from, absl::Time to, bool near_limit);
  void AddSupport(absl::Time from, absl::Time to, bool happy);
  void AddEpisode(absl::Time at, bool happy);
  void AddContact(absl::Time at, std::string_view topic, bool happy);
  void AddRelationshipNps(absl::Time from, absl::Time to, bool happy);
  void AddHistory(absl::Time purchase_at, absl::Time until, bool happy);
  // Notice, then renewal or rolling on; returns the contract end in force at the end.
  absl::Time AddContractEnd(absl::Time end, absl::Time until);
  void AddLapse(absl::Time end, bool with_cancellation);

  Outcome Ordinary(bool happy);
  Outcome RateCardNearContractEnd();
  Outcome RecentDetractor();
  Outcome RepeatContacts();
  Outcome ChannelSwitch();
  Outcome Lapsed();
  Outcome FailedPayment();
  Outcome IncompleteOnboarding();
  Outcome OpenComplaint();
  Outcome HappyPromoter();
  Outcome Prospect();
  Outcome WonBack();
  Outcome Closed();

  // History up to three weeks ago, leaving the last weeks to the scenario's evidence.
  Outcome QuietRecentHistory();

  JourneyWriter& w_;
  Profile& p_;
  DemoRandom& rng_;
  absl::Time now_;
};

std::string JourneyBuilder::Key(std::string_view kind) const {
  std::string home_key = absl::StrCat(std::string(kind), ".home");
  if (plan().home && !SummaryTemplates(home_key).empty()) return home_key;
  return std::string(kind);
}

int JourneyBuilder::DrawNps(bool happy) {
  if (happy) return static_cast<int>(rng_.Uniform(8, 10));
  static const std::vector<int> kScores = {0, 1, 2, 3,  4,  5,  6,  6,  7,  7,  7,  8,  8,
                                           8, 8, 9, 9,  9,  9,  9,  9,  10, 10, 10, 10, 10};
  return rng_.Pick(kScores);
}

void JourneyBuilder::AddDiscovery(absl::Time purchase_at) {
  const int searches = static_cast<int>(rng_.Uniform(1, 3));
  for (int i = 0; i < searches; ++i) {
    const char* kind = PickWeighted(rng_, {{"page_view", 4}, {"search", 3}, {"viewed_price_page", 3},
                                           {"viewed_rate_card", 1}, {"brochure_request", 1}});
    const std::string_view k(kind);
    const char* channel = k == "brochure_request" ? PickWeighted(rng_, {{"store", 1}, {"web", 2}})
                          : k == "page_view"      ? PickWeighted(rng_, {{"web", 5}, {"app", 1}, {"social", 2}})
                                                  : PickWeighted(rng_, {{"web", 4}, {"app", 1}});
    w_.Add(kind, channel, kIn, WakingHours(purchase_at - rng_.Uniform(2, 35) * kDay), Key(kind));
  }
  const int considerations = static_cast<int>(rng_.Uniform(0, 2));
  for (int i = 0; i < considerations; ++i) {
    const char* kind = PickWeighted(rng_, {{"quote_requested", 2}, {"offer_viewed", 2}, {"comparison_viewed", 2}});
    const std::string_view k(kind);
    const absl::Time at = BusinessHours(purchase_at - rng_.Uniform(1, 10) * kDay);
    if (k == "quote_requested") {
      const char* channel = PickWeighted(rng_, {{"phone", 3}, {"chat", 3}, {"store", 2}, {"web", 1}});
      v1::Touchpoint* tp = w_.Add(kind, channel, kIn, at, Key(kind));
      if (std::string_view(channel) != "web") w_.Assist(tp, v1::OUTCOME_RESOLVED);
    } else if (k == "offer_viewed") {
      w_.Add(kind, PickWeighted(rng_, {{"email", 3}, {"social", 2}, {"sms", 1}, {"app", 1}}), kIn, at, kind);
    } else {
      w_.Add(kind, "web", kIn, at, Key(kind));
    }
  }
}

void JourneyBuilder::AddPurchase(absl::Time at) {
  const char* channel = PickWeighted(rng_, {{"web", 4}, {"store", 3}, {"phone", 2}, {"app", 2}});
  const std::string_view ch(channel);
  const bool assisted = ch == "store" || ch == "phone";
  v1::Touchpoint* order = w_.Add(assisted ? "purchase" : "order_placed", channel, kIn, at,
                                 Key(assisted ? "purchase" : "order_placed"));
  if (assisted) w_.Assist(order, v1::OUTCOME_RESOLVED);
  if (order != nullptr) {
    (*order->mutable_attributes())["plan"] = plan().name;
    (*order->mutable_attributes())["term_months"] = absl::StrCat(plan().term_months);
  }
  w_.Add("contract_signed", ch == "store" ? "store" : "email", kIn,
         at + absl::Minutes(rng_.Uniform(5, 90)), ch == "store" ? "contract_signed.store" : "contract_signed");
  if (ch == "store") {
    w_.Add("payment", "store", kIn, at + absl::Minutes(rng_.Uniform(2, 20)), "payment");  // first month
  } else if (rng_.Chance(0.4)) {
    w_.Add("payment_succeeded", ch == "app" ? "app" : "web", kIn,
           at + absl::Minutes(rng_.Uniform(2, 20)), "payment_succeeded.first");
  }
}

void JourneyBuilder::AddOnboarding(absl::Time purchase_at) {
  absl::Time t = purchase_at + absl::Hours(rng_.Uniform(2, 20));
  w_.Add("delivery_scheduled", PickWeighted(rng_, {{"sms", 1}, {"email", 1}}), kOut, t,
         Key("delivery_scheduled"));
  if (rng_.Chance(0.1)) {
    t = BusinessHours(t + kDay);
    w_.Add("delivery_failed", "sms", kOut, t, "delivery_failed");
    w_.Add("delivery_scheduled", "sms", kOut, t + absl::Hours(3), Key("delivery_scheduled"));
  }
  t = BusinessHours(t + rng_.Uniform(1, 3) * kDay);
  w_.Add("device_delivered", "sms", kOut, t, Key("device_delivered"));
  t += absl::Minutes(rng_.Uniform(30, 600));
  if (rng_.Chance(0.08)) {
    w_.Add("activation_failed", "app", kIn, t, Key("activation_failed"));
    t = BusinessHours(t + kDay);
    v1::Touchpoint* call = w_.Add("call_inbound", "phone", kIn, t,
                                  "Called because activation failed; fixed the provisioning request");
    w_.Assist(call, v1::OUTCOME_RESOLVED);
    t += absl::Minutes(20);
  }
  w_.Add("activation", PickWeighted(rng_, {{"app", 3}, {"web", 1}, {"phone", 1}}), kIn, t,
         Key("activation"));
  if (rng_.Chance(0.5)) {
    w_.Add("onboarding_step", "app", kIn, WakingHours(t + rng_.Uniform(0, 1) * kDay), Key("onboarding_step"));
  }
  w_.Add("onboarding_completed", PickWeighted(rng_, {{"app", 3}, {"web", 1}}), kIn,
         WakingHours(t + rng_.Uniform(1, 5) * kDay), "onboarding_completed");
  if (rng_.Chance(0.4)) {
    v1::Touchpoint* call = w_.Add("welcome_call", "phone", kOut,
                                  BusinessHours(t + rng_.Uniform(3, 10) * kDay), Key("welcome_call"));
    w_.Assist(call, v1::OUTCOME_RESOLVED);
  }
}

void JourneyBuilder::AddBillsAndUsage(absl::Time from, absl::Time to, bool near_limit) {
  for (int month = 1;; ++month) {
    const absl::Time bill_at = w_.OnDay(AddMonths(from, month), 5, 7);
    if (bill_at > to) break;
    const bool recent = to - bill_at < 100 * kDay;
    if (rng_.Chance(recent ? 0.85 : 0.25)) {
      w_.AddFiller("bill_issued", PickWeighted(rng_, {{"email", 3}, {"app", 1}}), kOut, bill_at,
                   "bill_issued");
      const absl::Time paid_at = bill_at + rng_.Uniform(7, 14) * kDay;
      if (paid_at <= to && rng_.Chance(0.12)) {
        w_.AddFiller("payment_succeeded", "web", kIn, paid_at, "payment_succeeded");
      }
    }
    const absl::Time failed_at = bill_at + rng_.Uniform(8, 12) * kDay;
    if (failed_at + 6 * kDay <= to && rng_.Chance(0.04)) {  // a failed payment, fixed within days
      w_.Add("payment_failed", "email", kOut, failed_at, "payment_failed");
      w_.Add("payment_succeeded", "app", kIn, WakingHours(failed_at + rng_.Uniform(1, 4) * kDay),
             "payment_succeeded");
    }
    const absl::Time used_at = WakingHours(bill_at + rng_.Uniform(1, 25) * kDay);
    if (used_at <= to && rng_.Chance(near_limit && recent ? 0.7 : 0.12)) {
      const std::string key = near_limit && !plan().home ? "usage.near_limit" : Key("usage");
      w_.AddFiller("usage", PickWeighted(rng_, {{"app", 3}, {"sms", 1}}), kIn, used_at, key);
    }
  }
}

void JourneyBuilder::AddContact(absl::Time at, std::string_view topic, bool happy) {
  const char* channel = PickWeighted(rng_, {{"phone", 45}, {"chat", 30}, {"email", 15}, {"social", 5}});
  const std::string_view ch(channel);
  const char* kind = ch == "phone" ? "call_inbound" : ch == "email" ? "email_inbound" : "chat_inbound";
  std::string key = absl::StrCat("contact.", std::string(topic));
  if (plan().home && !SummaryTemplates(absl::StrCat(key, ".home")).empty()) {
    key = absl::StrCat(key, ".home");
  }
  const char* other_plan =
      Plans()[static_cast<size_t>(plan().home ? rng_.Uniform(4, 5) : rng_.Uniform(0, 3))].name;
  v1::Touchpoint* tp = w_.Add(kind, channel, kIn, at, key, {{"new_plan", other_plan}});
  const double roll = rng_.Unit();
  const v1::Outcome outcome = happy || roll < 0.8 ? v1::OUTCOME_RESOLVED
                              : roll < 0.92       ? v1::OUTCOME_UNRESOLVED
                                                  : v1::OUTCOME_ESCALATED;
  w_.Assist(tp, outcome);
  if (tp == nullptr) return;
  (*tp->mutable_attributes())["topic"] = std::string(topic);
  if (outcome == v1::OUTCOME_RESOLVED && (happy || rng_.Chance(0.3))) {
    tp->set_sentiment(v1::SENTIMENT_POSITIVE);
  }
  if (rng_.Chance(0.25)) {  // post-contact survey
    const bool resolved = outcome == v1::OUTCOME_RESOLVED;
    const int nps = happy ? DrawNps(true)
                    : resolved ? rng_.Pick(std::vector<int>{6, 7, 8, 8, 9, 9, 10, 10})
                               : static_cast<int>(rng_.Uniform(0, 6));
    const int effort = resolved ? static_cast<int>(rng_.Uniform(1, 3)) : static_cast<int>(rng_.Uniform(4, 7));
    w_.AddNps(PickWeighted(rng_, {{"sms", 1}, {"email", 1}}), at + absl::Hours(rng_.Uniform(1, 30)),
              nps, effort, "post_contact");
  }
}

void JourneyBuilder::AddEpisode(absl::Time at, bool happy) {
  const char* episode =
      happy ? PickWeighted(rng_, {{"billing", 3}, {"device", 2}, {"plan", 3}, {"roaming", 2}, {"moving", 1}})
            : PickWeighted(rng_, {{"billing", 25}, {"fault", 20}, {"device", 12}, {"plan", 15},
                                  {"roaming", 8}, {"moving", 5}, {"bill_shock", 7}, {"complaint", 5},
                                  {"store", 3}});
  const std::string_view e(episode);
  if (plan().home && (e == "device" || e == "roaming")) episode = happy ? "billing" : "fault";
  const std::string_view topic(episode);
  if (topic == "fault") {
    const char* channel = PickWeighted(rng_, {{"phone", 3}, {"app", 2}, {"web", 1}, {"chat", 1}});
    v1::Touchpoint* report = w_.Add("fault_reported", channel, kIn, at, Key("fault_reported"));
    const std::string_view ch(channel);
    if (ch == "phone" || ch == "chat") w_.Assist(report, v1::OUTCOME_UNRESOLVED);
    if (rng_.Chance(0.4)) {
      v1::Touchpoint* visit = w_.Add("technician_visit", "store", kOut,
                                     BusinessHours(at + rng_.Uniform(2, 5) * kDay), Key("technician_visit"));
      w_.Assist(visit, v1::OUTCOME_RESOLVED);
    } else {
      AddContact(BusinessHours(at + rng_.Uniform(1, 3) * kDay), "fault", false);
    }
  } else if (topic == "bill_shock") {
    w_.Add("bill_issued", "email", kOut, at, "bill_issued");
    w_.Add("bill_shock", PickWeighted(rng_, {{"sms", 2}, {"app", 1}}), kOut, at + absl::Minutes(5),
           Key("bill_shock"));
    AddContact(BusinessHours(at + rng_.Uniform(1, 3) * kDay), plan().home ? "billing" : "roaming", false);
  } else if (topic == "complaint") {
    const char* channel = PickWeighted(rng_, {{"phone", 3}, {"email", 3}, {"social", 2}, {"store", 1}});
    v1::Touchpoint* complaint = w_.Add("complaint", channel, kIn, at, Key("complaint"));
    w_.Assist(complaint, v1::OUTCOME_ESCALATED);
    v1::Touchpoint* resolved =
        w_.Add("complaint_resolved", PickWeighted(rng_, {{"phone", 1}, {"email", 1}}), kOut,
               BusinessHours(at + rng_.Uniform(3, 12) * kDay), "complaint_resolved");
    w_.Assist(resolved, v1::OUTCOME_RESOLVED);
  } else if (topic == "store") {
    v1::Touchpoint* visit = w_.Add("fault_reported", "store", kIn, at,
                                   "Brought the {device} in: charging port loose, sent for repair under warranty");
    w_.Assist(visit, v1::OUTCOME_RESOLVED);
  } else {
    AddContact(at, topic, happy);
    if (topic == "plan" && rng_.Chance(0.35)) {
      const int target = plan().upgrade >= 0 ? plan().upgrade : p_.plan;
      if (target != p_.plan) {
        const char* new_plan = Plans()[static_cast<size_t>(target)].name;
        v1::Touchpoint* change = w_.Add("plan_change", PickWeighted(rng_, {{"app", 2}, {"web", 1}}), kIn,
                                        WakingHours(at + rng_.Uniform(0, 2) * kDay), Key("plan_change"),
                                        {{"new_plan", new_plan}});
        if (change != nullptr) {
          p_.plan = p_.final_plan = target;
          w_.SetVar("plan", new_plan);
          w_.set_fee_cents(plan().fee_cents);
        }
      }
    }
  }
}

void JourneyBuilder::AddSupport(absl::Time from, absl::Time to, bool happy) {
  static const double kRatePerMonth[] = {0.06, 0.18, 0.35};
  const double rate = kRatePerMonth[p_.activity];
  int episodes = 0;
  for (absl::Time month = from; month + 7 * kDay < to && episodes < 10; month += 30 * kDay) {
    if (!rng_.Chance(rate)) continue;
    AddEpisode(BusinessHours(w_.Between(month, std::min(month + 30 * kDay, to - 7 * kDay))), happy);
    ++episodes;
  }
}

void JourneyBuilder::AddRelationshipNps(absl::Time from, absl::Time to, bool happy) {
  for (absl::Time t = from + 90 * kDay; t < to; t += 180 * kDay) {
    if (!rng_.Chance(0.3)) continue;
    w_.AddNps(PickWeighted(rng_, {{"email", 2}, {"app", 1}}), WakingHours(w_.Between(t, t + 30 * kDay)),
              DrawNps(happy), 0, "relationship");
  }
}

void JourneyBuilder::AddHistory(absl::Time purchase_at, absl::Time until, bool happy) {
  AddDiscovery(purchase_at);
  AddPurchase(purchase_at);
  AddOnboarding(purchase_at);
  AddBillsAndUsage(purchase_at, until, false);
  AddSupport(purchase_at + 14 * kDay, until, happy);
  AddRelationshipNps(purchase_at, until - 30 * kDay, happy);
}

absl::Time JourneyBuilder::AddContractEnd(absl::Time end, absl::Time until) {
  const absl::Time notice_at = WakingHours(end - rng_.Uniform(45, 60) * kDay);
  if (notice_at > until) return end;
  w_.Add("contract_renewal_notice", PickWeighted(rng_, {{"email", 3}, {"sms", 1}, {"app", 1}}), kOut,
         notice_at, "contract_renewal_notice", {{"contract_end", FormatDate(end)}});
  if (end > until || rng_.Chance(0.45)) return end;  // not due yet, or rolls on monthly
  const int term = rng_.Chance(0.5) ? 12 : 24;
  const absl::Time renewed_at = BusinessHours(end - rng_.Uniform(0, 25) * kDay);
  const char* channel = PickWeighted(rng_, {{"phone", 2}, {"store", 1}, {"web", 2}, {"app", 1}});
  v1::Touchpoint* renewal = w_.Add("renewal", channel, kIn, renewed_at, "renewal",
                                   {{"days", absl::StrCat(term)}});
  const std::string_view ch(channel);
  if (ch == "phone" || ch == "store") w_.Assist(renewal, v1::OUTCOME_RESOLVED);
  return renewal == nullptr ? end : AddMonths(end, term);
}

void JourneyBuilder::AddLapse(absl::Time end, bool with_cancellation) {
  w_.Add("contract_renewal_notice", "email", kOut, WakingHours(end - rng_.Uniform(45, 60) * kDay),
         "contract_renewal_notice", {{"contract_end", FormatDate(end)}});
  if (with_cancellation) {
    const char* channel = PickWeighted(rng_, {{"phone", 3}, {"chat", 1}, {"email", 1}});
    v1::Touchpoint* cancel = w_.Add("cancellation_request", channel, kIn,
                                    BusinessHours(end - rng_.Uniform(10, 30) * kDay), "cancellation_request");
    w_.Assist(cancel, v1::OUTCOME_RESOLVED);
  }
  w_.Add("contract_ended", "email", kOut, end, "contract_ended");
}

Outcome JourneyBuilder::Ordinary(bool happy) {
  const absl::Time purchase_at = BusinessHours(DaysAgo(rng_.Uniform(40, 720)));
  AddHistory(purchase_at, now_, happy);
  return {v1::LIFECYCLE_ACTIVE, AddContractEnd(AddMonths(purchase_at, plan().term_months), now_)};
}

Outcome JourneyBuilder::QuietRecentHistory() {
  const absl::Time purchase_at = BusinessHours(DaysAgo(rng_.Uniform(90, 720)));
  const absl::Time until = DaysAgo(21);
  AddHistory(purchase_at, until, false);
  return {v1::LIFECYCLE_ACTIVE, AddContractEnd(AddMonths(purchase_at, plan().term_months), until)};
}

Outcome JourneyBuilder::RateCardNearContractEnd() {
  const absl::Time end = BusinessHours(DaysAgo(-rng_.Uniform(12, 55)));
  const absl::Time purchase_at = AddMonths(end, -plan().term_months);
  AddHistory(purchase_at, DaysAgo(21), false);
  const absl::Time notice_at = WakingHours(end - rng_.Uniform(50, 60) * kDay);
  if (notice_at < DaysAgo(1)) {
    w_.Add("contract_renewal_notice", "email", kOut, notice_at, "contract_renewal_notice",
           {{"contract_end", FormatDate(end)}});
  }
  w_.Add("viewed_price_page", PickWeighted(rng_, {{"web", 2}, {"app", 1}}), kIn,
         WakingHours(DaysAgo(rng_.Uniform(4, 10))), "viewed_price_page");
  v1::Touchpoint* rate_card = w_.Add("viewed_rate_card", PickWeighted(rng_, {{"web", 2}, {"app", 1}}),
                                     kIn, WakingHours(DaysAgo(rng_.Uniform(1, 5))), "viewed_rate_card");
  if (rate_card != nullptr) (*rate_card->mutable_attributes())["page"] = "/rates/current-plans";
  if (rng_.Chance(0.5)) {
    w_.Add("comparison_viewed", "web", kIn, WakingHours(DaysAgo(rng_.Uniform(1, 3))), Key("comparison_viewed"));
  }
  return {v1::LIFECYCLE_ACTIVE, end};
}

Outcome JourneyBuilder::RecentDetractor() {
  Outcome outcome = QuietRecentHistory();
  const absl::Time fault_at = BusinessHours(DaysAgo(rng_.Uniform(9, 13)));
  v1::Touchpoint* report = w_.Add("fault_reported", "phone", kIn, fault_at, Key("fault_reported"));
  w_.Assist(report, v1::OUTCOME_UNRESOLVED);
  v1::Touchpoint* chase = w_.Add("call_inbound", PickWeighted(rng_, {{"phone", 1}}), kIn,
                                 BusinessHours(fault_at + 2 * kDay),
                                 "Called again about the fault; promised callback within 24 hours did not happen");
  w_.Assist(chase, v1::OUTCOME_UNRESOLVED);
  w_.AddNps(PickWeighted(rng_, {{"sms", 1}, {"email", 1}}), WakingHours(DaysAgo(rng_.Uniform(1, 6))),
            static_cast<int>(rng_.Uniform(0, 6)), static_cast<int>(rng_.Uniform(5, 7)), "post_contact",
            "nps.detractor.fault");
  return outcome;
}

Outcome JourneyBuilder::RepeatContacts() {
  Outcome outcome = QuietRecentHistory();
  const IssueChain& chain = rng_.Pick(RepeatIssueChains());
  const int first_days_ago = static_cast<int>(rng_.Uniform(3, 6));
  const int contacts = std::min(first_days_ago, static_cast<int>(rng_.Uniform(3, 4)));
  const std::string amount = absl::StrCat(rng_.Uniform(15, 60), ".00");
  for (int i = 0; i < contacts; ++i) {
    const char* channel = PickWeighted(rng_, {{"phone", 3}, {"email", 1}, {"chat", 2}});
    const std::string_view ch(channel);
    const char* kind = ch == "phone" ? "call_inbound" : ch == "email" ? "email_inbound" : "chat_inbound";
    v1::Touchpoint* tp = w_.Add(kind, channel, kIn, BusinessHours(DaysAgo(first_days_ago - i)),
                                chain.contacts[static_cast<size_t>(i)], {{"amount", amount}});
    w_.Assist(tp, i + 1 == contacts ? v1::OUTCOME_ESCALATED : v1::OUTCOME_UNRESOLVED);
    if (tp != nullptr) (*tp->mutable_attributes())["topic"] = chain.topic;
  }
  return outcome;
}

Outcome JourneyBuilder::ChannelSwitch() {
  Outcome outcome = QuietRecentHistory();
  const absl::Time chat_at = w_.OnDay(DaysAgo(rng_.Uniform(2, 6)), 8, 18);
  v1::Touchpoint* chat = w_.Add(
      "chat_inbound", "chat", kIn, chat_at,
      rng_.Pick(std::vector<std::string>{
          "Chat about a {cur}{amount} charge on the {month} bill; chat dropped after 20 minutes without an answer",
          "Chat about moving the contract to a new address; bot could not help and no agent was free",
          "Chat about slow data since the weekend; told to restart the phone, customer not convinced"}));
  w_.Assist(chat, v1::OUTCOME_UNRESOLVED);
  v1::Touchpoint* call =
      w_.Add("call_inbound", "phone", kIn, chat_at + absl::Minutes(rng_.Uniform(30, 20 * 60)),
             "Called after the chat got nowhere; had to explain everything again");
  w_.Assist(call, rng_.Chance(0.5) ? v1::OUTCOME_RESOLVED : v1::OUTCOME_UNRESOLVED);
  return outcome;
}

Outcome JourneyBuilder::Lapsed() {
  const absl::Time end = BusinessHours(DaysAgo(rng_.Uniform(120, 330)));
  const absl::Time purchase_at = AddMonths(end, -12);
  AddHistory(purchase_at, end - 40 * kDay, false);
  AddLapse(end, rng_.Chance(0.5));
  w_.Add("lapsed", "email", kInternal, end + 30 * kDay, "lapsed");
  const absl::Time offer_at = BusinessHours(end + rng_.Uniform(35, 60) * kDay);
  if (offer_at < DaysAgo(90)) {
    w_.Add("winback_offer", PickWeighted(rng_, {{"email", 3}, {"sms", 1}, {"social", 1}}), kOut, offer_at,
           "winback_offer", {{"new_plan", Plans()[0].name}});
  }
  return {v1::LIFECYCLE_LAPSED, end};
}

Outcome JourneyBuilder::FailedPayment() {
  Outcome outcome = QuietRecentHistory();
  const absl::Time bill_at = WakingHours(DaysAgo(rng_.Uniform(15, 20)));
  w_.Add("bill_issued", "email", kOut, bill_at, "bill_issued");
  const absl::Time failed_at = w_.OnDay(DaysAgo(rng_.Uniform(3, 12)), 6, 9);
  v1::Touchpoint* failed = w_.Add("payment_failed", "email", kOut, failed_at, "payment_failed");
  if (failed != nullptr) {
    (*failed->mutable_attributes())["reason"] =
        rng_.Pick(std::vector<std::string>{"insufficient_funds", "card_expired", "mandate_cancelled"});
  }
  if (rng_.Chance(0.6)) {
    w_.Add("page_view", "app", kIn, WakingHours(failed_at + kDay),
           "Opened the unpaid {month} bill in the app but did not pay");
  }
  return outcome;
}

Outcome JourneyBuilder::IncompleteOnboarding() {
  const absl::Time purchase_at = BusinessHours(DaysAgo(rng_.Uniform(14, 24)));
  AddDiscovery(purchase_at);
  AddPurchase(purchase_at);
  w_.Add("delivery_scheduled", "sms", kOut, purchase_at + absl::Hours(rng_.Uniform(2, 20)),
         Key("delivery_scheduled"));
  const absl::Time delivered_at = BusinessHours(purchase_at + rng_.Uniform(2, 3) * kDay);
  w_.Add("device_delivered", "sms", kOut, delivered_at, Key("device_delivered"));
  const absl::Time failed_at = delivered_at + absl::Minutes(rng_.Uniform(30, 600));
  w_.Add("activation_failed", "app", kIn, failed_at, Key("activation_failed"));
  v1::Touchpoint* chat = w_.Add("chat_inbound", "chat", kIn, BusinessHours(failed_at + kDay),
                                "Asked why activation fails; told to wait 24 hours and try again");
  w_.Assist(chat, v1::OUTCOME_UNRESOLVED);
  return {v1::LIFECYCLE_ACTIVE, AddMonths(purchase_at, plan().term_months)};
}

Outcome JourneyBuilder::OpenComplaint() {
  Outcome outcome = QuietRecentHistory();
  const absl::Time complaint_at = BusinessHours(DaysAgo(rng_.Uniform(4, 12)));
  const char* channel = PickWeighted(rng_, {{"phone", 3}, {"email", 3}, {"social", 2}, {"store", 1}});
  v1::Touchpoint* complaint = w_.Add("complaint", channel, kIn, complaint_at, Key("complaint"));
  w_.Assist(complaint, v1::OUTCOME_ESCALATED);
  if (complaint != nullptr) (*complaint->mutable_attributes())["case"] = absl::StrCat("CMP-", rng_.Uniform(10000, 99999));
  if (rng_.Chance(0.6)) {
    v1::Touchpoint* chase = w_.Add("email_inbound", "email", kIn, BusinessHours(complaint_at + 2 * kDay),
                                   "Chased the complaint: no reply yet, asked for a date");
    w_.Assist(chase, v1::OUTCOME_UNRESOLVED);
  }
  return outcome;
}

Outcome JourneyBuilder::HappyPromoter() {
  const absl::Time purchase_at = BusinessHours(DaysAgo(rng_.Uniform(200, 720)));
  AddDiscovery(purchase_at);
  AddPurchase(purchase_at);
  AddOnboarding(purchase_at);
  AddBillsAndUsage(purchase_at, now_, true);
  AddSupport(purchase_at + 14 * kDay, now_ - 60 * kDay, true);
  AddRelationshipNps(purchase_at, now_ - 90 * kDay, true);
  w_.AddNps(PickWeighted(rng_, {{"email", 2}, {"app", 1}, {"sms", 1}}), WakingHours(DaysAgo(rng_.Uniform(5, 40))),
            static_cast<int>(rng_.Uniform(9, 10)), static_cast<int>(rng_.Uniform(1, 2)), "relationship");
  return {v1::LIFECYCLE_ACTIVE, AddContractEnd(AddMonths(purchase_at, plan().term_months), now_)};
}

Outcome JourneyBuilder::Prospect() {
  const int events = static_cast<int>(rng_.Uniform(5, 9));
  const int first_days_ago = static_cast<int>(rng_.Uniform(10, 60));
  for (int i = 0; i < events; ++i) {
    const absl::Time at = WakingHours(DaysAgo(1 + (first_days_ago - 1) * (events - i) / events));
    const char* kind = PickWeighted(rng_, {{"page_view", 3}, {"search", 2}, {"viewed_price_page", 2},
                                           {"comparison_viewed", 2}, {"offer_viewed", 1},
                                           {"quote_requested", 1}, {"brochure_request", 1}});
    const std::string_view k(kind);
    if (k == "quote_requested") {
      w_.Assist(w_.Add(kind, PickWeighted(rng_, {{"chat", 2}, {"phone", 1}, {"store", 1}}), kIn, at, kind),
                v1::OUTCOME_RESOLVED);
    } else if (k == "offer_viewed") {
      w_.Add(kind, PickWeighted(rng_, {{"email", 1}, {"social", 1}, {"sms", 1}}), kIn, at, kind);
    } else {
      w_.Add(kind, PickWeighted(rng_, {{"web", 4}, {"app", 1}, {"social", 1}}), kIn, at, Key(kind));
    }
  }
  return {v1::LIFECYCLE_PROSPECT, std::nullopt};
}

Outcome JourneyBuilder::WonBack() {
  const absl::Time purchase_at = BusinessHours(DaysAgo(rng_.Uniform(600, 700)));
  const absl::Time end = AddMonths(purchase_at, 12);
  AddHistory(purchase_at, end - 40 * kDay, false);
  AddLapse(end, true);
  w_.Add("lapsed", "email", kInternal, end + 30 * kDay, "lapsed");
  const absl::Time offer_at = BusinessHours(end + rng_.Uniform(60, 120) * kDay);
  const int back_plan = rng_.Chance(0.5) ? 0 : p_.plan;
  v1::Touchpoint* offer = w_.Add("winback_offer", PickWeighted(rng_, {{"email", 2}, {"phone", 1}, {"sms", 1}}),
                                 kOut, offer_at, "winback_offer",
                                 {{"new_plan", Plans()[static_cast<size_t>(back_plan)].name}});
  if (offer != nullptr && offer->channel() == "phone") w_.Assist(offer, v1::OUTCOME_RESOLVED);
  p_.plan = p_.final_plan = back_plan;
  const absl::Time back_at = BusinessHours(offer_at + rng_.Uniform(2, 20) * kDay);
  v1::Touchpoint* back = w_.Add("reactivation", PickWeighted(rng_, {{"phone", 2}, {"web", 2}, {"store", 1}}),
                                kIn, back_at, "reactivation");
  if (back != nullptr && back->channel() != "web") w_.Assist(back, v1::OUTCOME_RESOLVED);
  w_.Add("activation", "app", kIn, back_at + rng_.Uniform(1, 3) * kDay, "activation");
  AddBillsAndUsage(back_at, now_, false);
  AddSupport(back_at + 14 * kDay, now_, false);
  return {v1::LIFECYCLE_WON_BACK, AddMonths(back_at, plan().term_months)};
}

Outcome JourneyBuilder::Closed() {
  const absl::Time purchase_at = BusinessHours(DaysAgo(rng_.Uniform(420, 720)));
  const absl::Time end = AddMonths(purchase_at, 12);
  AddHistory(purchase_at, end - 40 * kDay, false);
  AddLapse(end, true);
  return {v1::LIFECYCLE_CLOSED, end};
}

Outcome JourneyBuilder::Build(DemoScenario scenario) {
  switch (scenario) {
    case DemoScenario::kOrdinary: return Ordinary(false);
    case DemoScenario::kRateCardNearContractEnd: return RateCardNearContractEnd();
    case DemoScenario::kRecentDetractor: return RecentDetractor();
    case DemoScenario::kRepeatContacts: return RepeatContacts();
    case DemoScenario::kChannelSwitch: return ChannelSwitch();
    case DemoScenario::kLapsed: return Lapsed();
    case DemoScenario::kFailedPayment: return FailedPayment();
    case DemoScenario::kIncompleteOnboarding: return IncompleteOnboarding();
    case DemoScenario::kOpenComplaint: return OpenComplaint();
    case DemoScenario::kHappyPromoter: return HappyPromoter();
    case DemoScenario::kProspect: return Prospect();
    case DemoScenario::kWonBack: return WonBack();
    case DemoScenario::kClosed: return Closed();
  }
  return Ordinary(false);
}

int PickPlan(DemoRandom& rng, DemoScenario scenario) {
  if (scenario == DemoScenario::kHappyPromoter) {  // upsell candidates: a plan with an upgrade
    return rng.Pick(std::vector<int>{0, 0, 2, 2, 4});
  }
  int total = 0;
  for (const Plan& plan : Plans()) total += plan.weight;
  int64_t ticket = rng.Uniform(0, total - 1);
  for (size_t i = 0; i < Plans().size(); ++i) {
    if (ticket < Plans()[i].weight) return static_cast<int>(i);
    ticket -= Plans()[i].weight;
  }
  return 0;
}

Profile MakeProfile(const DemoOptions& options, int index, DemoScenario scenario, DemoRandom& rng) {
  Profile profile;
  profile.person = MakeDemoPerson(index, options.seed, rng);
  profile.plan = profile.final_plan = PickPlan(rng, scenario);
  const Plan& plan = Plans()[static_cast<size_t>(profile.plan)];
  profile.segment = plan.name == std::string_view("Family Bundle (4 SIMs)")
                        ? "family"
                        : PickWeighted(rng, {{"consumer", 65}, {"student", 10}, {"small_business", 12},
                                             {"senior", 8}, {"family", 5}});
  profile.device = plan.home ? rng.Pick(std::vector<std::string>{"Wi-Fi 6 router", "fibre modem"})
                             : rng.Pick(std::vector<std::string>{"iPhone 15", "Galaxy S24", "Pixel 8",
                                                                 "Galaxy A54", "iPhone 13", "Fairphone 5"});
  profile.activity = static_cast<int>(rng.Uniform(0, 2));
  return profile;
}

// Profiling consent for about 70 %; fixed for the first 20 so the demo script is stable:
// everyone consents except C-000014 (a prospect) and C-000015 (the second rate-card case,
// which shows that without consent only service actions are suggested).
DemoConsent MakeConsent(const std::string& customer_id, int index, DemoRandom& rng) {
  DemoConsent consent;
  consent.customer_id = customer_id;
  consent.profiling = index < 20 ? (index != 13 && index != 14) : rng.Chance(0.7);
  consent.marketing = consent.profiling ? rng.Chance(0.7) : rng.Chance(0.2);
  return consent;
}

int TouchpointBudget(DemoRandom& rng, int activity) {
  switch (activity) {
    case 0: return static_cast<int>(rng.Uniform(5, 16));
    case 1: return static_cast<int>(rng.Uniform(12, 32));
    default: return static_cast<int>(rng.Uniform(25, kMaxTouchpoints));
  }
}

}  // namespace

DemoCustomer GenerateDemoCustomer(const DemoOptions& options, int customer_index) {
  DemoRandom rng = DemoRandom::ForStream(options.seed, static_cast<uint64_t>(customer_index));
  DemoCustomer result;
  result.scenario = ScenarioOf(customer_index);
  const std::string id = DemoCustomerId(customer_index);
  Profile profile = MakeProfile(options, customer_index, result.scenario, rng);
  result.consent = MakeConsent(id, customer_index, rng);
  const int budget = TouchpointBudget(rng, profile.activity);

  JourneyWriter writer(id, customer_index, options.now, &rng);
  const Plan& plan = Plans()[static_cast<size_t>(profile.plan)];
  writer.SetVar("cur", profile.person.currency);
  writer.SetVar("plan", plan.name);
  writer.SetVar("new_plan", Plans()[static_cast<size_t>(plan.upgrade >= 0 ? plan.upgrade : 0)].name);
  writer.SetVar("device", profile.device);
  writer.SetVar("parcel", profile.plan <= 1 ? "SIM card" : profile.device);  // SIM-only plans ship a SIM
  writer.SetVar("days", absl::StrCat(plan.term_months));
  writer.set_fee_cents(plan.fee_cents);
  JourneyBuilder builder(&writer, &profile);
  const Outcome outcome = builder.Build(result.scenario);
  result.touchpoints = writer.Finish(std::min(budget, kMaxTouchpoints));

  v1::Customer& customer = result.customer;
  customer.set_id(id);
  customer.set_display_name(profile.person.display_name);
  customer.add_emails(profile.person.email);
  customer.add_phones(profile.person.phone);
  if (!profile.person.chat_handle.empty()) customer.add_chat_handles(profile.person.chat_handle);
  customer.set_lifecycle_state(outcome.lifecycle);
  auto& attributes = *customer.mutable_attributes();
  attributes["segment"] = profile.segment;
  attributes["country"] = profile.person.country;
  const char* final_plan = Plans()[static_cast<size_t>(profile.final_plan)].name;
  if (outcome.contract_end.has_value()) {
    attributes["plan"] = final_plan;
    attributes["contract_end"] = FormatDate(*outcome.contract_end);
  } else {
    attributes["interested_in"] = final_plan;
  }
  return result;
}

}  // namespace journeydesk::demo
