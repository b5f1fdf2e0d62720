#include "ui/flat_header_renderer.h"

#include <wx/dc.h>
#include <wx/window.h>

namespace journeydesk::agent::ui {
namespace {

const wxColour kHeaderFill(234, 237, 243);
const wxColour kHeaderHover(229, 233, 240);
const wxColour kHeaderPressed(216, 222, 232);
const wxColour kHeaderLine(200, 205, 214);

}  // namespace

int FlatHeaderRenderer::GetHeaderButtonHeight(wxWindow* win) {
  return win->GetCharHeight() + win->FromDIP(10);
}

int FlatHeaderRenderer::DrawHeaderButton(wxWindow* win, wxDC& dc, const wxRect& rect, int flags,
                                         wxHeaderSortIconType sort_arrow, wxHeaderButtonParams* params) {
  const wxColour fill = (flags & wxCONTROL_PRESSED)   ? kHeaderPressed
                        : (flags & wxCONTROL_CURRENT) ? kHeaderHover
                                                      : kHeaderFill;
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(fill));
  dc.DrawRectangle(rect);
  dc.SetPen(wxPen(kHeaderLine));
  dc.DrawLine(rect.GetLeft(), rect.GetBottom(), rect.GetRight() + 1, rect.GetBottom());
  const int inset = win->FromDIP(4);
  dc.DrawLine(rect.GetRight(), rect.GetTop() + inset, rect.GetRight(), rect.GetBottom() - inset);
  // The label and sort arrow as wx draws them for every renderer (text, no toolkit widget).
  return wxRendererNative::GetGeneric().DrawHeaderButtonContents(win, dc, rect, flags, sort_arrow, params);
}

void InstallFlatHeaderRenderer() {
  // wx's first Get() installs the toolkit's own choice, replacing (and deleting) whatever was
  // set before it: ask once first. Set() hands back what was set before (the toolkit's choice,
  // none on GTK), ours to delete; wx deletes the new one when the toolkit shuts down.
  wxRendererNative::Get();
  delete wxRendererNative::Set(new FlatHeaderRenderer);
}

}  // namespace journeydesk::agent::ui
