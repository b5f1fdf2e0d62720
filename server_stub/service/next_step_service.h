#pragma once
// The next-best-action use cases, free of gRPC: SuggestNextSteps and RecordActionOutcome,
// the proactive suggestions_changed push to watchers, and the swappable rules.
//
// Reads a customer's journey exactly as GetJourney does (JourneyServiceCore's journey
// cache, which every write through the core keeps current, so a consent change applies to
// the next suggestion) and runs the engine (nba/engine.h). Outcomes are recorded as touchpoints through
// JourneyServiceCore::RecordTouchpoints, so they are validated, stored, audited and pushed
// to watchers like any other touchpoint, and the contact policy reads them back.
//
// Proactive: after a RecordTouchpoints stored touchpoints for a customer someone watches,
// the suggestions are computed again — in the background (RefreshQueue: never delaying the
// ingest or the push of the touchpoints themselves; a burst for one customer is one run); when the top action differs from the last one known
// for that customer (or, when none is known, from the journey without the new
// touchpoints), a `suggestions_changed` event is published to the customer's watchers.
//
// Thread safety: every method may be called from any thread at once. ReplaceRules swaps
// the rules atomically; a request in flight finishes with the rules it started with.

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "auth/caller.h"
#include "journeydesk/v1/next_steps.pb.h"
#include "nba/rules_loader.h"
#include "service/journey_service_core.h"
#include "service/refresh_queue.h"

namespace journeydesk::service {

class NextStepService {
 public:
  // `core` must outlive this service; the service becomes the core's ingest listener
  // (and stops being it when destroyed). `rules` must not be null.
  NextStepService(JourneyServiceCore& core, nba::RuleSetPtr rules);
  ~NextStepService();
  NextStepService(const NextStepService&) = delete;
  NextStepService& operator=(const NextStepService&) = delete;

  // INVALID_ARGUMENT: customer_id missing, max_suggestions outside 0..10 (0 means 3).
  // NOT_FOUND: unknown customer. Audited as a read.
  absl::StatusOr<v1::SuggestNextStepsResponse> SuggestNextSteps(const auth::Caller& caller,
                                                                const v1::SuggestNextStepsRequest& request);
  // Stores one outcome touchpoint (kind nba_offered / nba_accepted / nba_declined /
  // nba_completed, direction INTERNAL, attributes action_id, category, reason,
  // suggestion_id, rules_version) and returns the suggestions after it.
  // INVALID_ARGUMENT: customer_id, outcome or channel missing; no action id (directly or
  // from suggestion_id); an action the current rules do not have; a decline without a
  // reason. NOT_FOUND: unknown customer.
  absl::StatusOr<v1::RecordActionOutcomeResponse> RecordActionOutcome(
      const auth::Caller& caller, const v1::RecordActionOutcomeRequest& request);

  void ReplaceRules(nba::RuleSetPtr rules);
  nba::RuleSetPtr rules() const;

 private:
  absl::Status Compute(const journey::CachedJourney& snapshot, const nba::RuleSet& rules,
                       std::string_view channel, int max_suggestions,
                       absl::Span<const std::string> left_out_ids, absl::Time as_of,
                       v1::SuggestNextStepsResponse* out) const;
  void OnTouchpointsStored(const std::vector<JourneyServiceCore::StoredTouchpoints>& stored);
  // On refresh_'s thread: recomputes the watched customer's suggestions, publishes a change.
  void Refresh(const std::string& customer_id, const std::vector<std::string>& touchpoint_ids);
  void RememberTop(const std::string& customer_id, const v1::SuggestNextStepsResponse& response);

  JourneyServiceCore& core_;
  mutable absl::Mutex rules_mu_;
  nba::RuleSetPtr rules_ ABSL_GUARDED_BY(rules_mu_);
  absl::Mutex tops_mu_;
  // Watched customers → the top action id last computed for them ("" for none).
  absl::flat_hash_map<std::string, std::string> last_top_ ABSL_GUARDED_BY(tops_mu_);
  RefreshQueue refresh_;  // last: its thread stops before the members above go
};

}  // namespace journeydesk::service
