// Canvas: cairo drawing and pango layout with every environment-dependent
// setting pinned (hinting, antialiasing, resolution, language). Callbacks
// handed to cairo never let an exception cross its C frames.
#include "cover/canvas.h"

#include <algorithm>
#include <optional>

#include "env/files.h"
#include "image/codecs.h"
#include "image/palette.h"

namespace broadsheet::cover {
namespace {

using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CFree<cairo_font_options_destroy>>;
using AttrListPtr = std::unique_ptr<PangoAttrList, CFree<pango_attr_list_unref>>;
using FontDescPtr = std::unique_ptr<PangoFontDescription, CFree<pango_font_description_free>>;

// Hinting and subpixel settings otherwise come from the desktop's fontconfig
// and screen settings; fixed here so two machines with the same fonts agree.
FontOptionsPtr fixed_font_options() {
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_subpixel_order(options.get(), CAIRO_SUBPIXEL_ORDER_DEFAULT);
  return options;
}

FontDescPtr font_description(const TextRun& run) {
  FontDescPtr desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), run.family.c_str());
  pango_font_description_set_weight(desc.get(), run.weight);
  pango_font_description_set_style(desc.get(), run.slant);
  pango_font_description_set_absolute_size(desc.get(), run.size * PANGO_SCALE);
  return desc;
}

// Language (it selects CJK glyph variants and casing rules), tracking, case.
AttrListPtr attributes(const TextRun& run) {
  AttrListPtr list(pango_attr_list_new());
  if (!run.language.empty()) {
    pango_attr_list_insert(list.get(),
                           pango_attr_language_new(pango_language_from_string(run.language.c_str())));
  }
  if (run.tracking > 0) {
    int spacing = static_cast<int>(run.tracking * PANGO_SCALE);
    pango_attr_list_insert(list.get(), pango_attr_letter_spacing_new(spacing));
  }
  if (run.uppercase) {
    pango_attr_list_insert(list.get(), pango_attr_text_transform_new(PANGO_TEXT_TRANSFORM_UPPERCASE));
  }
  return list;
}

struct PngReader {
  std::string_view bytes;
  size_t position = 0;
};

cairo_status_t read_png_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->bytes.size() - reader->position < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes.data() + reader->position, length, reinterpret_cast<char*>(data));
  reader->position += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Canvas::Canvas(int width, int height, const std::string& language)
    : width_(width),
      height_(height),
      surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)),
      cr_(cairo_create(surface_.get())),
      font_map_(pango_cairo_font_map_new()),
      context_(pango_font_map_create_context(font_map_.get())) {
  FontOptionsPtr options = fixed_font_options();
  pango_cairo_context_set_font_options(context_.get(), options.get());
  pango_cairo_context_set_resolution(context_.get(), 72);
  pango_context_set_language(context_.get(), pango_language_from_string(language.c_str()));
  pango_cairo_update_context(cr_.get(), context_.get());
}

GObjectPtr<PangoLayout> Canvas::layout(const TextRun& run, double width) const {
  GObjectPtr<PangoLayout> layout(pango_layout_new(context_.get()));
  PangoLayout* l = layout.get();
  FontDescPtr desc = font_description(run);
  pango_layout_set_font_description(l, desc.get());
  pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, run.align);
  if (run.max_lines > 0) {
    pango_layout_set_height(l, -run.max_lines);  // negative: a number of lines
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
  }
  AttrListPtr attrs = attributes(run);
  pango_layout_set_attributes(l, attrs.get());
  pango_layout_set_text(l, run.text.data(), static_cast<int>(run.text.size()));
  return layout;
}

double Canvas::draw(PangoLayout* layout, double x, double y, const Color& color) const {
  cairo_set_source_rgb(cr(), color.r, color.g, color.b);
  cairo_move_to(cr(), x, y);
  pango_cairo_show_layout(cr(), layout);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  return h;
}

void Canvas::fill(double x, double y, double w, double h, const Color& color) const {
  cairo_set_source_rgb(cr(), color.r, color.g, color.b);
  cairo_rectangle(cr(), x, y, w, h);
  cairo_fill(cr());
}

double Canvas::draw_png(std::string_view png, double centre_x, double y, double max_w,
                        double max_h) const {
  PngReader reader{png};
  SurfacePtr image(cairo_image_surface_create_from_png_stream(read_png_bytes, &reader));
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) return 0;
  double w = cairo_image_surface_get_width(image.get());
  double h = cairo_image_surface_get_height(image.get());
  if (w <= 0 || h <= 0) return 0;
  double scale = std::min({max_w / w, max_h / h, 1.0});  // shrink to fit, never blow up
  cairo_save(cr());
  cairo_translate(cr(), centre_x - w * scale / 2, y);
  cairo_scale(cr(), scale, scale);
  cairo_set_source_surface(cr(), image.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr()), CAIRO_FILTER_GOOD);
  cairo_paint(cr());
  cairo_restore(cr());
  return h * scale;
}

namespace {

// An image surface's pixels (native-endian xRGB words) as RGB rows.
Raster rgb_of(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto stride = static_cast<size_t>(cairo_image_surface_get_stride(surface));
  const int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
  Raster out{width, height, 3, {}};
  out.pixels.reserve(out.size() + static_cast<size_t>(height));  // room for PNG's filter bytes
  out.pixels.resize(out.size());
  std::uint8_t* rgb = out.pixels.data();
  for (size_t y = 0; y < static_cast<size_t>(height); ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
    for (size_t x = 0; x < static_cast<size_t>(width); ++x) {
      *rgb++ = static_cast<std::uint8_t>(row[x] >> 16);
      *rgb++ = static_cast<std::uint8_t>(row[x] >> 8);
      *rgb++ = static_cast<std::uint8_t>(row[x]);
    }
  }
  return out;
}

}  // namespace

Raster Canvas::pixels() const {
  const cairo_status_t status = cairo_status(cr());
  if (status != CAIRO_STATUS_SUCCESS) {
    throw EnvironmentError(std::string("cannot draw the cover: ") + cairo_status_to_string(status));
  }
  return rgb_of(surface_.get());
}

std::string Canvas::png() const { return drawn_png(pixels()); }

// Not cairo's PNG writer: libpng's adaptive filters and zlib took a seventh of
// a 10-article edition's time (codec::encode_drawn_png). A cover in a few
// colours is written with a palette: 81 -> 46 KB on the sample's cover. JPEG
// is never smaller for flat colours and text (122 KB at quality 82).
std::string drawn_png(Raster rgb) {
  if (std::optional<PalettedRaster> paletted = drawn_palette(rgb)) return codec::encode_drawn_png(std::move(*paletted));
  return codec::encode_drawn_png(std::move(rgb));
}

DrawnPng drawn_png_with_pixels(Raster rgb) {
  if (std::optional<PalettedRaster> paletted = drawn_palette(rgb)) {
    Raster held = expand_palette(*paletted);
    return {codec::encode_drawn_png(std::move(*paletted)), std::move(held)};
  }
  std::string png = codec::encode_drawn_png(rgb);
  return {std::move(png), std::move(rgb)};
}

}  // namespace broadsheet::cover
