// Device profiles: what each e-reader (and the path that gets a file onto it)
// needs from an edition. A plain value, looked up by name; `build --device`,
// `send` (a subscriber's `device:`) and `lint --device` all read the same one.
// docs/devices.md says where each figure comes from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace broadsheet {

/// How an edition reaches the device.
enum class DeliveryPath {
  Email,   ///< a gateway address (Send to Kindle, Send-to-PocketBook) or any mailbox
  Folder,  ///< no email path: `dir:` (a synced folder) or the OPDS shelf
};

struct DeviceProfile {
  std::string_view name;     ///< "kindle", as given to --device and `device:`
  std::string_view label;    ///< "Kindle", for messages
  // Which outputs the device reads. When both, the EPUB is the one to read.
  bool epub = true;
  bool pdf = false;
  // Images in the EPUB (and the PDF when it is read on the device).
  int image_max_px = 1200;   ///< longest side, about the screen's
  bool grayscale = false;    ///< e-ink: grey images are smaller and look the same
  /// The style the PDF is set in when the PDF is read on the device (reMarkable:
  /// "ereader", a small page for a 10" screen); empty: the digest's own style.
  std::string_view pdf_style;
  // The delivery path and its rules.
  DeliveryPath path = DeliveryPath::Email;
  /// The largest total of files one delivery may carry (one mail on an email
  /// path), in bytes; 0: no known limit.
  std::uint64_t size_limit = 0;
  /// The most files one mail may carry; 0: no known limit.
  int max_attachments = 0;
  /// The gateway wants short ASCII file names and subjects (no RFC 2047/2231).
  bool ascii_names = false;
  /// Shown once per From address: mail from unknown senders is dropped silently.
  bool approved_sender_reminder = false;

  bool has_email_path() const { return path == DeliveryPath::Email; }
};

/// Every profile, in the order documented: kindle, kobo, pocketbook, koreader,
/// remarkable, generic.
std::span<const DeviceProfile> device_profiles();

/// The profile named `name` (exact, lower case), or nothing.
std::optional<DeviceProfile> find_device(std::string_view name);

/// "unknown device 'kindel'" with a "did you mean 'kindle'?" hint when one is
/// close, else the list of device names; for an unknown name only.
struct DeviceNameProblem {
  std::string message;
  std::string hint;
};
DeviceNameProblem unknown_device(std::string_view name);

/// "kindle, kobo, pocketbook, koreader, remarkable, generic".
std::string device_names();

/// The reminder printed once for a From address sending to this device, or ""
/// when the device has no approved-sender list.
std::string approved_sender_note(const DeviceProfile& device, std::string_view from);

/// The longest file name (without folders) and subject an ASCII-names gateway is given.
inline constexpr std::size_t kMaxAsciiFileName = 40;
inline constexpr std::size_t kMaxAsciiSubject = 60;

/// A short ASCII file name for such a gateway: keeps ASCII letters, digits, '-',
/// '_' and '.', turns each run of anything else into one '-', and keeps the
/// extension when shortening to kMaxAsciiFileName. "" gives "edition".
std::string ascii_file_name(std::string_view name);

/// A short ASCII subject: printable ASCII kept, each run of anything else one
/// space, trimmed, cut at a word to kMaxAsciiSubject. May be "" (caller's fallback).
std::string ascii_subject(std::string_view subject);

}  // namespace broadsheet
