// Replays fuzz/regressions/*.yaml (inputs that once crashed, hung or produced
// bad output) through the whole pipeline in memory, as the fuzz target does.
// Files named known-*.yaml are open bugs in code owned elsewhere: they are
// listed, not run, until their owner fixes them and drops the prefix.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "doc/document.h"
#include "env/files.h"
#include "env/fonts.h"
#include "epub/write_epub.h"
#include "input/load.h"
#include "model/days.h"
#include "pdf/write_pdf.h"
#include "style/style.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> regression_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(fs::path(BROADSHEET_SOURCE_DIR) / "fuzz" / "regressions")) {
    if (entry.path().extension() == ".yaml") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// The fuzz target's pipeline; returns how many editions were rendered.
size_t replay(const fs::path& input, const Style& style, const FontFiles& fonts) {
  Diagnostics diags;
  Digest digest = parse_digest(input.filename().string(), read_file(input), diags);
  CHECK(diags.format().find('\0') == std::string::npos);
  if (diags.has_errors()) return 0;
  size_t rendered = 0;
  for (Edition& edition : split_days(digest, DayFilter{})) {
    edition.build_time = choose_build_time(edition, std::nullopt);
    const Document doc = build_document(edition);
    CHECK_FALSE(dump_document(doc).empty());
    CHECK_FALSE(render_epub(doc, style).empty());
    CHECK_FALSE(render_pdf(doc, style, fonts).bytes.empty());
    ++rendered;
  }
  return rendered;
}

}  // namespace

TEST_CASE("hostile: every fuzz regression input goes through the pipeline without a failure") {
  Diagnostics diags;
  const Style style = load_style("classic", fs::path(BROADSHEET_BUILT_STYLES), diags);
  REQUIRE_FALSE(diags.has_errors());
  const FontFiles fonts = find_fonts(style.fonts);
  const auto inputs = regression_inputs();
  REQUIRE_FALSE(inputs.empty());
  size_t editions = 0;
  for (const fs::path& input : inputs) {
    const std::string name = input.filename().string();
    if (name.starts_with("known-")) {
      MESSAGE("skipped, an open bug (see fuzz/regressions/README.md): " << name);
      continue;
    }
    CAPTURE(name);
    CHECK_NOTHROW(editions += replay(input, style, fonts));
  }
  CHECK(editions > 0);  // at least one regression input is valid and rendered
}
