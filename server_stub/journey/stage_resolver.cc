#include "journey/stage_resolver.h"

#include "common/absl_string_view.h"

namespace journeydesk::journey {

StageResolver::StageResolver(const v1::StageMap& map) : default_stage_(map.default_stage()) {
  stage_ids_.reserve(map.stages_size());
  for (const v1::StageDefinition& stage : map.stages()) {
    const int index = static_cast<int>(stage_ids_.size());
    stage_ids_.push_back(stage.id());
    index_by_stage_.try_emplace(stage.id(), index);
    for (const std::string& kind : stage.kinds()) stage_by_kind_.try_emplace(kind, index);
  }
}

std::string_view StageResolver::StageForKind(std::string_view kind) const {
  auto it = stage_by_kind_.find(ToAbsl(kind));
  if (it != stage_by_kind_.end()) return stage_ids_[it->second];
  return default_stage_;
}

int StageResolver::StageIndex(std::string_view stage_id) const {
  if (stage_id.empty()) return -1;
  // A typical map has about ten stages: comparing lengths first beats hashing.
  if (stage_ids_.size() <= kLinearSearchLimit) {
    for (size_t i = 0; i < stage_ids_.size(); ++i) {
      if (std::string_view(stage_ids_[i]) == stage_id) return static_cast<int>(i);
    }
    return -1;
  }
  auto it = index_by_stage_.find(ToAbsl(stage_id));
  return it == index_by_stage_.end() ? -1 : it->second;
}

}  // namespace journeydesk::journey
