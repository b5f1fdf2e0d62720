#pragma once
// StageResolver answers "which stage does this touchpoint kind belong to?" and "where is
// this stage in the map?" in constant time, for a stage map that ValidateStageMap accepted.
//
// Immutable after construction; safe to share between threads. Returned string_views point
// into the resolver and live as long as it does.

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "journeydesk/v1/stage_map.pb.h"

namespace journeydesk::journey {

class StageResolver {
 public:
  // `map` must be valid (see ValidateStageMap); for an invalid map the first definition of
  // a duplicated id or kind wins.
  explicit StageResolver(const v1::StageMap& map);

  // The stage of `kind`: the stage listing it, else the map's default_stage, else empty.
  std::string_view StageForKind(std::string_view kind) const;
  // Position of the stage in map order, or -1 for an unknown (or empty) id.
  int StageIndex(std::string_view stage_id) const;
  bool HasStage(std::string_view stage_id) const { return StageIndex(stage_id) >= 0; }

  int stage_count() const { return static_cast<int>(stage_ids_.size()); }
  // The id at `index`; `index` in [0, stage_count()).
  const std::string& StageId(int index) const { return stage_ids_[index]; }
  const std::string& default_stage() const { return default_stage_; }

 private:
  static constexpr size_t kLinearSearchLimit = 16;

  std::vector<std::string> stage_ids_;
  std::string default_stage_;
  absl::flat_hash_map<std::string, int> index_by_stage_;
  absl::flat_hash_map<std::string, int> stage_by_kind_;  // value: index into stage_ids_
};

}  // namespace journeydesk::journey
