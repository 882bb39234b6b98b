// Reading subscribers.yaml through the same YAML layer as digests (source
// checks, FieldReader): unknown keys warn with "did you mean", every wrong
// value is an error at its own line and column, all reported in one pass.
#include "deliver/subscribers.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "devices/profile.h"
#include "env/files.h"
#include "input/fields.h"
#include "input/source_text.h"
#include "input/yaml_reader.h"

namespace broadsheet {
namespace {

constexpr std::array<std::string_view, 6> kTopKeys = {"from",        "reply_to",  "subject",
                                                      "unsubscribe", "transport", "subscribers"};
constexpr std::array<std::string_view, 11> kTransportKeys = {
    "url",     "tls",      "user",   "password_env",      "password_file", "password_command",
    "ca_file", "helo",     "password", "max_message_bytes", "timeout"};
constexpr std::array<std::string_view, 10> kSubscriberKeys = {
    "email",     "name", "formats", "style",     "sections",
    "tags",      "languages", "device", "grayscale", "max_message_bytes"};
constexpr std::array<std::string_view, 3> kPlaceholders = {"title", "date", "email"};
constexpr std::array<std::string_view, 2> kFormats = {"pdf", "epub"};

bool is_loopback_url(std::string_view url) {
  const size_t start = url.find("://");
  if (start == std::string_view::npos) return false;
  std::string_view host = url.substr(start + 3);
  host = host.substr(0, host.find_first_of(":/"));
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

void check_template(FieldReader& reader, const Entry& entry, const std::string& text) {
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) {
      reader.error(reader.loc(entry.value), "'" + entry.key + "' has a '{' without a closing '}'");
      return;
    }
    const std::string name = text.substr(open + 1, close - open - 1);
    if (std::find(kPlaceholders.begin(), kPlaceholders.end(), name) == kPlaceholders.end()) {
      reader.error(reader.loc(entry.value), "'" + entry.key + "' has an unknown placeholder '{" + name + "}'",
                   "the placeholders are {title}, {date} and {email}");
    }
  }
}

void read_size(FieldReader& reader, const Entry& entry, size_t& into) {
  auto text = reader.required_text(entry);
  if (!text) return;
  const size_t bytes = parse_byte_size(*text);
  if (bytes < 10'000) {
    reader.error(reader.loc(entry.value), "'" + entry.key + "' must be a size such as '25MB' or '10 MiB', not '" + *text + "'");
    return;
  }
  into = bytes;
}

void read_timeout(FieldReader& reader, const Entry& entry, int& into) {
  auto text = reader.required_text(entry);
  if (!text) return;
  std::string digits = *text;
  if (!digits.empty() && digits.back() == 's') digits.pop_back();
  int seconds = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), seconds);
  if (ec != std::errc() || end != digits.data() + digits.size() || seconds < 1 || seconds > 3600) {
    reader.error(reader.loc(entry.value), "'timeout' must be seconds between 1 and 3600 such as '30s', not '" + *text + "'");
    return;
  }
  into = seconds;
}

void read_url(FieldReader& reader, const Entry& entry, TransportConfig& t) {
  auto url = reader.required_text(entry);
  if (!url) return;
  const bool known = url->starts_with("smtp://") || url->starts_with("smtps://") ||
                     url->starts_with("sendmail:") || url->starts_with("dir:");
  if (!known) {
    reader.error(reader.loc(entry.value), "unknown transport '" + *url + "'",
                 "use smtp://HOST:587 (STARTTLS), smtps://HOST:465, sendmail:/usr/sbin/sendmail or dir:PATH");
    return;
  }
  if ((url->starts_with("sendmail:") || url->starts_with("dir:")) && url->find(':') + 1 == url->size()) {
    reader.error(reader.loc(entry.value), "transport '" + *url + "' needs a path after the colon");
    return;
  }
  t.url = *url;
}

