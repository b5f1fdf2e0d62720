#pragma once
// Saves what a window shows on screen as a PNG (for scripts, tests and the demo's picture
// without a display). Main thread only; the window must be shown.

#include <string>

#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/window.h>

namespace journeydesk::agent::ui {

// Paints pending updates first. False if the file could not be written.
inline bool SaveWindowScreenshot(wxWindow& window, const std::string& path) {
  window.Update();
  const wxRect rect = window.GetScreenRect();
  wxBitmap bitmap(rect.width, rect.height, 24);
  {
    wxMemoryDC memory(bitmap);
    wxScreenDC screen;
    memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
  }
  return bitmap.SaveFile(wxString::FromUTF8(path.data(), path.size()), wxBITMAP_TYPE_PNG);
}

}  // namespace journeydesk::agent::ui
