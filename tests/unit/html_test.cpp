// parse_html and raw HTML in Markdown: each shape as a small fragment and its
// expected tree (in dump form); the sanitizer's promises checked on a hostile
// body through the dump, the EPUB's XHTML and the PDF's text.
#include <doctest/doctest.h>

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "doc/document.h"
#include "doc/html.h"
#include "doc_test_support.h"
#include "env/fonts.h"
#include "epub/write_epub.h"
#include "image/attach_images.h"
#include "pdf/write_pdf.h"

#include "run_command.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;

std::string html(const std::string& fragment) { return test::dump_body(parse_html(fragment)); }
std::string md(const std::string& markdown) { return test::dump_body(parse_markdown(markdown)); }

// The body as build_document leaves it: links decided by the link policy,
// resolved against url.
std::string built(const std::string& body, BodyFormat format, const std::string& url = {}) {
  PlacedArticle placed;
  placed.article.format = format;
  placed.article.body = body;
  placed.article.url = url;
  Edition edition;
  edition.sections.push_back(Section{"News", {placed}});
  Document doc = build_document(edition);
  return test::dump_body(std::move(doc.sections[0].articles[0].body));
}

size_t max_block_depth(const std::vector<Block>& blocks) {
  size_t deepest = 0;
  for (const Block& b : blocks) deepest = std::max(deepest, 1 + max_block_depth(b.children));
  return deepest;
}

TEST_CASE("html: loose text becomes paragraphs; whitespace collapses as in a browser") {
  CHECK(html("  Hello \n  <b>big</b>\t world <p>Para</p>tail ") ==
        "paragraph\n  text \"Hello \"\n  strong\n    text \"big\"\n  text \" world\"\n"
        "paragraph\n  text \"Para\"\nparagraph\n  text \"tail\"\n");
  CHECK(html("a<br>  b<br/>") == "paragraph\n  text \"a\"\n  break\n  text \"b\"\n  break\n");
  CHECK(html("") == "");
  CHECK(html(" \n <div> </div> ") == "");
}

TEST_CASE("html: entities and unclosed tags, as a browser parses them") {
  CHECK(html("<p>Caf&eacute; &mdash; 5&nbsp;km &amp; more<p>Second &lt;p&gt;") ==
        "paragraph\n  text \"Caf\xC3\xA9 \xE2\x80\x94 5\xC2\xA0km & more\"\n"
        "paragraph\n  text \"Second <p>\"\n");
  CHECK(html("<p><b>bold <i>both</p><p>still bold") ==
        "paragraph\n  strong\n    text \"bold \"\n    emphasis\n      text \"both\"\n"
        "paragraph\n  strong\n    emphasis\n      text \"still bold\"\n");
}

TEST_CASE("html: wrappers keep their text and end paragraphs; inline wrappers vanish") {
  CHECK(html("<div>one <span style='x'>two</span><section>three</section>four</div>") ==
        "paragraph\n  text \"one two\"\nparagraph\n  text \"three\"\nparagraph\n  text \"four\"\n");
  CHECK(html("<center><font color=red>Big news</font></center>") == "paragraph\n  text \"Big news\"\n");
}

TEST_CASE("html: headings, quotes, rules and nested lists") {
  CHECK(html("<h1>One</h1><h6>Six</h6><blockquote><p>Said.</blockquote><hr>") ==
        "heading 1\n  text \"One\"\nheading 6\n  text \"Six\"\nquote\n  paragraph\n    text \"Said.\"\nrule\n");
  CHECK(html("<ol start=3><li>a<ul><li>b<li>c</ul></li><li><p>d</p></ol>") ==
        "list ordered start=3\n"
        "  item\n    paragraph\n      text \"a\"\n    list bullet\n"
        "      item\n        paragraph\n          text \"b\"\n"
        "      item\n        paragraph\n          text \"c\"\n"
        "  item\n    paragraph\n      text \"d\"\n");
}

TEST_CASE("html: pre keeps its spaces and lines; code is inline code") {
  CHECK(html("<pre>\n  x = 1\n\n  <b>y</b>  = 2\n</pre><p>run <code>make  all</code>") ==
        "code-block \"  x = 1\\n\\n  y  = 2\"\nparagraph\n  text \"run \"\n  code \"make all\"\n");
}

