#pragma once
// Colours and fonts of the desktop, in one place. Main thread only.

#include <wx/colour.h>
#include <wx/font.h>

#include "core/journey_map_view_model.h"

namespace journeydesk::agent::ui {

wxColour ToneColour(MarkTone tone);
wxColour HeatColour(NpsHeat heat);
wxColour CurrentStageFill();
wxColour CurrentStageAccent();
wxColour GridLine();
wxColour LaneStripe();
wxColour MutedText();
wxColour BannerBackground();

}  // namespace journeydesk::agent::ui
