// The PDF writer: lays the document out with libharu's font metrics, then
// draws the display list page by page (text as TJ arrays with per-space
// adjustments, rules, links), adds outline, page labels and document info,
// and saves to memory. Output is deterministic: no /ID, no clock.
#include "pdf/write_pdf.h"

#include <charconv>
#include <cmath>
#include <chrono>
#include <optional>

#include "diag/utf8.h"
#include "doc/link_policy.h"
#include "env/files.h"
#include "pdf/content_deflate.h"
#include "typeset/bidi.h"
#include "typeset/char_class.h"
#include "pdf/glyph_check.h"
#include "pdf/haru_compat.h"
#include "pdf/haru_fonts.h"
#include "pdf/haru_images.h"
#include "pdf/haru_save.h"
#include "pdf/tagging.h"
#include "layout/layout.h"
#include "typeset/pdf_text.h"
#include "typeset/precompose.h"

namespace broadsheet {

namespace {

std::string num(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf, end) : std::string("0");
}

// A two-byte character code inside a literal string: half the bytes of a hex
// string, so half the content to build and to deflate. Delimiters and the
// backslash are escaped; so are CR and LF, which a reader would otherwise
// read as one end-of-line (PDF 32000 7.3.4.2).
void append_code(std::string& out, char32_t cp) {
  for (unsigned byte : {static_cast<unsigned>(cp >> 8) & 0xFF, static_cast<unsigned>(cp) & 0xFF}) {
    switch (byte) {
      case '(': out += "\\("; break;
      case ')': out += "\\)"; break;
      case '\\': out += "\\\\"; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default: out += static_cast<char>(byte);
    }
  }
}

bool same_color(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// Whether a word goes on past the end of this text: a hyphen the line broke
// after (inside a word, not a dash standing between spaces), or a script
// written without spaces (Chinese, Japanese).
bool word_goes_on(std::string_view text) {
  if (text.empty()) return true;
  size_t start = code_point_start(text, text.size() - 1), at = start;
  const char32_t last = next_code_point(text, at);
  if (last == '-' || last == 0x2010 || last == 0x00AD) return start > 0 && text[start - 1] != ' ';
  const bool hangul = last >= 0xAC00 && last <= 0xD7AF;  // Korean separates words by spaces
  return is_cjk(last) && !hangul;
}

// Text extraction and screen readers read a structure element's text as its
// glyphs come, so the spaces layout turns into positions (between lines,
// between items of one line) must be glyphs too: whether a space follows
// `item` before `next`, the next text item of the page.
bool space_between(const PageItem& item, const PageItem* next) {
  if (!next || item.element < 0 || next->element != item.element) return false;
  if (item.line_role & kHyphenAdded) return false;
  if (std::abs(next->y - item.y) > 0.01) return !word_goes_on(item.text);  // a new line
  const double gap = std::max(next->x - (item.x + item.w), item.x - (next->x + next->w));
  return gap > 0.1 * item.size;
}

// Draws one page's items: all text in one BT/ET, then rules and links. Each
// run of items of one structure element is a marked-content sequence.
class PagePainter {
 public:
  PagePainter(FontBook& book, HaruImages& images, StructureTree& tree, const std::vector<HPDF_Page>& all,
              size_t index)
      : book_(book), images_(images), tree_(tree), page_(all[index]), all_(all), index_(index) {}

  /// continuation: the first text item of the structure on the next page (a
  /// paragraph that goes on there needs its space at this page's end).
  void paint(const Page& page, const PageItem* continuation) {
    HPDF_Page_BeginText(page_);
    // Each text item is drawn knowing the next one of the structure (artifacts
    // between them, such as a contents row's leaders, are drawn in order but
    // skipped over): whether a space comes between them.
    const PageItem* previous = nullptr;
    for (const PageItem& item : page.items) {
      if (item.kind != ItemKind::Text) continue;
      if (item.element < 0) {
        text(item, nullptr);
        continue;
      }
      if (previous) text(*previous, &item);
      previous = &item;
    }
    if (previous) text(*previous, continuation);
    end_marked();  // a sequence begun in a text object ends in it
    HPDF_Page_EndText(page_);
    for (const PageItem& item : page.items) {
      switch (item.kind) {
        case ItemKind::Text: break;
        case ItemKind::Rule: rule(item); break;
        case ItemKind::Link: link(item); break;
        case ItemKind::Anchor: break;  // positions only; outline entries carry their own
        case ItemKind::Image:
          begin_marked(item.element);
          images_.draw(page_, item);
          break;
      }
    }
    end_marked();
  }

 private:
  // Items of no element (running heads, folios, rules) are artifacts.
  void begin_marked(int element) {
    if (element < 0) element = kArtifact;
    if (marking_ && element == marked_) return;
    end_marked();
    haru::write_raw(page_, tree_.begin_marked(index_, element));
    marking_ = true;
    marked_ = element;
  }

  void end_marked() {
    if (!marking_) return;
    haru::write_raw(page_, "EMC\n");
    marking_ = false;
  }

  void text(const PageItem& item, const PageItem* next) {
    // The display list promises clean text; drop controls anyway, keeping
    // runs of spaces (code blocks) exactly as laid out.
    std::string clean = clean_pdf_code(item.text);
    if (clean.empty()) return;
    const bool space = space_between(item, next);
    if (!has_fill_ || !same_color(fill_, item.color)) {
      HPDF_Page_SetRGBFill(page_, static_cast<HPDF_REAL>(item.color.r),
                           static_cast<HPDF_REAL>(item.color.g), static_cast<HPDF_REAL>(item.color.b));
      fill_ = item.color;
      has_fill_ = true;
    }
    haru::write_raw(page_, "1 0 0 1 " + num(item.x) + " " + num(item.y) + " Tm\n");
    // A hyphenated line end's hyphen stays plain text: an ActualText (U+00AD
    // or empty) would make Acrobat read "people" for "peo-ple", but poppler
    // honours it too and then no longer joins the word (pdftotext, search in
    // Evince), which costs more readers than it helps (docs/accessibility.md).
    begin_marked(item.element);
    // libharu draws left to right, unshaped: right-to-left text goes in visual
    // order. No ActualText with the logical text: poppler (pdftotext, Evince's
    // copy) would reverse it a second time; it puts the glyphs' text back in
    // logical order itself.
    if (item.rtl || has_rtl(clean)) clean = visual_order(clean, item.rtl);
    book_.split(item.face, clean, runs_);
    for (const FontRun& run : runs_) show_run(item, std::string_view(clean).substr(run.begin, run.end - run.begin), run.font);
    // Drawn where the text ends, so nothing moves.
    if (space && !runs_.empty()) show_run(item, " ", runs_.back().font);
  }

  // One TJ array; after each space, an adjustment that makes its advance
  // word_gap (Tw cannot: it applies to the single-byte code 32 only).
  void show_run(const PageItem& item, std::string_view run, int font_index) {
    HPDF_Font font = book_.font(font_index);
    if (font != font_ || item.size != size_) {
      HPDF_Page_SetFontAndSize(page_, font, static_cast<HPDF_REAL>(item.size));
      font_ = font;
      size_ = item.size;
    }
    book_.units(font_index, run);  // marks the glyphs as used in the subset
    if (item.char_space != char_space_) {  // letter-spacing: Tc after every glyph
      haru::write_raw(page_, num(item.char_space) + " Tc\n");
      char_space_ = item.char_space;
    }
    double adjust = 0;
    if (item.word_gap > 0) {  // the space's own Tc is part of the gap
      double space = HPDF_Font_GetUnicodeWidth(font, 0x20);
      adjust = -((item.word_gap - item.char_space) * 1000 / item.size - space);
    }
    std::string tj = "[(";
    for (size_t i = 0; i < run.size();) {
      char32_t cp = next_code_point(run, i);
      append_code(tj, book_.code(font_index, cp));
      if (cp == ' ' && adjust != 0) tj += ") " + num(adjust) + " (";
    }
    tj += ")] TJ\n";
    haru::write_raw(page_, tj);
  }

  void rule(const PageItem& item) {
    begin_marked(kArtifact);
    HPDF_Page_SetRGBStroke(page_, static_cast<HPDF_REAL>(item.color.r),
                           static_cast<HPDF_REAL>(item.color.g), static_cast<HPDF_REAL>(item.color.b));
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(item.size));
    HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(item.x), static_cast<HPDF_REAL>(item.y));
    HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(item.x + item.w), static_cast<HPDF_REAL>(item.y + item.h));
    HPDF_Page_Stroke(page_);
  }

  void link(const PageItem& item) {
    if (item.w <= 0 || item.h <= 0 || !item.target) return;
    const LinkTarget& to = *item.target;
    HPDF_Rect r{static_cast<HPDF_REAL>(item.x), static_cast<HPDF_REAL>(item.y),
                static_cast<HPDF_REAL>(item.x + item.w), static_cast<HPDF_REAL>(item.y + item.h)};
    HPDF_Annotation a = nullptr;
    if (to.page >= 0 && static_cast<size_t>(to.page) < all_.size()) {
      HPDF_Destination d = HPDF_Page_CreateDestination(all_[static_cast<size_t>(to.page)]);
      HPDF_Destination_SetXYZ(d, 0, static_cast<HPDF_REAL>(to.y), 1);
      a = HPDF_Page_CreateLinkAnnot(page_, r, d);
    } else if (std::optional<std::string> uri = decide_link(to.url)) {
      // build_document decided the url already; the same function, asked again
      // where the URI is written, keeps anything else from becoming an action.
      a = HPDF_Page_CreateURILinkAnnot(page_, r, uri->c_str());
    }
    if (!a) return;
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);  // no border box in viewers
    tree_.add_link(index_, a, item.element);
  }

  FontBook& book_;
  HaruImages& images_;
  StructureTree& tree_;
  HPDF_Page page_;
  const std::vector<HPDF_Page>& all_;
  size_t index_;
  bool marking_ = false;  // inside a marked-content sequence
  int marked_ = kArtifact;
  std::vector<FontRun> runs_;
  HPDF_Font font_ = nullptr;
  double size_ = 0;
  double char_space_ = 0;  // Tc in force (a page's text state starts at 0)
  Color fill_;
  bool has_fill_ = false;
};