TEST_CASE("html: every inline kind; links keep only http, https and mailto") {
  CHECK(html("<u>u</u><s>s</s><del>d</del><sub>2</sub><sup>3</sup><em>e</em><i>i</i><strong>s</strong>") ==
        "paragraph\n  underline\n    text \"u\"\n  strike\n    text \"s\"\n  strike\n    text \"d\"\n"
        "  subscript\n    text \"2\"\n  superscript\n    text \"3\"\n  emphasis\n    text \"e\"\n"
        "  emphasis\n    text \"i\"\n  strong\n    text \"s\"\n");
  CHECK(built("<a href=' https://x.org/a?b=1&amp;c=2 '>w</a> <a href='mailto:a@b.c'>m</a> "
              "<a href='javascript:alert(1)'>j</a> <a href='java\tscript:x'>t</a> "
              "<a href='data:text/html,x'>d</a> <a href='/relative'>r</a> <a>none</a>",
              BodyFormat::Html) ==
        "paragraph\n  link \"https://x.org/a?b=1&c=2\"\n    text \"w\"\n  text \" \"\n"
        "  link \"mailto:a@b.c\"\n    text \"m\"\n  text \" j t d r none\"\n");
}

TEST_CASE("html: tables with a caption, a header row and cells of blocks") {
  CHECK(html("<table><caption>Results</caption><thead><tr><th>Party<th>Seats</thead>"
             "<tbody><tr><td><p>Green</p><p>(new)</p><td>12<tr><td>Blue</table>") ==
        "table\n  text \"Results\"\n"
        "  row\n    cell header\n      text \"Party\"\n    cell header\n      text \"Seats\"\n"
        "  row\n    cell\n      text \"Green\"\n      break\n      text \"(new)\"\n    cell\n      text \"12\"\n"
        "  row\n    cell\n      text \"Blue\"\n");
}

TEST_CASE("html: colspan is read as browsers read it, capped at 1000") {
  auto spans = [](const std::string& value) {
    std::vector<Block> body = parse_html("<table><tr><td colspan=" + value + ">x</table>");
    REQUIRE(body.size() == 1);
    return body[0].children.at(0).children.at(0).span;
  };
  CHECK(spans("2") == 2);
  CHECK(spans("' 3 '") == 3);
  CHECK(spans("4px") == 4);
  CHECK(spans("0") == 1);
  CHECK(spans("-2") == 1);
  CHECK(spans("abc") == 1);
  CHECK(spans("99999999999999999999") == kMaxColspan);
  CHECK(html("<table><tr><th colspan=2>Seats<tr><td>a<td>b</table>") ==
        "table\n  row\n    cell header span=2\n      text \"Seats\"\n"
        "  row\n    cell\n      text \"a\"\n    cell\n      text \"b\"\n");
}

TEST_CASE("html: a figure's one local image takes the figcaption; remote images are noted") {
  BodyNotes notes;
  std::vector<Block> body = parse_html(
      "<figure><img src='photos/port.jpg' alt='The port'><figcaption>Dawn at the <b>port</b>."
      "</figcaption></figure><p>See <img src='https://cdn.example.org/x.png' alt=' A  chart '> and "
      "<img src='//cdn.example.org/y.png'>.</p>",
      &notes);
  CHECK(test::dump_body(body) ==
        "paragraph\n  image \"photos/port.jpg\" title=\"Dawn at the port.\"\n    text \"The port\"\n"
        "paragraph\n  text \"See [A chart] and .\"\n");
  CHECK(notes.remote_images ==
        std::vector<std::string>{"https://cdn.example.org/x.png", "//cdn.example.org/y.png"});
  // A left-out image takes its caption along; without alt text, the caption stands in brackets.
  CHECK(html("<figure><img src='https://x.org/a.png'><figcaption>Lost</figcaption></figure>") ==
        "paragraph\n  text \"[Lost]\"\n");
  CHECK(html("<figure><img src='https://x.org/a.png' alt='Chart'><figcaption>Photo: AP</figcaption></figure>"
             "<p>Next.</p>") ==
        "paragraph\n  text \"[Chart]\"\nparagraph\n  text \"Next.\"\n");
}

TEST_CASE("html: svg and math keep only their text alternative") {
  CHECK(html("<p>Chart: <svg><title>Rates up</title><text>12%</text><script>x()</script></svg>"
             " and <math alttext='x squared'><mi>x</mi></math>.") ==
        "paragraph\n  text \"Chart: Rates up and x squared.\"\n");
}

TEST_CASE("html: 100,000 nested elements are flattened, not a crash") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<blockquote><span><b>";
  deep += "deep";
  std::vector<Block> body = parse_html(deep);
  CHECK(max_block_depth(body) <= 34);
  CHECK(test::dump_body(std::move(body)).find("text \"deep\"") != std::string::npos);
}

