// HarfBuzz's subsetter over one font file: the glyph-id set in, the sfnt bytes
// out. The PDF needs outlines and metrics only: hinting goes (renderers scale
// outlines unhinted) and so do the layout tables (libharu never shapes, and
// their closure would pull in glyphs nobody draws, such as ligatures).
#include "pdf/font_subset.h"

#include <hb-subset.h>

#include <memory>

#include "env/files.h"

namespace broadsheet {

namespace {

struct BlobFree {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceFree {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputFree {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
using Blob = std::unique_ptr<hb_blob_t, BlobFree>;
using Face = std::unique_ptr<hb_face_t, FaceFree>;
using Input = std::unique_ptr<hb_subset_input_t, InputFree>;

constexpr hb_tag_t kLayoutTables[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                      HB_TAG('G', 'D', 'E', 'F')};

Input subset_input(const std::vector<std::uint32_t>& glyphs) {
  Input input(hb_subset_input_create_or_fail());
  if (!input) return input;
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  for (std::uint32_t g : glyphs) hb_set_add(glyph_set, g);
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : kLayoutTables) hb_set_add(dropped, tag);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  return input;
}

}  // namespace

std::string subset_font(const std::filesystem::path& path, unsigned index,
                        const std::vector<std::uint32_t>& glyphs) {
  Blob file(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!file) throw EnvironmentError("PDF: cannot read the font " + path.string());
  Face face(hb_face_create(file.get(), index));
  Input input = subset_input(glyphs);
  Face subset(input ? hb_subset_or_fail(face.get(), input.get()) : nullptr);
  if (!subset) throw EnvironmentError("PDF: cannot subset the font " + path.string());
  Blob bytes(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(bytes.get(), &length);
  if (length == 0) throw EnvironmentError("PDF: the subset of the font " + path.string() + " is empty");
  return std::string(data, length);
}

}  // namespace broadsheet
