// The cover's composition, top to bottom like a newspaper's front: an accent
// band, the logo, the title (shrunk to fit two lines), the subtitle, a double
// rule over the dateline and counts, the headlines under their section labels,
// and the publisher at the foot. Headlines that would not fit are left out.
#include "cover/draw_cover.h"

#include <algorithm>

#include "cover/canvas.h"
#include "diag/utf8.h"

namespace broadsheet {
namespace {

using cover::Canvas;
using cover::GObjectPtr;
using cover::TextRun;

constexpr double kMargin = 84;
constexpr double kContentWidth = kCoverWidth - 2 * kMargin;
constexpr double kFooterTop = kCoverHeight - 132;

// Valid UTF-8 on one line: pango drops a whole text that is not valid UTF-8.
std::string clean(std::string_view text) { return collapse_whitespace(sanitize_text(text)); }

Color mix(const Color& a, const Color& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

std::string counted(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

TextRun text_run(std::string text, const std::string& family, double size,
                 PangoWeight weight = PANGO_WEIGHT_NORMAL) {
  TextRun run;
  run.text = std::move(text);
  run.family = family;
  run.size = size;
  run.weight = weight;
  return run;
}

int line_count(PangoLayout* layout) { return pango_layout_get_line_count(layout); }
double height_of(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  return h;
}

// What the drawing functions share: the canvas, the colours and the fonts.
struct Cover {
  Canvas& canvas;
  const CoverStyle& style;
  const FontRoles& fonts;

  void rule(double y, double thickness, const Color& color) const {
    canvas.fill(kMargin, y, kContentWidth, thickness, color);
  }
  double text(const TextRun& run, double y, const Color& color) const {
    GObjectPtr<PangoLayout> layout = canvas.layout(run, kContentWidth);
    return canvas.draw(layout.get(), kMargin, y, color);
  }
};

// The largest size from run.size down to min_size at which run fits in
// max_lines lines, or 0 when it fits at none.
double fitting_size(const Cover& c, TextRun run, int max_lines, double min_size) {
  for (; run.size >= min_size; run.size *= 0.92) {
    if (line_count(c.canvas.layout(run, kContentWidth).get()) <= max_lines) return run.size;
  }
  return 0;
}

// The publication title: on one line if it stays large, else on two; a very
// long title is ellipsized at the smallest size.
double draw_title(const Cover& c, const std::string& title, double y) {
  TextRun run = text_run(title, c.fonts.body, 170, PANGO_WEIGHT_BOLD);
  run.align = PANGO_ALIGN_CENTER;
  double one_line = fitting_size(c, run, 1, 120);
  double two_lines = fitting_size(c, run, 2, 72);
  run.size = one_line > 0 ? one_line : two_lines > 0 ? two_lines : 72;
  run.max_lines = 2;
  return c.text(run, y, c.style.foreground);
}

double draw_masthead(const Cover& c, const Document& doc, double y) {
  c.canvas.fill(0, 0, kCoverWidth, 22, c.style.accent);
  y += c.canvas.draw_png(c.style.logo_png, kCoverWidth / 2.0, y, kContentWidth, 160);
  if (!c.style.logo_png.empty()) y += 28;
  std::string title = clean(doc.meta.title);
  y += draw_title(c, title.empty() ? "Daily Digest" : title, y) + 8;
  std::string subtitle = clean(doc.meta.subtitle);
  if (!subtitle.empty()) {
    TextRun run = text_run(subtitle, c.fonts.body, 46);
    run.slant = PANGO_STYLE_ITALIC;
    run.align = PANGO_ALIGN_CENTER;
    run.max_lines = 2;
    y += c.text(run, y, mix(c.style.foreground, c.style.background, 0.2)) + 10;
  }
  return y + 24;
}

// Double rule, the date of the news on the left and the counts on the right.
double draw_dateline(const Cover& c, const Document& doc, double y) {
  c.rule(y, 7, c.style.foreground);
  c.rule(y + 13, 2, c.style.foreground);
  y += 34;
  TextRun date = text_run(clean(doc.long_date), c.fonts.heading, 30, PANGO_WEIGHT_BOLD);
  date.tracking = 2;
  date.uppercase = true;
  date.max_lines = 1;
  TextRun counts = date;
  counts.text = counted(doc.article_count(), "article", "articles");
  counts.align = PANGO_ALIGN_RIGHT;
  counts.weight = PANGO_WEIGHT_NORMAL;
  double h = c.text(counts, y, c.style.foreground);
  h = std::max(h, c.text(date, y, c.style.foreground));
  y += h + 22;
  c.rule(y, 2, c.style.foreground);
  return y + 56;
}

// One headline under its section label; returns 0 and draws nothing when it
// would run into the footer.
double draw_headline(const Cover& c, const std::string& section, const ArticleDoc& article,
                     bool lead, double y) {
  TextRun label = text_run(section, c.fonts.heading, 28, PANGO_WEIGHT_BOLD);
  label.tracking = 4;
  label.uppercase = true;
  label.max_lines = 1;
  TextRun title = text_run(clean(article.title), c.fonts.body, lead ? 70 : 50, PANGO_WEIGHT_BOLD);
  title.max_lines = lead ? 4 : 3;
  title.language = article.language;
  GObjectPtr<PangoLayout> label_layout = c.canvas.layout(label, kContentWidth);
  GObjectPtr<PangoLayout> title_layout = c.canvas.layout(title, kContentWidth);
  double height = height_of(label_layout.get()) + 12 + height_of(title_layout.get());
  if (y + height > kFooterTop - 24) return 0;
  c.canvas.draw(label_layout.get(), kMargin, y, c.style.accent);
  c.canvas.draw(title_layout.get(), kMargin, y + height_of(label_layout.get()) + 12, c.style.foreground);
  return height;
}

void draw_headlines(const Cover& c, const Document& doc, double y) {
  const Color hairline = mix(c.style.foreground, c.style.background, 0.6);
  bool lead = true;
  for (const CoverHeadline& headline : cover_headlines(doc)) {
    if (!lead) c.rule(y - 30, 1, hairline);
    double height = draw_headline(c, clean(headline.section->title), *headline.article, lead, y);
    if (height == 0) return;
    y += height + 60;
    lead = false;
  }
}

void draw_footer(const Cover& c, const Document& doc) {
  c.rule(kFooterTop, 2, c.style.foreground);
  TextRun run = text_run(clean(doc.meta.publisher), c.fonts.heading, 28);
  run.tracking = 3;
  run.uppercase = true;
  run.align = PANGO_ALIGN_CENTER;
  run.max_lines = 1;
  if (run.text.empty()) run.text = counted(doc.sections.size(), "section", "sections");
  c.text(run, kFooterTop + 34, c.style.foreground);
}

}  // namespace

std::vector<CoverHeadline> cover_headlines(const Document& doc) {
  std::vector<CoverHeadline> headlines;
  for (const SectionDoc& section : doc.sections) {
    if (headlines.size() == kCoverHeadlines) break;
    if (!section.articles.empty()) headlines.push_back({&section, &section.articles.front()});
  }
  return headlines;
}

namespace {

void draw_on(Canvas& canvas, const Document& doc, const CoverStyle& style, const FontRoles& fonts) {
  Cover c{canvas, style, fonts};
  canvas.fill(0, 0, kCoverWidth, kCoverHeight, style.background);
  double y = draw_masthead(c, doc, 96);
  y = draw_dateline(c, doc, y);
  draw_headlines(c, doc, y);
  draw_footer(c, doc);
}

std::string cover_language(const Document& doc) {
  std::string language = clean(doc.meta.language);
  return language.empty() ? "en" : language;
}

}  // namespace

std::string draw_cover(const Document& doc, const CoverStyle& style, const FontRoles& fonts) {
  Canvas canvas(kCoverWidth, kCoverHeight, cover_language(doc));
  draw_on(canvas, doc, style, fonts);
  return canvas.png();
}

DrawnCover draw_cover(const Document& doc, const CoverStyle& style, const FontRoles& fonts, int thumbnail_px) {
  Canvas canvas(kCoverWidth, kCoverHeight, cover_language(doc));
  draw_on(canvas, doc, style, fonts);
  cover::DrawnPng drawn = cover::drawn_png_with_pixels(canvas.pixels());
  PreparedImage thumbnail = prepare_thumbnail(drawn.pixels, thumbnail_px);
  return {std::move(drawn.png), std::move(thumbnail)};
}

}  // namespace broadsheet
