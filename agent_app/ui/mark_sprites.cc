#include "ui/mark_sprites.h"

#include <algorithm>

#include <wx/brush.h>
#include <wx/dcmemory.h>
#include <wx/image.h>

#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

// Room around the circle for the 2 px ring and cairo's anti-aliasing.
constexpr int kMargin = 3;

wxImage CircleOn(const wxColour& background, const wxPen& pen, const wxBrush& brush, int size, int centre,
                 int radius) {
  wxBitmap bitmap(size, size, 24);
  {
    wxMemoryDC dc(bitmap);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    dc.SetPen(pen);
    dc.SetBrush(brush);
    dc.DrawCircle(centre, centre, radius);
  }
  return bitmap.ConvertToImage();
}

// The circle as an image with alpha, recovered from the same drawing over black and over
// white: where they differ by d, the drawing covers (255 - d) / 255 of the pixel, and over
// black a pixel is its colour times that coverage. Exact up to rounding, and it needs no
// drawing into a transparent bitmap, which not every port's DC supports.
wxImage CircleWithAlpha(const wxPen& pen, const wxBrush& brush, int size, int centre, int radius) {
  const wxImage on_black = CircleOn(*wxBLACK, pen, brush, size, centre, radius);
  const wxImage on_white = CircleOn(*wxWHITE, pen, brush, size, centre, radius);
  wxImage image(size, size);
  image.SetAlpha();
  const unsigned char* black = on_black.GetData();
  const unsigned char* white = on_white.GetData();
  unsigned char* rgb = image.GetData();
  unsigned char* alpha = image.GetAlpha();
  for (int i = 0; i < size * size; ++i, black += 3, white += 3, rgb += 3) {
    int coverage = 0;
    for (int c = 0; c < 3; ++c) coverage += 255 - std::clamp(white[c] - black[c], 0, 255);
    const int a = (coverage + 1) / 3;
    alpha[i] = static_cast<unsigned char>(a);
    for (int c = 0; c < 3; ++c) rgb[c] = a == 0 ? 0 : static_cast<unsigned char>(std::min(255, (black[c] * 255 + a / 2) / a));
  }
  return image;
}

}  // namespace

wxPen MarkPen(MarkTone tone, bool dark_ring) {
  if (dark_ring) return wxPen(MarkRing(), 2);
  return wxPen(MarkOutline(tone));
}

bool MarkSprites::Suits(const wxDC& dc) {
  double user_x = 1, user_y = 1, logical_x = 1, logical_y = 1;
  dc.GetUserScale(&user_x, &user_y);
  dc.GetLogicalScale(&logical_x, &logical_y);
  return dc.GetContentScaleFactor() == 1.0 && user_x == 1.0 && user_y == 1.0 && logical_x == 1.0 &&
         logical_y == 1.0;
}

void MarkSprites::Draw(wxDC& dc, MarkTone tone, bool dark_ring, int cx, int cy, int radius) {
  const wxBitmap& image = Sprite(tone, dark_ring, radius);
  dc.DrawBitmap(image, cx - centre_, cy - centre_, true);
}

const wxBitmap& MarkSprites::Sprite(MarkTone tone, bool dark_ring, int radius) {
  if (radius != radius_) {
    for (wxBitmap& image : images_) image = wxBitmap();
    radius_ = radius;
    centre_ = radius + kMargin;
  }
  int tone_index = static_cast<int>(tone);
  if (tone_index < 0 || tone_index >= kTones) {
    tone = MarkTone::kUnknown;
    tone_index = static_cast<int>(tone);
  }
  wxBitmap& image = images_[tone_index * 2 + (dark_ring ? 1 : 0)];
  if (!image.IsOk()) {
    const int size = 2 * centre_ + 1;
    image = wxBitmap(CircleWithAlpha(MarkPen(tone, dark_ring), wxBrush(ToneColour(tone)), size, centre_, radius), 32);
  }
  return image;
}

}  // namespace journeydesk::agent::ui
