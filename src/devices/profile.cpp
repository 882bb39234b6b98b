// The six device profiles as data, and lookup by name. Each figure's source is
// in docs/devices.md ("reported" ones come from users' issue threads, not specs).
#include "devices/profile.h"

#include <array>
#include <vector>

#include "input/fields.h"

namespace broadsheet {
namespace {

constexpr std::uint64_t kMB = 1000 * 1000;

constexpr std::array<DeviceProfile, 6> kProfiles{{
    // Send to Kindle by email: EPUB (MOBI refused since 2022), 50 MB of documents
    // and 25 attachments per mail, approved senders only; a 6"-7" e-ink screen.
    {.name = "kindle", .label = "Kindle", .epub = true, .pdf = false, .image_max_px = 1448,
     .grayscale = true, .pdf_style = {}, .path = DeliveryPath::Email, .size_limit = 50 * kMB,
     .max_attachments = 25, .ascii_names = true, .approved_sender_reminder = true},
    // No email path: sideloaded (USB, Dropbox, KOReader's OPDS browser).
    {.name = "kobo", .label = "Kobo", .epub = true, .pdf = false, .image_max_px = 1680,
     .grayscale = true, .pdf_style = {}, .path = DeliveryPath::Folder, .size_limit = 0,
     .max_attachments = 0, .ascii_names = false, .approved_sender_reminder = false},
    // Send-to-PocketBook (name@pbsync.com): EPUB and PDF; short ASCII names help;
    // the limit is not published, so the common relay cap of 25 MB.
    {.name = "pocketbook", .label = "PocketBook", .epub = true, .pdf = false,
     .image_max_px = 1448, .grayscale = true, .pdf_style = {}, .path = DeliveryPath::Email,
     .size_limit = 25 * kMB, .max_attachments = 0, .ascii_names = true,
     .approved_sender_reminder = false},
    // KOReader runs on e-ink and on colour tablets; reached by a folder or OPDS.
    {.name = "koreader", .label = "KOReader", .epub = true, .pdf = false, .image_max_px = 1600,
     .grayscale = false, .pdf_style = {}, .path = DeliveryPath::Folder, .size_limit = 0,
     .max_attachments = 0, .ascii_names = false, .approved_sender_reminder = false},
    // reMarkable reads PDFs best, on its 10.3" 1872x1404 screen: the ereader page.
    // Its cloud takes files up to 100 MB; no inbound email.
    {.name = "remarkable", .label = "reMarkable", .epub = true, .pdf = true,
     .image_max_px = 1872, .grayscale = true, .pdf_style = "ereader",
     .path = DeliveryPath::Folder, .size_limit = 100 * kMB, .max_attachments = 0,
     .ascii_names = false, .approved_sender_reminder = false},
    // Any reader, any mailbox: both formats, as the build makes them by default.
    {.name = "generic", .label = "any reader", .epub = true, .pdf = true, .image_max_px = 1200,
     .grayscale = false, .pdf_style = {}, .path = DeliveryPath::Email, .size_limit = 0,
     .max_attachments = 0, .ascii_names = false, .approved_sender_reminder = false},
}};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// Replaces each run of characters failing keep() with one `with`.
template <typename Keep>
std::string squeeze(std::string_view text, Keep keep, char with) {
  std::string out;
  bool in_run = false;
  for (char c : text) {
    if (keep(c)) {
      out += c;
      in_run = false;
    } else if (!in_run) {
      out += with;
      in_run = true;
    }
  }
  return out;
}

std::string trim(std::string text, char c) {
  const size_t first = text.find_first_not_of(c);
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(c) - first + 1);
}

}  // namespace

std::span<const DeviceProfile> device_profiles() { return kProfiles; }

std::optional<DeviceProfile> find_device(std::string_view name) {
  for (const DeviceProfile& profile : kProfiles)
    if (profile.name == name) return profile;
  return std::nullopt;
}

std::string device_names() {
  std::string names;
  for (const DeviceProfile& profile : kProfiles) {
    if (!names.empty()) names += ", ";
    names += profile.name;
  }
  return names;
}

DeviceNameProblem unknown_device(std::string_view name) {
  std::vector<std::string_view> names;
  for (const DeviceProfile& profile : kProfiles) names.push_back(profile.name);
  std::string hint = did_you_mean(name, names);
  if (hint.empty()) hint = "devices: " + device_names();
  return {"unknown device '" + std::string(name) + "'", hint};
}

std::string approved_sender_note(const DeviceProfile& device, std::string_view from) {
  if (!device.approved_sender_reminder) return {};
  return std::string(device.label) + " drops mail from senders it does not know, silently: add " +
         std::string(from) +
         " to the approved personal document e-mail list (amazon.com/myk: Preferences, "
         "Personal Document Settings)";
}

std::string ascii_file_name(std::string_view name) {
  std::string cleaned = trim(squeeze(name, is_name_char, '-'), '-');
  if (cleaned.empty() || cleaned.front() == '.') cleaned = "edition" + cleaned;
  if (cleaned.size() <= kMaxAsciiFileName) return cleaned;
  const size_t dot = cleaned.rfind('.');
  const std::string extension =
      dot != std::string::npos && cleaned.size() - dot <= 8 ? cleaned.substr(dot) : "";
  return trim(cleaned.substr(0, kMaxAsciiFileName - extension.size()), '-') + extension;
}

std::string ascii_subject(std::string_view subject) {
  auto printable = [](char c) { return c > ' ' && c < 0x7f; };
  std::string text = trim(squeeze(subject, printable, ' '), ' ');
  if (text.size() <= kMaxAsciiSubject) return text;
  const size_t cut = text.rfind(' ', kMaxAsciiSubject);
  return text.substr(0, cut == std::string::npos || cut == 0 ? kMaxAsciiSubject : cut);
}

}  // namespace broadsheet
