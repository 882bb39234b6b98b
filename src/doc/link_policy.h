// The one link policy: every link and URL that reaches an output (Markdown
// links, HTML hrefs, raw HTML in Markdown, an article's `url:`) is decided here,
// once, before either back end runs; the PDF and the EPUB only write what it kept.
// Image sources are read by the same rules, to tell local files from addresses.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

/// The URI a link may point to, or nullopt: the link goes, its text stays.
/// `written` is the target as the author wrote it (entities already decoded);
/// `base` is the article's `url:` (may be empty). What browsers ignore is
/// removed first (surrounding spaces and controls; tabs and newlines anywhere),
/// so "\tJaVa\nScRiPt:" is javascript:. A reference without a scheme (relative,
/// site-relative, "//host", "#anchor") is resolved against base as a browser
/// would (RFC 3986 section 5, uriparser), and dropped without a usable base.
/// Only http and https with a host, and mailto with an address, are kept. The
/// result is ASCII and percent-encoded (spaces, non-ASCII, characters URIs
/// forbid raw), valid as an EPUB href and as a PDF /URI.
std::optional<std::string> decide_link(std::string_view written, std::string_view base = {});

/// How an address a link kept (decide_link's result) is shown in a source
/// line: as an IRI, without "http://" or "https://", its host, path, query
/// and fragment percent-decoded where the escapes spell UTF-8 that may stand raw
/// (not ASCII, whose escapes carry meaning, nor controls, spaces, bidi marks,
/// private use or noncharacters: RFC 3987 sections 3.2 and 4.1). Longer than
/// kShownUrlLength code points, it is shortened to the host, the first path
/// segment, "…" and the last segment ("?…" for a dropped query), then cut
/// with "…" if still too long. The link keeps the full address.
std::string display_url(std::string_view uri);
inline constexpr size_t kShownUrlLength = 60;

/// What an image source (an img src, a Markdown image) names.
struct ImageSource {
  enum class Kind {
    Local,  ///< a path (no scheme, not "//host"): looked up among the allowed folders
    Web,    ///< an http or https address (also "//host/...")
    Other,  ///< data:, file:, javascript: and any other scheme
  } kind = Kind::Local;
  std::string scheme;   ///< Other: the scheme in lower case ("data")
  std::string address;  ///< Local and Web: the web address it stands for, resolved
                        ///< against the article's url (decide_link); "" when unknown
};

/// Reads an image source by the rules of decide_link; base is the article's url.
ImageSource read_image_source(std::string_view src, std::string_view base = {});

}  // namespace broadsheet
