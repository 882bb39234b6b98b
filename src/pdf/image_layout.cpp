// A figure is one box (image plus caption) asked of the flow with ensure(), so
// the flow moves it to the next column or page when the rest of this one is
// too short; a box taller than a fresh column is shrunk to fit one.
#include "pdf/image_layout.h"

#include <algorithm>

#include "image/prepare.h"
#include "pdf/pdf_text.h"

namespace broadsheet {
namespace {

// Pixels the writer has no DPI for are taken as CSS pixels (96 per inch), so a
// small icon stays small instead of being blown up to the column's width.
constexpr double kPointsPerSourcePixel = 72.0 / 96.0;
constexpr Color kCaptionGrey{0.3, 0.3, 0.3};

struct FigureBox {
  double width = 0, height = 0;
};

FigureBox image_box(const FigureImage& image, double column_width, double max_height) {
  const double aspect = static_cast<double>(image.source_size.height) / image.source_size.width;
  double width = std::min(column_width, image.source_size.width * kPointsPerSourcePixel);
  if (width * aspect > max_height) width = max_height / aspect;
  return {width, width * aspect};
}

LineSettings caption_settings(const Style& style, double left, double width) {
  LineSettings s;
  s.indent = left;
  s.width = width;
  s.size = style.small_size;
  s.leading = style.small_size * 1.35;
  s.align = Align::Left;
  s.protect = false;
  return s;
}

}  // namespace

void place_figure(const Block& figure, const Style& style, Typesetter& type, Flow& flow,
                  double left, double right) {
  if (!figure.image) return;
  const double column_width = flow.width() - left - right;
  const LineSettings s = caption_settings(style, left, column_width);
  SetText caption;
  if (!figure.caption.empty()) {
    TextStyle italic{FontFace{FontRole::Body, false, true}, style.small_size, kCaptionGrey, {}};
    caption = compose_text(collect_words(clean_pdf_text(figure.caption), italic), s, type);
  }
  const double gap = style.body_leading * 0.3;
  const double caption_height = caption.lines.empty() ? 0 : gap + caption.height(s);
  const double spare = std::max(style.body_leading, flow.page_room() - caption_height - gap);
  const FigureBox box = image_box(*figure.image, column_width, spare);
  flow.space(style.body_leading * 0.5);
  flow.ensure(box.height + caption_height);
  const double top = flow.advance(box.height);
  PageItem item;
  item.kind = ItemKind::Image;
  item.x = flow.left() + left + (column_width - box.width) / 2;
  item.y = top - box.height;
  item.w = box.width;
  item.h = box.height;
  item.image = figure.image;
  flow.add(std::move(item));
  if (!caption.lines.empty()) {
    flow.space(gap);
    place_text(flow, caption, s);
  }
  flow.space(style.body_leading * 0.6);
}

}  // namespace broadsheet
