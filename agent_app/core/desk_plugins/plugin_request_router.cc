#include "core/desk_plugins/plugin_request_router.h"

#include "absl/strings/str_cat.h"
#include "core/proto_time.h"

namespace journeydesk::agent {
namespace {

v1::Direction ToDirection(plugin::v1::TouchpointDirection direction) {
  switch (direction) {
    case plugin::v1::TOUCHPOINT_INBOUND: return v1::DIRECTION_INBOUND;
    case plugin::v1::TOUCHPOINT_OUTBOUND: return v1::DIRECTION_OUTBOUND;
    case plugin::v1::TOUCHPOINT_INTERNAL: return v1::DIRECTION_INTERNAL;
    default: return v1::DIRECTION_UNSPECIFIED;
  }
}

v1::Outcome ToOutcome(plugin::v1::TouchpointOutcome outcome) {
  switch (outcome) {
    case plugin::v1::TOUCHPOINT_RESOLVED: return v1::OUTCOME_RESOLVED;
    case plugin::v1::TOUCHPOINT_UNRESOLVED: return v1::OUTCOME_UNRESOLVED;
    case plugin::v1::TOUCHPOINT_ESCALATED: return v1::OUTCOME_ESCALATED;
    default: return v1::OUTCOME_UNSPECIFIED;
  }
}

}  // namespace

PluginRequestRouter::PluginRequestRouter(ContactCenterClient* contacts, JourneyClient* journeys, std::string agent_id)
    : contacts_(contacts), journeys_(journeys), agent_id_(std::move(agent_id)) {}

void PluginRequestRouter::SetHost(plugins::PluginHost* host) {
  std::lock_guard lock(mutex_);
  host_ = host;
}

void PluginRequestRouter::RememberContact(const v1::Contact& contact, const WrapUpRecording& wrap_up) {
  std::lock_guard lock(mutex_);
  contacts_by_id_[contact.contact_id()] = KnownContact{contact, wrap_up};
}

void PluginRequestRouter::ForgetContact(const std::string& contact_id) {
  std::lock_guard lock(mutex_);
  contacts_by_id_.erase(contact_id);
}

void PluginRequestRouter::SetAgentId(std::string agent_id) {
  std::lock_guard lock(mutex_);
  agent_id_ = std::move(agent_id);
}

void PluginRequestRouter::ReportFailure(const std::string& contact_id, const std::string& request,
                                        const std::string& message) {
  plugins::PluginHost* host = nullptr;
  {
    std::lock_guard lock(mutex_);
    host = host_;
  }
  if (host != nullptr) host->ReportRequestFailed(contact_id, request, message).IgnoreError();
}

void PluginRequestRouter::OnHostRequest(const std::string& plugin_id, const std::string& contact_id,
                                        const std::string& channel, const plugin::v1::HostRequest& request) {
  switch (request.request_case()) {
    case plugin::v1::HostRequest::kSendMessage:
      contacts_->SendMessage(contact_id, request.send_message().text());
      return;
    case plugin::v1::HostRequest::kHold:
      contacts_->Hold(contact_id);
      return;
    case plugin::v1::HostRequest::kResume:
      contacts_->Resume(contact_id);
      return;
    case plugin::v1::HostRequest::kTransfer: {
      v1::TransferContactRequest transfer;
      transfer.set_contact_id(contact_id);
      if (!request.transfer().agent_id().empty()) {
        transfer.set_agent_id(request.transfer().agent_id());
      } else {
        transfer.set_queue(request.transfer().queue());
      }
      contacts_->Transfer(std::move(transfer));
      return;
    }
    case plugin::v1::HostRequest::kComplete: {
      WrapUpWrite complete;
      complete.request.set_contact_id(contact_id);
      complete.request.set_wrap_up_code(request.complete().wrap_up_code());
      complete.request.set_notes(request.complete().notes());
      {
        std::lock_guard lock(mutex_);
        auto it = contacts_by_id_.find(contact_id);
        if (it != contacts_by_id_.end()) {
          complete.touchpoint = WrapUpTouchpoint(it->second.contact, complete.request, it->second.wrap_up);
        }
      }
      if (absl::Status queued = journeys_->CompleteContact(std::move(complete)); !queued.ok()) {
        ReportFailure(contact_id, "complete", std::string(queued.message()));
      }
      return;
    }
    case plugin::v1::HostRequest::kRecordTouchpoint: {
      const plugin::v1::RecordTouchpoint& asked = request.record_touchpoint();
      std::string customer_id;
      std::string agent_id;
      {
        std::lock_guard lock(mutex_);
        auto it = contacts_by_id_.find(contact_id);
        if (it != contacts_by_id_.end()) customer_id = it->second.contact.customer_id();
        agent_id = agent_id_;
      }
      if (customer_id.empty()) {
        ReportFailure(contact_id, "record_touchpoint", "the contact is no longer in the agent's hands");
        return;
      }
      v1::RecordTouchpointsRequest record;
      v1::Touchpoint* touchpoint = record.add_touchpoints();
      if (!asked.id().empty()) touchpoint->set_id(absl::StrCat(plugin_id, "-", asked.id()));
      touchpoint->set_customer_id(customer_id);
      touchpoint->set_channel(channel);
      touchpoint->set_kind(asked.kind());
      touchpoint->set_summary(asked.summary());
      touchpoint->set_direction(ToDirection(asked.direction()));
      touchpoint->set_outcome(ToOutcome(asked.outcome()));
      touchpoint->set_contact_id(contact_id);
      touchpoint->set_agent_id(agent_id);
      *touchpoint->mutable_occurred_at() = ToProto(absl::Now());
      for (const auto& [key, value] : asked.attributes()) (*touchpoint->mutable_attributes())[key] = value;
      (*touchpoint->mutable_attributes())["plugin"] = plugin_id;
      if (absl::Status queued = journeys_->RecordTouchpoints(std::move(record)); !queued.ok()) {
        ReportFailure(contact_id, "record_touchpoint", std::string(queued.message()));
      }
      return;
    }
    case plugin::v1::HostRequest::REQUEST_NOT_SET:
      return;
  }
}

}  // namespace journeydesk::agent
