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

wxListCtrl* NewList(wxWindow* parent, const wxString& name, std::initializer_list<std::pair<const char*, int>> columns) {
  auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_THEME);
  list->SetName(name);
  int index = 0;
  for (const auto& [title, width] : columns) list->InsertColumn(index++, title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
  return list;
}

std::string SelectedId(const wxListCtrl* list, const std::vector<std::string>& ids) {
  const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  return row >= 0 && row < static_cast<long>(ids.size()) ? ids[row] : std::string();
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
  offers_ = NewList(this, "Offers ringing", {{"Channel", 62}, {"Customer", 130}, {"Waiting", 64}});
  offers_->SetMinSize(FromDIP(wxSize(-1, 110)));
  accept_ = new wxButton(this, wxID_ANY, "&Accept  F6");
  accept_->SetName("Accept offer");
  decline_ = new wxButton(this, wxID_ANY, "&Decline  F7");
  decline_->SetName("Decline offer");
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(accept_, 1, wxRIGHT, FromDIP(4));
  buttons->Add(decline_, 1);

  contacts_title_ = new wxStaticText(this, wxID_ANY, "My contacts");
  contacts_title_->SetFont(contacts_title_->GetFont().Bold());
  contacts_ = NewList(this, "My contacts", {{"Channel", 62}, {"Customer", 130}, {"State", 64}});

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
  offers_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
    if (const std::string id = SelectedOffer(); !id.empty() && on_preview_offer) on_preview_offer(id);
  });
  contacts_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
    if (const std::string id = SelectedContact(); !id.empty() && on_open_contact) on_open_contact(id);
  });
  contacts_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) {
    if (updating_) return;
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
  updating_ = true;
  ShowAgentState();
  const std::string selected_offer = SelectedOffer();
  offers_->DeleteAllItems();
  long row = 0;
  for (const RingingOffer& ringing : inbox_->offers()) {
    const v1::Offer& offer = ringing.offer;
    offers_->InsertItem(row, Utf8(offer.channel()));
    offers_->SetItem(row, 1, Utf8(inbox_->CustomerName(offer.customer_id())));
    offers_->SetItem(row, 2, Utf8(ContactInbox::ElapsedText(now - FromProto(offer.enqueued_at()))));
    if (offer.contact_id() == selected_offer || (selected_offer.empty() && row == 0)) {
      offers_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    }
    ++row;
  }
  offers_title_->SetLabel(inbox_->offers().empty()
                              ? wxString("Offers")
                              : Utf8(absl::StrCat("Offers — ", inbox_->offers().size(), " ringing")));
  accept_->Enable(!inbox_->offers().empty());
  decline_->Enable(!inbox_->offers().empty());

  const std::string selected_contact = SelectedContact();
  contacts_->DeleteAllItems();
  row = 0;
  for (const v1::Contact& contact : inbox_->contacts()) {
    contacts_->InsertItem(row, Utf8(contact.channel()));
    contacts_->SetItem(row, 1, Utf8(inbox_->CustomerName(contact.customer_id())));
    contacts_->SetItem(row, 2, Utf8(StateText(contact.state())));
    if (contact.contact_id() == selected_contact) {
      contacts_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    ++row;
  }
  contacts_title_->SetLabel(Utf8(absl::StrCat("My contacts (", inbox_->contacts().size(), ")")));
  Layout();
  updating_ = false;
}

void ContactInboxPanel::OnTick() {
  ++tick_count_;
  const bool ringing = !inbox_->offers().empty();
  const absl::Time now = absl::Now();
  for (long row = 0; row < offers_->GetItemCount(); ++row) {
    const v1::Offer& offer = inbox_->offers()[row].offer;
    offers_->SetItem(row, 2, Utf8(ContactInbox::ElapsedText(now - FromProto(offer.enqueued_at()))));
    offers_->SetItemBackgroundColour(row, tick_count_ % 2 ? wxColour(255, 224, 178) : wxColour(255, 244, 229));
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
  updating_ = true;
  const auto& contacts = inbox_->contacts();
  for (size_t row = 0; row < contacts.size() && row < static_cast<size_t>(contacts_->GetItemCount()); ++row) {
    const bool selected = contacts[row].contact_id() == contact_id;
    if (selected != ((contacts_->GetItemState(row, wxLIST_STATE_SELECTED) & wxLIST_STATE_SELECTED) != 0)) {
      contacts_->SetItemState(row, selected ? wxLIST_STATE_SELECTED : 0, wxLIST_STATE_SELECTED);
    }
  }
  updating_ = false;
}

void ContactInboxPanel::FocusOffers() { offers_->SetFocus(); }
void ContactInboxPanel::FocusContacts() { contacts_->SetFocus(); }

}  // namespace journeydesk::agent::ui
