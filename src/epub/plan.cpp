// Planning the book: safe unique tokens for file names and ids, display titles
// and language tags, computed once from the Document.
#include "epub/plan.h"

#include <cctype>
#include <set>

#include "image/prepare.h"

#include "diag/utf8.h"
#include "epub/identifier.h"

namespace broadsheet::epub {
namespace {

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A token is a file stem and an XML id: a letter, then letters, digits, '-', '_'.
bool is_safe_token(std::string_view s) {
  if (s.empty() || s.size() > 64 || !is_alpha(s[0])) return false;
  for (char c : s) {
    if (!is_alnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Tokens are compared without case: they become file names, and an archive with
// "A.xhtml" and "a.xhtml" breaks on case-insensitive file systems.
std::string unique_token(std::string_view preferred, const std::string& fallback,
                         std::set<std::string>& used) {
  std::string token = is_safe_token(preferred) ? std::string(preferred) : fallback;
  for (int n = 2; used.count(lower(token)); ++n) token = fallback + "-" + std::to_string(n);
  used.insert(lower(token));
  return token;
}

// Shape of a BCP 47 tag ("en", "az-Latn-AZ"); full validation is input/'s job,
// this only keeps xml:lang and dc:language well formed.
bool is_language_tag(std::string_view tag) {
  size_t start = 0;
  for (size_t part = 0; start <= tag.size(); ++part) {
    size_t end = std::min(tag.find('-', start), tag.size());
    std::string_view sub = tag.substr(start, end - start);
    if (sub.empty() || sub.size() > 8) return false;
    for (char c : sub) {
      if (part == 0 ? !is_alpha(c) : !is_alnum(c)) return false;
    }
    start = end + 1;
  }
  return true;
}

std::string language_or(const std::string& tag, const std::string& fallback) {
  return is_language_tag(tag) ? tag : fallback;
}

void collect_images(const std::vector<Block>& blocks, std::vector<ImageSlot>& out, std::set<std::string>& seen) {
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::Figure && block.image) {
      std::string href = image_href(*block.image);
      if (!seen.insert(href).second) continue;
      const std::string stem = href.substr(std::string_view(kImageDir).size(), 16);
      const ImageFormat format = block.image->epub.format;
      out.push_back({"img-" + stem, href, image_media_type(format), &block.image->epub.encoded});
    }
    collect_images(block.children, out, seen);
  }
}

}  // namespace

std::string image_href(const FigureImage& image) {
  static constexpr char kHex[] = "0123456789abcdef";
  const Sha1Digest digest = sha1(image.epub.encoded);
  std::string href = kImageDir;
  for (size_t i = 0; i < 8; ++i) {
    href += kHex[digest[i] >> 4];
    href += kHex[digest[i] & 15];
  }
  return href + "." + image_extension(image.epub.format);
}

std::string display_text(std::string_view text, std::string_view fallback) {
  std::string shown = collapse_whitespace(sanitize_text(text));
  return shown.empty() ? std::string(fallback) : shown;
}

EpubPlan plan_epub(const Document& doc, ImageFormat cover) {
  EpubPlan plan;
  plan.identifier = edition_identifier(doc.meta.title, doc.iso_date);
  plan.language = language_or(doc.meta.language, "und");
  plan.edition_title = display_text(doc.meta.title, "Daily Digest");
  plan.book_title = plan.edition_title + (doc.iso_date.empty() ? "" : " \u2014 " + doc.iso_date);
  plan.cover = {std::string(kImageDir) + "cover." + image_extension(cover), image_media_type(cover)};
  // Ids of the nav and of other fixed entries, kept out of the tokens.
  std::set<std::string> used = {"front", "cover", "toc", "landmarks"};
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const SectionDoc& section = doc.sections[s];
    if (section.articles.empty()) continue;  // nothing to read: no page, no entry
    std::string position = "s";  // appended: "s" + a temporary trips GCC 12's false -Wrestrict at -O3
    position += std::to_string(s + 1);
    SectionSlot section_slot{&section, unique_token(section.id, position, used), "",
                             display_text(section.title, "News"), {}};
    section_slot.href = kSectionDir + section_slot.anchor + ".xhtml";
    plan.sections.push_back(std::move(section_slot));
    for (size_t a = 0; a < section.articles.size(); ++a) {
      const ArticleDoc& article = section.articles[a];
      ArticleSlot slot{&article, plan.sections.size() - 1,
                       unique_token(article.id, position + "-a" + std::to_string(a + 1), used), "",
                       display_text(article.title, "Untitled"), language_or(article.language, plan.language)};
      slot.href = kArticleDir + slot.token + ".xhtml";
      plan.sections.back().articles.push_back(plan.articles.size());
      plan.articles.push_back(std::move(slot));
    }
  }
  std::set<std::string> seen;
  for (const ArticleSlot& slot : plan.articles) collect_images(slot.article->body, plan.images, seen);
  return plan;
}

}  // namespace broadsheet::epub
