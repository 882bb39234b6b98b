// The build record as text: one header line, then per day a `day` line and
// its `file` lines. Read strictly: a line this version would not write makes
// the whole record unknown, which only means every day is built again.
#include "app/build_record.h"

#include <algorithm>
#include <charconv>

#include "app/fingerprint.h"
#include "env/files.h"
#include "model/days.h"

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "broadsheet build record 1";

bool is_sha256(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A name directly in the folder: no path, nothing the reader could be led out by.
bool is_plain_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find_first_of(std::string_view("/\\ \0\n", 5)) == std::string_view::npos;
}

// The line's words, split on single spaces.
std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t space = line.find(' ', start);
    out.push_back(line.substr(start, space - start));
    if (space == std::string_view::npos) return out;
    start = space + 1;
  }
}

std::optional<RecordedFile> parse_file_line(const std::vector<std::string_view>& w) {
  RecordedFile file;
  if (w.size() != 4 || w[0] != "file" || !is_plain_name(w[1]) || !is_sha256(w[3])) return std::nullopt;
  auto [end, ec] = std::from_chars(w[2].data(), w[2].data() + w[2].size(), file.bytes);
  if (ec != std::errc() || end != w[2].data() + w[2].size()) return std::nullopt;
  file.name = w[1];
  file.sha256 = w[3];
  return file;
}

std::optional<RecordedDay> parse_day_line(const std::vector<std::string_view>& w, const BuildRecord& so_far) {
  if (w.size() != 3 || w[0] != "day" || !parse_iso_date(std::string(w[1])) || !is_sha256(w[2])) return std::nullopt;
  if (!so_far.days.empty() && so_far.days.back().day >= w[1]) return std::nullopt;  // in day order, once
  return RecordedDay{std::string(w[1]), std::string(w[2]), {}};
}

}  // namespace

const RecordedDay* BuildRecord::find(std::string_view day) const {
  auto found = std::find_if(days.begin(), days.end(), [&](const RecordedDay& d) { return d.day == day; });
  return found == days.end() ? nullptr : &*found;
}

std::string format_build_record(const BuildRecord& record) {
  std::string text(kHeader);
  text += '\n';
  for (const RecordedDay& day : record.days) {
    text += "day " + day.day + ' ' + day.inputs + '\n';
    for (const RecordedFile& f : day.files) {
      text += "file " + f.name + ' ' + std::to_string(f.bytes) + ' ' + f.sha256 + '\n';
    }
  }
  return text;
}

std::optional<BuildRecord> parse_build_record(std::string_view text) {
  if (!text.starts_with(kHeader) || text.size() == kHeader.size() || text[kHeader.size()] != '\n' ||
      !text.ends_with('\n')) {
    return std::nullopt;
  }
  BuildRecord record;
  for (size_t start = kHeader.size() + 1; start < text.size();) {
    const size_t end = text.find('\n', start);
    const std::vector<std::string_view> w = words(text.substr(start, end - start));
    start = end + 1;
    if (w[0] == "day") {
      std::optional<RecordedDay> day = parse_day_line(w, record);
      if (!day) return std::nullopt;
      record.days.push_back(std::move(*day));
    } else {
      std::optional<RecordedFile> file = parse_file_line(w);
      if (!file || record.days.empty()) return std::nullopt;
      record.days.back().files.push_back(std::move(*file));
    }
  }
  return record;
}

BuildRecord read_build_record(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(dir / kBuildRecordName, ec)) return {};
  try {
    return parse_build_record(read_file(dir / kBuildRecordName)).value_or(BuildRecord{});
  } catch (const EnvironmentError&) {
    return {};  // unreadable: as if there were none, every day is built again
  }
}

bool outputs_match(const RecordedDay& day, const fs::path& dir) {
  if (day.files.empty()) return false;
  for (const RecordedFile& f : day.files) {
    std::error_code ec;
    const fs::path path = dir / f.name;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != f.bytes || ec) return false;
    try {
      if (sha256_hex(read_file(path)) != f.sha256) return false;
    } catch (const EnvironmentError&) {
      return false;
    }
  }
  return true;
}

void record_day(BuildRecord& record, RecordedDay day) {
  auto at = std::lower_bound(record.days.begin(), record.days.end(), day.day,
                             [](const RecordedDay& d, const std::string& key) { return d.day < key; });
  if (at != record.days.end() && at->day == day.day) {
    *at = std::move(day);
  } else {
    record.days.insert(at, std::move(day));
  }
}

}  // namespace broadsheet
