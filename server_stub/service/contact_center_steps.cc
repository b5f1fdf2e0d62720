// ContactCenterCore: what each routing step means for the agent's stream (offers with the
// screen pop, updates, notices) and for the customer's journey (touchpoints).
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/util/time_util.h"
#include "service/contact_center_core.h"
#include "spdlog/spdlog.h"

namespace journeydesk::service {
namespace {

using Kind = routing::RoutingStep::Kind;
using google::protobuf::util::TimeUtil;
constexpr int kSummaryTouchpoints = 5;

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(time));
}

// The internal caller the contact centre acts as on the journey service.
auth::Caller ContactCenterCaller(const std::string& agent_id) {
  auth::Caller caller;
  caller.token_id = "contact-center";
  caller.role = agent_id.empty() ? store::Role::kIntegration : store::Role::kAgent;
  caller.agent_id = agent_id;
  return caller;
}

v1::AgentEvent Notice(std::string code, std::string text, const std::string& contact_id) {
  v1::AgentEvent event;
  v1::Notice* notice = event.mutable_notice();
  notice->set_code(std::move(code));
  notice->set_text(std::move(text));
  notice->set_contact_id(contact_id);
  return event;
}

v1::AgentEvent Updated(const v1::Contact& contact) {
  v1::AgentEvent event;
  *event.mutable_contact_updated() = contact;
  return event;
}

}  // namespace

std::string InboundKind(const std::string& channel) {
  if (channel == "phone") return "call_inbound";
  if (channel == "social") return "social_mention";
  std::string kind = absl::StrCat(channel, "_inbound");
  absl::StrReplaceAll({{".", "_"}, {"-", "_"}}, &kind);
  return kind;
}

void ContactCenterCore::LogSaveFailure(const absl::Status& status) {
  spdlog::error("contact centre: saving a contact step failed: {}", status.ToString());
}

v1::JourneySummary ContactCenterCore::Summarise(const std::string& customer_id,
                                                const std::string& agent_id) {
  v1::JourneySummary summary;
  summary.set_customer_id(customer_id);
  v1::GetJourneyRequest request;
  request.set_customer_id(customer_id);
  request.set_page_size(kSummaryTouchpoints);
  absl::StatusOr<v1::Journey> journey = journeys_.GetJourney(ContactCenterCaller(agent_id), request);
  if (!journey.ok()) {
    summary.set_unavailable(true);
    return summary;
  }
  summary.set_display_name(journey->customer().display_name());
  summary.set_current_stage(journey->current_stage());
  for (const v1::StageView& stage : journey->stages()) {
    if (stage.id() == journey->current_stage()) summary.set_current_stage_name(stage.name());
  }
  *summary.mutable_signals() = journey->signals();
  *summary.mutable_recent_touchpoints() = journey->timeline();
  *summary.mutable_nps() = journey->metrics().nps();
  summary.set_open_issues(journey->metrics().open_issues());
  summary.set_contacts_last_30_days(journey->metrics().contacts_last_30_days());
  *summary.mutable_channels() = journey->channels();
  return summary;
}

v1::Offer ContactCenterCore::MakeOffer(const v1::Contact& contact, const std::string& detail) {
  v1::Offer offer;
  offer.set_contact_id(contact.contact_id());
  offer.set_customer_id(contact.customer_id());
  offer.set_channel(contact.channel());
  offer.set_queue(contact.queue());
  offer.set_subject(contact.subject());
  *offer.mutable_offered_at() = contact.state_since();
  *offer.mutable_expires_at() = contact.offer_expires_at();
  *offer.mutable_enqueued_at() = contact.enqueued_at();
  if (detail.rfind("agent:", 0) == 0) offer.set_transferred_by(detail.substr(6));
  *offer.mutable_journey() = Summarise(contact.customer_id(), contact.agent_id());
  *offer.mutable_contact() = contact;
  return offer;
}

void ContactCenterCore::PublishEvents(const routing::RouterOutput& output,
                                      std::vector<v1::AgentEvent>& offers) {
  size_t next_offer = 0;
  for (const routing::RoutingStep& step : output.steps) {
    const v1::Contact& c = step.contact;
    const std::string& agent = step.agent_id;
    std::vector<v1::AgentEvent> events;
    switch (step.kind) {
      case Kind::kQueued:
        break;
      case Kind::kOffered:
        events.push_back(std::move(offers[next_offer++]));
        break;
      case Kind::kOfferMissed:
        events.push_back(Notice("missed_offer",
                                absl::StrCat("The offer of contact ", c.contact_id(),
                                             " timed out and went back to the queue; you are AWAY "
                                             "now. Set yourself AVAILABLE to get offers again."),
                                c.contact_id()));
        events.push_back(Updated(c));
        break;
      case Kind::kOfferWithdrawn:
        events.push_back(Notice("offer_withdrawn",
                                absl::StrCat("The offer of contact ", c.contact_id(), " was withdrawn."),
                                c.contact_id()));
        events.push_back(Updated(c));
        break;
      case Kind::kAbandoned:
        if (agent.empty()) break;
        events.push_back(Notice("offer_withdrawn",
                                absl::StrCat("The customer of contact ", c.contact_id(),
                                             " left before it was answered."),
                                c.contact_id()));
        events.push_back(Updated(c));
        break;
      case Kind::kCustomerLeft:
        events.push_back(Notice("customer_left",
                                absl::StrCat("The customer left contact ", c.contact_id(),
                                             "; complete it with a wrap-up code."),
                                c.contact_id()));
        events.push_back(Updated(c));
        break;
      case Kind::kCustomerMessage: {
        if (agent.empty() || c.messages().empty()) break;
        v1::AgentEvent event;
        *event.mutable_customer_message() = c.messages(c.messages_size() - 1);
        event.set_contact_id(c.contact_id());
        events.push_back(std::move(event));
        break;
      }
      default:
        events.push_back(Updated(c));
        break;
    }
    for (v1::AgentEvent& event : events) {
      if (agent.empty()) continue;
      *event.mutable_at() = ToTimestamp(step.at);
      agent_log_.Publish(agent, std::move(event));
    }
  }
  if (output.agents_changed.empty()) return;
  std::vector<v1::AgentStatus> statuses;
  {
    absl::MutexLock lock(&mu_);
    for (const std::string& id : output.agents_changed) statuses.push_back(router_.AgentStatusOf(id));
  }
  for (v1::AgentStatus& status : statuses) {
    v1::AgentEvent event;
    *event.mutable_at() = ToTimestamp(options_.clock());
    const std::string id = status.agent_id();
    *event.mutable_agent_updated() = std::move(status);
    agent_log_.Publish(id, std::move(event));
  }
}

