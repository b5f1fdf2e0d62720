// The agent window's live-contact side: the inbox (offers, screen pop, accept / decline,
// agent state), the active contact's workspace (messages, hold, transfer, note, wrap-up) and
// the next steps (suggestions, evidence, outcomes). Writes that must not be lost — wrap-ups,
// notes, next-step outcomes — go through JourneyClient's outbox.
#include <cstdio>

#include <wx/choicdlg.h>
#include <wx/menu.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include "absl/strings/str_cat.h"
#include "core/agent_note.h"
#include "core/proto_time.h"
#include "ui/agent_frame.h"
#include "ui/agent_frame_ids.h"
#include "ui/contact_inbox_panel.h"
#include "ui/contact_workspace_panel.h"
#include "ui/journey_canvas.h"
#include "ui/announce.h"
#include "ui/next_steps_panel.h"
#include "ui/transfer_dialog.h"
#include "ui/wrap_up_dialog.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8Text(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

std::string OutcomeName(v1::ActionOutcome outcome) {
  switch (outcome) {
    case v1::ACTION_ACCEPTED: return "accepted";
    case v1::ACTION_DECLINED: return "declined";
    case v1::ACTION_COMPLETED: return "completed";
    case v1::ACTION_OFFERED: return "offered";
    default: return "unspecified";
  }
}

std::string AgentStateName(const v1::AgentStatus& status) {
  switch (status.state()) {
    case v1::AVAILABLE: return "available";
    case v1::AWAY: return status.away_reason().empty() ? "away" : absl::StrCat("away (", status.away_reason(), ")");
    case v1::OFFLINE: return "offline";
    default: return "signing in";
  }
}

}  // namespace

void AgentFrame::BindContactPanels() {
  inbox_panel_->on_state = [this](v1::AgentState state, const std::string& reason) {
    contacts_->SetAgentState(state, reason);
  };
  inbox_panel_->on_accept = [this](const std::string& id) { AcceptOffer(id); };
  inbox_panel_->on_decline = [this](const std::string& id) { DeclineOffer(id); };
  inbox_panel_->on_preview_offer = [this](const std::string& id) {
    if (const RingingOffer* ringing = inbox_.FindOffer(id)) {
      OpenCustomer(ringing->offer.customer_id(), id, ringing->offer.channel());
    }
  };
  inbox_panel_->on_open_contact = [this](const std::string& id) { SetActiveContact(id); };

  next_steps_->on_outcome = [this](const v1::Suggestion& suggestion, v1::ActionOutcome outcome,
                                   const std::string& reason) { RecordOutcome(suggestion, outcome, reason); };
  next_steps_->on_evidence = [this](const std::vector<std::string>& ids) {
    canvas_->SetHighlighted(ids);
    Announce("evidence highlighted: ", ids.size(), " touchpoints");
  };

  Bind(wxEVT_MENU, [this](wxCommandEvent&) { contacts_->SetAgentState(v1::AVAILABLE, ""); }, kIdAvailable);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { GoAway(); }, kIdAway);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (const std::string id = inbox_panel_->SelectedOffer(); !id.empty()) AcceptOffer(id);
  }, kIdAcceptOffer);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (const std::string id = inbox_panel_->SelectedOffer(); !id.empty()) DeclineOffer(id);
  }, kIdDeclineOffer);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    // On the active contact whichever workspace shows it.
    if (const v1::Contact* contact = inbox_.FindContact(active_contact_id_)) {
      if (contact->state() == v1::CONTACT_ACTIVE) contacts_->Hold(active_contact_id_);
      if (contact->state() == v1::CONTACT_HELD) contacts_->Resume(active_contact_id_);
    }
  }, kIdHold);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!ForwardToPluginWorkspace({"ctrl+enter", "ctrl+return"})) Workspace().SendDraft();
  }, kIdSend);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!active_contact_id_.empty()) Transfer(active_contact_id_);
  }, kIdTransfer);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!active_contact_id_.empty()) AddNote(active_contact_id_);
  }, kIdNote);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!active_contact_id_.empty()) WrapUp(active_contact_id_);
  }, kIdWrapUp);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { next_steps_->AcceptFirst(); }, kIdStepAccept);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { next_steps_->DeclineFirst(); }, kIdStepDecline);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { next_steps_->ToggleWhyFirst(); }, kIdStepWhy);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { next_steps_->ToggleSuppressed(); }, kIdStepSuppressed);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { inbox_panel_->FocusOffers(); }, kIdFocusInbox);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { inbox_panel_->FocusContacts(); }, kIdFocusContacts);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) { next_steps_->FocusFirst(); }, kIdFocusSteps);
  Bind(wxEVT_MENU, [this](wxCommandEvent&) {
    if (!FocusPluginComposer()) Workspace().FocusComposer();
  }, kIdFocusComposer);
}

