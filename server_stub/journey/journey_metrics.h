#pragma once
// The journey's numbers: NPS, customer effort, contacts, open issues and time in stage.
// Definitions (they are the product's; the desktop and the NBA engine rely on them):
//
// NPS           over 0–10 responses: promoters 9–10, passives 7–8, detractors 0–6;
//               score = (promoters − detractors) / responses × 100, absent without responses.
// contact       an INBOUND touchpoint on an assisted channel, i.e. any channel but web and app.
// contacts_last_30_days   contacts with occurred_at in (as_of − 30 d, as_of].
// repeat_contacts_7d      of those, contacts that came at most 7 days after the previous
//                         contact (which may itself be older than 30 days).
// channel_switches_24h    of those, contacts on another channel than the previous contact
//                         that came at most 24 h after it.
// average_effort          mean of the 1–7 effort responses; absent without responses.
// current stage           the stage of the latest touchpoint that has a stage.
// time_in_current_stage   as_of − occurred_at of the earliest touchpoint of the latest
//                         unbroken run of staged touchpoints at the current stage
//                         (touchpoints without a stage neither extend nor break the run).
// open issue    a touchpoint with kind "complaint" or outcome UNRESOLVED or ESCALATED,
//               unless a later touchpoint at the same stage (or, for touchpoints without a
//               stage, a later one without a stage) has outcome RESOLVED or kind
//               "complaint_resolved". A complaint recorded with outcome RESOLVED was
//               resolved on first contact: it is not open (and closes earlier issues).

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "journey/staged_touchpoints.h"
#include "journey/timestamps.h"
#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::journey {

inline constexpr int64_t kContactWindowUs = 30 * kMicrosPerDay;
inline constexpr int64_t kRepeatContactUs = 7 * kMicrosPerDay;
inline constexpr int64_t kChannelSwitchUs = 24 * kMicrosPerHour;

class NpsTally {
 public:
  void Add(int score) {
    ++responses_;
    if (score >= 9) {
      ++promoters_;
    } else if (score >= 7) {
      ++passives_;
    } else {
      ++detractors_;
    }
  }
  int responses() const { return responses_; }
  void WriteTo(v1::NpsSummary* summary) const;

 private:
  int responses_ = 0;
  int promoters_ = 0;
  int passives_ = 0;
  int detractors_ = 0;
};

bool IsContact(const v1::Touchpoint& touchpoint);

// Index of the current stage (see above) or -1 when no touchpoint has a stage.
int CurrentStageIndex(absl::Span<const StagedTouchpoint> oldest_first);

// Positions in `oldest_first` of the open issues, oldest first.
std::vector<int> FindOpenIssues(absl::Span<const StagedTouchpoint> oldest_first, int stage_count);

// Fills every field of `metrics` but open_issues. `oldest_first` holds only touchpoints at
// or before as_of.
void ComputeJourneyMetrics(absl::Span<const StagedTouchpoint> oldest_first, int64_t as_of_us,
                           v1::JourneyMetrics* metrics);

}  // namespace journeydesk::journey
