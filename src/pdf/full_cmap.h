// A font file's whole character map (format 12 included), through HarfBuzz:
// libharu 2.3.0 reads only the BMP subtable (format 4), so characters beyond
// U+FFFF (emoji, regional indicators) are looked up here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

struct hb_font_t;

namespace broadsheet {

/// The glyph ids of one font file (the first face of a collection, as libharu
/// loads it), for any code point.
class FullCmap {
 public:
  /// Throws EnvironmentError when the file cannot be read as a font.
  explicit FullCmap(const std::filesystem::path& path);
  /// The glyph id the font's best Unicode cmap gives cp; 0 when it has none.
  std::uint16_t glyph(char32_t cp) const;

 private:
  struct Free {
    void operator()(hb_font_t* font) const;
  };
  std::unique_ptr<hb_font_t, Free> font_;
};

}  // namespace broadsheet
