#include "core/wrap_up_touchpoint.h"

#include "absl/strings/str_cat.h"

namespace journeydesk::agent {

v1::Touchpoint WrapUpTouchpoint(const v1::Contact& contact, const v1::CompleteContactRequest& request,
                                const WrapUpRecording& recording) {
  v1::Touchpoint tp;
  tp.set_id(absl::StrCat(request.contact_id(), ".completed"));
  tp.set_customer_id(contact.customer_id());
  tp.set_channel(contact.channel());
  tp.set_kind(kContactCompletedKind);
  tp.set_direction(v1::DIRECTION_INTERNAL);
  tp.set_contact_id(request.contact_id());
  tp.set_agent_id(contact.agent_id());
  tp.set_summary(request.notes());
  (*tp.mutable_attributes())["queue"] = contact.queue();
  (*tp.mutable_attributes())["wrap_up_code"] = request.wrap_up_code();
  for (const v1::WrapUpCode& code : recording.codes) {
    if (code.code() == request.wrap_up_code()) tp.set_outcome(code.outcome());
  }
  if (!contact.stage().empty()) {
    tp.set_stage(contact.stage());  // journeyd files every step of the contact there
  } else if (recording.stage.has_value()) {
    tp.set_stage(*recording.stage);
    tp.set_stage_derived(true);
  }
  return tp;
}

}  // namespace journeydesk::agent
