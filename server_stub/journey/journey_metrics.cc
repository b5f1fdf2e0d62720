#include "journey/journey_metrics.h"

#include <algorithm>

#include "journey/timestamps.h"

namespace journeydesk::journey {

void NpsTally::WriteTo(v1::NpsSummary* summary) const {
  summary->set_responses(responses_);
  summary->set_promoters(promoters_);
  summary->set_passives(passives_);
  summary->set_detractors(detractors_);
  if (responses_ > 0) {
    summary->set_score(100.0 * (promoters_ - detractors_) / responses_);
  } else {
    summary->clear_score();
  }
}

bool IsContact(const v1::Touchpoint& touchpoint) {
  return (TouchpointTraits(touchpoint) & kContact) != 0;
}

int CurrentStageIndex(absl::Span<const StagedTouchpoint> oldest_first) {
  for (size_t i = oldest_first.size(); i > 0; --i) {
    if (oldest_first[i - 1].stage >= 0) return oldest_first[i - 1].stage;
  }
  return -1;
}

std::vector<int> FindOpenIssues(absl::Span<const StagedTouchpoint> oldest_first, int stage_count) {
  // One bucket per stage plus a last one for touchpoints without a stage.
  std::vector<std::vector<int>> open(static_cast<size_t>(stage_count) + 1);
  for (size_t i = 0; i < oldest_first.size(); ++i) {
    const StagedTouchpoint& entry = oldest_first[i];
    if (!entry.Is(kResolvesIssues) && !entry.Is(kOpensIssue)) continue;
    const int stage = entry.stage;
    std::vector<int>& bucket = open[stage >= 0 ? static_cast<size_t>(stage) : open.size() - 1];
    if (entry.Is(kResolvesIssues)) {
      bucket.clear();
    } else {
      bucket.push_back(static_cast<int>(i));
    }
  }
  std::vector<int> all;
  for (const std::vector<int>& bucket : open) all.insert(all.end(), bucket.begin(), bucket.end());
  std::sort(all.begin(), all.end());
  return all;
}

void ComputeJourneyMetrics(absl::Span<const StagedTouchpoint> oldest_first, int64_t as_of_us,
                           v1::JourneyMetrics* metrics) {
  NpsTally nps;
  int64_t effort_sum = 0;
  int effort_responses = 0;
  int contacts = 0;
  int repeats = 0;
  int switches = 0;
  const StagedTouchpoint* previous_contact = nullptr;
  for (const StagedTouchpoint& entry : oldest_first) {
    const v1::Touchpoint& touchpoint = *entry.touchpoint;
    if (touchpoint.has_nps()) nps.Add(touchpoint.nps());
    if (touchpoint.has_effort()) {
      effort_sum += touchpoint.effort();
      ++effort_responses;
    }
    if (!entry.Is(kContact)) continue;
    if (entry.at_us > as_of_us - kContactWindowUs) {
      ++contacts;
      if (previous_contact != nullptr) {
        const int64_t gap_us = entry.at_us - previous_contact->at_us;
        if (gap_us <= kRepeatContactUs) ++repeats;
        if (gap_us <= kChannelSwitchUs &&
            touchpoint.channel() != previous_contact->touchpoint->channel()) {
          ++switches;
        }
      }
    }
    previous_contact = &entry;
  }
  nps.WriteTo(metrics->mutable_nps());
  metrics->set_effort_responses(effort_responses);
  if (effort_responses > 0) {
    metrics->set_average_effort(static_cast<double>(effort_sum) / effort_responses);
  } else {
    metrics->clear_average_effort();
  }
  metrics->set_contacts_last_30_days(contacts);
  metrics->set_repeat_contacts_7d(repeats);
  metrics->set_channel_switches_24h(switches);
  metrics->set_total_touchpoints(static_cast<int>(oldest_first.size()));

  const int current = CurrentStageIndex(oldest_first);
  if (current < 0) {
    metrics->clear_time_in_current_stage();
    return;
  }
  int64_t run_start_us = as_of_us;
  for (size_t i = oldest_first.size(); i > 0; --i) {
    const StagedTouchpoint& entry = oldest_first[i - 1];
    if (entry.stage < 0) continue;
    if (entry.stage != current) break;
    run_start_us = entry.at_us;
  }
  SetDurationFromMicros(as_of_us - run_start_us, metrics->mutable_time_in_current_stage());
}

}  // namespace journeydesk::journey
