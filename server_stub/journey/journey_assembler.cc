#include "journey/journey_assembler.h"

#include <algorithm>
#include <string>
#include <utility>

#include "journey/journey_metrics.h"
#include "journey/live_signals.h"
#include "journey/staged_touchpoints.h"
#include "journey/timeline_page.h"
#include "journey/timestamps.h"

namespace journeydesk::journey {
namespace {

// Touchpoints per channel; a handful of channels, so a flat vector beats a hash map.
class ChannelTally {
 public:
  void Add(std::string_view channel) {
    for (auto& [name, count] : counts_) {
      if (name == channel) {
        ++count;
        return;
      }
    }
    counts_.emplace_back(channel, 1);
  }

  // Most used first, ties by name.
  const std::vector<std::pair<std::string_view, int>>& Sorted() {
    std::sort(counts_.begin(), counts_.end(), [](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return a.first < b.first;
    });
    return counts_;
  }

 private:
  std::vector<std::pair<std::string_view, int>> counts_;
};

struct StageTally {
  int count = 0;
  ChannelTally channels;
  NpsTally nps;
  const StagedTouchpoint* first = nullptr;
  const StagedTouchpoint* last = nullptr;
  std::vector<const StagedTouchpoint*> open_issues;
};

}  // namespace

absl::StatusOr<v1::Journey> AssembleJourney(const v1::Customer& customer,
                                            const std::vector<v1::Touchpoint>& oldest_first,
                                            const v1::StageMap& map, const StageResolver& stages,
                                            absl::Time as_of, int page_size,
                                            std::string_view page_token) {
  const int64_t as_of_us = TimeToMicros(as_of);
  const std::vector<StagedTouchpoint> staged = IndexTouchpoints(oldest_first, stages, as_of);

  v1::Journey journey;
  // Paging first: a bad request fails before any work.
  absl::Status status = FillTimelinePage(staged, page_size, page_token, &journey);
  if (!status.ok()) return status;

  const int stage_count = std::min(stages.stage_count(), map.stages_size());
  std::vector<StageTally> tallies(static_cast<size_t>(stage_count));
  ChannelTally channels;
  for (const StagedTouchpoint& entry : staged) {
    channels.Add(entry.touchpoint->channel());
    if (entry.stage < 0 || entry.stage >= stage_count) continue;
    StageTally& tally = tallies[static_cast<size_t>(entry.stage)];
    ++tally.count;
    tally.channels.Add(entry.touchpoint->channel());
    if (entry.touchpoint->has_nps()) tally.nps.Add(entry.touchpoint->nps());
    if (tally.first == nullptr) tally.first = &entry;
    tally.last = &entry;
  }
  const std::vector<int> open_issues = FindOpenIssues(staged, stage_count);
  for (int position : open_issues) {
    const StagedTouchpoint& entry = staged[static_cast<size_t>(position)];
    if (entry.stage >= 0 && entry.stage < stage_count) {
      tallies[static_cast<size_t>(entry.stage)].open_issues.push_back(&entry);
    }
  }

  *journey.mutable_customer() = customer;
  const int current = CurrentStageIndex(staged);
  if (current >= 0 && current < stage_count) journey.set_current_stage(stages.StageId(current));
  journey.mutable_stages()->Reserve(stage_count);
  for (int i = 0; i < stage_count; ++i) {
    const v1::StageDefinition& definition = map.stages(i);
    StageTally& tally = tallies[static_cast<size_t>(i)];
    v1::StageView* view = journey.add_stages();
    view->set_id(definition.id());
    view->set_name(definition.name());
    view->set_recovery_policy(definition.recovery_policy());
    view->set_status(i == current      ? v1::STAGE_CURRENT
                     : tally.count > 0 ? v1::STAGE_REACHED
                                       : v1::STAGE_NOT_REACHED);
    view->set_touchpoint_count(tally.count);
    tally.nps.WriteTo(view->mutable_nps());
    if (tally.count == 0) continue;
    for (const auto& [channel, count] : tally.channels.Sorted()) {
      v1::ChannelCount* channel_count = view->add_channels();
      channel_count->set_channel(std::string(channel));
      channel_count->set_touchpoints(count);
    }
    *view->mutable_last_touchpoint() = *tally.last->touchpoint;
    SetTimestampFromMicros(tally.first->at_us, view->mutable_first_at());
    SetTimestampFromMicros(tally.last->at_us, view->mutable_last_at());
    view->set_open_issues(static_cast<int>(tally.open_issues.size()));
    for (const StagedTouchpoint* issue : tally.open_issues) {
      view->add_open_issue_touchpoint_ids(issue->touchpoint->id());
    }
  }

  v1::JourneyMetrics* metrics = journey.mutable_metrics();
  ComputeJourneyMetrics(staged, as_of_us, metrics);
  metrics->set_open_issues(static_cast<int>(open_issues.size()));

  const auto& sorted_channels = channels.Sorted();
  journey.mutable_channels()->Reserve(static_cast<int>(sorted_channels.size()));
  for (const auto& [channel, count] : sorted_channels) journey.add_channels(std::string(channel));

  LiveSignalInput signal_input;
  signal_input.customer = &customer;
  signal_input.oldest_first = staged;
  signal_input.open_issues = open_issues;
  signal_input.as_of_us = as_of_us;
  signal_input.onboarding_stage = stages.StageIndex("onboarding");
  DetectLiveSignals(signal_input, journey.mutable_signals());

  SetTimestampFromMicros(as_of_us, journey.mutable_as_of());
  journey.set_stage_map_name(map.name());
  return journey;
}

}  // namespace journeydesk::journey
