// The display list: pages of positioned items, the product of layout and the
// only input of the PDF writer. Coordinates are PDF points, origin bottom-left.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "style/style.h"

namespace broadsheet {

/// A font face: family role plus weight and slant. The writer maps it (and the
/// fallback chain for missing glyphs) to embedded fonts.
enum class FontRole { Body, Heading, Mono };
struct FontFace {
  FontRole role = FontRole::Body;
  bool bold = false;
  bool italic = false;
  friend bool operator==(const FontFace&, const FontFace&) = default;
};

/// A role's faces by name, so that a call says which face it means.
constexpr FontFace regular_face(FontRole role) { return {role, false, false}; }
constexpr FontFace bold_face(FontRole role) { return {role, true, false}; }
constexpr FontFace italic_face(FontRole role) { return {role, false, true}; }

struct FigureImage;  // src/image/prepare.h

enum class ItemKind { Text, Rule, Link, Anchor, Image };

/// The logical structure of the edition (a tagged PDF's structure tree):
/// what each element is, in reading order. Names follow PDF 32000 §14.8.4's
/// standard structure types; the writer spells them.
enum class StructRole {
  Sect, Art, H1, H2, H3, H4, H5, H6, P, BlockQuote, Code, L, LI, Lbl, LBody,
  Table, TR, TH, TD, Figure, Caption, TOC, TOCI
};

/// One element of the structure: its role, its parent (an index into
/// PageSet::structure, or -1 under the document), its language when it differs
/// from the parent's, and a figure's alternative text.
struct StructElement {
  StructRole role = StructRole::P;
  int parent = -1;
  std::string language;
  std::string alt;
};

/// PageItem::element for what is drawn but is not content (running heads,
/// folios, rules, repeated table headers): the writer marks it /Artifact.
inline constexpr int kArtifact = -1;
/// PageItem::element of an item that takes the element open in the flow
/// when it is added (layout/page_flow.h).
inline constexpr int kOpenElement = -2;

/// One positioned thing on a page.
/// - Text: `text` (UTF-8, BMP, no controls) drawn at baseline (x, y) in
///   `face`/`size` and `color`; `w` is its advance width. When word_gap > 0
///   every space advances by word_gap points instead of its natural width
///   (justification: the writer emits TJ adjustments).
/// - Rule: a line from (x, y) to (x + w, y + h) of thickness `size`, in `color`.
/// - Link: a clickable rectangle (x, y, w, h) leading to `target`.
/// - Anchor: a named position (`text` is the anchor id) for outlines and links.
/// - Image: `image` drawn into the box (x, y, w, h), (x, y) its bottom-left.
/// Where a Link item leads: an address outside, or a place in the edition.
/// Held apart from the item: only links have one.
struct LinkTarget {
  std::string url{};  ///< external, when page < 0 (the link policy kept it)
  int page = -1;      ///< internal: a page index
  double y = 0;       ///< and the height on that page
};

struct PageItem {
  // The members go from small to large, so that padding does not grow the
  // item: a 1,000-article edition holds some 200,000 of them at once.
  ItemKind kind = ItemKind::Text;
  /// Text and Image: the structure element the item belongs to (an index into
  /// PageSet::structure), or kArtifact. Link: the element holding the link.
  int element = kOpenElement;
  FontFace face{};
  /// Text: a right-to-left run, stored in logical order; the writer shapes and
  /// reverses it (typeset/bidi.h).
  bool rtl = false;
  /// Text set by the paragraph composer: which line of its paragraph this is
  /// (bits of LineRole), so that typography checks can find widows and orphans.
  unsigned char line_role = 0;
  /// Text on a composed line: the line's box (x of its left and right edges),
  /// so that a check can tell an overfull line from the display list alone.
  /// Never drawn: a float's precision is enough.
  float line_left = 0, line_right = 0;
  double x = 0, y = 0, w = 0, h = 0;
  double size = 0;
  double word_gap = 0;
  /// Text: extra advance after every glyph, in points (PDF Tc): letter-spacing
  /// of a justified line; `w` includes it between the glyphs.
  double char_space = 0;
  Color color{};
  std::string text{};
  std::shared_ptr<const LinkTarget> target{};
  std::shared_ptr<const FigureImage> image{};
};

/// Bits of PageItem::line_role: the item is on the first (last) line of a paragraph.
/// kJustifiedLine: a line of a justified paragraph other than its last, which
/// must reach the line box's far edge (a check finds ragged ones by their ink).
/// kHyphenAdded: the item ends in the hyphen of a hyphenated line end, which
/// is not part of the text (the writer tells readers so).
enum LineRole : unsigned char {
  kLineInParagraph = 1, kParagraphFirstLine = 2, kParagraphLastLine = 4, kJustifiedLine = 8,
  kHyphenAdded = 16
};

struct Page {
  std::vector<PageItem> items;
};

/// A bookmark: level 0 = section, 1 = article; destination page and y.
struct OutlineEntry {
  int level = 0;
  std::string title;
  int page = 0;
  double y = 0;
  int element = -1;  ///< the structure element it names (a heading), -1 if none
};

struct PageSet {
  double width = 0, height = 0;
  std::size_t front_pages = 0;       ///< masthead and contents pages, labelled i, ii...
                                 ///< (article pages are numbered from 1 after them)
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  /// The structure tree in reading order: every parent before its children.
  std::vector<StructElement> structure;
};

}  // namespace broadsheet
