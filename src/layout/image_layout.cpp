// A figure is one box (image plus caption) asked of the flow with ensure(), so
// the flow moves it to the next column or page when the rest of this one is
// too short, unless setting it a little smaller keeps it here; a box taller
// than a fresh column is shrunk to fit one.
#include "layout/image_layout.h"

#include <algorithm>
#include <optional>

#include "image/prepare.h"
#include "typeset/pdf_text.h"
#include "layout/spacing.h"

namespace broadsheet {

using namespace spacing;
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
  s.leading = style.small_size * kCaptionLeading;
  s.align = Align::Left;
  s.protect = false;
  return s;
}

}  // namespace

namespace {

// The figure composed for the current column: image box and caption.
struct FigureSet {
  LineSettings caption_s;
  SetText caption;
  FigureBox box;
  double gap = 0, column_width = 0;
  double caption_height() const { return caption.lines.empty() ? 0 : gap + caption.height(caption_s); }
};

// A figure may be set this much smaller than it could be to stay in the
// space left here, rather than leave that space empty (most often under a head).
constexpr double kMinShrink = 0.6;

// Where a figure is to go: its indents in the column and the height left
// for it there.
struct FigureFit {
  FigureIndents indents;
  double room = 0;
};

FigureSet compose_figure(const Block& figure, const Style& style, Typesetter& type, const Flow& flow,
                         FigureFit fit) {
  const FigureIndents& indents = fit.indents;
  FigureSet set;
  set.column_width = flow.width() - indents.left - indents.right;
  set.caption_s = caption_settings(style, indents.left, set.column_width);
  if (!figure.caption.empty()) {
    TextStyle italic{italic_face(FontRole::Body), style.small_size, kCaptionGrey, {}};
    set.caption = compose_text(collect_words(clean_pdf_text(figure.caption), italic), set.caption_s, type);
  }
  set.gap = style.body_leading * kFigureCaptionGap;
  const double spare = std::max(style.body_leading, flow.page_room() - set.caption_height() - set.gap);
  set.box = image_box(*figure.image, set.column_width, spare);
  const double fits = fit.room - style.body_leading * kBlockGap - set.caption_height();
  if (set.box.height > fits) {
    FigureBox smaller = image_box(*figure.image, set.column_width, fits);
    if (smaller.width >= kMinShrink * set.box.width) set.box = smaller;
  }
  return set;
}

}  // namespace

double figure_height(const Block& figure, const Style& style, Typesetter& type, const Flow& flow,
                     double room) {
  if (!figure.image) return 0;
  FigureSet set = compose_figure(figure, style, type, flow, {FigureIndents{}, room});
  return style.body_leading * kBlockGap + set.box.height + set.caption_height();
}

void place_figure(const Block& figure, const Style& style, Typesetter& type, Flow& flow,
                  FigureIndents indents) {
  if (!figure.image) return;
  const FigureSet set = compose_figure(figure, style, type, flow, {indents, flow.room()});
  flow.space(style.body_leading * kBlockGap);
  flow.ensure(set.box.height + set.caption_height());
  const double top = flow.advance(set.box.height);
  PageItem item;
  item.kind = ItemKind::Image;
  item.x = flow.left() + indents.left + (set.column_width - set.box.width) / 2;
  item.y = top - set.box.height;
  item.w = set.box.width;
  item.h = set.box.height;
  item.image = figure.image;
  // Without alt text of its own, the caption describes the figure: it is the
  // figure's /Alt and sits inside it, so that it is read once (a figure's
  // /Alt replaces its content); otherwise the caption follows the figure. An
  // image with neither is decoration, as an empty alt is in the EPUB.
  const std::string alt = spoken_alt(figure);
  const bool caption_inside = alt.empty() && !set.caption.lines.empty();
  std::optional<Tagged> tag;
  if (!alt.empty() || caption_inside) {
    tag.emplace(flow, StructRole::Figure);
    flow.set_alt(tag->index(), caption_inside ? figure.caption : alt);
  } else {
    item.element = kArtifact;
  }
  flow.add(std::move(item));
  if (!caption_inside) tag.reset();
  if (!set.caption.lines.empty()) {
    flow.space(set.gap);
    Tagged caption(flow, StructRole::Caption);
    place_text(flow, set.caption, set.caption_s);
  }
  flow.space(style.body_leading * kAfterFigure);
}

}  // namespace broadsheet
