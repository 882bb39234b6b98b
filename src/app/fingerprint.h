// Hashes for work that is not redone: SHA-256 (GLib's GChecksum, already linked
// through pango) of output files, and of everything a day's outputs are made from.
#pragma once

#include <string>
#include <string_view>

#include "model/edition.h"
#include "style/style.h"

namespace broadsheet {

struct Variant;

/// SHA-256 of bytes as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// The hash of everything one day's files are made from: every field of its
/// articles as placed in the day (after defaults), the bytes of every image
/// they name and of the digest's cover, the edition's metadata and build time,
/// the style as loaded (not its name), the formats and image settings asked
/// for (a --device's among them), and broadsheet's version. Fonts and
/// hyphenation dictionaries found on the system are not in it (--force).
std::string day_inputs_hash(const Edition& edition, const Style& style, const Variant& variant);

}  // namespace broadsheet