// ---------------------------------------------------------------- the agent stream

void AgentFrame::Handle(AgentStreamStarted&& started) {
  stream_up_ = true;
  inbox_.Start(started.started, absl::Now());
  inbox_panel_->SetStreamStatus(started.started.resumed() ? "contact stream resumed" : "contact stream live", false);
  Announce("contact stream ", started.started.resumed() ? "resumed" : "started", " as ",
           started.started.agent().agent_id());
  if (options_.available_at_start && !went_available_) {
    went_available_ = true;
    contacts_->SetAgentState(v1::AVAILABLE, "");
  }
  if (!active_contact_id_.empty() && inbox_.FindContact(active_contact_id_) == nullptr) active_contact_id_.clear();
  if (active_contact_id_.empty() && !inbox_.contacts().empty()) SetActiveContact(inbox_.contacts().front().contact_id());
  for (const RingingOffer& ringing : inbox_.offers()) {
    if (!BusyWithContact()) {
      OpenCustomer(ringing.offer.customer_id(), ringing.offer.contact_id(), ringing.offer.channel());
      break;
    }
  }
  RefreshInbox();
}

void AgentFrame::Handle(AgentStreamLost&& lost) {
  stream_up_ = false;
  inbox_panel_->SetStreamStatus(lost.message, true);
  Announce("contact stream lost: ", lost.message);
}

void AgentFrame::Handle(OfferArrived&& arrived) {
  const v1::Offer& offer = arrived.offer;
  Announce("offer ", offer.contact_id(), " for ", offer.customer_id(), " on ", offer.channel());
  inbox_.AddOffer(offer, arrived.received_at);
  // The screen pop: the customer's journey before the agent answers — unless the agent is
  // in the middle of another contact; then the offer rings and Enter on it shows the journey.
  const bool pop = !BusyWithContact();
  if (pop) {
    if (!offer.journey().display_name().empty() && offer.customer_id() != customer_id_) {
      customer_name_->SetLabel(Utf8Text(offer.journey().display_name()));
      customer_facts_->SetLabel(Utf8Text(absl::StrCat("incoming ", offer.channel(), " contact · ",
                                                      offer.journey().current_stage_name(), " · loading the journey…")));
    }
    OpenCustomer(offer.customer_id(), offer.contact_id(), offer.channel());
  }
  RefreshInbox();
  // Accept / Decline act on the selected offer: it is the one whose journey popped.
  if (pop) inbox_panel_->SelectOffer(offer.contact_id());
  RequestUserAttention(wxUSER_ATTENTION_INFO);
}

void AgentFrame::Handle(ContactChanged&& changed) {
  const v1::Contact contact = std::move(changed.contact);
  const bool was_offer = inbox_.FindOffer(contact.contact_id()) != nullptr;
  inbox_.UpdateContact(contact);
  if (contact.state() == v1::CONTACT_ACTIVE && was_offer && contact.agent_id() == options_.session.agent_id) {
    Announce("contact ", contact.contact_id(), " active");
    SetActiveContact(contact.contact_id());
  } else if (contact.state() == v1::CONTACT_COMPLETED && contact.agent_id() == options_.session.agent_id) {
    Announce("wrapped up ", contact.contact_id(), " (", contact.wrap_up_code(), ")");
    if (contact.contact_id() == active_contact_id_) {
      active_contact_id_.clear();
      if (!inbox_.contacts().empty()) SetActiveContact(inbox_.contacts().front().contact_id());
    }
  }
  if (contact.contact_id() == active_contact_id_ && inbox_.FindContact(active_contact_id_) == nullptr) {
    active_contact_id_.clear();  // transferred, or gone
  }
  ShowActiveContact();
  RefreshInbox();
}

void AgentFrame::Handle(CustomerMessageArrived&& message) {
  PostCustomerMessageToPlugin(message.contact_id, message.message);
  if (inbox_.AddCustomerMessage(message.contact_id, message.message) && message.contact_id == active_contact_id_) {
    ShowActiveContact();
  }
  if (message.contact_id != active_contact_id_) RequestUserAttention(wxUSER_ATTENTION_INFO);
}

