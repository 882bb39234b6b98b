// The format-neutral document tree: what an edition says, built once and read
// by both back ends (PDF layout and EPUB writer). Markdown and text bodies
// become the same Block/Inline tree; the contents are sections -> articles.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/edition.h"

namespace broadsheet {

struct FigureImage;  // src/image/prepare.h: the prepared pixels of a Figure

enum class InlineKind {
  Text, Emphasis, Strong, Code, Link, LineBreak,
  Underline, Strike, Subscript, Superscript,  // from HTML (u, s, sub, sup) and Markdown ~~
  Image,  // Markdown ![alt](src "title"): url = src, text = title, children = alt
};

/// A run of inline content. Text and Code carry text; Emphasis, Strong, Link,
/// Underline, Strike, Subscript and Superscript carry children; Link also carries
/// url: after build_document, always a target decide_link kept (link_policy.h).
struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;
  std::string url;
  std::vector<Inline> children;
};

enum class BlockKind {
  Heading, Paragraph, Quote, List, ListItem, CodeBlock, Rule,
  Table, TableRow, TableCell,  // from HTML tables and GFM Markdown tables
  Figure,  // an image with alt text and caption: the article's `image:`, or a body image
};

/// A block of the body. Heading (level 1-6) and Paragraph carry inlines; Quote,
/// List and ListItem carry children; CodeBlock carries literal text.
/// Table carries TableRow children and its caption as inlines (may be empty);
/// a TableRow carries TableCell children; a TableCell carries inlines and
/// `header` (th, or a cell of a GFM header row).
/// A table cell's alignment as written (GFM's ":--", ":-:", "--:"); Default
/// leaves it to doc/table_columns.h (numbers right, else the start side).
enum class CellAlign { Default, Left, Center, Right };

/// HTML's own cap on colspan (WHATWG: values above 1000 are read as 1000).
inline constexpr int kMaxColspan = 1000;

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  int level = 0;                 ///< Heading level, as written (1 for '#' or <h1>)
  bool ordered = false;          ///< List: numbered?
  int start = 1;                 ///< List: first number
  std::vector<Inline> inlines{};
  std::vector<Block> children{};
  std::string text{};            ///< CodeBlock content (lines separated by \n)
  bool header = false;           ///< TableCell: a header cell
  int span = 1;                  ///< TableCell: columns it covers (HTML colspan, 1..kMaxColspan)
  CellAlign align = CellAlign::Default;  ///< TableCell: alignment as written
  // Figure: `src` as written (relative to the article's file), its alt text and
  // caption; `lead` for the article's `image:` field; `image` is set by
  // attach_images (src/image) before the back ends run, and a Figure without
  // one is skipped by them.
  std::string src{}, alt{}, caption{};
  bool lead = false;
  // Figure lifted out of a paragraph (hoist_figures): the paragraphs just
  // before and after it hold that paragraph's text, to be joined again with
  // the alt text between them when the image is left out.
  bool text_before = false, text_after = false;
  /// Heading: its depth in the article's outline (1 at the top, none skipped),
  /// set by build_document from the levels as written.
  int rank{};
  std::shared_ptr<const FigureImage> image{};
};

/// A figure's alternative text as a screen reader should hear it: empty when it
/// would repeat the caption word for word (the caption alone describes it).
std::string spoken_alt(const Block& figure);

struct ArticleDoc {
  // Where the article came from, for resolving and reporting its images.
  std::filesystem::path base_dir;  ///< folder of its input file
  std::string label;               ///< "article 3 ('Markets rally')"
  SourceLoc image_loc, body_loc;   ///< the `image:` and `body:` values
  FieldLocs field_locs;            ///< every field's value, by key
  std::string id;                ///< stable, unique in the edition: "s1-a2"
  std::string title;
  std::vector<std::string> authors;
  std::string source;
  std::string url;               ///< as written: shown as text; a link only if decide_link keeps it
  /// Body image sources left out while parsing (not local files: http:, //,
  /// data:...), for attach_images's one report per article.
  std::vector<std::string> left_out_sources;
  std::string time_label;        ///< "07:30 +04:00", "" for bare dates
  std::string summary;
  std::string language;          ///< effective BCP 47 tag (article's or edition's)
  std::vector<std::string> tags;
  std::vector<Block> body;

  /// "Press Service · president.az · 07:30 +04:00"; empty parts are skipped.
  std::string byline() const;
};

/// A text an article shows besides its body, and where its input gave it.
struct ShownText {
  std::string text;
  SourceLoc loc;
};

/// The texts an article shows besides its body, in the order they stand:
/// title, byline, summary, and the source line (its url, else its source).
/// Whoever walks an article's own text walks this list.
std::vector<ShownText> shown_texts(const ArticleDoc& article);

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

  /// What building noticed and left out (one per article at most), in article
  /// order, for the caller to print: rendering may run on several threads.
  std::vector<Diagnostic> warnings;
};

/// Builds the document of one edition. Bodies are parsed here: Markdown through
/// md4c, HTML through gumbo (sanitized), text split on blank lines. Never fails:
/// unparseable markup is text. Every link goes through decide_link (links the
/// policy refuses become their text); body images that are not local files are
/// left out (alt text in brackets) and listed in ArticleDoc::left_out_sources.
Document build_document(const Edition& edition);

/// What parsing a body noticed and left out, for one warning per article.
struct BodyNotes {
  std::vector<std::string> remote_images;  ///< img src values that are not local files
};

/// Markdown (CommonMark + GFM tables, strikethrough, autolinks) to blocks. Raw
/// HTML goes through the HTML sanitizer: blocks are parsed as HTML, inline
/// tags of a small safe set become spans, other tags are dropped.
std::vector<Block> parse_markdown(const std::string& markdown, BodyNotes* notes = nullptr);
/// An HTML fragment (parsed as browsers do, gumbo) to blocks, sanitized: see html.h.
std::vector<Block> parse_html(const std::string& html, BodyNotes* notes = nullptr);
/// Plain text to paragraphs: split on blank lines, every character literal,
/// single newlines become line breaks.
std::vector<Block> parse_plain_text(const std::string& text);

/// Plain text of inlines (for titles, outlines, alt text).
std::string plain_text(const std::vector<Inline>& inlines);

/// A readable, stable text dump of the document for golden tests.
std::string dump_document(const Document& doc);

}  // namespace broadsheet
