#pragma once
// The journey the agent sees: journeyd's (a load, plus what the watch delivered since) with
// the desktop's own writes still on their way drawn in at once, marked pending
// (pending_touchpoints.h). A pending touchpoint stays on screen until journeyd's copy of it
// (same id) is in the journey — also after the outbox sent it, so it does not blink out
// between the send and the watch event — or until the next load from journeyd, which is then
// the whole truth. Never two marks for one id; journeyd's copy always wins.
// Pending touchpoints without a stage are shown in the journey's current stage (journeyd
// places them by its stage map once it has them) — unless their stage is journeyd's own
// word (stage_derived, e.g. a wrap-up's): then they are shown where it said, "no stage" too.
// Not thread-safe: the UI thread's.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::agent {

class JourneyOnScreen {
 public:
  // A journey from journeyd, or its offline copy (`from_journeyd` false): sent writes not in
  // it are dropped only when it comes from journeyd.
  void SetJourney(std::shared_ptr<const v1::Journey> journey, bool from_journeyd);
  // A touchpoint journeyd announced for the customer on screen; false when its copy is
  // already in the journey (a pending one of the same id is replaced, not doubled).
  bool AddArrived(const v1::Touchpoint& touchpoint);
  // What the outbox is waiting to send now, for every customer (PendingTouchpoints). Those
  // no longer waiting were sent: kept until journeyd's copy arrives.
  void SetWaiting(std::vector<v1::Touchpoint> waiting);
  // Forgets the journey and what was sent (another customer is opened).
  void Clear();

  // journeyd's journey, or null.
  const std::shared_ptr<const v1::Journey>& confirmed() const { return confirmed_; }
  // The journey with the pending touchpoints of its customer merged in newest first (the
  // confirmed one itself when there are none); null without a journey.
  std::shared_ptr<const v1::Journey> shown() const;
  // Pending touchpoints of the customer on screen that are shown.
  int pending_shown() const;

 private:
  std::vector<const v1::Touchpoint*> PendingForScreen() const;

  std::shared_ptr<const v1::Journey> confirmed_;
  std::set<std::string> confirmed_ids_;
  std::vector<v1::Touchpoint> waiting_;
  std::map<std::string, v1::Touchpoint> sent_;  // by id: sent, journeyd's copy not seen yet
  mutable std::shared_ptr<const v1::Journey> shown_;  // cache; reset by every change
};

}  // namespace journeydesk::agent
