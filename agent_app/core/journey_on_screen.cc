#include "core/journey_on_screen.h"

#include <algorithm>

#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

bool Newer(const v1::Touchpoint& a, const v1::Touchpoint& b) {
  return FromProto(a.occurred_at()) > FromProto(b.occurred_at());
}

}  // namespace

void JourneyOnScreen::SetJourney(std::shared_ptr<const v1::Journey> journey, bool from_journeyd) {
  confirmed_ = std::move(journey);
  confirmed_ids_.clear();
  if (confirmed_) {
    for (const v1::Touchpoint& tp : confirmed_->timeline()) confirmed_ids_.insert(tp.id());
  }
  if (from_journeyd) sent_.clear();
  shown_.reset();
}

bool JourneyOnScreen::AddArrived(const v1::Touchpoint& touchpoint) {
  if (!confirmed_ || confirmed_ids_.count(touchpoint.id())) return false;
  auto updated = std::make_shared<v1::Journey>(*confirmed_);
  auto* timeline = updated->mutable_timeline();
  // Newest first: a live touchpoint is usually the newest, so this walks a step or two.
  int at = 0;
  while (at < timeline->size() && Newer(timeline->Get(at), touchpoint)) ++at;
  *timeline->Add() = touchpoint;
  for (int i = timeline->size() - 1; i > at; --i) timeline->SwapElements(i, i - 1);
  updated->mutable_metrics()->set_total_touchpoints(timeline->size());
  confirmed_ = std::move(updated);
  confirmed_ids_.insert(touchpoint.id());
  sent_.erase(touchpoint.id());
  shown_.reset();
  return true;
}

void JourneyOnScreen::SetWaiting(std::vector<v1::Touchpoint> waiting) {
  std::set<std::string> still;
  for (const v1::Touchpoint& tp : waiting) still.insert(tp.id());
  for (v1::Touchpoint& before : waiting_) {
    if (!still.count(before.id()) && !confirmed_ids_.count(before.id())) sent_[before.id()] = std::move(before);
  }
  for (const std::string& id : still) sent_.erase(id);
  waiting_ = std::move(waiting);
  shown_.reset();
}

void JourneyOnScreen::Clear() {
  confirmed_.reset();
  confirmed_ids_.clear();
  sent_.clear();
  shown_.reset();
}

std::vector<const v1::Touchpoint*> JourneyOnScreen::PendingForScreen() const {
  std::vector<const v1::Touchpoint*> pending;
  if (!confirmed_) return pending;
  const std::string& customer = confirmed_->customer().id();
  std::set<std::string> seen;
  auto consider = [&](const v1::Touchpoint& tp) {
    if (tp.customer_id() != customer || confirmed_ids_.count(tp.id()) || !seen.insert(tp.id()).second) return;
    pending.push_back(&tp);
  };
  for (const v1::Touchpoint& tp : waiting_) consider(tp);
  for (const auto& [id, tp] : sent_) consider(tp);
  std::stable_sort(pending.begin(), pending.end(), [](const v1::Touchpoint* a, const v1::Touchpoint* b) {
    return Newer(*a, *b);
  });
  return pending;
}

int JourneyOnScreen::pending_shown() const { return static_cast<int>(PendingForScreen().size()); }

std::shared_ptr<const v1::Journey> JourneyOnScreen::shown() const {
  if (shown_ || !confirmed_) return shown_ ? shown_ : confirmed_;
  const std::vector<const v1::Touchpoint*> pending = PendingForScreen();
  if (pending.empty()) {
    shown_ = confirmed_;
    return shown_;
  }
  auto merged = std::make_shared<v1::Journey>(*confirmed_);
  auto* timeline = merged->mutable_timeline();
  for (const v1::Touchpoint* tp : pending) {  // few, and usually the newest: near the front
    int at = 0;
    while (at < timeline->size() && !Newer(*tp, timeline->Get(at))) ++at;
    v1::Touchpoint* added = timeline->Add();
    *added = *tp;
    if (added->stage().empty() && !added->stage_derived()) added->set_stage(confirmed_->current_stage());
    for (int i = timeline->size() - 1; i > at; --i) timeline->SwapElements(i, i - 1);
  }
  shown_ = std::move(merged);
  return shown_;
}

}  // namespace journeydesk::agent
