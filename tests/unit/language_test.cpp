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