void read_tls(FieldReader& reader, const Entry& entry, TransportConfig& t) {
  auto text = reader.required_text(entry);
  if (!text) return;
  if (*text == "required") t.tls = TlsMode::Required;
  else if (*text == "opportunistic") t.tls = TlsMode::Opportunistic;
  else if (*text == "none") t.tls = TlsMode::None;
  else reader.error(reader.loc(entry.value), "'tls' must be required, opportunistic or none, not '" + *text + "'");
}

void read_transport(FieldReader& parent, const Entry& outer, TransportConfig& t) {
  if (!outer.value.IsMap()) {
    parent.error(parent.value_loc(outer), "'transport' must be a mapping (url, tls, user, ...), not " +
                                              describe_node(outer.value));
    return;
  }
  FieldReader reader(parent.source(), parent.diagnostics(), "transport");
  SourceLoc tls_none_at;
  int secrets = 0;
  reader.each_entry(outer.value, kTransportKeys, [&](const Entry& entry) {
    const std::string& k = entry.key;
    if (k == "url") read_url(reader, entry, t);
    else if (k == "tls") { read_tls(reader, entry, t); tls_none_at = reader.loc(entry.value); }
    else if (k == "password") {
      reader.error(reader.loc(entry.key_node), "a password is never written in the subscribers file",
                   "use password_env (a variable's name), password_file or password_command");
    } else if (k == "max_message_bytes") read_size(reader, entry, t.max_message_bytes);
    else if (k == "timeout") read_timeout(reader, entry, t.timeout_seconds);
    else if (auto text = reader.required_text(entry)) {
      if (k == "user") t.user = *text;
      if (k == "ca_file") t.ca_file = *text;
      if (k == "helo") t.helo = *text;
      if (k.starts_with("password_") && ++secrets > 1) {
        reader.error(reader.loc(entry.key_node), "give one of password_env, password_file and password_command");
      }
      if (k == "password_env") t.password_env = *text;
      if (k == "password_file") t.password_file = *text;
      if (k == "password_command") t.password_command = *text;
    }
  });
  if (t.tls == TlsMode::None && !is_loopback_url(t.url) && t.url.starts_with("smtp")) {
    reader.error(tls_none_at, "'tls: none' is allowed only for a relay on this machine (localhost)",
                 "use 'tls: required' (the default) or 'opportunistic'");
  }
}

void read_formats(FieldReader& reader, const Entry& entry, Subscriber& s) {
  std::vector<std::string> formats = reader.text_list(entry);
  bool ok = !formats.empty();
  for (const std::string& f : formats) {
    if (std::find(kFormats.begin(), kFormats.end(), f) == kFormats.end()) {
      reader.error(reader.loc(entry.value), "unknown format '" + f + "'", "the formats are pdf and epub");
      ok = false;
    }
  }
  if (formats.empty()) reader.error(reader.value_loc(entry), "'formats' is empty", "give pdf, epub or both");
  if (!ok) return;
  s.formats_given = true;
  s.formats.clear();
  for (std::string_view f : kFormats) {  // canonical order, no repeats
    if (std::find(formats.begin(), formats.end(), f) != formats.end()) s.formats.emplace_back(f);
  }
}

void read_subscriber_field(FieldReader& reader, const Entry& entry, Subscriber& s) {
  const std::string& k = entry.key;
  if (k == "formats") return read_formats(reader, entry, s);
  if (k == "sections") { s.sections = reader.text_list(entry); return; }
  if (k == "tags") { s.tags = reader.text_list(entry); return; }
  if (k == "languages") {
    s.languages = reader.text_list(entry);
    for (const std::string& l : s.languages) reader.check_language(entry, l);
    return;
  }
  if (k == "max_message_bytes") return read_size(reader, entry, s.max_message_bytes);
  auto text = k == "email" ? reader.required_text(entry) : reader.optional_text(entry);
  if (!text) return;
  if (k == "email") {
    if (!is_mail_address(*text)) {
      reader.error(reader.loc(entry.value), "'" + *text + "' is not an email address");
    }
    s.email = *text;
  } else if (k == "name") s.name = *text;
  else if (k == "style") s.style = *text;
  else if (k == "device") {
    s.device = *text;
    s.device_loc = reader.loc(entry.value);
    if (!find_device(*text)) {
      DeviceNameProblem problem = unknown_device(*text);
      reader.error(s.device_loc, problem.message, problem.hint);
    }
  }
  else if (k == "grayscale") {
    if (*text != "true" && *text != "false") {
      reader.error(reader.loc(entry.value), "'grayscale' must be true or false, not '" + *text + "'");
    }
    s.grayscale = *text == "true";
  }
}

