// Work that is not redone: the build record's text (written the same way
// every time, anything else refused), SHA-256, what a day's inputs hash holds,
// and which days a build leaves as they are.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "app/fingerprint.h"
#include "env/files.h"
#include "temp_dir.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

const std::string kHashA(64, 'a'), kHashB(64, 'b');

BuildRecord two_days() {
  return {{{"2024-11-05", kHashA, {{"2024-11-05.pdf", 1234, kHashB}, {"2024-11-05.epub", 99, kHashA}}},
           {"2024-11-06", kHashB, {{"2024-11-06.epub", 7, kHashB}}}}};
}

struct Workspace : test::TempDir {
  Workspace() : TempDir("skip") {
    write_file_atomically(dir / "in.yaml",
                          "- {title: Markets, date: 2024-11-05, section: Business, body: Shares rose.}\n"
                          "- {title: Rain, date: 2024-11-06, section: Weather, body: Wet.}\n");
  }
  Input read() const {
    Diagnostics diags;
    Input input = read_input({{dir / "in.yaml"}, {}, std::chrono::sys_seconds{}}, diags);
    REQUIRE_FALSE(diags.has_errors());
    return input;
  }
  // Builds as the command line does, into dir/out; returns the unchanged days.
  std::vector<std::string> build(bool force = false) const {
    Input input = read();
    Variant variant;
    variant.formats = Formats::Epub;  // enough for the record, and quick
    Diagnostics diags;
    Style style = load_variant_style(input, variant, {{fs::path(BROADSHEET_BUILT_STYLES)}, 100}, diags);
    SkipPlan skip = skip_unchanged(input, variant, style, dir / "out", force);
    if (input.editions.empty()) return skip.unchanged;
    Shared shared;
    Prepared prepared = prepare(input, variant, style, shared, diags);
    StagedEditions staged(dir / "out");
    render_into(prepared, {1, 100}, staged);
    staged.stage_record(updated_record(skip, staged.result()));
    staged.commit([](const RenderedEdition&, const OutputFile&) {});
    return skip.unchanged;
  }
};

}  // namespace

TEST_CASE("build record: the same text for the same record, and read back") {
  const std::string text = format_build_record(two_days());
  CHECK(text == "broadsheet build record 1\n"
                "day 2024-11-05 " + kHashA + "\n"
                "file 2024-11-05.pdf 1234 " + kHashB + "\n"
                "file 2024-11-05.epub 99 " + kHashA + "\n"
                "day 2024-11-06 " + kHashB + "\n"
                "file 2024-11-06.epub 7 " + kHashB + "\n");
  CHECK(parse_build_record(text) == two_days());
  CHECK(parse_build_record("broadsheet build record 1\n") == BuildRecord{});
}

TEST_CASE("build record: anything this version would not write is no record") {
  const std::string good = format_build_record(two_days());
  CHECK_FALSE(parse_build_record(""));
  CHECK_FALSE(parse_build_record("{\"days\": []}\n"));                               // another program's
  CHECK_FALSE(parse_build_record("broadsheet build record 2\n"));                    // a newer format
  CHECK_FALSE(parse_build_record(good.substr(0, good.size() - 1)));                  // truncated
  CHECK_FALSE(parse_build_record(good.substr(0, good.size() - 20)));
  CHECK_FALSE(parse_build_record(good + "day 2024-11-06 " + kHashA + "\n"));         // a day twice
  CHECK_FALSE(parse_build_record(good + "\n"));                                      // an empty line
  const std::string header = "broadsheet build record 1\n";
  CHECK_FALSE(parse_build_record(header + "file a.pdf 1 " + kHashA + "\n"));         // a file before any day
  CHECK_FALSE(parse_build_record(header + "day 2024-02-30 " + kHashA + "\n"));       // no such date
  CHECK_FALSE(parse_build_record(header + "day 2024-11-05 " + kHashA.substr(1) + "\n"));
  const std::string day = header + "day 2024-11-05 " + kHashA + "\n";
  CHECK_FALSE(parse_build_record(day + "file ../x.pdf 1 " + kHashA + "\n"));         // out of the folder
  CHECK_FALSE(parse_build_record(day + "file x.pdf -1 " + kHashA + "\n"));
  CHECK_FALSE(parse_build_record(day + "file x.pdf 1  " + kHashA + "\n"));
  CHECK_FALSE(parse_build_record(day + "file x.pdf 1 " + std::string(64, 'A') + "\n"));
  CHECK(parse_build_record(day + "file x.pdf 1 " + kHashA + "\n"));
}

