#pragma once
// The contact inbox, left of the journey: the agent's state (available / away with a
// reason), the offers ringing now — channel, customer, subject, wait; the rows flash and the
// bell rings every 2 s until the agent answers — and the agent's own contacts. Renders a
// ContactInbox owned by the frame; reports the agent's choices through the callbacks.
// Main thread only.

#include <functional>
#include <string>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "core/contact_inbox.h"
#include "ui/row_list.h"

namespace journeydesk::agent::ui {

class ContactInboxPanel : public wxPanel {
 public:
  ContactInboxPanel(wxWindow* parent, const ContactInbox* inbox);

  // Re-reads the inbox (after any change).
  void Refresh(absl::Time now);
  // A line under the state choice: the stream's state, or why it stopped.
  void SetStreamStatus(const std::string& text, bool problem);
  // The offer / contact the agent has selected ("" if none).
  std::string SelectedOffer() const;
  std::string SelectedContact() const;
  void SelectContact(const std::string& contact_id);
  void SelectOffer(const std::string& contact_id);  // without an event; unknown ids are ignored
  void FocusOffers();
  void FocusContacts();

  std::function<void(v1::AgentState state, const std::string& reason)> on_state;
  std::function<void(const std::string& contact_id)> on_accept;
  std::function<void(const std::string& contact_id)> on_decline;
  std::function<void(const std::string& contact_id)> on_preview_offer;  // Enter / double-click
  std::function<void(const std::string& contact_id)> on_open_contact;

 private:
  void ShowAgentState();
  void OnStateChoice();
  void OnTick();
  wxColour RingColour() const;  // the offers' flash: alternates every tick

  const ContactInbox* inbox_;
  wxChoice* state_;
  wxStaticText* stream_status_;
  wxStaticText* offers_title_;
  RowList* offers_;
  wxButton* accept_;
  wxButton* decline_;
  wxStaticText* contacts_title_;
  RowList* contacts_;
  wxTimer tick_;
  int tick_count_ = 0;
  bool choosing_state_ = false;
};

}  // namespace journeydesk::agent::ui
