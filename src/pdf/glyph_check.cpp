// The glyph check walks each article's text as the PDF will draw it (cleaned,
// and shaped when it is right to left, since the presentation forms are what
// the fonts must have) and asks the font chain about each code point once.
#include "pdf/glyph_check.h"

#include <charconv>
#include <unordered_set>

#include "diag/utf8.h"
#include "typeset/bidi.h"
#include "pdf/haru_fonts.h"
#include "typeset/pdf_text.h"

namespace broadsheet {

namespace {

constexpr size_t kNamedMissing = 5;  // characters named in one warning

std::string code_point_name(char32_t cp) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<unsigned>(cp), 16);
  (void)ec;
  std::string hex(buf, end);
  for (char& c : hex) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 32 : c);
  return "U+" + std::string(hex.size() < 4 ? 4 - hex.size() : 0, '0') + hex;
}

// Invisible format characters: nothing is drawn for them, so no glyph is needed.
bool is_invisible(char32_t cp) {
  return cp == ' ' || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

// Counts what one article cannot show, and where the input first gave it.
class ArticleScan {
 public:
  explicit ArticleScan(FontBook& book) : book_(book) {}

  // One pass over the text as written (given at loc); right-to-left text is
  // checked again shaped, since the presentation forms are what is drawn.
  void text(const std::string& raw, const SourceLoc& loc) {
    loc_ = &loc;
    for (size_t i = 0; i < raw.size();) check(next_code_point(raw, i));
    if (!has_rtl(raw)) return;
    std::string shaped = shape_for_measuring(clean_pdf_text(raw));
    for (size_t i = 0; i < shaped.size();) check(next_code_point(shaped, i));
  }
  // The body (and the lead figure's caption, which stands in it) is known by
  // where its value starts: a line inside it is lost once it is parsed.
  void inlines(const std::vector<Inline>& list, const SourceLoc& loc) {
    for (const Inline& in : list) {
      text(in.text, loc);
      if (in.kind == InlineKind::Link && in.children.empty()) text(in.url, loc);
      inlines(in.children, loc);
    }
  }
  void blocks(const std::vector<Block>& list, const SourceLoc& loc) {
    for (const Block& b : list) {
      inlines(b.inlines, loc);
      text(b.text, loc);
      text(b.caption, loc);
      blocks(b.children, loc);
    }
  }
  void warnings(const std::string& who, std::vector<Diagnostic>& out) const;

 private:
  void check(char32_t cp) {
    if (cp < 0xA0 || cp == 0xAD) return;  // ASCII (every face has it), controls, the soft hyphen
    if (is_invisible(cp) || book_.covers(FontFace{}, cp)) return;
    if (missing_.empty()) missing_loc_ = *loc_;
    if (seen_missing_.insert(cp).second) missing_.push_back(cp);
  }

  FontBook& book_;
  const SourceLoc* loc_ = nullptr;  // of the text being scanned
  std::vector<char32_t> missing_;
  std::unordered_set<char32_t> seen_missing_;
  SourceLoc missing_loc_;
};

void ArticleScan::warnings(const std::string& who, std::vector<Diagnostic>& out) const {
  if (missing_.empty()) return;
  std::string list;
  for (size_t k = 0; k < missing_.size() && k < kNamedMissing; ++k) {
    std::string ch;
    append_utf8(ch, missing_[k]);
    list += (k ? ", " : "") + code_point_name(missing_[k]) + " '" + ch + "'";
  }
  if (missing_.size() > kNamedMissing) list += " and " + std::to_string(missing_.size() - kNamedMissing) + " more";
  out.push_back({Severity::Warning, missing_loc_,
                 who + "no font has a glyph for " + list + (missing_.size() == 1 ? "; it is" : "; they are") +
                     " shown as an empty box in the PDF",
                 ""});
}

}  // namespace

std::vector<Diagnostic> check_glyphs(const Document& doc, FontBook& book) {
  std::vector<Diagnostic> out;
  for (const SectionDoc& section : doc.sections) {
    for (const ArticleDoc& article : section.articles) {
      ArticleScan scan(book);
      for (const ShownText& shown : shown_texts(article)) scan.text(shown.text, shown.loc);
      scan.blocks(article.body, article.body_loc);
      scan.warnings(article.label + " of " + doc.iso_date + ": ", out);
    }
  }
  return out;
}

}  // namespace broadsheet