TEST_CASE("build record: a day replaced or added in day order") {
  BuildRecord record = two_days();
  record_day(record, {"2024-11-04", kHashB, {}});
  record_day(record, {"2024-11-06", kHashA, {}});
  REQUIRE(record.days.size() == 3);
  CHECK(record.days[0].day == "2024-11-04");
  CHECK(record.days[2].inputs == kHashA);
  CHECK(record.days[2].files.empty());
  CHECK(record.find("2024-11-05") == &record.days[1]);
  CHECK(record.find("2024-11-07") == nullptr);
}

TEST_CASE("sha256: the FIPS 180-2 examples") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("day inputs hash: every input that shows in the outputs changes it") {
  Workspace w;
  write_file_atomically(w.dir / "pic.png", "not really a png");
  write_file_atomically(w.dir / "in.yaml", "- {title: Markets, date: 2024-11-05, image: pic.png, body: 'Rose. ![x](pic.png)'}\n");
  const Input input = w.read();
  const Edition& day = input.editions.at(0);
  const Style style;
  const Variant variant;
  const std::string base = day_inputs_hash(day, style, variant);
  CHECK(base.size() == 64);
  CHECK(day_inputs_hash(day, style, variant) == base);

  Edition changed = day;
  changed.sections[0].articles[0].article.summary = "New.";
  CHECK(day_inputs_hash(changed, style, variant) != base);
  changed = day;
  changed.meta.subtitle = "Evening";
  CHECK(day_inputs_hash(changed, style, variant) != base);
  changed = day;
  changed.build_time += std::chrono::seconds{1};
  CHECK(day_inputs_hash(changed, style, variant) != base);
  changed = day;
  changed.sections[0].articles[0].article.loc.line = 99;  // where it was written does not show
  CHECK(day_inputs_hash(changed, style, variant) == base);

  write_file_atomically(w.dir / "cover.jpg", "a cover");
  write_file_atomically(w.dir / "same-cover.jpg", "a cover");
  Edition covered = day, moved = day;
  covered.meta.cover = (w.dir / "cover.jpg").string();
  moved.meta.cover = (w.dir / "same-cover.jpg").string();  // the same bytes elsewhere
  const std::string with_cover = day_inputs_hash(covered, style, variant);
  CHECK(with_cover != base);
  CHECK(day_inputs_hash(moved, style, variant) == with_cover);
  write_file_atomically(w.dir / "cover.jpg", "another cover");
  CHECK(day_inputs_hash(covered, style, variant) != with_cover);

  Style css = style;
  css.css += "p { margin: 0 }";
  CHECK(day_inputs_hash(day, css, variant) != base);
  Style columns = style;
  columns.columns = 2;
  CHECK(day_inputs_hash(day, columns, variant) != base);
  Variant pdf_only = variant;
  pdf_only.formats = Formats::Pdf;
  CHECK(day_inputs_hash(day, style, pdf_only) != base);
  Variant device = variant;
  device.images.epub_max_px = 1072;
  CHECK(day_inputs_hash(day, style, device) != base);

  write_file_atomically(w.dir / "pic.png", "another picture");
  CHECK(day_inputs_hash(day, style, variant) != base);
  fs::remove(w.dir / "pic.png");
  CHECK(day_inputs_hash(day, style, variant) != base);
}

TEST_CASE("skip: an unchanged day is left as it is, until its inputs or its files change") {
  Workspace w;
  CHECK(w.build().empty());
  const std::string record = read_file(w.dir / "out" / kBuildRecordName);
  CHECK(w.build() == std::vector<std::string>{"2024-11-05", "2024-11-06"});
  CHECK(read_file(w.dir / "out" / kBuildRecordName) == record);

  write_file_atomically(w.dir / "in.yaml",
                        "- {title: Markets, date: 2024-11-05, section: Business, body: Shares rose.}\n"
                        "- {title: Rain, date: 2024-11-06, section: Weather, body: Wetter.}\n");
  CHECK(w.build() == std::vector<std::string>{"2024-11-05"});
  CHECK(w.build() == std::vector<std::string>{"2024-11-05", "2024-11-06"});

  std::string epub = read_file(w.dir / "out" / "2024-11-05.epub");
  epub[epub.size() / 2] ^= 1;  // same size, other bytes
  write_file_atomically(w.dir / "out" / "2024-11-05.epub", epub);
  CHECK(w.build() == std::vector<std::string>{"2024-11-06"});
  fs::remove(w.dir / "out" / "2024-11-06.epub");
  CHECK(w.build() == std::vector<std::string>{"2024-11-05"});

  write_file_atomically(w.dir / "out" / kBuildRecordName, "broadsheet build record 1\ngarbage\n");
  CHECK(w.build().empty());
  CHECK(read_file(w.dir / "out" / kBuildRecordName) != "broadsheet build record 1\ngarbage\n");
  CHECK(w.build(true).empty());
  CHECK(w.build().size() == 2);
}