void read_subscribers(FieldReader& parent, const Entry& outer, SubscriberList& list) {
  const YAML::Node& items = outer.value;
  if (items.IsNull() || (items.IsSequence() && items.size() == 0)) {
    parent.error(parent.value_loc(outer), "no subscribers: 'subscribers' is empty");
    return;
  }
  if (!items.IsSequence()) {
    parent.error(parent.loc(items), "'subscribers' must be a list, not " + describe_node(items),
                 "start each subscriber with '- email: ...'");
    return;
  }
  std::map<std::string, int> first_line;  // lowercased address -> line
  int number = 0;
  for (const YAML::Node& item : items) {
    ++number;
    if (!item.IsMap()) {
      parent.error(parent.loc(item), "subscriber " + std::to_string(number) + " must be a mapping with 'email', not " +
                                         describe_node(item));
      continue;
    }
    FieldReader reader(parent.source(), parent.diagnostics(), "subscriber " + std::to_string(number));
    Subscriber s;
    s.loc = reader.loc(item);
    bool has_email = false;
    reader.each_entry(item, kSubscriberKeys, [&](const Entry& entry) {
      has_email |= entry.key == "email";
      read_subscriber_field(reader, entry, s);
    });
    if (!has_email) reader.error(s.loc, "'email' is missing");
    if (s.email.empty()) continue;
    std::string lower = s.email;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    auto [seen, added] = first_line.try_emplace(lower, s.loc.line);
    if (!added) {
      reader.error(s.loc, "'" + s.email + "' is listed twice (first at line " + std::to_string(seen->second) + ")",
                   "one address gets one message per day; give it several formats instead");
      continue;
    }
    list.subscribers.push_back(std::move(s));
  }
}

// A subscriber's device against its formats and the transport: the formats
// default to what the device reads; a device without an email path needs dir:.
void check_device(Subscriber& s, const TransportConfig& transport, Diagnostics& diags) {
  auto device = find_device(s.device);
  if (!device) return;
  const std::string where = "subscriber " + s.email + ": ";
  if (!s.formats_given) s.formats = {device->epub ? "epub" : "pdf"};
  for (const std::string& f : s.formats) {
    if ((f == "pdf" && !device->pdf) || (f == "epub" && !device->epub)) {
      diags.error(s.device_loc, where + std::string(device->label) + " is not sent " + f + " files",
                  device->epub ? "give formats: [epub], or leave formats out" : "give formats: [pdf]");
    }
  }
  if (!device->has_email_path() && !transport.url.starts_with("dir:")) {
    diags.error(s.device_loc, where + std::string(device->label) + " has no email path",
                "deliver it with transport url dir:PATH (a synced folder), or use the OPDS shelf");
  }
}

