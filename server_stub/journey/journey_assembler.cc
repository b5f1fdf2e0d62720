#include "journey/journey_assembler.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "journey/journey_metrics.h"
#include "journey/journey_tallies.h"
#include "journey/live_signals.h"
#include "journey/staged_touchpoints.h"
#include "journey/timeline_page.h"
#include "journey/timestamps.h"

namespace journeydesk::journey {

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
  const std::vector<StagedTouchpoint> staged = IndexTouchpoints(oldest_first, stages, as_of);
  return AssembleJourneyInto(customer, staged, nullptr, map, stages, as_of, page_size, page_token,
                             out);
}

absl::Status AssembleJourneyInto(const v1::Customer& customer,
                                 absl::Span<const StagedTouchpoint> staged,
                                 const JourneyTallies* precomputed, const v1::StageMap& map,
                                 const StageResolver& stages, absl::Time as_of, int page_size,
                                 std::string_view page_token, v1::Journey* out, JourneyPart part) {
  out->Clear();
  v1::Journey& journey = *out;
  const int64_t as_of_us = TimeToMicros(as_of);

  // Paging first: a bad request fails before any work.
  const bool whole = part == JourneyPart::kAll;
  absl::Status status = whole ? FillTimelinePage(staged, page_size, page_token, &journey)
                              : CheckPageRequest(page_size, page_token);
  if (!status.ok()) {
    journey.Clear();
    return status;
  }

  const int stage_count = std::min(stages.stage_count(), map.stages_size());
  std::optional<JourneyTallies> tallied;
  if (precomputed == nullptr) tallied = TallyJourney(staged, stage_count);
  const JourneyTallies& tallies = precomputed != nullptr ? *precomputed : *tallied;

  *journey.mutable_customer() = customer;
  const int current = tallies.current_stage;
  if (current >= 0 && current < stage_count) journey.set_current_stage(stages.StageId(current));
  if (whole) journey.mutable_stages()->Reserve(stage_count);
  for (int i = 0; whole && i < stage_count; ++i) {
    const v1::StageDefinition& definition = map.stages(i);
    const StageTally& tally = tallies.stages[static_cast<size_t>(i)];
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
    view->mutable_channels()->Reserve(static_cast<int>(tally.channels.size()));
    for (const auto& [name, count] : tally.channels) {
      v1::ChannelCount* channel_count = view->add_channels();
      channel_count->set_channel(std::string(name));
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
  metrics->set_open_issues(static_cast<int>(tallies.open_issues.size()));

  journey.mutable_channels()->Reserve(static_cast<int>(tallies.channels.size()));
  for (std::string_view channel : tallies.channels) journey.add_channels(std::string(channel));

  LiveSignalInput signal_input;
  signal_input.customer = &customer;
  signal_input.oldest_first = staged;
  signal_input.open_issues = tallies.open_issues;
  signal_input.as_of_us = as_of_us;
  signal_input.onboarding_stage = stages.StageIndex("onboarding");
  DetectLiveSignals(signal_input, journey.mutable_signals());

  SetTimestampFromMicros(as_of_us, journey.mutable_as_of());
  journey.set_stage_map_name(map.name());
  return absl::OkStatus();
}

}  // namespace journeydesk::journey