const PageItem* first_structure_text(const Page& page) {
  for (const PageItem& item : page.items) {
    if (item.kind == ItemKind::Text && item.element >= 0) return &item;
  }
  return nullptr;
}

HPDF_Date pdf_date(std::chrono::sys_seconds t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  std::chrono::hh_mm_ss hms{t - days};
  return HPDF_Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(hms.hours().count()),
                   static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                   '+', 0, 0};
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// Info strings go through the UTF-8 encoder, which must be current (§1.11).
void set_info(HPDF_Doc pdf, const Document& doc) {
  auto set = [pdf](HPDF_InfoType type, const std::string& value) {
    if (!value.empty()) HPDF_SetInfoAttr(pdf, type, clean_pdf_string(value).c_str());
  };
  set(HPDF_INFO_TITLE, doc.meta.title + " \u2014 " + doc.long_date);
  set(HPDF_INFO_AUTHOR, doc.meta.publisher);
  set(HPDF_INFO_SUBJECT, doc.meta.subtitle.empty() ? "News digest, " + doc.long_date : doc.meta.subtitle);
  set(HPDF_INFO_KEYWORDS, join(doc.all_tags(), ", "));
  set(HPDF_INFO_CREATOR, "broadsheet " BROADSHEET_VERSION);
  set(HPDF_INFO_PRODUCER, "broadsheet " BROADSHEET_VERSION " with libharu " HPDF_VERSION_TEXT);
  HPDF_Date date = pdf_date(doc.build_time);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
}

