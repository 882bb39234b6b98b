// The one link policy (src/doc/link_policy.h): which targets survive, how
// relative ones resolve against the article's url, how image sources read.
#include <doctest/doctest.h>

#include "diag/utf8.h"
#include "doc/link_policy.h"

namespace broadsheet {
namespace {

TEST_CASE("link policy: http, https and mailto survive, percent-encoded") {
  CHECK(decide_link("https://example.org/a b/şə") == "https://example.org/a%20b/%C5%9F%C9%99");
  CHECK(decide_link("  http://example.org/x  ") == "http://example.org/x");
  CHECK(decide_link("HTTPS://Example.org") == "HTTPS://Example.org");
  CHECK(decide_link("mailto:editor@example.org") == "mailto:editor@example.org");
  CHECK(decide_link("https://x.org/%41%zz#a#b") == "https://x.org/%41%25zz#a%23b");
  CHECK(decide_link("https://x.org/\"<{|}>") == "https://x.org/%22%3C%7B%7C%7D%3E");
  CHECK(decide_link("https://az.wikipedia.org/wiki/Bak%C4%B1") == "https://az.wikipedia.org/wiki/Bak%C4%B1");
  CHECK(decide_link("https://x.org/price?amount=5₼") == "https://x.org/price?amount=5%E2%82%BC");
}

TEST_CASE("link policy: every other scheme goes, however it is disguised") {
  for (const char* hostile : {"javascript:alert(1)", " JavaScript:alert(1)", "JAVASCRIPT:alert(1)",
                              "java\tscript:alert(1)", "java\nscript:alert(1)", "\x01\x02javascript:alert(1)",
                              "\x1f javascript:alert(1)", "vbscript:msgbox", "VBScript:msgbox",
                              "data:text/html,<script>x</script>", "DATA:text/html;base64,PHNjcmlwdD4=",
                              "file:///etc/passwd", "FILE://localhost/etc/passwd", "ftp://example.org",
                              "http://", "https:///path", "mailto:", "", "   ", "about:blank"}) {
    CAPTURE(hostile);
    CHECK_FALSE(decide_link(hostile));
    CHECK_FALSE(decide_link(hostile, "https://example.org/news/a.html"));
  }
}

TEST_CASE("link policy: relative references resolve against the article's url (RFC 3986)") {
  const char* base = "https://example.org/news/2024/story.html?x=1#top";
  CHECK(decide_link("/blog/go1.23", base) == "https://example.org/blog/go1.23");
  CHECK(decide_link("other.html", base) == "https://example.org/news/2024/other.html");
  CHECK(decide_link("../index.html", base) == "https://example.org/news/index.html");
  CHECK(decide_link("../../../../x", base) == "https://example.org/x");
  CHECK(decide_link("//cdn.example.net/a.png", base) == "https://cdn.example.net/a.png");
  CHECK(decide_link("?page=2", base) == "https://example.org/news/2024/story.html?page=2");
  CHECK(decide_link("#comments", base) == "https://example.org/news/2024/story.html?x=1#comments");
  CHECK(decide_link("  /a b  ", base) == "https://example.org/a%20b");
  // Without a web address to resolve against, a relative link goes.
  CHECK_FALSE(decide_link("/blog/go1.23"));
  CHECK_FALSE(decide_link("/blog/go1.23", "javascript:alert(1)"));
  CHECK_FALSE(decide_link("/blog/go1.23", "mailto:a@b.c"));
  CHECK_FALSE(decide_link("/blog/go1.23", "/relative/base"));
}

TEST_CASE("link policy: what it keeps, it keeps unchanged when asked again") {
  for (const char* url : {"https://example.org/a%20b", "mailto:a@b.c", "http://x.org/?q=%E2%82%AC#f"}) {
    CAPTURE(url);
    CHECK(decide_link(*decide_link(url)) == decide_link(url));
  }
}

TEST_CASE("link policy: image sources are local paths, web addresses or other schemes") {
  const char* base = "https://example.org/news/story";
  ImageSource site_relative = read_image_source("/images/2024/anniversary.gif", base);
  CHECK(site_relative.kind == ImageSource::Kind::Local);
  CHECK(site_relative.address == "https://example.org/images/2024/anniversary.gif");
  CHECK(read_image_source("photos/a b.png", base).address == "https://example.org/news/photos/a%20b.png");
  CHECK(read_image_source("photos/a.png").kind == ImageSource::Kind::Local);
  CHECK(read_image_source("photos/a.png").address.empty());
  CHECK(read_image_source("//cdn.example.org/a.png", base).kind == ImageSource::Kind::Web);
  CHECK(read_image_source("//cdn.example.org/a.png", base).address == "https://cdn.example.org/a.png");
  CHECK(read_image_source(" HTTPS://example.org/a.png").kind == ImageSource::Kind::Web);
  ImageSource data = read_image_source("data:image/png;base64,AAAA");
  CHECK(data.kind == ImageSource::Kind::Other);
  CHECK(data.scheme == "data");
  CHECK(read_image_source("JavaScript:alert(1)").scheme == "javascript");
  CHECK(read_image_source("file:///etc/passwd").scheme == "file");
}

TEST_CASE("display_url: the decoded IRI without the scheme, when short") {
  CHECK(display_url("https://akhbar.example/ar/%D8%AB%D9%82%D8%A7%D9%81%D8%A9") ==
        "akhbar.example/ar/\u062B\u0642\u0627\u0641\u0629");
  CHECK(display_url("http://Example.org:8080/a?q=%C3%A9#x") == "Example.org:8080/a?q=\u00E9#x");
  CHECK(display_url("https://go.example/") == "go.example/");
  CHECK(display_url("https://go.example") == "go.example");
  // A non-ASCII host as decide_link encodes it, shown as written.
  CHECK(display_url(*decide_link("https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/\u043F?q=\u00E9")) ==
        "\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/\u043F?q=\u00E9");
}

TEST_CASE("display_url: escapes that must stay escaped") {
  // ASCII escapes keep their meaning ("%2F" is not a path separator).
  CHECK(display_url("https://h.example/a%2Fb%20c") == "h.example/a%2Fb%20c");
  // Not UTF-8 (a lone lead byte, a stray continuation, an overlong '/').
  CHECK(display_url("https://h.example/%D8x%80%C0%AF") == "h.example/%D8x%80%C0%AF");
  // A bidi mark (U+200F), a no-break space, a C1 control, a noncharacter.
  CHECK(display_url("https://h.example/%E2%80%8F%C2%A0%C2%85%EF%BF%BF") ==
        "h.example/%E2%80%8F%C2%A0%C2%85%EF%BF%BF");
  // mailto: decoded, its scheme kept.
  CHECK(display_url("mailto:%D7%90@h.example") == "mailto:\u05D0@h.example");
}

TEST_CASE("display_url: a long address is shortened to host, first and last segment") {
  const std::string arabic = "%D9%85%D8%B9%D8%B1%D8%B6-%D8%A7%D9%84%D8%B4%D8%A7%D8%B1%D9%82%D8%A9";
  const std::string url = "https://www.akhbar.example/ar/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/2024/11/06/" + arabic +
                          "-%D9%84%D9%84%D9%83%D8%AA%D8%A7%D8%A8?utm_source=feed&utm_medium=rss";
  const std::string shown = display_url(url);
  CHECK(shown == "www.akhbar.example/ar/\u2026/\u0645\u0639\u0631\u0636-\u0627\u0644\u0634\u0627\u0631\u0642\u0629-"
                 "\u0644\u0644\u0643\u062A\u0627\u0628?\u2026");
  CHECK(count_code_points(shown) <= kShownUrlLength);
  // Still too long with one segment: cut, ending in an ellipsis.
  const std::string cut = display_url("https://h.example/" + std::string(100, 'a'));
  CHECK(count_code_points(cut) == kShownUrlLength);
  CHECK(cut.ends_with("\u2026"));
}

}  // namespace
}  // namespace broadsheet
