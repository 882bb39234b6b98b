// libFuzzer target over the whole pipeline, in memory: YAML text -> parse_digest
// -> split_days -> build_document -> render_epub (+ render_pdf for a fixed share
// of inputs, chosen by a hash of the input so that every finding replays).
// Any exception that escapes, any sanitizer report or any hang is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "doc/document.h"
#include "env/fonts.h"
#include "epub/write_epub.h"
#include "input/load.h"
#include "model/days.h"
#include "pdf/write_pdf.h"
#include "style/style.h"

namespace {

using namespace broadsheet;

// What every input shares: the shipped style, its fonts and the hyphenation
// dictionaries (loading German's takes seconds under ASan; the CLI shares them
// across days the same way). libFuzzer's C entry point takes no context, so
// this lives in a function-local static.
struct Fixture {
  Style style;
  FontFiles fonts;
  PdfOptions pdf{LayoutOptions{LineBreaker::TotalFit, kSystemHyphenDir, std::make_shared<HyphenDictionaries>()}};
  unsigned pdf_every = 1;  // render the PDF for 1 input in pdf_every; 0: never
};

Fixture make_fixture() {
  Fixture fixture;
  Diagnostics diags;
  fixture.style = load_style("classic", std::string(BROADSHEET_BUILT_STYLES), diags);
  if (diags.has_errors()) std::abort();  // a broken checkout, not a finding
  fixture.fonts = find_fonts(fixture.style.fonts);
  // Laying out and writing a PDF costs ~10x an EPUB: BROADSHEET_FUZZ_PDF_EVERY
  // trades PDF coverage for speed (see fuzz/README.md).
  if (const char* every = std::getenv("BROADSHEET_FUZZ_PDF_EVERY")) {
    fixture.pdf_every = static_cast<unsigned>(std::strtoul(every, nullptr, 10));
  }
  return fixture;
}

const Fixture& fixture() {
  static const Fixture shared = make_fixture();
  return shared;
}

// FNV-1a: a stable choice of which inputs also go through the PDF back end.
bool wants_pdf(std::string_view text, unsigned every) {
  if (every == 0) return false;
  uint32_t hash = 2166136261u;
  for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash % every == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& shared = fixture();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  Digest digest = parse_digest("fuzz.yaml", text, diags);
  const std::string printed = diags.format();  // the printer must cope with any source
  if (diags.has_errors() || printed.find('\0') != std::string::npos) return 0;
  const bool pdf = wants_pdf(text, shared.pdf_every);
  for (Edition& edition : split_days(digest, DayFilter{})) {
    edition.build_time = choose_build_time(edition, std::nullopt);
    const Document doc = build_document(edition);
    (void)dump_document(doc);
    (void)render_epub(doc, shared.style);
    if (pdf) (void)render_pdf(doc, shared.style, shared.fonts, shared.pdf);
  }
  return 0;
}
