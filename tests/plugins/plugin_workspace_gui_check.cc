// plugin_workspace_gui_check BUNDLED_ROOT HOST_PROCESS SCREENSHOT.png — the channel
// workspace as an agent uses it, under a real X display (ctest runs it in xvfb-run): the
// email plugin in its own process renders through PluginWorkspacePanel; the agent clicks
// into the composer, types a reply and presses Ctrl+Enter (real key events through
// wxUIActionSimulator); the plugin must ask the desktop to send exactly that text and the
// composer must come back empty. Wired the way the desktop does it: PluginHost on a
// PluginHostWorker thread, its news through PluginNotificationQueue drained with CallAfter.
// Exit 0 with a screenshot, 1 with the reason.
#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>

#include "core/plugin_host/plugin_host.h"
#include "core/plugin_host/plugin_host_worker.h"
#include "core/plugin_host/plugin_notification_queue.h"
#include "ui/plugin_workspace/plugin_manager_dialog.h"
#include "ui/plugin_workspace/plugin_workspace_panel.h"

namespace {

using namespace journeydesk::agent;
namespace pb = journeydesk::plugin::v1;

constexpr char kReply[] = "Your refund left today";

class SentMessages : public plugins::PluginHostRequests {
 public:
  void OnHostRequest(const std::string&, const std::string&, const std::string&, const pb::HostRequest& r) override {
    std::lock_guard lock(mutex_);
    if (r.has_send_message()) last_ = r.send_message().text();
  }
  std::string last() {
    std::lock_guard lock(mutex_);
    return last_;
  }

