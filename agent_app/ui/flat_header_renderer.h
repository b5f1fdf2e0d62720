#pragma once
// Column headers (the timeline's, the supervisor's lists', the shortcut list's) drawn flat by
// the desktop itself: a light fill, a dividing line per column and the label, with the hover
// and pressed shades. Everything else is drawn by the toolkit's own renderer.
//
// Why: GTK's header look needs a hidden GTK tree view with a header button, built, styled and
// measured the first time any header is sized — ~2.5 ms of the desktop's start for one list's
// header (tests/bench/desktop_bench).
//
// Install once on the main thread, before the first window: InstallFlatHeaderRenderer().

#include <wx/window.h>  // wx/renderer.h needs the core declarations first
#include <wx/renderer.h>

namespace journeydesk::agent::ui {

class FlatHeaderRenderer : public wxDelegateRendererNative {
 public:
  FlatHeaderRenderer() : wxDelegateRendererNative(wxRendererNative::GetDefault()) {}
  int GetHeaderButtonHeight(wxWindow* win) override;
  int DrawHeaderButton(wxWindow* win, wxDC& dc, const wxRect& rect, int flags = 0,
                       wxHeaderSortIconType sort_arrow = wxHDR_SORT_ICON_NONE,
                       wxHeaderButtonParams* params = nullptr) override;
};

// Makes a FlatHeaderRenderer the renderer of every window (wx owns and deletes it).
void InstallFlatHeaderRenderer();

}  // namespace journeydesk::agent::ui
