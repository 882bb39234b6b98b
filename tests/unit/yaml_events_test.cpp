// parse_yaml runs its event checks (yaml_blind_spots.h) on the run's executor
// while yaml-cpp loads the text: what it reports must not depend on where they ran.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include "exec/executor.h"
#include "input/source_text.h"
#include "input/yaml_reader.h"

using namespace broadsheet;

namespace {

// "ok" or "refused", then every diagnostic.
std::string parsed(std::string_view yaml, Executor* executor) {
  Diagnostics diags;
  std::optional<SourceText> source = check_source("w.yaml", yaml, diags);
  REQUIRE(source);
  std::optional<YAML::Node> root = parse_yaml(*source, diags, executor);
  return (root ? "ok\n" : "refused\n") + diags.format();
}

}  // namespace

TEST_CASE("yaml events: the checks on a second core report what they report in place") {
  Executor executor(1);
  struct Case {
    std::string_view yaml, expected;  // expected: a part of the in-place report
  };
  const Case cases[] = {
      {"- {title: A, date: 2024-11-06}\n", "ok\n"},
      {"- title: Breaking: news\n", "the value contains ': '"},                 // the loader's error
      {"- {title: A}\n---\n- {title: B}\n", "several YAML documents"},         // a second document
      {"- title: \"no closing quote\n", "refused\n"},                           // a blind spot
      {"- title: x\n  date: y\nkey\n", "refused\n"},                            // a key line without ':'
      {"- {title: A}\n---\n- [not closed\n", "refused\n"},                      // an error past the first document
      {"World Brief\n# settings\ntitle: World\n", "outside the document"},    // yaml-cpp's silent second document
      {"    section: Culture\n , city life]\n- title: B\n", "outside the document"},  // its empty one of stray text
      {"---\n- {title: A}\n...\n", "ok\n"},                                     // markers alone are fine
  };
  for (const Case& c : cases) {
    CAPTURE(c.yaml);
    const std::string in_place = parsed(c.yaml, nullptr);
    CHECK(in_place.find(c.expected) != std::string::npos);
    for (int run = 0; run < 20; ++run) CHECK(parsed(c.yaml, &executor) == in_place);
  }
}
