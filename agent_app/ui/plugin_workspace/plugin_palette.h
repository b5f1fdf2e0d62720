#pragma once
// The workspace's colours: tones of badges and notices, who said what. Main thread only.

#include <wx/colour.h>

#include "journeydesk/plugin/v1/plugin.pb.h"

namespace journeydesk::agent::ui {

wxColour WorkspaceToneColour(plugin::v1::Tone tone);
wxColour CustomerColour();
wxColour AgentColour();
wxColour WorkspaceMutedText();

}  // namespace journeydesk::agent::ui
