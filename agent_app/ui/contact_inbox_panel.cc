#include "ui/contact_inbox_panel.h"

#include <wx/sizer.h>
#include <wx/utils.h>

#include "absl/strings/str_cat.h"
#include "core/proto_time.h"
#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

// The state choice's entries: what SetAgentState gets for each.
struct StateEntry {
  const char* label;
  v1::AgentState state;
  const char* reason;
};
constexpr StateEntry kStates[] = {
    {"● Available", v1::AVAILABLE, ""},
    {"Away — break", v1::AWAY, "break"},
    {"Away — lunch", v1::AWAY, "lunch"},
    {"Away — after-call work", v1::AWAY, "after-call work"},
    {"Away — training", v1::AWAY, "training"},
    {"Away — meeting", v1::AWAY, "meeting"},
    {"Offline", v1::OFFLINE, ""},
};

std::string StateText(v1::ContactState state) {
  switch (state) {
    case v1::CONTACT_ACTIVE: return "active";
    case v1::CONTACT_HELD: return "on hold";
    case v1::CONTACT_WRAP_UP: return "wrap-up";
    case v1::CONTACT_OFFERED: return "offered";
    default: return "";
  }
}

// Sets the title's text; false (nothing done) when it already reads so.
bool SetTitle(wxStaticText* title, const wxString& text) {
  if (title->GetLabel() == text) return false;
  title->SetLabel(text);
  return true;
}

std::string SelectedId(const RowList* list, const std::vector<std::string>& ids) {
  const int row = list->GetSelection();
  return row >= 0 && row < static_cast<int>(ids.size()) ? ids[row] : std::string();
}

}  // namespace

ContactInboxPanel::ContactInboxPanel(wxWindow* parent, const ContactInbox* inbox)
    : wxPanel(parent, wxID_ANY), inbox_(inbox), tick_(this) {
  SetName("Contact inbox");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* state_label = new wxStaticText(this, wxID_ANY, "My state (F3 available, Shift+F3 away)");
  state_label->SetForegroundColour(MutedText());
  state_ = new wxChoice(this, wxID_ANY);
  state_->SetName("Agent state");
  for (const StateEntry& entry : kStates) state_->Append(wxString::FromUTF8(entry.label));
  stream_status_ = new wxStaticText(this, wxID_ANY, "connecting to the contact stream…");
  stream_status_->SetForegroundColour(MutedText());

  offers_title_ = new wxStaticText(this, wxID_ANY, "Offers");
  offers_title_->SetFont(offers_title_->GetFont().Bold());
  offers_ = new RowList(this, "Offers ringing", "Nothing ringing. Offers appear here while you are available.");
  offers_->SetMinSize(FromDIP(wxSize(-1, 110)));
  accept_ = new wxButton(this, wxID_ANY, "&Accept  F6");
  accept_->SetName("Accept offer");
  decline_ = new wxButton(this, wxID_ANY, "&Decline  F7");
  decline_->SetName("Decline offer");
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(accept_, 1, wxRIGHT, FromDIP(4));
  buttons->Add(decline_, 1);

  contacts_title_ = new wxStaticText(this, wxID_ANY, "My contacts (0)");
  contacts_title_->SetFont(contacts_title_->GetFont().Bold());
  contacts_ = new RowList(this, "My contacts", "No contact in your hands.");

  const int gap = FromDIP(6);
  sizer->Add(state_label, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(state_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(stream_status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(offers_title_, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
  sizer->Add(offers_, 2, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(contacts_title_, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
  sizer->Add(contacts_, 3, wxEXPAND | wxALL, gap);
  SetSizer(sizer);

  state_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnStateChoice(); });
  accept_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (const std::string id = SelectedOffer(); !id.empty() && on_accept) on_accept(id);
  });
  decline_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (const std::string id = SelectedOffer(); !id.empty() && on_decline) on_decline(id);
  });
  offers_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
    if (const std::string id = SelectedOffer(); !id.empty() && on_preview_offer) on_preview_offer(id);
  });
  contacts_->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
    if (const std::string id = SelectedContact(); !id.empty() && on_open_contact) on_open_contact(id);
  });
  contacts_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
    if (const std::string id = SelectedContact(); !id.empty() && on_open_contact) on_open_contact(id);
  });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { OnTick(); });
  tick_.Start(500);
  Refresh(absl::Now());
}

void ContactInboxPanel::OnStateChoice() {
  const int index = state_->GetSelection();
  if (index < 0 || choosing_state_ || !on_state) return;
  on_state(kStates[index].state, kStates[index].reason);
}

void ContactInboxPanel::ShowAgentState() {
  const v1::AgentStatus& agent = inbox_->agent();
  int index = -1;
  for (size_t i = 0; i < std::size(kStates); ++i) {
    if (kStates[i].state != agent.state()) continue;
    if (agent.state() != v1::AWAY || agent.away_reason() == kStates[i].reason) {
      index = static_cast<int>(i);
      break;
    }
  }
  if (index < 0 && agent.state() == v1::AWAY) {
    // A reason journeyd gave (e.g. "missed offer"): shown as it is.
    const wxString label = Utf8(absl::StrCat("Away — ", agent.away_reason()));
    index = state_->FindString(label);
    if (index == wxNOT_FOUND) index = state_->Append(label);
  }
  choosing_state_ = true;
  state_->SetSelection(index);
  choosing_state_ = false;
}

