#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {

// Colour-blind-safe pairs (Okabe–Ito inspired): blue-green for good, vermilion for bad.
wxColour ToneColour(MarkTone tone) {
  switch (tone) {
    case MarkTone::kPositive: return wxColour(0, 150, 110);
    case MarkTone::kNeutral: return wxColour(230, 160, 0);
    case MarkTone::kNegative: return wxColour(213, 70, 30);
    case MarkTone::kUnknown: return wxColour(140, 148, 160);
  }
  return wxColour(140, 148, 160);
}

wxColour MarkOutline(MarkTone tone) { return ToneColour(tone).ChangeLightness(80); }
wxColour MarkRing() { return wxColour(30, 30, 30); }
wxColour EvidenceHalo() { return wxColour(120, 60, 200); }
wxColour HoverRing() { return wxColour(20, 20, 20); }

wxColour HeatColour(NpsHeat heat) {
  switch (heat) {
    case NpsHeat::kNone: return wxColour(228, 231, 236);
    case NpsHeat::kNegative: return wxColour(222, 96, 70);
    case NpsHeat::kBelowTarget: return wxColour(245, 196, 90);
    case NpsHeat::kOnTarget: return wxColour(70, 175, 120);
  }
  return wxColour(228, 231, 236);
}

wxColour CurrentStageFill() { return wxColour(232, 241, 255); }
wxColour CurrentStageAccent() { return wxColour(40, 100, 220); }
wxColour GridLine() { return wxColour(214, 218, 225); }
wxColour LaneStripe() { return wxColour(247, 248, 250); }
wxColour MutedText() { return wxColour(96, 104, 116); }
wxColour BannerBackground() { return wxColour(255, 236, 179); }

}  // namespace journeydesk::agent::ui
