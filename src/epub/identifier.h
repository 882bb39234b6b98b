// The book's stable identifier: a name-based UUID (version 5, SHA-1) derived
// from the edition title and date, so that rebuilding an edition keeps its id
// and readers treat the new file as the same book.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace broadsheet::epub {

using Sha1Digest = std::array<std::uint8_t, 20>;
using UuidBytes = std::array<std::uint8_t, 16>;

/// SHA-1 of bytes (FIPS 180-4). Used only for naming, never for security.
Sha1Digest sha1(std::string_view bytes);

/// RFC 4122 version-5 UUID of name in namespace_id, lower-case with dashes.
std::string uuid_v5(const UuidBytes& namespace_id, std::string_view name);

/// "urn:uuid:..." for an edition, from its title and ISO date.
std::string edition_identifier(std::string_view title, std::string_view iso_date);

}  // namespace broadsheet::epub
