// Finding font files through fontconfig: the style names families, this finds
// the TrueType files for each face and the fallback chain for missing glyphs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "env/font_roles.h"

namespace broadsheet {

/// Files for one family: regular, bold, italic, bold italic (a missing
/// variant falls back to the nearest one fontconfig offers).
struct FontFamilyFiles {
  std::filesystem::path regular, bold, italic, bold_italic;
};

struct FontFiles {
  FontFamilyFiles body, heading, mono;
  /// Tried in order for characters the role's face lacks: the style's
  /// fonts.fallbacks, then DejaVu Sans, Droid Sans Fallback (CJK), NanumGothic (Hangul),
  /// Noto Sans, Noto Sans Symbols, Noto Sans Symbols2, Symbola (emoji).
  std::vector<std::filesystem::path> fallbacks;
};

/// Resolves the style's families to TrueType files (CFF .otf is skipped:
/// libharu cannot embed it). Throws EnvironmentError when a family (or a
/// fallback the style names) has no file.
FontFiles find_fonts(const FontRoles& roles);

/// Loads fontconfig's default configuration now, on one thread: pango (the
/// EPUB cover) would otherwise initialise it lazily from whichever thread
/// draws first, and days are rendered on several threads.
void prepare_fontconfig();

}  // namespace broadsheet
