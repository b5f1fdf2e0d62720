#pragma once
// Colours and fonts of the desktop, in one place. Main thread only.

#include <wx/colour.h>
#include <wx/font.h>

#include "core/journey_map_view_model.h"

namespace journeydesk::agent::ui {

wxColour ToneColour(MarkTone tone);
// A touchpoint mark's outline: a shade darker than its tone.
wxColour MarkOutline(MarkTone tone);
// The ring of a mark that is evidence of a live signal or one of a stage's open issues.
wxColour MarkRing();
// The halo around a next step's evidence: violet, unmistakable against the tone colours.
wxColour EvidenceHalo();
// The ring around the mark under the pointer (the selected one's is CurrentStageAccent()).
wxColour HoverRing();
wxColour HeatColour(NpsHeat heat);
wxColour CurrentStageFill();
wxColour CurrentStageAccent();
wxColour GridLine();
wxColour LaneStripe();
wxColour MutedText();
wxColour BannerBackground();

}  // namespace journeydesk::agent::ui