 private:
  std::mutex mutex_;
  std::string last_;
};

class CheckApp : public wxApp {
 public:
  bool OnInit() override {
    if (argc != 4) return Fail("usage: plugin_workspace_gui_check BUNDLED_ROOT HOST_PROCESS SCREENSHOT");
    screenshot_ = argv[3].ToStdString();
    frame_ = new wxFrame(nullptr, wxID_ANY, "Plugin workspace check", wxPoint(0, 0), wxSize(1000, 760));
    panel_ = new ui::PluginWorkspacePanel(frame_);
    frame_->Show();

    plugins::PluginHostOptions options;
    options.roots = {argv[1].ToStdString()};
    options.process.host_process_path = argv[2].ToStdString();
    host_ = std::make_unique<plugins::PluginHost>(options, &sent_, &queue_);
    queue_.SetWaker([this] { CallAfter(&CheckApp::Drain); });
    panel_->on_action = [this](const pb::ActionInvoked& action) {
      worker_.Post([this, action] { (void)host_->InvokeAction(action); });
    };
    worker_.Post([this] {
      host_->Start();
      pb::ContactAssigned assigned;
      assigned.mutable_contact()->set_contact_id("E-1");
      assigned.mutable_contact()->set_channel("email");
      assigned.mutable_contact()->set_subject("Refund for booking 42");
      pb::Message* message = assigned.mutable_contact()->add_messages();
      message->set_sender(pb::SENDER_CUSTOMER);
      message->set_text("Where is my refund?");
      assigned.mutable_customer()->set_display_name("Ada Lovelace");
      assigned.mutable_customer()->set_email("ada@example.com");
      assigned.add_wrap_up_codes()->set_code("resolved");
      absl::Status status = host_->AssignContact(assigned);
      if (!status.ok()) CallAfter([this, status] { Fail("assign: " + status.ToString()); });
    });
    deadline_.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Fail("timed out at step " + std::to_string(step_)); }, deadline_.GetId());
    deadline_.StartOnce(30000);
    return true;
  }

  int OnExit() override {
    queue_.SetWaker(nullptr);
    return exit_code_;
  }

 private:
  void Drain() {
    for (auto& notification : queue_.DrainAll()) {
      if (auto* view = std::get_if<plugins::PluginViewChanged>(&notification)) {
        panel_->ShowView(view->view);
        OnView();
      }
    }
  }

  void OnView() {
    if (step_ == 0) {
      if (panel_->view().header().title() != "Ada Lovelace") {
        Fail("the email view does not show the customer");
        return;
      }
      step_ = 1;
      // Let GTK map and lay out the window before typing into it.
      CallAfter([this] { wxMilliSleep(300); TypeReply(); });
    } else if (step_ == 2 && sent_.last() == kReply) {
      if (panel_->FormValues()["body"] != "") {
        Fail("the composer was not cleared after sending");
        return;
      }
      step_ = 3;
      // Give GTK time to paint the new view before taking the picture.
      settle_.SetOwner(this);
      Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        frame_->Update();
        SaveScreenshot(frame_, screenshot_);
        std::cout << "ok: typed, Ctrl+Enter sent \"" << sent_.last() << "\" through the email plugin\n";
        CheckManagerDialog();
      }, settle_.GetId());
      settle_.StartOnce(700);
    }
  }

  void TypeReply() {
    wxTextCtrl* composer = nullptr;
    for (wxWindow* child : panel_->GetChildren()) {
      if (child->GetName() == "Composer") composer = dynamic_cast<wxTextCtrl*>(child);
    }
    if (composer == nullptr) {
      Fail("no composer in the email workspace");
      return;
    }
    wxUIActionSimulator sim;
    wxPoint centre = composer->GetScreenRect().GetPosition() + wxPoint(20, 20);
    sim.MouseMove(centre);
    wxYield();
    sim.MouseClick();
    wxYield();
    composer->SetFocus();
    wxYield();
    sim.Text(kReply);
    wxYield();
    step_ = 2;
    sim.Char(WXK_RETURN, wxMOD_CONTROL);
  }

  // Plugins…: one row per bundled plugin, each running in its own process.
  void CheckManagerDialog() {
    auto* dialog = new ui::PluginManagerDialog(frame_, host_->Statuses());
    dialog->Show();
    wxYield();
    if (dialog->row_count() != 3) {
      Fail("the plugin manager shows " + std::to_string(dialog->row_count()) + " plugins, not 3");
      return;
    }
    for (const auto& status : host_->Statuses()) {
      if (status.state != plugins::PluginState::kRunning || status.pid == 0) {
        Fail("plugin " + status.id + " is not running in its own process: " + status.error);
        return;
      }
    }
    dialog_settle_.SetOwner(this);
    Bind(wxEVT_TIMER, [this, dialog](wxTimerEvent&) {
      dialog->Update();
      std::string path = screenshot_;
      path.replace(path.rfind(".png"), 4, "_manager.png");
      SaveScreenshot(dialog, path);
      std::cout << "ok: the plugin manager lists email, chat and phone running in their own processes\n";
      dialog->Destroy();
      Finish(0);
    }, dialog_settle_.GetId());
    dialog_settle_.StartOnce(500);
  }

  static void SaveScreenshot(wxWindow* window, const std::string& path) {
    wxClientDC dc(window);
    wxSize size = window->GetClientSize();
    wxBitmap bitmap(size);
    wxMemoryDC memory(bitmap);
    memory.Blit(0, 0, size.GetWidth(), size.GetHeight(), &dc, 0, 0);
    memory.SelectObject(wxNullBitmap);
    bitmap.SaveFile(path, wxBITMAP_TYPE_PNG);
  }

  bool Fail(const std::string& why) {
    std::cerr << "plugin_workspace_gui_check: " << why << "\n";
    Finish(1);
    return false;
  }

  void Finish(int code) {
    exit_code_ = code;
    deadline_.Stop();
    if (host_) host_->Shutdown();
    if (frame_ != nullptr) frame_->Destroy();
    frame_ = nullptr;
  }

  plugins::PluginNotificationQueue queue_;
  SentMessages sent_;
  std::unique_ptr<plugins::PluginHost> host_;
  plugins::PluginHostWorker worker_;  // declared last: joined first, before the host goes
  wxFrame* frame_ = nullptr;
  ui::PluginWorkspacePanel* panel_ = nullptr;
  wxTimer deadline_;
  wxTimer settle_;
  wxTimer dialog_settle_;
  std::string screenshot_;
  int step_ = 0;
  int exit_code_ = 1;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(CheckApp);

int main(int argc, char** argv) {
  wxInitAllImageHandlers();
  return wxEntry(argc, argv);
}
