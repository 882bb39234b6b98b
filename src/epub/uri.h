// Which link targets an EPUB page may carry, and how to write them so that
// every href is a valid URI (epubcheck RSC-020 rejects spaces and raw non-ASCII).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace broadsheet::epub {

/// The href for an external link, or nullopt when the url must not be a link:
/// only http, https (with a host) and mailto are kept. The result is sanitized
/// and percent-encoded (spaces, non-ASCII, characters that URIs forbid).
std::optional<std::string> external_href(std::string_view url);

/// Percent-encodes the bytes of url that may not appear raw in a URI; keeps
/// existing %XX escapes and the first '#'.
std::string encode_uri(std::string_view url);

}  // namespace broadsheet::epub
