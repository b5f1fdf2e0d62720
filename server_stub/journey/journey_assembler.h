#pragma once
// The bird's-eye view of one customer's journey (v1::Journey), assembled from the
// customer's touchpoints and the stage map. Pure computation: no I/O, no locks; safe to
// call from many threads at once.
//
// Definitions (the product's; see also journey_metrics.h and live_signals.h):
// - Touchpoints after `as_of` are left out of everything.
// - A touchpoint's stage is its stored stage, or, when that is empty, the stage the map
//   gives its kind. Touchpoints whose stage the map does not know belong to no stage.
// - stages: every stage of the map, in map order. A stage is CURRENT if it is the stage of
//   the latest touchpoint that has a stage, REACHED if it has touchpoints, else NOT_REACHED.
//   Per stage: touchpoint_count; channels (touchpoints per channel, most used first, ties
//   by channel name); last_touchpoint; first_at / last_at; NPS over the stage's responses;
//   the stage's recovery_policy; open issues and their touchpoint ids (oldest first).
// - current_stage: the CURRENT stage's id, empty when no touchpoint has a stage.
// - metrics: see journey_metrics.h; open_issues counts every open issue, including those
//   on touchpoints without a stage.
// - channels: every channel used, most used first (ties by name).
// - signals: see live_signals.h.
// - timeline: one page, newest first (ties: id descending); see timeline_page.h.
// - customer copied; as_of and stage_map_name filled.
//
// Cost: linear in the number of touchpoints with small constants — no touchpoint is
// copied except the page and each stage's last touchpoint, and already ordered input is
// not sorted.
//
// Errors: INVALID_ARGUMENT for page_size ("page_size: at most 500, got 600") or a bad
// page_token ("page_token: …").

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "journey/journey_tallies.h"
#include "journey/stage_resolver.h"
#include "journey/staged_touchpoints.h"
#include "journeydesk/v1/customer.pb.h"
#include "journeydesk/v1/journey.pb.h"
#include "journeydesk/v1/stage_map.pb.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::journey {

// `oldest_first` as the store returns it (oldest first, ties by id; sorted here only if it
// is not). `stages` must have been built from `map`. page_size 0 means 50.
absl::StatusOr<v1::Journey> AssembleJourney(const v1::Customer& customer,
                                            const std::vector<v1::Touchpoint>& oldest_first,
                                            const v1::StageMap& map, const StageResolver& stages,
                                            absl::Time as_of, int page_size,
                                            std::string_view page_token);

// The same, written into `journey` (cleared first), e.g. a response message the RPC layer
// allocated on an arena. On error `journey` is left cleared.
absl::Status AssembleJourneyInto(const v1::Customer& customer,
                                 const std::vector<v1::Touchpoint>& oldest_first,
                                 const v1::StageMap& map, const StageResolver& stages,
                                 absl::Time as_of, int page_size, std::string_view page_token,
                                 v1::Journey* journey);

// What AssembleJourneyInto fills: the whole view, or all of it but `stages`, `timeline` and
// `next_page_token` — the part a journey cache entry keeps ready as bytes for the first page
// (CachedJourney::FirstPageBytes); the two parts' wire bytes, concatenated, parse as the
// whole view (serializations of one message type, concatenated, parse as their merge).
enum class JourneyPart { kAll, kWithoutStagesAndPage };

// The same over touchpoints already indexed (IndexTouchpoints, or IndexedTouchpoints::UpTo):
// `up_to_as_of` holds exactly the touchpoints at or before `as_of`, oldest first. Pointers in
// it must stay valid for the call. `tallies`, when not null, must be
// TallyJourney(up_to_as_of, …) of these very touchpoints (the journey cache keeps them);
// null: they are tallied here.
absl::Status AssembleJourneyInto(const v1::Customer& customer,
                                 absl::Span<const StagedTouchpoint> up_to_as_of,
                                 const JourneyTallies* tallies, const v1::StageMap& map,
                                 const StageResolver& stages, absl::Time as_of, int page_size,
                                 std::string_view page_token, v1::Journey* journey,
                                 JourneyPart part = JourneyPart::kAll);

}  // namespace journeydesk::journey
