// SHA-1 and name-based UUIDs (RFC 4122 §4.3) for the EPUB's dc:identifier.
// SHA-1 is written out here (about forty lines) rather than pulling in a crypto
// library for one hash of a few dozen bytes.
#include "epub/identifier.h"

#include <bit>

namespace broadsheet::epub {
namespace {

// broadsheet's own namespace for edition UUIDs (itself a random v4 UUID).
constexpr UuidBytes kEditionNamespace = {0x3c, 0x1d, 0x5e, 0x8a, 0x7b, 0x42, 0x4f, 0x1e,
                                         0x9d, 0x60, 0x2a, 0x8f, 0x51, 0xc3, 0x77, 0xe4};

using Block64 = std::array<std::uint8_t, 64>;

std::uint32_t read_be32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

void compress(std::array<std::uint32_t, 5>& h, const Block64& block) {
  std::array<std::uint32_t, 80> w{};
  for (int t = 0; t < 16; ++t) w[t] = read_be32(&block[4 * t]);
  for (int t = 16; t < 80; ++t) w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int t = 0; t < 80; ++t) {
    std::uint32_t f = 0, k = 0;
    if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
    else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
    else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
    else { f = b ^ c ^ d; k = 0xca62c1d6; }
    std::uint32_t next = std::rotl(a, 5) + f + e + k + w[t];
    e = d; d = c; c = std::rotl(b, 30); b = a; a = next;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

// The message followed by 0x80, zeros, and the bit length, in 64-byte blocks.
std::string padded(std::string_view bytes) {
  std::string m(bytes);
  std::uint64_t bit_length = std::uint64_t{bytes.size()} * 8;
  m += '\x80';
  while (m.size() % 64 != 56) m += '\0';
  for (int shift = 56; shift >= 0; shift -= 8) m += static_cast<char>(bit_length >> shift);
  return m;
}

std::string hex(const std::uint8_t* p, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 15];
  }
  return out;
}

}  // namespace

Sha1Digest sha1(std::string_view bytes) {
  std::array<std::uint32_t, 5> h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  std::string m = padded(bytes);
  for (size_t offset = 0; offset < m.size(); offset += 64) {
    Block64 block{};
    for (size_t i = 0; i < 64; ++i) block[i] = static_cast<std::uint8_t>(m[offset + i]);
    compress(h, block);
  }
  Sha1Digest digest{};
  for (size_t i = 0; i < 20; ++i) digest[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return digest;
}

std::string uuid_v5(const UuidBytes& namespace_id, std::string_view name) {
  std::string input(namespace_id.begin(), namespace_id.end());
  input += name;
  Sha1Digest d = sha1(input);
  d[6] = static_cast<std::uint8_t>((d[6] & 0x0f) | 0x50);  // version 5
  d[8] = static_cast<std::uint8_t>((d[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return hex(&d[0], 4) + '-' + hex(&d[4], 2) + '-' + hex(&d[6], 2) + '-' + hex(&d[8], 2) + '-' +
         hex(&d[10], 6);
}

std::string edition_identifier(std::string_view title, std::string_view iso_date) {
  // A newline cannot occur in a date, so "title\ndate" pairs never collide.
  std::string name(title);
  name += '\n';
  name += iso_date;
  return "urn:uuid:" + uuid_v5(kEditionNamespace, name);
}

}  // namespace broadsheet::epub
