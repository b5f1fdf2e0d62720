#include "ui/plugin_workspace/plugin_workspace_panel.h"

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include <chrono>
#include <cstdio>

#include "ui/plugin_workspace/plugin_palette.h"

namespace journeydesk::agent::ui {
namespace {

namespace pb = plugin::v1;

wxString Wx(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }
std::string Utf8(const wxString& text) { return std::string(text.utf8_str()); }

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string SenderName(const pb::TranscriptEntry& entry) {
  if (!entry.author().empty()) return entry.author();
  switch (entry.sender()) {
    case pb::SENDER_CUSTOMER: return "Customer";
    case pb::SENDER_AGENT: return "You";
    case pb::SENDER_SYSTEM: return "System";
    default: return "";
  }
}

std::string ClockTime(int64_t unix_ms) {
  if (unix_ms <= 0) return "";
  std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[8];
  std::strftime(text, sizeof(text), "%H:%M", &local);
  return text;
}

// A shortcut the panel installs as an accelerator: keys with a modifier and function keys.
// Plain Enter belongs to the composer (its submit action), never to the whole panel.
bool IsPanelShortcut(const std::string& shortcut) {
  if (shortcut.empty()) return false;
  return shortcut.find('+') != std::string::npos || (shortcut.size() >= 2 && shortcut[0] == 'F' && isdigit(shortcut[1]));
}

}  // namespace

std::string FormatElapsed(int64_t elapsed_ms) {
  if (elapsed_ms < 0) elapsed_ms = 0;
  int64_t seconds = elapsed_ms / 1000;
  char text[32];
  if (seconds >= 3600) {
    std::snprintf(text, sizeof(text), "%lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
  } else {
    std::snprintf(text, sizeof(text), "%lld:%02lld", static_cast<long long>(seconds / 60),
                  static_cast<long long>(seconds % 60));
  }
  return text;
}

PluginWorkspacePanel::PluginWorkspacePanel(wxWindow* parent) : wxPanel(parent, wxID_ANY), clock_(this) {
  SetName("Channel workspace");
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { UpdateTimer(); });
  Bind(wxEVT_MENU, [this](wxCommandEvent& event) {
    auto it = action_by_window_id_.find(event.GetId());
    if (it != action_by_window_id_.end()) InvokeAction(it->second);
  });
  ShowEmpty("No contact");
}

PluginWorkspacePanel::~PluginWorkspacePanel() { clock_.Stop(); }

void PluginWorkspacePanel::ShowEmpty(const std::string& text) {
  Freeze();
  clock_.Stop();
  DestroyChildren();
  inputs_.clear();
  action_by_window_id_.clear();
  timer_label_ = nullptr;
  view_.Clear();
  SetAcceleratorTable(wxNullAcceleratorTable);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* label = new wxStaticText(this, wxID_ANY, Wx(text));
  label->SetForegroundColour(WorkspaceMutedText());
  sizer->AddStretchSpacer();
  sizer->Add(label, 0, wxALIGN_CENTER_HORIZONTAL);
  sizer->AddStretchSpacer();
  SetSizer(sizer, true);
  Layout();
  Thaw();
}

void PluginWorkspacePanel::SetHostNotice(const std::string& text, bool problem) {
  host_notice_ = text;
  host_notice_problem_ = problem;
  if (!view_.contact_id().empty()) Rebuild(FormValues());
}

void PluginWorkspacePanel::ShowView(const pb::WorkspaceView& view) {
  std::map<std::string, std::string> kept;
  if (view.contact_id() == view_.contact_id()) {
    // Keep what the agent typed unless the plugin changed that input's revision.
    std::map<std::string, int> revisions;
    for (const pb::Field& field : view.fields()) revisions[field.id()] = field.revision();
    if (view.has_composer()) revisions[view.composer().id()] = view.composer().revision();
    for (const auto& [id, input] : inputs_) {
      auto revision = revisions.find(id);
      if (input.text != nullptr && revision != revisions.end() && revision->second == input.revision) {
        kept[id] = Utf8(input.text->GetValue());
      }
    }
    // Keep the agent's pick in a choice unless the plugin changed its selection.
    const std::map<std::string, std::string> current = FormValues();
    for (const pb::Choice& choice : view.choices()) {
      for (const pb::Choice& before : view_.choices()) {
        auto value = current.find(choice.id());
        if (before.id() == choice.id() && before.selected() == choice.selected() && value != current.end()) {
          kept[choice.id()] = value->second;
        }
      }
    }
  } else {
    host_notice_.clear();
  }
  view_ = view;
  Rebuild(kept);
}

void PluginWorkspacePanel::Rebuild(const std::map<std::string, std::string>& kept) {
  // Which input had the focus, to give it back after the rebuild.
  std::string focused_id;
  long caret = -1;
  wxWindow* focus = FindFocus();
  for (const auto& [id, input] : inputs_) {
    if (input.text != nullptr && input.text == focus) {
      focused_id = id;
      caret = input.text->GetInsertionPoint();
    }
  }

  Freeze();
  DestroyChildren();
  inputs_.clear();
  action_by_window_id_.clear();
  timer_label_ = nullptr;
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  AddHeader(sizer);
  AddNotices(sizer);
  AddFields(sizer, kept);
  AddTranscript(sizer);
  AddComposer(sizer, kept);
  AddChoices(sizer, kept);
  AddActions(sizer);
  SetSizer(sizer, true);
  InstallShortcuts();
  Layout();
  Thaw();

  UpdateTimer();
  if (view_.timer().running()) {
    clock_.Start(1000);
  } else {
    clock_.Stop();
  }
  auto it = inputs_.find(focused_id);
  if (it != inputs_.end() && it->second.text != nullptr) {
    it->second.text->SetFocus();
    if (caret >= 0) it->second.text->SetInsertionPoint(std::min<long>(caret, it->second.text->GetLastPosition()));
  }
}

void PluginWorkspacePanel::AddHeader(wxBoxSizer* sizer) {
  const pb::Header& header = view_.header();
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  auto* titles = new wxBoxSizer(wxVERTICAL);
  auto* title = new wxStaticText(this, wxID_ANY, Wx(header.title()));
  title->SetFont(title->GetFont().Bold().Larger());
  titles->Add(title);
  if (!header.subtitle().empty()) {
    auto* subtitle = new wxStaticText(this, wxID_ANY, Wx(header.subtitle()));
    subtitle->SetForegroundColour(WorkspaceMutedText());
    titles->Add(subtitle);
  }
  row->Add(titles, 1, wxEXPAND);
  if (!header.badge().empty()) {
    auto* badge = new wxStaticText(this, wxID_ANY, Wx(header.badge()));
    badge->SetName("Badge");
    badge->SetForegroundColour(WorkspaceToneColour(header.badge_tone()));
    badge->SetFont(badge->GetFont().Bold());
    row->Add(badge, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
  }
  if (view_.has_timer() && (view_.timer().running() || view_.timer().frozen_ms() > 0)) {
    timer_label_ = new wxStaticText(this, wxID_ANY, "");
    timer_label_->SetName("Timer");
    timer_label_->SetFont(timer_label_->GetFont().Bold());
    row->Add(timer_label_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 12);
  }
  sizer->Add(row, 0, wxEXPAND | wxALL, 8);
}

void PluginWorkspacePanel::AddNotices(wxBoxSizer* sizer) {
  auto add = [&](const std::string& text, pb::Tone tone) {
    auto* line = new wxStaticText(this, wxID_ANY, Wx(text));
    line->SetForegroundColour(WorkspaceToneColour(tone));
    line->Wrap(600);
    sizer->Add(line, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);
  };
  if (!host_notice_.empty()) add(host_notice_, host_notice_problem_ ? pb::TONE_BAD : pb::TONE_WARNING);
  for (const pb::Notice& notice : view_.notices()) add(notice.text(), notice.tone());
}

void PluginWorkspacePanel::AddFields(wxBoxSizer* sizer, const std::map<std::string, std::string>& kept) {
  if (view_.fields().empty()) return;
  auto* grid = new wxFlexGridSizer(2, 4, 8);
  grid->AddGrowableCol(1, 1);
  for (const pb::Field& field : view_.fields()) {
    auto* label = new wxStaticText(this, wxID_ANY, Wx(field.label()));
    label->SetForegroundColour(WorkspaceMutedText());
    grid->Add(label, 0, wxALIGN_TOP | wxTOP, 3);
    if (field.kind() == pb::FIELD_READ_ONLY) {
      grid->Add(new wxStaticText(this, wxID_ANY, Wx(field.value())), 1, wxEXPAND);
      continue;
    }
    auto it = kept.find(field.id());
    const std::string& value = it != kept.end() ? it->second : field.value();
    long style = field.kind() == pb::FIELD_MULTILINE ? wxTE_MULTILINE : 0;
    auto* text = new wxTextCtrl(this, wxID_ANY, Wx(value), wxDefaultPosition,
                                field.kind() == pb::FIELD_MULTILINE ? wxSize(-1, 70) : wxDefaultSize, style);
    text->SetName(Wx(field.label()));
    grid->Add(text, 1, wxEXPAND);
    inputs_[field.id()] = Input{text, nullptr, {}, field.revision()};
  }
  sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
}

void PluginWorkspacePanel::AddTranscript(wxBoxSizer* sizer) {
  if (!view_.has_transcript()) return;
  auto* transcript = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 160),
                                    wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
  transcript->SetName("Transcript");
  for (const pb::TranscriptEntry& entry : view_.transcript().entries()) {
    wxTextAttr who(entry.sender() == pb::SENDER_CUSTOMER ? CustomerColour() : AgentColour());
    who.SetFontWeight(wxFONTWEIGHT_BOLD);
    transcript->SetDefaultStyle(who);
    std::string line = SenderName(entry);
    if (entry.at_unix_ms() > 0) line += "  " + ClockTime(entry.at_unix_ms());
    if (!entry.subject().empty()) line += "  — " + entry.subject();
    transcript->AppendText(Wx(line + "\n"));
    wxTextAttr body(GetForegroundColour());
    body.SetFontWeight(wxFONTWEIGHT_NORMAL);
    transcript->SetDefaultStyle(body);
    transcript->AppendText(Wx(entry.text() + "\n\n"));
  }
  transcript->ShowPosition(transcript->GetLastPosition());
  sizer->Add(transcript, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  const std::string& status = view_.transcript().status();
  auto* line = new wxStaticText(this, wxID_ANY, Wx(status));
  line->SetName("Customer status");
  line->SetForegroundColour(WorkspaceMutedText());
  line->SetFont(line->GetFont().Italic());
  sizer->Add(line, 0, wxLEFT | wxRIGHT | wxTOP, 8);
}

void PluginWorkspacePanel::AddComposer(wxBoxSizer* sizer, const std::map<std::string, std::string>& kept) {
  if (!view_.has_composer()) return;
  const pb::Composer& composer = view_.composer();
  auto it = kept.find(composer.id());
  const std::string& value = it != kept.end() ? it->second : composer.text();
  long style = composer.multiline() ? wxTE_MULTILINE : wxTE_PROCESS_ENTER;
  auto* text = new wxTextCtrl(this, wxID_ANY, Wx(value), wxDefaultPosition,
                              composer.multiline() ? wxSize(-1, 120) : wxDefaultSize, style);
  text->SetName("Composer");
  text->SetHint(Wx(composer.placeholder()));
  text->Enable(composer.enabled());
  if (!composer.multiline() && !composer.submit_action_id().empty()) {
    std::string submit = composer.submit_action_id();
    text->Bind(wxEVT_TEXT_ENTER, [this, submit](wxCommandEvent&) { InvokeAction(submit); });
  }
  inputs_[composer.id()] = Input{text, nullptr, {}, composer.revision()};

  if (composer.templates_size() > 0) {
    auto* templates = new wxChoice(this, wxID_ANY);
    templates->SetName("Templates");
    templates->Append(Wx("Insert a template…"));
    for (const pb::Template& t : composer.templates()) templates->Append(Wx(t.label()));
    templates->SetSelection(0);
    templates->Enable(composer.enabled());
    templates->Bind(wxEVT_CHOICE, [this, templates, text](wxCommandEvent&) {
      int index = templates->GetSelection() - 1;
      if (index < 0 || index >= view_.composer().templates_size()) return;
      text->WriteText(Wx(view_.composer().templates(index).text()));  // at the caret
      templates->SetSelection(0);
      text->SetFocus();
    });
    sizer->Add(templates, 0, wxLEFT | wxRIGHT | wxTOP, 8);
  }
  sizer->Add(text, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
}

void PluginWorkspacePanel::AddChoices(wxBoxSizer* sizer, const std::map<std::string, std::string>& kept) {
  if (view_.choices().empty()) return;
  auto* row = new wxWrapSizer(wxHORIZONTAL);
  for (const pb::Choice& choice : view_.choices()) {
    auto* label = new wxStaticText(this, wxID_ANY, Wx(choice.label() + (choice.required() ? " *" : "")));
    auto* control = new wxChoice(this, wxID_ANY);
    control->SetName(Wx(choice.label()));
    Input input{nullptr, control, {}, 0};
    control->Append(Wx("—"));
    input.option_ids.push_back("");
    auto keep = kept.find(choice.id());
    const std::string& wanted = keep != kept.end() ? keep->second : choice.selected();
    int selected = 0;
    for (const pb::ChoiceOption& option : choice.options()) {
      control->Append(Wx(option.label().empty() ? option.id() : option.label()));
      input.option_ids.push_back(option.id());
      if (option.id() == wanted) selected = static_cast<int>(input.option_ids.size()) - 1;
    }
    control->SetSelection(selected);
    row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    row->Add(control, 0, wxRIGHT, 16);
    inputs_[choice.id()] = std::move(input);
  }
  sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
}

void PluginWorkspacePanel::AddActions(wxBoxSizer* sizer) {
  auto* buttons = new wxWrapSizer(wxHORIZONTAL);
  auto* keypad = new wxGridSizer(4, 3, 4, 4);
  bool has_keypad = false;
  for (const pb::Action& action : view_.actions()) {
    wxString label = Wx(action.label());
    if (!action.shortcut().empty()) label += Wx(" (" + action.shortcut() + ")");
    const bool in_keypad = action.group() == "keypad";
    auto* button = new wxButton(this, wxID_ANY, in_keypad ? Wx(action.label()) : label, wxDefaultPosition,
                                in_keypad ? wxSize(44, -1) : wxDefaultSize);
    button->SetName(Wx(action.label()));
    button->Enable(action.enabled());
    if (!action.tooltip().empty()) button->SetToolTip(Wx(action.tooltip()));
    if (action.primary()) button->SetDefault();
    std::string id = action.id();
    button->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) { InvokeAction(id); });
    if (in_keypad) {
      keypad->Add(button, 0, wxEXPAND);
      has_keypad = true;
    } else {
      buttons->Add(button, 0, wxRIGHT | wxBOTTOM, 6);
    }
  }
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(buttons, 1, wxEXPAND);
  if (has_keypad) {
    row->Add(keypad, 0, wxLEFT, 12);
  } else {
    delete keypad;
  }
  sizer->Add(row, 0, wxEXPAND | wxALL, 8);
}

void PluginWorkspacePanel::InstallShortcuts() {
  std::vector<wxAcceleratorEntry> entries;
  for (const pb::Action& action : view_.actions()) {
    if (!IsPanelShortcut(action.shortcut())) continue;
    wxAcceleratorEntry entry;
    if (!entry.FromString(Wx(action.shortcut()))) continue;
    int id = wxWindow::NewControlId();
    entry.Set(entry.GetFlags(), entry.GetKeyCode(), id);
    entries.push_back(entry);
    action_by_window_id_[id] = action.id();
  }
  if (entries.empty()) {
    SetAcceleratorTable(wxNullAcceleratorTable);
  } else {
    SetAcceleratorTable(wxAcceleratorTable(static_cast<int>(entries.size()), entries.data()));
  }
}

void PluginWorkspacePanel::UpdateTimer() {
  if (timer_label_ == nullptr) return;
  const pb::Timer& timer = view_.timer();
  int64_t elapsed = timer.running() ? NowUnixMs() - timer.started_at_unix_ms() : timer.frozen_ms();
  std::string text = timer.label().empty() ? "" : timer.label() + " ";
  timer_label_->SetLabel(Wx(text + FormatElapsed(elapsed)));
}

std::map<std::string, std::string> PluginWorkspacePanel::FormValues() const {
  std::map<std::string, std::string> values;
  for (const auto& [id, input] : inputs_) {
    if (input.text != nullptr) {
      values[id] = Utf8(input.text->GetValue());
    } else if (input.choice != nullptr) {
      int selection = input.choice->GetSelection();
      if (selection >= 0 && selection < static_cast<int>(input.option_ids.size())) values[id] = input.option_ids[selection];
    }
  }
  return values;
}

bool PluginWorkspacePanel::InvokeAction(const std::string& action_id) {
  for (const pb::Action& action : view_.actions()) {
    if (action.id() != action_id) continue;
    if (!action.enabled()) return false;
    pb::ActionInvoked invoked;
    invoked.set_contact_id(view_.contact_id());
    invoked.set_action_id(action_id);
    for (auto& [id, value] : FormValues()) (*invoked.mutable_values())[id] = value;
    if (on_action) on_action(invoked);
    return true;
  }
  return false;
}

}  // namespace journeydesk::agent::ui
