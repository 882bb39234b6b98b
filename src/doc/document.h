// The format-neutral document tree: what an edition says, built once and read
// by both back ends (PDF layout and EPUB writer). Markdown and text bodies
// become the same Block/Inline tree; the contents are sections -> articles.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "model/edition.h"

namespace broadsheet {

enum class InlineKind { Text, Emphasis, Strong, Code, Link, LineBreak };

/// A run of inline content. Text and Code carry text; Emphasis, Strong and Link
/// carry children; Link also carries url.
struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;
  std::string url;
  std::vector<Inline> children;
};

enum class BlockKind { Heading, Paragraph, Quote, List, ListItem, CodeBlock, Rule };

/// A block of the body. Heading (level 1-6) and Paragraph carry inlines; Quote,
/// List and ListItem carry children; CodeBlock carries literal text.
struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;                 ///< Heading level
  bool ordered = false;          ///< List: numbered?
  int start = 1;                 ///< List: first number
  std::vector<Inline> inlines;
  std::vector<Block> children;
  std::string text;              ///< CodeBlock content (lines separated by \n)
};

struct ArticleDoc {
  std::string id;                ///< stable, unique in the edition: "s1-a2"
  std::string title;
  std::vector<std::string> authors;
  std::string source;
  std::string url;
  std::string time_label;        ///< "07:30 +04:00", "" for bare dates
  std::string summary;
  std::string language;          ///< effective BCP 47 tag (article's or edition's)
  std::vector<std::string> tags;
  std::vector<Block> body;

  /// "Press Service · president.az · 07:30 +04:00"; empty parts are skipped.
  std::string byline() const;
};

struct SectionDoc {
  std::string id;                ///< "s1"
  std::string title;
  std::vector<ArticleDoc> articles;
};

/// One edition, ready for the back ends.
struct Document {
  EditionMeta meta;
  std::string iso_date;          ///< "2024-11-06"
  std::string long_date;         ///< "Wednesday, 6 November 2024"
  std::chrono::sys_seconds build_time{};
  std::vector<SectionDoc> sections;

  /// Every tag of every article, first appearance first, without duplicates.
  std::vector<std::string> all_tags() const;
  size_t article_count() const;
};

/// Builds the document of one edition. Bodies are parsed here: Markdown through
/// md4c, text split on blank lines. Never fails: unparseable markup is text.
/// Precondition: no article has format Html (rejected at validation).
Document build_document(const Edition& edition);

/// Markdown (CommonMark + GFM strikethrough-free subset) to blocks.
std::vector<Block> parse_markdown(const std::string& markdown);
/// Plain text to paragraphs: split on blank lines, every character literal,
/// single newlines become line breaks.
std::vector<Block> parse_plain_text(const std::string& text);

/// Plain text of inlines (for titles, outlines, alt text).
std::string plain_text(const std::vector<Inline>& inlines);

/// A readable, stable text dump of the document for golden tests.
std::string dump_document(const Document& doc);

}  // namespace broadsheet
