// HarfBuzz's font functions pick the font's best Unicode cmap subtable
// (format 12 before format 4), the lookup libharu lacks beyond the BMP.
#include "pdf/full_cmap.h"

#include <hb.h>

#include "env/files.h"

namespace broadsheet {

void FullCmap::Free::operator()(hb_font_t* font) const { hb_font_destroy(font); }

FullCmap::FullCmap(const std::filesystem::path& path) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) throw EnvironmentError("PDF: cannot read the font " + path.string());
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);  // the face keeps its own reference
  font_.reset(hb_font_create(face));
  const unsigned glyphs = hb_face_get_glyph_count(face);
  hb_face_destroy(face);
  if (glyphs == 0) throw EnvironmentError("PDF: cannot read the font " + path.string());
}

std::uint16_t FullCmap::glyph(char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(font_.get(), cp, &gid) || gid > 0xFFFF) return 0;
  return static_cast<std::uint16_t>(gid);
}

}  // namespace broadsheet