void AgentFrame::Handle(AgentNoticeArrived&& notice) {
  inbox_.ApplyNotice(notice.notice);
  notice_ = notice.notice.text();
  Announce("notice ", notice.notice.code(), ": ", notice.notice.text());
  RefreshInbox();
  UpdateStatusFields();
}

void AgentFrame::Handle(AgentStatusChanged&& status) {
  const bool changed = status.status.state() != inbox_.agent().state();
  inbox_.SetAgentStatus(status.status);
  if (changed) Announce("state ", AgentStateName(status.status));
  RefreshInbox();
  UpdateStatusFields();
}

void AgentFrame::Handle(ContactCommandFailed&& failed) {
  Announce("refused: ", failed.message);
  ReportFailureToPlugin(failed.contact_id, failed.action, failed.message);
  if (!failed.contact_id.empty() && failed.contact_id == active_contact_id_) {
    Workspace().SetNotice(failed.message, true);
  } else {
    notice_ = failed.message;
    UpdateStatusFields();
  }
}

void AgentFrame::RefreshInbox() {
  SyncPluginContacts();
  inbox_panel_->Refresh(absl::Now());
  inbox_panel_->SelectContact(active_contact_id_);
  UpdateStatusFields();
}

bool AgentFrame::BusyWithContact() const {
  const v1::Contact* active = inbox_.FindContact(active_contact_id_);
  return active != nullptr && (active->state() == v1::CONTACT_ACTIVE || active->state() == v1::CONTACT_HELD);
}

// ---------------------------------------------------------------- contact actions

void AgentFrame::AcceptOffer(const std::string& contact_id) {
  if (const RingingOffer* ringing = inbox_.FindOffer(contact_id)) {
    OpenCustomer(ringing->offer.customer_id(), contact_id, ringing->offer.channel());
  }
  contacts_->Accept(contact_id);
}

void AgentFrame::DeclineOffer(const std::string& contact_id) {
  const wxString reasons[] = {"busy with another customer", "not my skill", "technical problem", "other"};
  wxSingleChoiceDialog dialog(this, "Why decline? The contact goes back to its queue for another agent.",
                              "Decline offer", static_cast<int>(std::size(reasons)), reasons);
  if (dialog.ShowModal() != wxID_OK) return;
  contacts_->Decline(contact_id, dialog.GetStringSelection().utf8_string());
}

void AgentFrame::SetActiveContact(const std::string& contact_id) {
  const v1::Contact* contact = inbox_.FindContact(contact_id);
  if (contact == nullptr) return;
  active_contact_id_ = contact_id;
  OpenCustomer(contact->customer_id(), contact_id, contact->channel());
  ShowActiveContact();
  inbox_panel_->SelectContact(contact_id);
}

void AgentFrame::ShowActiveContact() {
  const v1::Contact* contact = inbox_.FindContact(active_contact_id_);
  if (contact == nullptr) {
    Workspace().ShowContact(std::nullopt, "");
  } else {
    Workspace().ShowContact(*contact, inbox_.CustomerName(contact->customer_id()));
  }
  ShowWorkspace();
}

void AgentFrame::WrapUp(const std::string& contact_id) {
  const v1::Contact* contact = inbox_.FindContact(contact_id);
  if (contact == nullptr) return;
  if (inbox_.wrap_up_codes().empty()) {
    Workspace().SetNotice("no wrap-up codes yet: they arrive with the contact stream; try again when it is live", true);
    return;
  }
  WrapUpDialog dialog(this, absl::StrCat(contact->channel(), " contact with ", inbox_.CustomerName(contact->customer_id())),
                      inbox_.wrap_up_codes());
  if (dialog.ShowModal() != wxID_OK) return;
  v1::CompleteContactRequest request;
  request.set_contact_id(contact_id);
  request.set_wrap_up_code(dialog.code());
  request.set_notes(dialog.notes());
  if (absl::Status queued = client_->CompleteContact(inbox_.WrapUpOf(std::move(request))); !queued.ok()) {
    Workspace().SetNotice(absl::StrCat("the wrap-up could not be saved on this computer: ", queued.message()), true);
    return;
  }
  const bool online = connection_ == ConnectionState::kConnected;
  Announce("wrap-up of ", contact_id, online ? " sent" : " queued until journeyd is back");
  Workspace().SetNotice(online ? "wrap-up sent" : "wrap-up saved; it is sent when journeyd is back", !online);
}

