#include "ui/supervisor/supervisor_palette.h"

namespace journeydesk::agent::ui::supervisor_ui {

using agent::supervisor::ServiceLevelStatus;

wxColour LevelColour(ServiceLevelStatus status) {
  switch (status) {
    case ServiceLevelStatus::kOk: return wxColour(0, 150, 110);
    case ServiceLevelStatus::kWarning: return wxColour(222, 150, 0);
    case ServiceLevelStatus::kBreach: return wxColour(213, 70, 30);
    case ServiceLevelStatus::kNoData: return wxColour(150, 158, 170);
  }
  return wxColour(150, 158, 170);
}

wxColour LevelTint(ServiceLevelStatus status) {
  switch (status) {
    case ServiceLevelStatus::kOk: return wxColour(230, 246, 240);
    case ServiceLevelStatus::kWarning: return wxColour(255, 244, 214);
    case ServiceLevelStatus::kBreach: return wxColour(252, 229, 221);
    case ServiceLevelStatus::kNoData: return wxColour(255, 255, 255);
  }
  return wxColour(255, 255, 255);
}

wxColour BoardBackground() { return wxColour(255, 255, 255); }
wxColour BoardHeaderText() { return wxColour(96, 104, 116); }
wxColour BoardRule() { return wxColour(222, 226, 232); }
wxColour WaitingBars() { return wxColour(178, 192, 216); }
wxColour SelectedRow() { return wxColour(40, 100, 220); }

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

}  // namespace journeydesk::agent::ui::supervisor_ui
