#pragma once
// Touchpoint marks drawn from pre-rendered images. A mark is an anti-aliased disc in its
// tone's colour with an outline (or the dark ring of evidence and open issues); instead of
// asking cairo to fill and stroke a circle per mark, each (tone, ring, radius) is rendered
// once, with the very pen and brush a direct draw would use, into a small image with alpha,
// and every mark is a copy of that image. Main thread only (wx bitmaps).

#include <array>

#include <wx/bitmap.h>
#include <wx/dc.h>
#include <wx/pen.h>

#include "core/journey_map_view_model.h"

namespace journeydesk::agent::ui {

// The outline of a mark: a dark 2 px ring for evidence and open issues, otherwise a 1 px
// line a shade darker than the tone.
wxPen MarkPen(MarkTone tone, bool dark_ring);

class MarkSprites {
 public:
  MarkSprites() = default;
  MarkSprites(const MarkSprites&) = delete;
  MarkSprites& operator=(const MarkSprites&) = delete;

  // Whether images blitted into `dc` look like circles drawn into it: only at a content,
  // user and logical scale of 1 (elsewhere an image would be scaled and blurred); callers
  // draw circles directly otherwise.
  static bool Suits(const wxDC& dc);

  // Draws a mark of `radius` centred on (cx, cy), as DrawCircle with MarkPen(tone,
  // dark_ring) and a brush of ToneColour(tone) would. Renders the image on first use; a
  // radius different from the cached images' drops them (a map has one mark radius).
  void Draw(wxDC& dc, MarkTone tone, bool dark_ring, int cx, int cy, int radius);

 private:
  static constexpr int kTones = 4;
  const wxBitmap& Sprite(MarkTone tone, bool dark_ring, int radius);

  int radius_ = -1;
  int centre_ = 0;                          // of the mark inside each image, both axes
  std::array<wxBitmap, kTones * 2> images_;  // [tone * 2 + dark_ring]; invalid until rendered
};

}  // namespace journeydesk::agent::ui