TEST_CASE("markdown: raw inline HTML of the safe set becomes spans; other tags go") {
  CHECK(md("a <b>bold</b> <span class='x' onclick='y()'>plain</span> H<sub>2</sub>O <u>u") ==
        "paragraph\n  text \"a \"\n  strong\n    text \"bold\"\n  text \" plain H\"\n"
        "  subscript\n    text \"2\"\n  text \"O \"\n  underline\n    text \"u\"\n");
  CHECK(built("<a href=\"javascript:x\">text</a> and <a href=\"https://x.org\">link</a>", BodyFormat::Markdown) ==
        "paragraph\n  text \"text and \"\n  link \"https://x.org\"\n    text \"link\"\n");
  CHECK(md("*a <b>b* c</b>") ==
        "paragraph\n  emphasis\n    text \"a \"\n    strong\n      text \"b\"\n  text \" c\"\n");
  CHECK(md("x<br>y <!-- note --> z") == "paragraph\n  text \"x\"\n  break\n  text \"y  z\"\n");
}

TEST_CASE("markdown: an HTML block is parsed as HTML and sanitized") {
  CHECK(md("<div>\n<script>x()</script><p>In <i>html</i></p>\n</div>\n\nafter") ==
        "paragraph\n  text \"In \"\n  emphasis\n    text \"html\"\nparagraph\n  text \"after\"\n");
}

TEST_CASE("markdown: GFM tables (their column alignment) and strikethrough") {
  CHECK(md("| A | B |\n|---|--:|\n| *x* | 1 |\n| y |\n\n~~gone~~") ==
        "table\n"
        "  row\n    cell header\n      text \"A\"\n    cell header align=right\n      text \"B\"\n"
        "  row\n    cell\n      emphasis\n        text \"x\"\n    cell align=right\n      text \"1\"\n"
        "  row\n    cell\n      text \"y\"\n    cell align=right\n"
        "paragraph\n  strike\n    text \"gone\"\n");
}

// --- the hostile body through every output ------------------------------------

const char* const kHostileBody = R"HTML(<p onclick="steal()" style="color:red">Safe text one.</p>
<script>document.write('SCRIPTED')</script><style>p{display:none}</style>
<iframe src="https://evil.example/frame">IFRAMED</iframe>
<object data="x.swf">OBJECTED</object><embed src="y.swf">
<form action="https://evil.example/post"><input value="INPUTTED"><button>PRESSED</button>
<select><option>OPTIONED</option></select><textarea>TEXTAREAD</textarea></form>
<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/s.css">
<p><a href="javascript:alert('x')">Safe text two</a> <a href="vbscript:msgbox">three</a>
<a href="data:text/html;base64,PHNjcmlwdD4=">four</a>
<img src="x.png" onerror="alert(1)" alt="Safe alt"> <img src="https://evil.example/track.gif"></p>
<svg onload="alert(1)"><title>Safe svg title</title><script>SVGSCRIPT()</script></svg>
<math alttext="Safe math"><annotation-xml encoding="text/html"><script>MATHSCRIPT()</script></annotation-xml></math>
<table onmouseover="x()"><tr><td style="x">Safe cell</td></tr></table>)HTML";

const char* const kForbidden[] = {"script", "SCRIPTED", "onclick", "onerror", "onload", "onmouseover",
                                  "javascript:", "vbscript:", "data:text", "evil.example", "IFRAMED",
                                  "OBJECTED", "INPUTTED", "PRESSED", "OPTIONED", "TEXTAREAD",
                                  "style=", "display:none", ".swf", "steal"};
const char* const kKept[] = {"Safe text one.", "Safe text two", "three", "four", "Safe svg title",
                             "Safe math", "Safe cell"};

Document hostile_document() {
  PlacedArticle placed;
  placed.article.title = "Hostile";
  placed.article.format = BodyFormat::Html;
  placed.article.body = kHostileBody;
  placed.article.label = "article 1 ('Hostile')";
  placed.article.body_loc = SourceLoc{"h.yaml", 5, 11};
  placed.article.base_dir = fs::path(BROADSHEET_TEST_DATA) / "no-such-folder";
  Edition edition;
  edition.day = std::chrono::sys_days{std::chrono::year{2024} / 11 / 6};
  edition.build_time = std::chrono::sys_days{std::chrono::year{2024} / 11 / 6};
  edition.sections.push_back(Section{"News", {placed}});
  Document doc = build_document(edition);
  // Without the image stage, figures have no pixels and both back ends skip them.
  return doc;
}