void ContactCenterCore::RecordJourneySteps(const routing::RouterOutput& output) {
  v1::RecordTouchpointsRequest request;
  for (const routing::RoutingStep& step : output.steps) {
    const v1::Contact& c = step.contact;
    v1::Touchpoint tp;
    tp.set_customer_id(c.customer_id());
    tp.set_channel(c.channel());
    tp.set_contact_id(c.contact_id());
    *tp.mutable_occurred_at() = ToTimestamp(step.at);
    tp.set_direction(v1::DIRECTION_INTERNAL);
    tp.set_agent_id(step.agent_id);
    // Filed in the contact's stage ("" : by its kind), except the inbound touchpoint: the
    // contact's stage is its kind's, which journeyd derives (stage_derived stays true).
    if (step.kind != Kind::kQueued) tp.set_stage(c.stage());
    (*tp.mutable_attributes())["queue"] = c.queue();
    const std::string n = absl::StrCat(step.ordinal);
    auto set = [&](std::string suffix, std::string kind) {
      tp.set_id(absl::StrCat(c.contact_id(), ".", suffix));
      tp.set_kind(std::move(kind));
    };
    switch (step.kind) {
      case Kind::kQueued:
        set("inbound", InboundKind(c.channel()));
        tp.set_direction(v1::DIRECTION_INBOUND);
        tp.set_summary(c.subject());
        break;
      case Kind::kOffered: set(absl::StrCat("offered.", n), "contact_offered"); break;
      case Kind::kOfferMissed: set(absl::StrCat("missed.", n), "contact_offer_missed"); break;
      case Kind::kOfferWithdrawn: set(absl::StrCat("withdrawn.", n), "contact_offer_withdrawn"); break;
      case Kind::kDeclined:
        set(absl::StrCat("declined.", n), "contact_declined");
        tp.set_summary(step.detail);
        break;
      case Kind::kAccepted: set(absl::StrCat("accepted.", n), "contact_accepted"); break;
      case Kind::kHeld: set(absl::StrCat("held.", n), "contact_held"); break;
      case Kind::kResumed: set(absl::StrCat("resumed.", n), "contact_resumed"); break;
      case Kind::kTransferred:
        set(absl::StrCat("transferred.", n), "contact_transferred");
        (*tp.mutable_attributes())["transferred_to"] = step.detail;
        break;
      case Kind::kCustomerMessage:
      case Kind::kAgentMessage: {
        const bool inbound = step.kind == Kind::kCustomerMessage;
        set(absl::StrCat("message.", n), inbound ? "message_inbound" : "message_outbound");
        tp.set_direction(inbound ? v1::DIRECTION_INBOUND : v1::DIRECTION_OUTBOUND);
        if (!c.messages().empty()) tp.set_summary(c.messages(c.messages_size() - 1).text());
        break;
      }
      case Kind::kCustomerLeft:
        set("customer_left", "contact_ended_by_customer");
        tp.set_direction(v1::DIRECTION_INBOUND);
        break;
      case Kind::kCompleted: {
        set("completed", kContactCompletedKind);
        tp.set_summary(c.notes());
        (*tp.mutable_attributes())["wrap_up_code"] = c.wrap_up_code();
        for (const v1::WrapUpCode& code : config_.wrap_up_codes()) {
          if (code.code() == c.wrap_up_code()) tp.set_outcome(code.outcome());
        }
        if (c.has_answered_at() && c.has_ended_at()) {
          (*tp.mutable_attributes())["handled_seconds"] = absl::StrCat(
              (TimeUtil::TimestampToMilliseconds(c.ended_at()) -
               TimeUtil::TimestampToMilliseconds(c.answered_at())) / 1000);
        }
        break;
      }
      case Kind::kAbandoned:
        set("abandoned", "contact_abandoned");
        tp.set_direction(v1::DIRECTION_INBOUND);
        (*tp.mutable_attributes())["waited_seconds"] = absl::StrCat(
            (TimeUtil::TimestampToMilliseconds(c.ended_at()) -
             TimeUtil::TimestampToMilliseconds(c.enqueued_at())) / 1000);
        break;
    }
    *request.add_touchpoints() = std::move(tp);
  }
  if (request.touchpoints().empty()) return;
  absl::StatusOr<v1::RecordTouchpointsResponse> recorded =
      journeys_.RecordTouchpoints(ContactCenterCaller(""), request);
  if (!recorded.ok()) {
    spdlog::warn("contact centre: recording {} contact steps on the journey failed: {}",
                 request.touchpoints_size(), recorded.status().ToString());
  }
}

}  // namespace journeydesk::service
