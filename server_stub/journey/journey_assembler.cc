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
  // Counts one touchpoint on `channel`; returns the channel's index in this tally.
  int Add(std::string_view channel) {
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == channel) {
        ++counts_[i];
        return static_cast<int>(i);
      }
    }
    names_.push_back(channel);
    counts_.push_back(1);
    return static_cast<int>(names_.size() - 1);
  }

  std::string_view name(int index) const { return names_[static_cast<size_t>(index)]; }

  // Indices of the counted channels, most used first, ties by name.
  template <typename Counts>
  static std::vector<int> Ranked(const Counts& counts, const ChannelTally& names) {
    std::vector<int> ranked;
    ranked.reserve(counts.size());
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] > 0) ranked.push_back(static_cast<int>(i));
    }
    std::sort(ranked.begin(), ranked.end(), [&](int a, int b) {
      if (counts[a] != counts[b]) return counts[a] > counts[b];
      return names.name(a) < names.name(b);
    });
    return ranked;
  }

  const std::vector<int>& counts() const { return counts_; }

 private:
  std::vector<std::string_view> names_;
  std::vector<int> counts_;
};

struct StageTally {
  int count = 0;
  std::vector<int> channel_counts;  // by ChannelTally index
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
  v1::Journey journey;
  absl::Status status = AssembleJourneyInto(customer, oldest_first, map, stages, as_of,
                                            page_size, page_token, &journey);
  if (!status.ok()) return status;
  return journey;
}

absl::Status AssembleJourneyInto(const v1::Customer& customer,
                                 const std::vector<v1::Touchpoint>& oldest_first,
                                 const v1::StageMap& map, const StageResolver& stages,
                                 absl::Time as_of, int page_size, std::string_view page_token,
                                 v1::Journey* out) {
  out->Clear();
  v1::Journey& journey = *out;
  const int64_t as_of_us = TimeToMicros(as_of);
  const std::vector<StagedTouchpoint> staged = IndexTouchpoints(oldest_first, stages, as_of);

  // Paging first: a bad request fails before any work.
  absl::Status status = FillTimelinePage(staged, page_size, page_token, &journey);
  if (!status.ok()) {
    journey.Clear();
    return status;
  }

  const int stage_count = std::min(stages.stage_count(), map.stages_size());
  std::vector<StageTally> tallies(static_cast<size_t>(stage_count));
  ChannelTally channels;
  for (const StagedTouchpoint& entry : staged) {
    const int channel = channels.Add(entry.touchpoint->channel());
    if (entry.stage < 0 || entry.stage >= stage_count) continue;
    StageTally& tally = tallies[static_cast<size_t>(entry.stage)];
    ++tally.count;
    if (tally.channel_counts.size() <= static_cast<size_t>(channel)) {
      tally.channel_counts.resize(static_cast<size_t>(channel) + 1, 0);
    }
    ++tally.channel_counts[static_cast<size_t>(channel)];
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
    for (int channel : ChannelTally::Ranked(tally.channel_counts, channels)) {
      v1::ChannelCount* channel_count = view->add_channels();
      channel_count->set_channel(std::string(channels.name(channel)));
      channel_count->set_touchpoints(tally.channel_counts[static_cast<size_t>(channel)]);
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

  const std::vector<int> ranked = ChannelTally::Ranked(channels.counts(), channels);
  journey.mutable_channels()->Reserve(static_cast<int>(ranked.size()));
  for (int channel : ranked) journey.add_channels(std::string(channels.name(channel)));

  LiveSignalInput signal_input;
  signal_input.customer = &customer;
  signal_input.oldest_first = staged;
  signal_input.open_issues = open_issues;
  signal_input.as_of_us = as_of_us;
  signal_input.onboarding_stage = stages.StageIndex("onboarding");
  DetectLiveSignals(signal_input, journey.mutable_signals());

  SetTimestampFromMicros(as_of_us, journey.mutable_as_of());
  journey.set_stage_map_name(map.name());
  return absl::OkStatus();
}

}  // namespace journeydesk::journey
