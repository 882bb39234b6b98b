// The EPUB back end's small parts: the SHA-1 and name-based UUID of the
// edition's identifier, and the times in the archive and the package.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "epub/identifier.h"
#include "epub/package.h"
#include "epub/zip_writer.h"

namespace broadsheet {
namespace {

using namespace std::chrono;

}  // namespace

TEST_CASE("epub sha1 matches the FIPS 180 test vectors") {
  auto hex = [](const epub::Sha1Digest& d) {
    std::string out;
    for (auto byte : d) out += "0123456789abcdef"[byte >> 4], out += "0123456789abcdef"[byte & 15];
    return out;
  };
  CHECK(hex(epub::sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(hex(epub::sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex(epub::sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

TEST_CASE("epub uuid_v5 matches RFC 4122 name-based UUIDs and is stable per edition") {
  const epub::UuidBytes dns = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  CHECK(epub::uuid_v5(dns, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  std::string id = epub::edition_identifier("World Brief", "2024-11-06");
  CHECK(id.rfind("urn:uuid:", 0) == 0);
  CHECK(id.size() == 9 + 36);
  CHECK(id[9 + 14] == '5');
  CHECK(id == epub::edition_identifier("World Brief", "2024-11-06"));
  CHECK(id != epub::edition_identifier("World Brief", "2024-11-07"));
}

TEST_CASE("epub times are UTC by arithmetic: DOS fields and dcterms:modified") {
  sys_seconds t = sys_days{2024y / November / 6} + 7h + 30min + 15s;
  epub::DosTime dos = epub::dos_time_utc(t);
  CHECK(dos.time == (7 << 11 | 30 << 5 | 7));
  CHECK(dos.date == ((2024 - 1980) << 9 | 11 << 5 | 6));
  CHECK(epub::dos_time_utc(sys_seconds{}).date == (0 << 9 | 1 << 5 | 1));  // 1970 → 1980-01-01
  CHECK(epub::utc_timestamp(t) == "2024-11-06T07:30:15Z");
  CHECK(epub::utc_timestamp(sys_seconds{}) == "1970-01-01T00:00:00Z");
}

}  // namespace broadsheet
