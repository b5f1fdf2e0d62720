#include "ui/plugin_workspace/plugin_palette.h"

namespace journeydesk::agent::ui {

// The same colour-blind-safe family as ui_palette.cc.
wxColour WorkspaceToneColour(plugin::v1::Tone tone) {
  switch (tone) {
    case plugin::v1::TONE_GOOD: return wxColour(0, 130, 95);
    case plugin::v1::TONE_WARNING: return wxColour(180, 110, 0);
    case plugin::v1::TONE_BAD: return wxColour(200, 60, 25);
    default: return wxColour(60, 66, 76);
  }
}

wxColour CustomerColour() { return wxColour(40, 100, 220); }
wxColour AgentColour() { return wxColour(0, 130, 95); }
wxColour WorkspaceMutedText() { return wxColour(96, 104, 116); }

}  // namespace journeydesk::agent::ui
