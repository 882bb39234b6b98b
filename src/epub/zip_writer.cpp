// libzip in memory: the archive is opened on an empty buffer source that we keep
// a reference to, so after zip_close the finished bytes can be read back from it.
// Facts relied on are in docs/debian12-libraries.md §2.
#include "epub/zip_writer.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "env/files.h"

namespace broadsheet::epub {
namespace {

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw EnvironmentError("cannot build the EPUB archive: " + what + ": " + zip_error_strerror(error));
}

// A zip_error_t of our own (not an archive's), finalised on every path.
struct LocalZipError {
  zip_error_t error;
  LocalZipError() { zip_error_init(&error); }
  ~LocalZipError() { zip_error_fini(&error); }
  LocalZipError(const LocalZipError&) = delete;
  LocalZipError& operator=(const LocalZipError&) = delete;
};

}  // namespace

DosTime dos_time_utc(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  constexpr sys_days kFirst = year{1980} / January / 1;
  constexpr sys_days kLast = year{2107} / December / 31;
  t = std::clamp(t, sys_seconds{kFirst}, sys_seconds{kLast} + hours{23} + minutes{59} + seconds{58});
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss clock{t - day};
  DosTime dos;
  dos.time = static_cast<std::uint16_t>(clock.hours().count() << 11 | clock.minutes().count() << 5 |
                                        clock.seconds().count() / 2);
  dos.date = static_cast<std::uint16_t>((static_cast<int>(ymd.year()) - 1980) << 9 |
                                        static_cast<unsigned>(ymd.month()) << 5 |
                                        static_cast<unsigned>(ymd.day()));
  return dos;
}

ZipWriter::ZipWriter(std::chrono::sys_seconds entry_time) : time_(dos_time_utc(entry_time)) {
  LocalZipError local;
  zip_error_t* error = &local.error;
  output_.reset(zip_source_buffer_create(nullptr, 0, 0, error));
  if (!output_) fail("creating the buffer", error);
  // One reference for the archive, one (output_) for us to read the result.
  zip_source_keep(output_.get());
  archive_.reset(zip_open_from_source(output_.get(), ZIP_TRUNCATE, error));
  if (!archive_) {
    zip_source_free(output_.get());  // the archive's reference, never taken
    fail("opening the archive", error);
  }
}

void ZipWriter::add_stored(std::string_view name, std::string content) {
  add(name, std::move(content), ZIP_CM_STORE, 0);
}

// zlib's default level: deflate is 40 % of the EPUB's CPU, and level 9 costs
// a tenth more of the whole (1,000-article benchmark) for an archive 0.3 % smaller.
constexpr std::uint32_t kDeflateLevel = 6;

void ZipWriter::add_deflated(std::string_view name, std::string content) {
  add(name, std::move(content), ZIP_CM_DEFLATE, kDeflateLevel);
}

void ZipWriter::add(std::string_view name, std::string content, std::int32_t method,
                    std::uint32_t level) {
  const std::string& data = contents_.emplace_back(std::move(content));
  zip_t* z = archive_.get();
  zip_source_t* source = zip_source_buffer(z, data.data(), data.size(), 0);
  if (!source) fail("adding " + std::string(name), zip_get_error(z));
  std::string entry_name(name);
  zip_int64_t index = zip_file_add(z, entry_name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);  // not taken over by the archive on failure
    fail("adding " + entry_name, zip_get_error(z));
  }
  auto i = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(z, i, method, level) < 0 ||
      zip_file_set_dostime(z, i, time_.time, time_.date, 0) < 0) {
    fail("setting up " + entry_name, zip_get_error(z));
  }
}

std::string ZipWriter::finish() {
  if (!archive_) throw std::logic_error("ZipWriter::finish called twice");
  if (zip_close(archive_.get()) < 0) fail("writing the archive", zip_get_error(archive_.get()));
  archive_.release();  // zip_close freed it
  contents_.clear();
  return read_archive_bytes();
}

std::string ZipWriter::read_archive_bytes() {
  zip_source_t* s = output_.get();
  if (zip_source_open(s) < 0) fail("reading the archive", zip_source_error(s));
  std::string bytes;
  char chunk[1 << 15];
  zip_int64_t n = 0;
  while ((n = zip_source_read(s, chunk, sizeof chunk)) > 0) bytes.append(chunk, static_cast<size_t>(n));
  if (n < 0) {
    zip_source_close(s);
    fail("reading the archive", zip_source_error(s));
  }
  zip_source_close(s);
  return bytes;
}

}  // namespace broadsheet::epub
