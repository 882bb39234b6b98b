// True subsets of TrueType fonts through HarfBuzz's subsetter: only the glyphs
// a document draws, glyph ids kept (the PDF's CIDToGIDMap points at them), no
// hinting. libharu 2.3.0's own "subset" keeps every table but glyf whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace broadsheet {

/// The font program (an sfnt) of face `index` in the font file at `path`
/// (0 for a .ttf; a .ttc's face), cut down to `glyphs` (glyph ids; the
/// components of composite glyphs come along) with every glyph keeping its
/// id, without hinting or layout tables. Throws EnvironmentError when the file
/// cannot be read or HarfBuzz cannot subset it.
std::string subset_font(const std::filesystem::path& path, unsigned index,
                        const std::vector<std::uint32_t>& glyphs);

}  // namespace broadsheet
