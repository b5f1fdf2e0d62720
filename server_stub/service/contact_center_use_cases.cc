// ContactCenterCore: the RPCs' use cases — validate, resolve the customer, run the change
// on the router (ContactCenterCore::Mutate delivers what it produced).
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "common/absl_string_view.h"
#include "journey/touchpoint_validation.h"
#include "service/contact_center_core.h"
#include "store/crypto_random.h"

namespace journeydesk::service {

std::string InboundKind(const std::string& channel);  // contact_center_steps.cc

namespace {

using routing::ContactRouter;
using routing::RouterOutput;

constexpr size_t kMaxTextBytes = journey::kMaxSummaryBytes;

absl::Status CheckText(const std::string& text, std::string_view field, bool required) {
  if (required && text.empty()) return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": required"));
  if (text.size() > kMaxTextBytes) {
    return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": at most ", kMaxTextBytes,
                                                   " bytes, got ", text.size()));
  }
  return absl::OkStatus();
}

absl::Status CheckContactId(const std::string& contact_id) {
  if (contact_id.empty()) return absl::InvalidArgumentError("contact_id: required");
  if (contact_id.size() > 128) return absl::InvalidArgumentError("contact_id: at most 128 characters");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> ContactCenterCore::AgentOf(const auth::Caller& caller) const {
  if (caller.agent_id.empty()) {
    return absl::FailedPreconditionError(
        "this token is not bound to an agent; create one with `jdctl token create --role agent "
        "--agent-id <id>`");
  }
  return caller.agent_id;
}

// ---------------------------------------------------------------- integrations

absl::StatusOr<v1::EnqueueContactResponse> ContactCenterCore::EnqueueContact(
    const auth::Caller&, const v1::EnqueueContactRequest& request) {
  if (request.channel().empty() && request.queue().empty()) {
    return absl::InvalidArgumentError("channel: required (phone, chat, email, sms, social, …)");
  }
  if (request.address().empty() == request.customer_id().empty()) {
    return absl::InvalidArgumentError("address / customer_id: give exactly one of them");
  }
  if (absl::Status ok = CheckText(request.subject(), "subject", false); !ok.ok()) return ok;
  absl::StatusOr<std::string> random = store::RandomHex(8);
  if (!random.ok()) return random.status();
  routing::NewContact contact{absl::StrCat("CT-", *random), request.customer_id(),
                              request.channel(), request.queue(), request.subject(),
                              request.address()};
  if (contact.channel.empty()) {
    for (const v1::QueueConfig& queue : config_.queues()) {
      if (queue.name() == request.queue()) contact.channel = queue.channel();
    }
  }
  if (!request.customer_id().empty()) {
    absl::StatusOr<v1::Customer> customer = customers_.GetCustomer(request.customer_id());
    if (!customer.ok()) return customer.status();
  } else {
    // Resolve the address by recording the inbound touchpoint (the same id the queued step
    // records later, so that one is a duplicate): an unknown address becomes a prospect.
    v1::RecordTouchpointsRequest inbound;
    v1::Touchpoint* tp = inbound.add_touchpoints();
    tp->set_id(absl::StrCat(contact.contact_id, ".inbound"));
    tp->set_address(request.address());
    tp->set_channel(contact.channel.empty() ? "unknown" : contact.channel);
    tp->set_kind(InboundKind(tp->channel()));
    tp->set_direction(v1::DIRECTION_INBOUND);
    tp->set_summary(request.subject());
    tp->set_contact_id(contact.contact_id);
    (*tp->mutable_attributes())["queue"] = request.queue().empty() ? request.channel() : request.queue();
    *tp->mutable_occurred_at() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
        absl::ToUnixMicros(options_.clock()));
    auth::Caller self;
    self.token_id = "contact-center";
    self.role = store::Role::kIntegration;
    absl::StatusOr<v1::RecordTouchpointsResponse> resolved = journeys_.RecordTouchpoints(self, inbound);
    if (!resolved.ok()) {
      std::string message(resolved.status().message());
      if (message.rfind("touchpoints[0].", 0) == 0) message = message.substr(15);
      return absl::Status(resolved.status().code(), message);
    }
    contact.customer_id = resolved->results(0).customer_id();
  }
  // Its steps are filed where its inbound touchpoint is (Contact.stage). An unknown queue has
  // no channel yet; Enqueue refuses it below.
  if (!contact.channel.empty()) {
    contact.stage = std::string(journeys_.stages().StageForKind(InboundKind(contact.channel)));
  }
  absl::StatusOr<v1::Contact> queued = Mutate<v1::Contact>(
      [&](ContactRouter& router, absl::Time now, RouterOutput* out) {
        return router.Enqueue(contact, now, out);
      },
      /*must_persist=*/true);
  if (!queued.ok()) {
    if (queued.status().code() != absl::StatusCode::kInvalidArgument) {
      // Not stored: take it back out of the queue (and away from any agent).
      (void)Mutate<bool>([&](ContactRouter& router, absl::Time now, RouterOutput* out) {
        router.Forget(contact.contact_id, now, out);
        return absl::StatusOr<bool>(true);
      });
    }
    return queued.status();
  }
  v1::EnqueueContactResponse response;
  response.set_contact_id(queued->contact_id());
  response.set_customer_id(queued->customer_id());
  response.set_queue(queued->queue());
  *response.mutable_contact() = std::move(*queued);
  return response;
}

