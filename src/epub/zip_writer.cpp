// libzip in memory: the archive is opened on an empty buffer source that we keep
// a reference to, so after zip_close the finished bytes can be read back from it.
// Facts relied on are in docs/debian12-libraries.md §2.
#include "epub/zip_writer.h"

#include <libdeflate.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
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

// An entry's data deflated beforehand, served to libzip as already
// compressed: a source whose stat names the method, both sizes and the CRC is
// copied as it is, the way libzip copies entries between archives.
struct Deflated {
  std::string packed;       // raw deflate data
  zip_uint64_t size = 0;    // of the content
  zip_uint32_t crc = 0;     // of the content
  size_t offset = 0;        // read position in packed
};

zip_int64_t serve_deflated(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
  auto* d = static_cast<Deflated*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN: d->offset = 0; return 0;
    case ZIP_SOURCE_READ: {
      size_t n = std::min<size_t>(static_cast<size_t>(length), d->packed.size() - d->offset);
      std::memcpy(data, d->packed.data() + d->offset, n);
      d->offset += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE: return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
                  ZIP_STAT_ENCRYPTION_METHOD;
      st->size = d->size;
      st->comp_size = d->packed.size();
      st->comp_method = ZIP_CM_DEFLATE;
      st->crc = d->crc;
      st->encryption_method = ZIP_EM_NONE;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR: {  // asked only after a command failed, which none of ours does
      zip_error_t error;
      zip_error_init_with_code(&error, ZIP_ER_INTERNAL);
      zip_int64_t written = zip_error_to_data(&error, data, length);
      zip_error_fini(&error);
      return written;
    }
    case ZIP_SOURCE_FREE: delete d; return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default: return -1;
  }
}

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

// libdeflate at level 6, zlib's default: as small as zlib's, in about half
// its time (deflate was 40 % of the EPUB's CPU with zlib); level 9 would cost
// a tenth more of the whole for an archive 0.3 % smaller.
constexpr int kDeflateLevel = 6;

void ZipWriter::add_deflated(std::string_view name, std::string content) {
  if (!compressor_) {
    compressor_.reset(libdeflate_alloc_compressor(kDeflateLevel));
    if (!compressor_) throw EnvironmentError("cannot build the EPUB archive: no memory for deflate");
  }
  auto d = std::make_unique<Deflated>();
  d->size = content.size();
  d->crc = static_cast<zip_uint32_t>(libdeflate_crc32(0, content.data(), content.size()));
  d->packed.resize(libdeflate_deflate_compress_bound(compressor_.get(), content.size()));
  size_t n = libdeflate_deflate_compress(compressor_.get(), content.data(), content.size(),
                                         d->packed.data(), d->packed.size());
  if (n == 0 || n >= content.size()) return add(name, std::move(content), ZIP_CM_STORE, 0);
  d->packed.resize(n);
  zip_t* z = archive_.get();
  zip_source_t* source = zip_source_function(z, serve_deflated, d.get());
  if (!source) fail("adding " + std::string(name), zip_get_error(z));
  d.release();  // the source owns it now (ZIP_SOURCE_FREE)
  add_source(name, source);
}

void ZipWriter::add(std::string_view name, std::string content, std::int32_t method,
                    std::uint32_t level) {
  const std::string& data = contents_.emplace_back(std::move(content));
  zip_t* z = archive_.get();
  zip_source_t* source = zip_source_buffer(z, data.data(), data.size(), 0);
  if (!source) fail("adding " + std::string(name), zip_get_error(z));
  zip_uint64_t i = add_source(name, source);
  if (zip_set_file_compression(z, i, method, level) < 0) fail("setting up " + std::string(name), zip_get_error(z));
}

zip_uint64_t ZipWriter::add_source(std::string_view name, zip_source_t* source) {
  zip_t* z = archive_.get();
  std::string entry_name(name);
  zip_int64_t index = zip_file_add(z, entry_name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);  // not taken over by the archive on failure
    fail("adding " + entry_name, zip_get_error(z));
  }
  auto i = static_cast<zip_uint64_t>(index);
  if (zip_file_set_dostime(z, i, time_.time, time_.date, 0) < 0) fail("setting up " + entry_name, zip_get_error(z));
  return i;
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
