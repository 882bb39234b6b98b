// The PDF page's spacing, named: the line heights, sizes and spaces the layout
// sets between and around things. Each is a multiple of one of the style's
// sizes (so larger type gets proportionally more room; the comment says which
// size), except rule weights and small offsets, which are in points. One
// table: the look of the page is read and changed here, not in the layout code.
#pragma once

namespace broadsheet::spacing {

// --- Line heights, as multiples of the text's own size ---------------------
inline constexpr double kMastheadLeading = 1.12;   // the publication title
inline constexpr double kSubtitleLeading = 1.4;    // the masthead's subtitle
inline constexpr double kTitleLeading = 1.16;      // article titles
inline constexpr double kSmallLeading = 1.45;      // bylines and source lines (small size)
inline constexpr double kSummaryLeading = 1.35;    // standfirsts
inline constexpr double kCaptionLeading = 1.35;    // figure captions (small size)
inline constexpr double kHeadingLeading = 1.25;    // headings inside articles
inline constexpr double kCodeLeading = 1.35;       // code blocks (code size)
inline constexpr double kLabelLeading = 1.5;       // a section label's line
inline constexpr double kContentsLeading = 1.6;    // "Contents" and its section titles
inline constexpr double kTableCaptionLeading = 1.3;

// --- Sizes derived from the style's --------------------------------------
inline constexpr double kSummaryScale = 1.12;      // standfirst, × body size
inline constexpr double kLeadTitleScale = 1.6;     // a page's lead article: title, × title size
inline constexpr double kLeadSummaryScale = 1.3;   // and standfirst, × body size
inline constexpr double kLabelSizeStep = 1.5;      // section labels: small size + this many points
inline constexpr double kTopHeadingScale = 1.15;   // a level-1 heading, × heading size
inline constexpr double kMinorHeadingScale = 0.85; // levels 3 and below, × heading size,
inline constexpr double kMinorHeadingFloor = 1.05; // but at least this × body size
inline constexpr double kSubtitleScale = 1.3;      // the masthead's subtitle, × body size
inline constexpr double kInlineCodeScale = 0.9;    // code in a heading or table, × its text
inline constexpr double kTableCaptionScale = 0.9;  // × the table's text size

// --- Spaces inside an article's head -------------------------------------
inline constexpr double kBylineGap = 0.3;          // title to byline, × small size
inline constexpr double kSummaryGap = 0.35;        // byline to standfirst, × body leading
inline constexpr double kAfterHead = 0.6;          // head to body, × body leading
inline constexpr double kHeadSpaces = 0.95;        // kSummaryGap + kAfterHead, as one factor
inline constexpr double kLeadRuleSpace = 0.9;      // a lead head's rule: the room it takes,
inline constexpr double kLeadRuleDrop = 0.45;      // how far below the standfirst it is drawn,
inline constexpr double kLeadRuleWeight = 0.8;     // and its weight in points

// --- Between articles and sections (× body leading) -----------------------
inline constexpr double kBeforeArticleRule = 0.9;  // space above the rule between articles
inline constexpr double kArticleRuleSpace = 1.1;   // the rule's own room,
inline constexpr double kArticleRuleDrop = 0.2;    // drawn this far into it
inline constexpr double kBelowSectionLabel = 1.2;  // an article after a section label, mid-column
inline constexpr double kAfterLabel = 0.7;         // a section label to its first head
inline constexpr double kLabelRuleDrop = 0.45;     // a label's rule below its baseline, × label size
inline constexpr double kLabelRuleWeight = 1.2;    // points
inline constexpr double kSourceGap = 0.4;          // body to source line
inline constexpr double kHeadMinLines = 6;         // a head with what it keeps asks for this many lines' room at least

// --- Around blocks inside a body (× body leading unless said) ------------
inline constexpr double kListParagraphGap = 0.25;  // between paragraphs of one list item
inline constexpr double kBeforeHeading = 0.8;
inline constexpr double kAfterHeading = 0.3;       // × the heading's size
inline constexpr double kQuoteGap = 0.4;           // above and below a quote
inline constexpr double kQuoteIndentLeft = 16, kQuoteIndentRight = 8;  // points
inline constexpr double kQuoteRuleX = 4, kQuoteRuleWeight = 1.5;       // points
inline constexpr double kListGap = 0.3;            // above and below a list
inline constexpr double kItemGap = 0.2;            // between list items
inline constexpr double kMarkerHangMin = 1.4;      // a list's hang, at least × body size,
inline constexpr double kMarkerGap = 0.6;          // else the widest marker and this × body size;
inline constexpr double kMarkerOffset = 0.5;       // a marker ends this × body size before the text
inline constexpr double kCodeGap = 0.4;            // above and below code
inline constexpr double kCodeIndent = 10;          // points
inline constexpr double kCodeRuleX = 3, kCodeRuleWeight = 2;           // points
inline constexpr double kBlockGap = 0.5;           // above and below figures, tables and rules
inline constexpr double kFigureCaptionGap = 0.3;   // image to caption
inline constexpr double kAfterFigure = 0.6;
inline constexpr double kRuleWeight = 0.6;         // a thematic break, points
inline constexpr double kHairline = 0.5;           // points: rules between articles and in mastheads

// --- The front page ------------------------------------------------------
inline constexpr double kSubtitleGap = 0.2;        // title to subtitle, × subtitle size
inline constexpr double kAfterMasthead = 0.6;      // × body leading
inline constexpr double kBeforeContents = 1.6;     // × body leading
inline constexpr double kAfterContentsTitle = 0.5; // × body leading
inline constexpr double kBandHeight = 2.4;         // a dateline band, × small size,
inline constexpr double kBandBaseline = 1.65;      // its baseline below the band's top
inline constexpr double kBandRuleInset = 1;       // the band's top rule, below its top, points
inline constexpr double kDatelineRule = 1.6, kEditionLineRule = 2.4;  // the top rule's weight, points
inline constexpr double kThickRule = 2.4;          // the masthead's double rule: thick, points
inline constexpr double kDoubleRuleGap = 4;        // the masthead's double rule: thin over thick, points
inline constexpr double kBeforeSectionTitle = 0.6; // contents: × body leading
inline constexpr double kSectionTitleRuleDrop = 0.45;  // × its size
inline constexpr double kSectionTitleRuleWeight = 0.6; // points
inline constexpr double kAfterSectionTitle = 0.3;  // × its size
inline constexpr double kLeaderGap = 0.5;          // a title's end to its leaders, × body size

// --- Running heads and the shared front page -------------------------------
inline constexpr double kRunningHeadBaseline = 1.9;  // above the text block, × small size
inline constexpr double kRunningHeadRuleDrop = 0.6;  // × small size
inline constexpr double kColumnRuleWeight = 0.4;     // points (running head rule, column rules)
inline constexpr double kFrontEndRuleDrop = 0.5;     // the rule under a shared front page, × body leading
inline constexpr double kFrontEndRuleWeight = 1.6;   // points
inline constexpr double kBelowSharedFront = 1.5;     // first article below it, × body leading

// --- Tables ------------------------------------------------------------------
inline constexpr double kCellLeading = 1.25;       // × the table's text size
inline constexpr double kCellPadding = 0.35;       // × the table's text size
inline constexpr double kTableRuleWeight = 0.8;    // above and below the table, points
inline constexpr double kHeaderRuleWeight = 0.6;   // under the header rows, points
inline constexpr double kRowRuleWeight = 0.3;      // between rows, points
inline constexpr double kTableCaptionGap = 0.3;    // caption to table, × caption size

}  // namespace broadsheet::spacing