void ContactInboxPanel::SetStreamStatus(const std::string& text, bool problem) {
  stream_status_->SetLabel(Utf8(text));
  stream_status_->SetForegroundColour(problem ? ToneColour(MarkTone::kNegative) : MutedText());
  Layout();
}

void ContactInboxPanel::Refresh(absl::Time now) {
  ShowAgentState();
  const std::string selected_offer = SelectedOffer();
  std::vector<RowList::Row> offer_rows;
  int offer_selected = inbox_->offers().empty() ? -1 : 0;
  for (const RingingOffer& ringing : inbox_->offers()) {
    const v1::Offer& offer = ringing.offer;
    if (offer.contact_id() == selected_offer) offer_selected = static_cast<int>(offer_rows.size());
    offer_rows.push_back({Utf8(offer.channel()), Utf8(inbox_->CustomerName(offer.customer_id())),
                          Utf8(ContactInbox::ElapsedText(now - FromProto(offer.enqueued_at()))), RingColour()});
  }
  offers_->SetRows(std::move(offer_rows), offer_selected);
  bool titles_changed = SetTitle(offers_title_, inbox_->offers().empty()
                                                   ? wxString("Offers")
                                                   : Utf8(absl::StrCat("Offers — ", inbox_->offers().size(), " ringing")));
  accept_->Enable(!inbox_->offers().empty());
  decline_->Enable(!inbox_->offers().empty());

  const std::string selected_contact = SelectedContact();
  std::vector<RowList::Row> contact_rows;
  int contact_selected = -1;
  for (const v1::Contact& contact : inbox_->contacts()) {
    if (contact.contact_id() == selected_contact) contact_selected = static_cast<int>(contact_rows.size());
    // Wrapped up while journeyd was away: done for the agent, on its way to journeyd.
    const bool waiting = inbox_->WrapUpWaiting(contact.contact_id());
    contact_rows.push_back({Utf8(contact.channel()), Utf8(inbox_->CustomerName(contact.customer_id())),
                            waiting ? wxString("wrap-up waiting") : Utf8(StateText(contact.state())), wxColour()});
  }
  contacts_->SetRows(std::move(contact_rows), contact_selected);
  titles_changed |= SetTitle(contacts_title_, Utf8(absl::StrCat("My contacts (", inbox_->contacts().size(), ")")));
  if (titles_changed) Layout();  // a title's width changed
}

wxColour ContactInboxPanel::RingColour() const {
  return tick_count_ % 2 ? wxColour(255, 224, 178) : wxColour(255, 244, 229);
}

void ContactInboxPanel::OnTick() {
  ++tick_count_;
  const bool ringing = !inbox_->offers().empty();
  const absl::Time now = absl::Now();
  for (size_t row = 0; row < offers_->RowCount() && row < inbox_->offers().size(); ++row) {
    const v1::Offer& offer = inbox_->offers()[row].offer;
    offers_->SetDetail(row, Utf8(ContactInbox::ElapsedText(now - FromProto(offer.enqueued_at()))));
    offers_->SetRowBackground(row, RingColour());
  }
  if (ringing) {
    offers_title_->SetForegroundColour(tick_count_ % 2 ? ToneColour(MarkTone::kNegative) : *wxBLACK);
    if (tick_count_ % 4 == 0) wxBell();  // audible ring every 2 s
  } else {
    offers_title_->SetForegroundColour(*wxBLACK);
  }
}

std::string ContactInboxPanel::SelectedOffer() const {
  std::vector<std::string> ids;
  for (const RingingOffer& ringing : inbox_->offers()) ids.push_back(ringing.offer.contact_id());
  if (ids.size() == 1) return ids[0];  // one offer: the keys act on it wherever the focus is
  return SelectedId(offers_, ids);
}

std::string ContactInboxPanel::SelectedContact() const {
  std::vector<std::string> ids;
  for (const v1::Contact& contact : inbox_->contacts()) ids.push_back(contact.contact_id());
  return SelectedId(contacts_, ids);
}

void ContactInboxPanel::SelectContact(const std::string& contact_id) {
  const auto& contacts = inbox_->contacts();
  int row = wxNOT_FOUND;
  for (size_t i = 0; i < contacts.size() && i < contacts_->RowCount(); ++i) {
    if (contacts[i].contact_id() == contact_id) row = static_cast<int>(i);
  }
  if (contacts_->GetSelection() != row) contacts_->SetSelection(row);  // no event: not the agent's choice
}

void ContactInboxPanel::SelectOffer(const std::string& contact_id) {
  const auto& offers = inbox_->offers();
  for (size_t i = 0; i < offers.size() && i < offers_->RowCount(); ++i) {
    if (offers[i].offer.contact_id() == contact_id) offers_->SetSelection(static_cast<int>(i));
  }
}

void ContactInboxPanel::FocusOffers() { offers_->SetFocus(); }
void ContactInboxPanel::FocusContacts() { contacts_->SetFocus(); }

}  // namespace journeydesk::agent::ui