void check_sanitized(const std::string& text, const std::string& what) {
  for (const char* forbidden : kForbidden) {
    CHECK_MESSAGE(text.find(forbidden) == std::string::npos, what << " holds " << forbidden);
  }
  for (const char* kept : kKept) CHECK_MESSAGE(text.find(kept) != std::string::npos, what << " lacks " << kept);
}

std::string article_xhtml(const std::string& epub) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(epub.data(), epub.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  std::string content;
  zip_stat_t stat;
  if (zip_stat(archive, "OEBPS/articles/s1-a1.xhtml", 0, &stat) == 0) {
    content.resize(stat.size);
    zip_file_t* file = zip_fopen(archive, "OEBPS/articles/s1-a1.xhtml", 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
  }
  zip_close(archive);
  zip_error_fini(&error);
  return content;
}

TEST_CASE("html: a hostile body leaves nothing active in the dump, the EPUB or the PDF") {
  Document doc = hostile_document();
  check_sanitized(dump_document(doc), "the dump");
  std::string xhtml = article_xhtml(render_epub(doc, Style{}));
  REQUIRE_FALSE(xhtml.empty());
  check_sanitized(xhtml, "the XHTML");
  check_sanitized(test::pdftotext(render_pdf(doc, Style{}, find_fonts(FontRoles{})).bytes), "the PDF text");
  // The remote image and the missing one are one warning, at the body, from the image stage.
  ImageCache cache;
  Diagnostics diags;
  attach_images(doc, ImageOptions{}, cache, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(Diagnostics::headline(diags.items()[0]) ==
        "h.yaml:5:11: warning: article 1 ('Hostile') of 2024-11-06: 2 body images are left out: "
        "'https://evil.example/track.gif' is a remote image; 'x.png' does not exist");
}

TEST_CASE("attach_images: one warning per article however many images it loses; an error when strict") {
  PlacedArticle placed;
  placed.article.format = BodyFormat::Html;
  placed.article.body = "<img src='http://a/1.png'><img src='//b/2.png'><img src='data:image/png,x'>"
                        "<img src='JavaScript:alert(1)'>";
  placed.article.label = "article 2";
  Edition edition;
  edition.day = std::chrono::sys_days{std::chrono::year{2024} / 11 / 5};
  edition.sections.push_back(Section{"News", {placed, placed}});
  const std::string expected =
      "article 2 of 2024-11-05: 4 body images are left out: 'http://a/1.png' is a remote image; "
      "'//b/2.png' is a remote image; 'data:image/png,x' is a data: URL, not an image file; "
      "'JavaScript:alert(1)' is a javascript: URL, not an image file";
  for (bool strict : {false, true}) {
    Document doc = build_document(edition);
    ImageCache cache;
    Diagnostics diags;
    ImageOptions options;
    options.strict_body = strict;
    attach_images(doc, options, cache, diags);
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].message == expected);
    CHECK(diags.has_errors() == strict);
  }
}

TEST_CASE("attach_images: a left-out image inside a paragraph leaves one paragraph, its alt text where it stood") {
  PlacedArticle placed;
  placed.article.format = BodyFormat::Markdown;
  placed.article.body =
      "Before ![a harbour](/images/h.jpg) after.\n\n"
      "![](/x.png) No alt. Two: ![one](/1.png) middle ![two](/2.png) end.\n\n"
      "![alone](/alone.png)\n\nNext.";
  placed.article.base_dir = fs::temp_directory_path();
  Edition edition;
  edition.sections.push_back(Section{"News", {placed}});
  Document doc = build_document(edition);
  // build_document lifts each image out of its paragraph: a figure between two halves.
  CHECK(test::dump_body(doc.sections[0].articles[0].body).find("paragraph\n  text \"Before\"\nfigure") !=
        std::string::npos);
  ImageCache cache;
  Diagnostics diags;
  attach_images(doc, ImageOptions{}, cache, diags);
  CHECK(test::dump_body(std::move(doc.sections[0].articles[0].body)) ==
        "paragraph\n  text \"Before\"\n  text \" \"\n  text \"[a harbour]\"\n  text \" \"\n  text \"after.\"\n"
        "paragraph\n  text \"No alt. Two:\"\n  text \" \"\n  text \"[one]\"\n  text \" \"\n  text \"middle\"\n"
        "  text \" \"\n  text \"[two]\"\n  text \" \"\n  text \"end.\"\n"
        "paragraph\n  text \"[alone]\"\n"
        "paragraph\n  text \"Next.\"\n");
}

}  // namespace
}  // namespace broadsheet
