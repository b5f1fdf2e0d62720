#pragma once
// Notifications from the core to the UI (FileZilla's engine pattern), carried by a
// WakingQueue (core/waking_queue.h): worker threads Push, the UI's main thread DrainAll()s.
// No wx types here.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/time/time.h"
#include "core/connection_state.h"
#include "core/waking_queue.h"
#include "journeydesk/v1/contact_center.pb.h"
#include "journeydesk/v1/journey.pb.h"
#include "journeydesk/v1/journey_service.pb.h"
#include "journeydesk/v1/next_steps.pb.h"

namespace journeydesk::agent {

struct ConnectionChanged {
  ConnectionState state;
  std::string detail;  // the last error, for the status bar's tooltip
};
struct SessionReady {
  std::string agent_id;
  std::string role;
};
// A journey with every touchpoint in `journey.timeline` (newest first).
struct JourneyLoaded {
  v1::Journey journey;
  absl::Time fetched_at;
  bool from_cache = false;  // journeyd was unreachable; this is the local copy
};
struct JourneyFailed {
  std::string customer_id;
  std::string message;  // says what to do next
};
struct SearchResults {
  uint64_t request_id = 0;
  std::string query;
  std::vector<v1::CustomerMatch> matches;
  std::string error;  // empty on success
};
struct TouchpointArrived {
  std::string customer_id;
  v1::Touchpoint touchpoint;
};
// The watch stream is live (first start, or back after a gap): touchpoints recorded before
// it may be missing from the journey on screen — reload it.
struct WatchResumed {
  std::string customer_id;
};
struct OutboxChanged {
  int pending = 0;
  int sent = 0;          // delivered in this replay
  std::string rejected;  // why journeyd refused an entry, if it did
  // What the waiting writes will add to journeys, every customer's, marked pending
  // (pending_touchpoints.h): drawn on the journey until journeyd has them.
  std::vector<v1::Touchpoint> waiting_touchpoints;
};


// --- next steps (JourneyClient) ---
// Suggestions for a customer: asked for, returned after an outcome, or pushed because a new
// touchpoint changed the top one (proactive).
struct SuggestionsLoaded {
  std::string customer_id;
  std::string contact_id;  // the contact they were asked for, if any
  v1::SuggestNextStepsResponse response;
  bool proactive = false;
  std::vector<std::string> trigger_touchpoint_ids;  // proactive: what changed them
};
struct SuggestionsFailed {
  std::string customer_id;
  std::string message;
};

// --- live contacts (ContactCenterClient) ---
// The agent stream is (re)established. Fresh start: every pending offer and open contact;
// resumed: nothing missed, the events since follow.
struct AgentStreamStarted {
  v1::AgentStarted started;
};
// The agent stream broke (transport) or was refused (token); it is retried with backoff
// unless `permanent`.
struct AgentStreamLost {
  std::string message;
  bool permanent = false;
};
struct OfferArrived {
  v1::Offer offer;
  absl::Time received_at;  // for the screen-pop measurement
};
// A contact of this agent changed (state, messages, …), from the stream or a command's reply.
struct ContactChanged {
  v1::Contact contact;
};
struct CustomerMessageArrived {
  std::string contact_id;
  v1::ContactMessage message;
};
struct AgentNoticeArrived {
  v1::Notice notice;
};
struct AgentStatusChanged {
  v1::AgentStatus status;
};
// A contact command journeyd refused or could not take; the message says what to do.
struct ContactCommandFailed {
  std::string contact_id;
  std::string action;  // "accept", "decline", "hold", …
  std::string message;
};

using Notification =
    std::variant<ConnectionChanged, SessionReady, JourneyLoaded, JourneyFailed, SearchResults,
                 TouchpointArrived, WatchResumed, OutboxChanged, SuggestionsLoaded, SuggestionsFailed,
                 AgentStreamStarted, AgentStreamLost, OfferArrived, ContactChanged,
                 CustomerMessageArrived, AgentNoticeArrived, AgentStatusChanged, ContactCommandFailed>;

// Thread-safe.
class NotificationQueue : public WakingQueue<Notification> {};

}  // namespace journeydesk::agent
