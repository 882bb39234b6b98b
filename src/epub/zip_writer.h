// An in-memory ZIP archive built with libzip, with one fixed DOS time stamped on
// every entry so that the bytes depend only on the content (not on TZ or clock).
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include <libdeflate.h>
#include <zip.h>

namespace broadsheet::epub {

/// MS-DOS date and time fields (local-time-less: we store UTC wall time).
struct DosTime {
  std::uint16_t time = 0;  ///< hour << 11 | minute << 5 | second / 2
  std::uint16_t date = 0;  ///< (year - 1980) << 9 | month << 5 | day
};

/// DOS fields of t read as UTC, by calendar arithmetic only (no gmtime, no TZ);
/// clamped to the DOS range 1980-01-01 .. 2107-12-31.
DosTime dos_time_utc(std::chrono::sys_seconds t);

/// Builds a ZIP in memory. Entries appear in the order they are added.
/// Every libzip failure throws EnvironmentError.
class ZipWriter {
 public:
  explicit ZipWriter(std::chrono::sys_seconds entry_time);

  /// Adds an uncompressed entry (the EPUB's mimetype must be stored).
  void add_stored(std::string_view name, std::string content);
  /// Adds an entry compressed with deflate (libdeflate, zlib's default level),
  /// or stored when deflate would not make it smaller.
  void add_deflated(std::string_view name, std::string content);
  /// Closes the archive and returns its bytes. Call once.
  std::string finish();

 private:
  struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
  };
  struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
  };
  struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };

  void add(std::string_view name, std::string content, std::int32_t method, std::uint32_t level);
  zip_uint64_t add_source(std::string_view name, zip_source_t* source);
  std::string read_archive_bytes();

  DosTime time_;
  // libzip reads buffer sources at zip_close, so the contents live here until
  // then; a deque never moves its elements when it grows.
  std::deque<std::string> contents_;
  std::unique_ptr<zip_source_t, SourceFree> output_;  // the archive's bytes, kept past close
  std::unique_ptr<zip_t, ZipDiscard> archive_;
  std::unique_ptr<libdeflate_compressor, CompressorFree> compressor_;
};

}  // namespace broadsheet::epub
