#include "core/agent_note.h"

#include "core/proto_time.h"

namespace journeydesk::agent {

v1::RecordTouchpointsRequest AgentNoteRequest(const v1::Contact& contact, const std::string& text,
                                              const std::string& stage, absl::Time now) {
  v1::RecordTouchpointsRequest request;
  v1::Touchpoint* note = request.add_touchpoints();
  note->set_customer_id(contact.customer_id());
  note->set_channel(contact.channel());
  note->set_kind("agent_note");
  note->set_direction(v1::DIRECTION_INTERNAL);
  note->set_summary(text);
  note->set_contact_id(contact.contact_id());
  note->set_stage(stage);
  *note->mutable_occurred_at() = ToProto(now);
  return request;
}

}  // namespace journeydesk::agent
