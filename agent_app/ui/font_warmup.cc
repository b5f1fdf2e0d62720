#include "ui/font_warmup.h"

#include <fontconfig/fontconfig.h>

namespace journeydesk::agent::ui {

namespace {

// What Pango asks fontconfig for on the first text it lays out: the configuration, then the
// sorted list of fonts for the default family.
void LoadDefaultFonts() {
  if (!FcInit()) return;
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif"));
  if (pattern == nullptr) return;
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  if (FcFontSet* fonts = FcFontSort(nullptr, pattern, FcTrue, nullptr, &result)) FcFontSetDestroy(fonts);
  FcPatternDestroy(pattern);
}

}  // namespace

FontWarmup::FontWarmup() : thread_(LoadDefaultFonts) {}

FontWarmup::~FontWarmup() {
  if (thread_.joinable()) thread_.join();
}

}  // namespace journeydesk::agent::ui
