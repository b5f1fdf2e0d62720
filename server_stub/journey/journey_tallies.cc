#include "journey/journey_tallies.h"

#include <algorithm>

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

  // (name, count) of the counted channels, most used first, ties by name.
  std::vector<std::pair<std::string_view, int>> Ranked(const std::vector<int>& counts) const {
    std::vector<std::pair<std::string_view, int>> ranked;
    ranked.reserve(counts.size());
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] > 0) ranked.emplace_back(names_[i], counts[i]);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return a.first < b.first;
    });
    return ranked;
  }

  const std::vector<int>& counts() const { return counts_; }

 private:
  std::vector<std::string_view> names_;
  std::vector<int> counts_;
};

}  // namespace

JourneyTallies TallyJourney(absl::Span<const StagedTouchpoint> oldest_first, int stage_count) {
  JourneyTallies out;
  out.stages.resize(static_cast<size_t>(std::max(stage_count, 0)));
  std::vector<std::vector<int>> stage_channel_counts(out.stages.size());  // by ChannelTally index
  ChannelTally channels;
  for (const StagedTouchpoint& entry : oldest_first) {
    const int channel = channels.Add(entry.touchpoint->channel());
    if (entry.stage < 0 || entry.stage >= stage_count) continue;
    StageTally& tally = out.stages[static_cast<size_t>(entry.stage)];
    std::vector<int>& counts = stage_channel_counts[static_cast<size_t>(entry.stage)];
    ++tally.count;
    if (counts.size() <= static_cast<size_t>(channel)) counts.resize(static_cast<size_t>(channel) + 1, 0);
    ++counts[static_cast<size_t>(channel)];
    if (entry.touchpoint->has_nps()) tally.nps.Add(entry.touchpoint->nps());
    if (tally.first == nullptr) tally.first = &entry;
    tally.last = &entry;
  }
  for (size_t i = 0; i < out.stages.size(); ++i) {
    out.stages[i].channels = channels.Ranked(stage_channel_counts[i]);
  }
  for (const auto& [name, count] : channels.Ranked(channels.counts())) out.channels.push_back(name);

  out.open_issues = FindOpenIssues(oldest_first, stage_count);
  for (int position : out.open_issues) {
    const StagedTouchpoint& entry = oldest_first[static_cast<size_t>(position)];
    if (entry.stage >= 0 && entry.stage < stage_count) {
      out.stages[static_cast<size_t>(entry.stage)].open_issues.push_back(&entry);
    }
  }
  out.current_stage = CurrentStageIndex(oldest_first);
  return out;
}

}  // namespace journeydesk::journey