void read_top_entry(FieldReader& reader, const Entry& entry, SubscriberList& list, bool& has_from) {
  if (entry.key == "transport") return read_transport(reader, entry, list.transport);
  if (entry.key == "subscribers") return read_subscribers(reader, entry, list);
  auto text = reader.required_text(entry);
  if (!text) return;
  if (entry.key == "from" || entry.key == "reply_to") {
    if (!is_mail_address(mailbox_address(*text))) {
      reader.error(reader.loc(entry.value), "'" + entry.key + "' must be an address such as "
                                            "'World Brief <brief@example.org>', not '" + *text + "'");
    }
    (entry.key == "from" ? list.from : list.reply_to) = *text;
    has_from |= entry.key == "from";
  } else if (entry.key == "subject") {
    check_template(reader, entry, *text);
    list.subject = *text;
  } else if (entry.key == "unsubscribe") {
    if (!text->starts_with("mailto:") && !text->starts_with("https://")) {
      reader.error(reader.loc(entry.value), "'unsubscribe' must start with mailto: or https://");
    }
    check_template(reader, entry, *text);
    list.unsubscribe = *text;
  }
}

}  // namespace

std::string mailbox_address(const std::string& mailbox) {
  const size_t open = mailbox.rfind('<');
  const size_t close = mailbox.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return mailbox.substr(open + 1, close - open - 1);
  }
  return mailbox;
}

size_t parse_byte_size(std::string_view text) {
  size_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data()) return 0;
  std::string unit(end, text.data() + text.size());
  unit.erase(0, unit.find_first_not_of(' '));
  std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return std::tolower(c); });
  static constexpr std::pair<std::string_view, size_t> kUnits[] = {
      {"", 1}, {"b", 1}, {"kb", 1000}, {"kib", 1024}, {"mb", 1'000'000}, {"mib", 1 << 20}, {"gb", 1'000'000'000}};
  for (auto [name, factor] : kUnits) {
    if (unit == name) return number > SIZE_MAX / factor ? 0 : number * factor;
  }
  return 0;
}

bool is_mail_address(std::string_view address) {
  const size_t at = address.find('@');
  if (at == std::string_view::npos || at != address.rfind('@') || at == 0 || at + 1 == address.size() || address.size() > 254) return false;
  for (unsigned char c : address) {
    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
        c == '"' || c == '\\') {
      return false;
    }
  }
  const std::string_view domain = address.substr(at + 1);
  if (domain.starts_with('.') || domain.ends_with('.')) return false;
  return domain == "localhost" || domain.find('.') != std::string_view::npos;
}

std::string fill_template(std::string_view text, std::string_view title, std::string_view date,
                          std::string_view email) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    auto at = [&](std::string_view name) { return text.substr(i).starts_with(name); };
    if (at("{title}")) { out += title; i += 6; }
    else if (at("{date}")) { out += date; i += 5; }
    else if (at("{email}")) { out += email; i += 6; }
    else out += text[i];
  }
  return out;
}

SubscriberList parse_subscribers(const std::string& file, std::string_view text, Diagnostics& diags) {
  SubscriberList list;
  list.file = file;
  auto source = check_source(file, text, diags);
  if (!source) return list;
  auto root = parse_yaml(*source, diags);
  if (!root) return list;
  if (!root->IsMap()) {
    diags.error(root->IsNull() ? SourceLoc{file} : source->loc(root->Mark()),
                "a subscribers file is a mapping with 'from', 'transport' and 'subscribers'");
    return list;
  }
  FieldReader reader(*source, diags, "");
  bool has_from = false;
  reader.each_entry(*root, kTopKeys, [&](const Entry& entry) { read_top_entry(reader, entry, list, has_from); });
  if (!has_from) reader.error(reader.loc(*root), "'from' is missing", "add from: \"Name <address@example.org>\"");
  if (!(*root)["subscribers"].IsDefined()) reader.error(reader.loc(*root), "no subscribers: the file has no 'subscribers' list");
  for (Subscriber& s : list.subscribers) check_device(s, list.transport, diags);
  return list;
}

SubscriberList load_subscribers(const std::filesystem::path& file, Diagnostics& diags) {
  std::string text;
  try {
    text = read_file(file);
  } catch (const EnvironmentError& e) {
    diags.error({file.string()}, "cannot read: " + e.reason());
    SubscriberList empty;
    empty.file = file;
    return empty;
  }
  return parse_subscribers(file.string(), text, diags);
}

}  // namespace broadsheet