void AgentFrame::Transfer(const std::string& contact_id) {
  const v1::Contact* contact = inbox_.FindContact(contact_id);
  if (contact == nullptr) return;
  TransferDialog dialog(this, contact_id, contact->queue());
  if (dialog.ShowModal() != wxID_OK) return;
  contacts_->Transfer(dialog.request());
}

std::string AgentFrame::StageOnScreen(const std::string& customer_id) const {
  return journey_ && journey_->customer().id() == customer_id ? journey_->current_stage() : "";
}

void AgentFrame::AddNote(const std::string& contact_id) {
  const v1::Contact* contact = inbox_.FindContact(contact_id);
  if (contact == nullptr) return;
  wxTextEntryDialog dialog(this, "A note on the customer's journey (for whoever helps them next):", "Add note", "",
                           wxOK | wxCANCEL | wxTE_MULTILINE);
  if (dialog.ShowModal() != wxID_OK || dialog.GetValue().Trim().IsEmpty()) return;
  const v1::RecordTouchpointsRequest request = AgentNoteRequest(
      *contact, dialog.GetValue().Trim().utf8_string(), StageOnScreen(contact->customer_id()), absl::Now());
  if (absl::Status queued = client_->RecordTouchpoints(request); !queued.ok()) {
    Workspace().SetNotice(absl::StrCat("the note could not be saved on this computer: ", queued.message()), true);
  }
}

void AgentFrame::GoAway() {
  const wxString reasons[] = {"break", "lunch", "after-call work", "training", "meeting"};
  wxSingleChoiceDialog dialog(this, "Away for:", "Go away", static_cast<int>(std::size(reasons)), reasons);
  if (dialog.ShowModal() != wxID_OK) return;
  contacts_->SetAgentState(v1::AWAY, dialog.GetStringSelection().utf8_string());
}

// ---------------------------------------------------------------- next steps

void AgentFrame::RequestNextSteps() {
  if (customer_id_.empty()) return;
  next_steps_->ShowLoading(customer_id_);
  v1::SuggestNextStepsRequest request;
  request.set_customer_id(customer_id_);
  request.set_max_suggestions(3);
  if (!shown_for_channel_.empty()) request.mutable_context()->set_channel(shown_for_channel_);
  request.mutable_context()->set_contact_id(shown_for_contact_);
  request.mutable_context()->set_agent_id(options_.session.agent_id);
  client_->SuggestNextSteps(request);
}

void AgentFrame::Handle(SuggestionsLoaded&& loaded) {
  if (loaded.customer_id != customer_id_) return;
  const auto& suggestions = loaded.response.suggestions();
  Announce("next steps for ", loaded.customer_id, ": ", suggestions.size(),
           suggestions.empty() ? "" : absl::StrCat(" (top ", suggestions[0].action_id(), ", ",
                                                    suggestions[0].reasons_size(), " reasons)"),
           loaded.proactive ? " — updated live" : "");
  next_steps_->ShowSuggestions(loaded);
}

void AgentFrame::Handle(SuggestionsFailed&& failed) {
  if (failed.customer_id == customer_id_) next_steps_->ShowMessage(failed.message);
}

void AgentFrame::RecordOutcome(const v1::Suggestion& suggestion, v1::ActionOutcome outcome, const std::string& reason) {
  v1::RecordActionOutcomeRequest request;
  request.set_customer_id(customer_id_);
  request.set_suggestion_id(suggestion.id());
  request.set_action_id(suggestion.action_id());
  request.set_outcome(outcome);
  request.set_decline_reason(reason);
  request.set_channel(shown_for_channel_.empty() ? "agent_desktop" : shown_for_channel_);
  request.set_contact_id(shown_for_contact_);
  request.set_stage(StageOnScreen(customer_id_));  // beside what it answered
  if (absl::Status queued = client_->RecordActionOutcome(request); !queued.ok()) {
    next_steps_->ShowMessage(absl::StrCat("the outcome could not be saved on this computer: ", queued.message()));
    return;
  }
  const bool online = connection_ == ConnectionState::kConnected;
  next_steps_->MarkRecorded(suggestion.id(), outcome, !online);
  Announce("outcome ", OutcomeName(outcome), " for ", suggestion.action_id(), online ? " sent" : " queued");
}

}  // namespace journeydesk::agent::ui
