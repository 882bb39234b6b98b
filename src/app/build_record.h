// The build record: what each day's files in an output folder were made from
// (a hash of the day's inputs) and what they were (size and hash), so that a
// build can leave a day whose inputs did not change. Kept as a small line-based
// text file in the folder; anything it cannot read only means a rebuild.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

/// The record's name in the output folder: hidden, and not an edition the shelf lists.
inline constexpr const char* kBuildRecordName = ".broadsheet-build";

/// One output file as it was written.
struct RecordedFile {
  std::string name;          ///< "2024-11-05.pdf", relative to the folder
  std::uint64_t bytes = 0;
  std::string sha256;        ///< 64 lowercase hex digits
  bool operator==(const RecordedFile&) const = default;
};

/// One day: the hash of what it was made from, and the files made.
struct RecordedDay {
  std::string day;           ///< YYYY-MM-DD
  std::string inputs;        ///< day_inputs_hash (app/fingerprint.h)
  std::vector<RecordedFile> files;
  bool operator==(const RecordedDay&) const = default;
};

struct BuildRecord {
  std::vector<RecordedDay> days;  ///< in day order, each day once
  const RecordedDay* find(std::string_view day) const;
  bool operator==(const BuildRecord&) const = default;
};

/// The record as text, the same bytes for the same record:
///   broadsheet build record 1
///   day 2024-11-05 <inputs hash>
///   file 2024-11-05.pdf <bytes> <sha256>
std::string format_build_record(const BuildRecord& record);

/// The record in text, or nullopt when the text is not a record this version
/// writes (another program's file, a newer format, a truncated or edited one).
std::optional<BuildRecord> parse_build_record(std::string_view text);

/// The folder's record; empty when there is none or it cannot be read.
BuildRecord read_build_record(const std::filesystem::path& dir);

/// True when every file the day recorded is in dir with its size and hash.
bool outputs_match(const RecordedDay& day, const std::filesystem::path& dir);

/// `day` put into the record: replacing that day's entry, or added in day order.
void record_day(BuildRecord& record, RecordedDay day);

}  // namespace broadsheet