HPDF_Destination destination(HPDF_Page page, double y) {
  HPDF_Destination d = HPDF_Page_CreateDestination(page);
  HPDF_Destination_SetXYZ(d, 0, static_cast<HPDF_REAL>(y), 1);  // zoom 0 is rejected (§1.7)
  return d;
}

// Root (edition and date) -> sections -> articles; every item has a
// destination, and its heading in the structure tree (/SE).
void add_outline(HPDF_Doc pdf, const PageSet& set, const Document& doc,
                 const std::vector<HPDF_Page>& pages, const StructureTree& tree) {
  if (pages.empty()) return;
  HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
  std::string title = clean_pdf_string(doc.meta.title + " \u2014 " + doc.long_date);
  HPDF_Outline root = HPDF_CreateOutline(pdf, nullptr, title.c_str(), utf8);
  HPDF_Outline_SetDestination(root, destination(pages[0], set.height));
  HPDF_Outline_SetOpened(root, HPDF_TRUE);
  HPDF_Outline section = root;
  for (const OutlineEntry& e : set.outline) {
    if (e.page < 0 || static_cast<size_t>(e.page) >= pages.size()) continue;
    HPDF_Outline parent = e.level == 0 ? root : section;
    HPDF_Outline item = HPDF_CreateOutline(pdf, parent, clean_pdf_string(e.title).c_str(), utf8);
    HPDF_Outline_SetDestination(item, destination(pages[static_cast<size_t>(e.page)], e.y));
    HPDF_Outline_SetOpened(item, HPDF_TRUE);
    if (void* heading = tree.reference(e.element)) HPDF_Dict_Add(item, "SE", heading);
    if (e.level == 0) section = item;
  }
  HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

void add_page_labels(HPDF_Doc pdf, const PageSet& set) {
  size_t front = std::min(set.front_pages, set.pages.size());
  if (front > 0) HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, "");
  if (front < set.pages.size()) {
    HPDF_AddPageLabel(pdf, static_cast<HPDF_UINT>(front), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
  }
}

std::vector<HPDF_Page> add_pages(const HaruDoc& doc, const PageSet& set) {
  std::vector<HPDF_Page> pages;
  for (size_t i = 0; i < set.pages.size(); ++i) {
    HPDF_Page page = HPDF_AddPage(doc.get());
    doc.check("adding page " + std::to_string(i + 1));
    if (!page) throw EnvironmentError("PDF: cannot add a page");
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(set.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(set.height));
    pages.push_back(page);
  }
  return pages;
}

std::string save(const HaruDoc& doc, FontBook& book, const StructureTree& tree) {
  book.finish_fonts();
  std::string bytes = haru::save_with_object_streams(doc.get(), tree.objects());
  doc.check("writing the PDF");
  if (bytes.empty()) throw EnvironmentError("PDF: cannot write the document");
  return bytes;
}

}  // namespace

