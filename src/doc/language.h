// Language tags (BCP 47) as the back ends compare them: one rule for when a
// text inside a page or element of another language must be marked with its
// own (EPUB lang/xml:lang, tagged PDF /Lang).
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

/// The language of the words broadsheet itself writes on a page ("Front page",
/// "Next:", "Source:"): English, for now, in the EPUB and the PDF.
inline constexpr const char* kLabelLanguage = "en";

/// The primary subtag, lower case: "en-GB" and "EN" are both "en".
std::string primary_language(std::string_view tag);

/// The region subtag when it is two letters, upper case: "GB" for "en-gb",
/// "RS" for "sr-Latn-RS"; "" for "en", "es-419" or "de-1996".
std::string region_subtag(std::string_view tag);

/// Whether text in `tag` is written right to left. A script subtag decides
/// when there is one ("az-Arab" is, "sd-Deva" is not); otherwise the primary
/// language's usual script does, as CLDR's likely subtags give it: Arabic,
/// Hebrew, Syriac, Thaana or N'Ko.
bool is_rtl_language(std::string_view tag);

/// Whether text in `tag` needs no mark of its own inside `context`: the tag,
/// read as a language range, matches the context (RFC 4647 §3.3.1 basic
/// filtering, case-insensitive). "en" is within "en-GB" (any English voice
/// reads a generic English label), but "en-GB" is not within "en", and "az"
/// is not within "tr". An empty tag is within anything.
bool language_within(std::string_view tag, std::string_view context);

}  // namespace broadsheet
