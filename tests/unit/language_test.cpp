// One rule for when text must be marked with its own language (doc/language.h),
// used by the EPUB's lang attributes and the tagged PDF's /Lang.
#include <doctest/doctest.h>

#include "doc/language.h"

using namespace broadsheet;

TEST_CASE("language: a tag is within a context it matches as a language range") {
  CHECK(language_within("en", "en"));
  CHECK(language_within("en", "en-GB"));    // a generic English label on a British page
  CHECK(language_within("EN", "en-gb"));    // case does not matter
  CHECK(language_within("", "az"));         // no tag: nothing to mark
  CHECK_FALSE(language_within("en-GB", "en"));  // a British article in an English edition
  CHECK_FALSE(language_within("az", "tr"));
  CHECK_FALSE(language_within("en", "eng"));    // a prefix of the tag, not of a subtag
  CHECK_FALSE(language_within("en", ""));
}

TEST_CASE("language: the primary subtag, lower case") {
  CHECK(primary_language("en-GB") == "en");
  CHECK(primary_language("AZ_latn") == "az");
  CHECK(primary_language("") == "");
}

TEST_CASE("language: right to left by the primary language's usual script") {
  for (const char* tag : {"ar", "AR-eg", "he-IL", "iw", "fa-IR", "ur", "yi", "ps", "sd", "ug", "ckb", "dv", "syr"}) {
    CHECK_MESSAGE(is_rtl_language(tag), tag);
  }
  for (const char* tag : {"en", "ru", "ku", "az", "arn", "ara", ""}) CHECK_FALSE_MESSAGE(is_rtl_language(tag), tag);
}

TEST_CASE("language: a script subtag decides the direction over the language") {
  CHECK(is_rtl_language("az-Arab"));     // South Azerbaijani in Arabic script
  CHECK(is_rtl_language("ku-Arab-IQ"));  // Kurdish written as in Iraq
  CHECK(is_rtl_language("pa_Arab"));     // Shahmukhi Punjabi
  CHECK(is_rtl_language("zh-yue-Hebr"));  // after an extended language subtag
  CHECK_FALSE(is_rtl_language("sd-Deva"));  // Sindhi as written in India
  CHECK_FALSE(is_rtl_language("ug-Cyrl"));
  CHECK_FALSE(is_rtl_language("az-Latn"));
  CHECK(is_rtl_language("ar-EG-u-nu-latn"));
  CHECK(is_rtl_language("yi-1996"));  // a variant, not a script  // "latn" after the region is no script
}

TEST_CASE("language: the region subtag, two letters, upper case") {
  CHECK(region_subtag("en-gb") == "GB");
  CHECK(region_subtag("en_GB") == "GB");
  CHECK(region_subtag("sr-Latn-RS") == "RS");     // after the script
  CHECK(region_subtag("zh-yue-HK") == "HK");      // after an extended language subtag
  CHECK(region_subtag("en") == "");
  CHECK(region_subtag("es-419") == "");           // a UN M.49 area names no dictionary
  CHECK(region_subtag("de-1996") == "");          // a variant
  CHECK(region_subtag("az-Latn") == "");
}
