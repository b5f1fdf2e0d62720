#pragma once
// The active contact's workspace — the generic one every channel gets until its channel
// plugin provides its own: who and what (channel, subject, state, time in it), the
// transcript, a composer (Ctrl+Enter sends), and the contact's actions: hold / resume (F8),
// transfer (Ctrl+Shift+T), note (Ctrl+Shift+N), wrap up (Ctrl+Shift+W). Renders a v1::Contact;
// reports the agent's actions through the callbacks. Main thread only.

#include <functional>
#include <optional>
#include <string>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::ui {

class ContactWorkspacePanel : public wxPanel {
 public:
  explicit ContactWorkspacePanel(wxWindow* parent);

  // Shows `contact` (nullopt: the empty state). Keeps the composer's draft for the same contact.
  void ShowContact(const std::optional<v1::Contact>& contact, const std::string& customer_name);
  // A line under the actions: a refusal or what is waiting to be sent.
  void SetNotice(const std::string& text, bool problem);
  const std::string& contact_id() const { return contact_id_; }
  void FocusComposer();
  // The keyboard shortcuts' entry points (no-ops when the action does not apply).
  void SendDraft();
  void ToggleHold();

  std::function<void(const std::string& contact_id, const std::string& text)> on_send;
  std::function<void(const std::string& contact_id, bool hold)> on_hold;
  std::function<void(const std::string& contact_id)> on_transfer;
  std::function<void(const std::string& contact_id)> on_note;
  std::function<void(const std::string& contact_id)> on_wrap_up;

 private:
  void UpdateTimes();
  void UpdateButtons();

  std::optional<v1::Contact> contact_;
  std::string contact_id_;
  wxStaticText* title_;
  wxStaticText* facts_;
  wxTextCtrl* transcript_;
  wxTextCtrl* composer_;
  wxButton* send_;
  wxButton* hold_;
  wxButton* transfer_;
  wxButton* note_;
  wxButton* wrap_up_;
  wxStaticText* notice_;
  wxTimer clock_;
};

}  // namespace journeydesk::agent::ui