absl::StatusOr<v1::Contact> ContactCenterCore::PostCustomerMessage(
    const auth::Caller&, const v1::PostCustomerMessageRequest& request) {
  if (absl::Status ok = CheckContactId(request.contact_id()); !ok.ok()) return ok;
  if (absl::Status ok = CheckText(request.text(), "text", true); !ok.ok()) return ok;
  return Mutate<v1::Contact>([&](ContactRouter& router, absl::Time now, RouterOutput* out) {
    return router.PostCustomerMessage(request.contact_id(), request.text(), now, out);
  });
}

absl::StatusOr<v1::Contact> ContactCenterCore::EndContact(const auth::Caller&,
                                                          const v1::EndContactRequest& request) {
  if (absl::Status ok = CheckContactId(request.contact_id()); !ok.ok()) return ok;
  return Mutate<v1::Contact>([&](ContactRouter& router, absl::Time now, RouterOutput* out) {
    return router.EndContact(request.contact_id(), request.only_if_waiting(), now, out);
  });
}

// ---------------------------------------------------------------- agents

absl::StatusOr<v1::AgentStatus> ContactCenterCore::SetAgentState(
    const auth::Caller& caller, const v1::SetAgentStateRequest& request) {
  absl::StatusOr<std::string> agent = AgentOf(caller);
  if (!agent.ok()) return agent.status();
  if (absl::Status ok = CheckText(request.reason(), "reason", false); !ok.ok()) return ok;
  return Mutate<v1::AgentStatus>(
      [&](ContactRouter& router, absl::Time now, RouterOutput* out) {
        return router.SetAgentState(*agent, request.state(), request.reason(), now, out);
      },
      /*must_persist=*/true);
}

#define JD_AGENT_CHANGE(call)                                                         \
  absl::StatusOr<std::string> agent = AgentOf(caller);                                \
  if (!agent.ok()) return agent.status();                                             \
  if (absl::Status ok = CheckContactId(request.contact_id()); !ok.ok()) return ok;    \
  return Mutate<v1::Contact>(                                                         \
      [&](ContactRouter& router, absl::Time now, RouterOutput* out) { return call; }, \
      /*must_persist=*/true)

absl::StatusOr<v1::Contact> ContactCenterCore::AcceptContact(const auth::Caller& caller,
                                                             const v1::AcceptContactRequest& request) {
  JD_AGENT_CHANGE(router.Accept(*agent, request.contact_id(), now, out));
}

absl::StatusOr<v1::Contact> ContactCenterCore::DeclineContact(
    const auth::Caller& caller, const v1::DeclineContactRequest& request) {
  if (absl::Status ok = CheckText(request.reason(), "reason", false); !ok.ok()) return ok;
  JD_AGENT_CHANGE(router.Decline(*agent, request.contact_id(), request.reason(), now, out));
}

absl::StatusOr<v1::Contact> ContactCenterCore::SendMessage(const auth::Caller& caller,
                                                           const v1::SendMessageRequest& request) {
  if (absl::Status ok = CheckText(request.text(), "text", true); !ok.ok()) return ok;
  JD_AGENT_CHANGE(router.SendMessage(*agent, request.contact_id(), request.text(), now, out));
}

absl::StatusOr<v1::Contact> ContactCenterCore::HoldContact(const auth::Caller& caller,
                                                           const v1::HoldContactRequest& request) {
  JD_AGENT_CHANGE(router.Hold(*agent, request.contact_id(), now, out));
}

absl::StatusOr<v1::Contact> ContactCenterCore::ResumeContact(const auth::Caller& caller,
                                                             const v1::ResumeContactRequest& request) {
  JD_AGENT_CHANGE(router.Resume(*agent, request.contact_id(), now, out));
}

absl::StatusOr<v1::Contact> ContactCenterCore::TransferContact(
    const auth::Caller& caller, const v1::TransferContactRequest& request) {
  if (request.target_case() == v1::TransferContactRequest::TARGET_NOT_SET) {
    return absl::InvalidArgumentError("target: give a queue or an agent_id to transfer to");
  }
  JD_AGENT_CHANGE(router.Transfer(*agent, request.contact_id(), request.queue(), request.agent_id(),
                                  now, out));
}

absl::StatusOr<v1::Contact> ContactCenterCore::CompleteContact(
    const auth::Caller& caller, const v1::CompleteContactRequest& request) {
  if (absl::Status ok = CheckText(request.notes(), "notes", false); !ok.ok()) return ok;
  JD_AGENT_CHANGE(router.Complete(*agent, request.contact_id(), request.wrap_up_code(),
                                  request.notes(), now, out));
}

#undef JD_AGENT_CHANGE

}  // namespace journeydesk::service
