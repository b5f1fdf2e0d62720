#pragma once
// Colours of the supervisor window, in one place. Main thread only.
// Service levels use the same colour-blind-safe family as the journey canvas (blue-green
// good, amber warning, vermilion bad); the text always says the level too.

#include <wx/colour.h>
#include <wx/string.h>

#include "core/supervisor/service_level.h"

namespace journeydesk::agent::ui::supervisor_ui {

wxColour LevelColour(agent::supervisor::ServiceLevelStatus status);   // strong: strips, lines
wxColour LevelTint(agent::supervisor::ServiceLevelStatus status);     // light: row backgrounds
wxColour BoardBackground();
wxColour BoardHeaderText();
wxColour BoardRule();
wxColour WaitingBars();
wxColour SelectedRow();

// std::string (UTF-8) → wxString.
wxString Utf8(const std::string& text);

}  // namespace journeydesk::agent::ui::supervisor_ui