PdfResult render_pdf(const Document& doc, const Style& style, const FontFiles& fonts,
                     const PdfOptions& options) {
  HaruDoc haru;
  HPDF_Doc pdf = haru.get();
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);  // first: fixed per object at creation (§1.10)
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  set_info(pdf, doc);
  haru.check("setting up the document");

  FontBook book(haru, fonts);
  HaruMeasurer measurer(book);
  PdfResult result;
  result.warnings = check_glyphs(doc, book);
  // Paragraphs are composed ahead whether there is a second core or not:
  // glyphs measured with this document's fonts go into its subsets, so the
  // same text must be measured by the same fonts in both cases for the same
  // bytes. Below some length, loading the fonts again costs more than the
  // second core saves; the length, not the core count, decides.
  LayoutOptions layout_options = options.layout;
  if (body_paragraphs(doc) >= kParagraphsWorthComposingAhead) {
    layout_options.ahead_measurer = [&fonts] { return std::make_unique<DetachedMeasurer>(fonts); };
    layout_options.ahead_executor = options.helpers;
  }
  result.pages = layout(doc, style, measurer, layout_options);

  std::vector<HPDF_Page> pages = add_pages(haru, result.pages);
  HaruImages images(haru);
  ContentDeflater deflater(options.helpers);
  StructureTree tree(result.pages.structure, pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageItem* continuation = i + 1 < pages.size() ? first_structure_text(result.pages.pages[i + 1]) : nullptr;
    PagePainter(book, images, tree, pages, i).paint(result.pages.pages[i], continuation);
    haru.check("drawing page " + std::to_string(i + 1));
    deflater.add(pages[i]);
    if (!options.keep_items) std::vector<PageItem>().swap(result.pages.pages[i].items);
  }
  const bool stored = deflater.finish();
  haru.check("storing compressed pages");
  if (!stored) throw EnvironmentError("PDF: cannot store a compressed page");
  tree.write(pdf, pages, doc.meta.language);
  haru.check("writing the structure tree");
  add_outline(pdf, result.pages, doc, pages, tree);
  add_page_labels(pdf, result.pages);
  haru.check("adding the outline and page labels");
  result.bytes = save(haru, book, tree);
  return result;
}

}  // namespace broadsheet
