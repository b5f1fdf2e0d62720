#include "ui/contact_workspace_panel.h"

#include <wx/sizer.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/contact_inbox.h"
#include "core/proto_time.h"
#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

std::string StateName(v1::ContactState state) {
  switch (state) {
    case v1::CONTACT_ACTIVE: return "active";
    case v1::CONTACT_HELD: return "on hold";
    case v1::CONTACT_WRAP_UP: return "wrap-up: the customer has gone";
    case v1::CONTACT_OFFERED: return "offered";
    case v1::CONTACT_COMPLETED: return "completed";
    default: return "";
  }
}

}  // namespace

ContactWorkspacePanel::ContactWorkspacePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY), clock_(this) {
  SetName("Contact workspace");
  const int gap = FromDIP(6);
  title_ = new wxStaticText(this, wxID_ANY, "No active contact");
  title_->SetFont(title_->GetFont().Bold().Scaled(1.15f));
  facts_ = new wxStaticText(this, wxID_ANY, "Accept an offer (F6) or pick one of your contacts.");
  facts_->SetForegroundColour(MutedText());
  transcript_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxTE_WORDWRAP);
  transcript_->SetName("Transcript");
  composer_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(-1, 60)),
                             wxTE_MULTILINE | wxTE_WORDWRAP);
  composer_->SetName("Message to the customer");
  composer_->SetHint("Write to the customer — Ctrl+Enter sends");
  send_ = new wxButton(this, wxID_ANY, "Send");
  send_->SetName("Send message");
  hold_ = new wxButton(this, wxID_ANY, "Hold  F8");
  hold_->SetName("Hold or resume");
  transfer_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("Transfer…"));
  transfer_->SetName("Transfer contact");
  note_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("Note…"));
  note_->SetName("Add a note to the journey");
  wrap_up_ = new wxButton(this, wxID_ANY, wxString::FromUTF8("Wrap up…"));
  wrap_up_->SetName("Wrap up contact");
  notice_ = new wxStaticText(this, wxID_ANY, "");

  auto* compose_row = new wxBoxSizer(wxHORIZONTAL);
  compose_row->Add(composer_, 1, wxEXPAND | wxRIGHT, gap);
  compose_row->Add(send_, 0, wxALIGN_BOTTOM);
  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  for (wxButton* button : {hold_, transfer_, note_, wrap_up_}) actions->Add(button, 1, wxRIGHT, gap);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
  sizer->Add(facts_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap * 2);
  sizer->Add(transcript_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);
  sizer->Add(compose_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);
  sizer->Add(actions, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);
  sizer->Add(notice_, 0, wxEXPAND | wxALL, gap * 2);
  SetSizer(sizer);

  composer_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
    if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER) && event.ControlDown()) {
      SendDraft();
      return;
    }
    event.Skip();
  });
  send_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SendDraft(); });
  hold_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleHold(); });
  transfer_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (contact_ && on_transfer) on_transfer(contact_id_);
  });
  note_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (contact_ && on_note) on_note(contact_id_);
  });
  wrap_up_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (contact_ && on_wrap_up) on_wrap_up(contact_id_);
  });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { UpdateTimes(); });
  clock_.Start(1000);
  UpdateButtons();
}

void ContactWorkspacePanel::ShowContact(const std::optional<v1::Contact>& contact, const std::string& customer_name) {
  const bool same = contact && contact->contact_id() == contact_id_;
  contact_ = contact;
  contact_id_ = contact ? contact->contact_id() : "";
  if (!same) {
    composer_->Clear();
    SetNotice("", false);
  }
  if (!contact) {
    title_->SetLabel("No active contact");
    facts_->SetLabel("Accept an offer (F6) or pick one of your contacts.");
    transcript_->Clear();
    UpdateButtons();
    Layout();
    return;
  }
  title_->SetLabel(Utf8(absl::StrCat(contact->channel(), " · ", customer_name)));
  std::string text;
  if (!contact->subject().empty()) absl::StrAppend(&text, "Subject: ", contact->subject(), "\n\n");
  for (const v1::ContactMessage& message : contact->messages()) {
    const bool customer = message.sender() == v1::MESSAGE_FROM_CUSTOMER;
    absl::StrAppend(&text, "[", absl::FormatTime("%H:%M", FromProto(message.at()), absl::LocalTimeZone()), "] ",
                    customer ? customer_name : std::string("You"), ": ", message.text(), "\n");
  }
  transcript_->ChangeValue(Utf8(text));
  transcript_->ShowPosition(transcript_->GetLastPosition());
  UpdateTimes();
  UpdateButtons();
  Layout();
}

void ContactWorkspacePanel::SetNotice(const std::string& text, bool problem) {
  notice_->SetLabel(Utf8(text));
  notice_->SetForegroundColour(problem ? ToneColour(MarkTone::kNegative) : MutedText());
  notice_->Wrap(GetClientSize().x > 0 ? GetClientSize().x - FromDIP(24) : FromDIP(360));
  Layout();
}

void ContactWorkspacePanel::FocusComposer() {
  if (composer_->IsEnabled()) composer_->SetFocus();
}

void ContactWorkspacePanel::SendDraft() {
  if (!contact_ || contact_->state() != v1::CONTACT_ACTIVE) return;
  const std::string text = composer_->GetValue().Trim().Trim(false).utf8_string();
  if (text.empty() || !on_send) return;
  on_send(contact_id_, text);
  composer_->Clear();
}

void ContactWorkspacePanel::ToggleHold() {
  if (!contact_ || !on_hold) return;
  if (contact_->state() == v1::CONTACT_ACTIVE) on_hold(contact_id_, true);
  if (contact_->state() == v1::CONTACT_HELD) on_hold(contact_id_, false);
}

void ContactWorkspacePanel::UpdateTimes() {
  if (!contact_) return;
  const absl::Time since = FromProto(contact_->state_since());
  std::string facts = absl::StrCat(StateName(contact_->state()), " for ", ContactInbox::ElapsedText(absl::Now() - since));
  if (contact_->has_answered_at()) {
    absl::StrAppend(&facts, " · waited ",
                    ContactInbox::ElapsedText(FromProto(contact_->answered_at()) - FromProto(contact_->enqueued_at())));
  }
  absl::StrAppend(&facts, " · ", contact_->contact_id(), " · queue ", contact_->queue());
  if (contact_->hold_count() > 0) absl::StrAppend(&facts, " · held ", contact_->hold_count(), "×");
  facts_->SetLabel(Utf8(facts));
}

void ContactWorkspacePanel::UpdateButtons() {
  const v1::ContactState state = contact_ ? contact_->state() : v1::CONTACT_STATE_UNSPECIFIED;
  const bool active = state == v1::CONTACT_ACTIVE;
  const bool held = state == v1::CONTACT_HELD;
  composer_->Enable(active);
  send_->Enable(active);
  hold_->Enable(active || held);
  hold_->SetLabel(held ? "Resume  F8" : "Hold  F8");
  transfer_->Enable(active || held);
  note_->Enable(contact_.has_value());
  wrap_up_->Enable(active || held || state == v1::CONTACT_WRAP_UP);
}

}  // namespace journeydesk::agent::ui
