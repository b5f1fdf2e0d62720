#ifndef JOURNEYDESK_SERVER_STUB_DEMO_DEMO_JOURNEY_WRITER_H_
#define JOURNEYDESK_SERVER_STUB_DEMO_DEMO_JOURNEY_WRITER_H_

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "demo/demo_random.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::demo {

inline constexpr absl::Duration kDay = absl::Hours(24);

using TemplateVars = std::vector<std::pair<std::string, std::string>>;

// Collects one customer's touchpoints in any order and hands them back sorted by time
// with deterministic ids ("demo-C-000001-0007"). Never keeps a touchpoint after `now`.
// Borrows `rng`, which must outlive the writer.
class JourneyWriter {
 public:
  JourneyWriter(std::string customer_id, int customer_index, absl::Time now, DemoRandom* rng);

  absl::Time now() const { return now_; }
  DemoRandom& rng() { return *rng_; }

  // Values for every summary of this customer, e.g. {"cur", "€"}, {"plan", "…"}.
  void SetVar(std::string name, std::string value);
  // Monthly fee in cents: bills and amounts in summaries are drawn around it.
  void set_fee_cents(int fee_cents) { fee_cents_ = fee_cents; }

  // Adds a touchpoint with a summary drawn from SummaryTemplates(template_key) (the key
  // itself if it has no templates), filled with this customer's variables, the month of
  // `at` and `extra`. Returns nullptr, adding nothing, if `at` is after now. The pointer
  // stays valid until Finish.
  v1::Touchpoint* Add(std::string_view kind, std::string_view channel, v1::Direction direction,
                      absl::Time at, std::string_view template_key, const TemplateVars& extra = {});

  // Like Add, but the touchpoint is filler (a bill, a page view) that Finish may drop to
  // keep the customer within their touchpoint budget.
  v1::Touchpoint* AddFiller(std::string_view kind, std::string_view channel,
                            v1::Direction direction, absl::Time at, std::string_view template_key);

  // Marks `touchpoint` (may be nullptr) as handled by an agent: agent id, contact id, outcome.
  void Assist(v1::Touchpoint* touchpoint, v1::Outcome outcome);

  // Adds an nps_response with `nps` (0–10), optionally `effort` (1–7; 0 for none); the
  // comment comes from `template_key`, by default the templates of the score's band.
  v1::Touchpoint* AddNps(std::string_view channel, absl::Time at, int nps, int effort,
                         std::string_view survey, std::string_view template_key = "");

  // A uniformly random moment on the UTC day of `day`, between the hours given.
  absl::Time OnDay(absl::Time day, int from_hour, int to_hour);
  // A uniformly random moment in [from, to); `from` if the range is empty.
  absl::Time Between(absl::Time from, absl::Time to);

  // Sorted by occurred_at, filler dropped (at random) beyond `max_touchpoints`, ids set.
  std::vector<v1::Touchpoint> Finish(int max_touchpoints);

 private:
  struct Entry {
    v1::Touchpoint touchpoint;
    bool filler = false;
    int sequence = 0;
  };
  std::string Summary(std::string_view template_key, absl::Time at, const TemplateVars& extra);

  std::string customer_id_;
  int customer_index_;
  absl::Time now_;
  DemoRandom* rng_;
  TemplateVars vars_;
  int fee_cents_ = 2000;
  int contact_count_ = 0;
  std::deque<Entry> entries_;
};

// "2026-11-23" for a time on that UTC day.
std::string FormatDate(absl::Time t);
// `t` moved by whole calendar months (day of month capped at 28), at the same time of day.
absl::Time AddMonths(absl::Time t, int months);

}  // namespace journeydesk::demo

#endif  // JOURNEYDESK_SERVER_STUB_DEMO_DEMO_JOURNEY_WRITER_H_
