#pragma once
// Transfer a contact: to a queue (it waits there at its original position) or straight to an
// agent who is available, with a note for whoever takes it. Main thread only.

#include <string>

#include <wx/dialog.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include "journeydesk/v1/contact_center.pb.h"

namespace journeydesk::agent::ui {

class TransferDialog : public wxDialog {
 public:
  // `default_queue`: the contact's own queue, offered first.
  TransferDialog(wxWindow* parent, const std::string& contact_id, const std::string& default_queue);
  // After ShowModal() == wxID_OK.
  v1::TransferContactRequest request() const;

 private:
  void OnOk();

  std::string contact_id_;
  wxRadioButton* to_queue_;
  wxRadioButton* to_agent_;
  wxTextCtrl* target_;
  wxTextCtrl* note_;
};

}  // namespace journeydesk::agent::ui
