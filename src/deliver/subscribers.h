// The subscribers file (subscribers.yaml): who gets which edition, and how the
// mail leaves. Parsed and validated like a digest: every problem reported at
// once with file:line:column; a password is never accepted in the file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace broadsheet {

enum class TlsMode { Required, Opportunistic, None };

/// How messages leave: smtp:// (STARTTLS), smtps:// (implicit TLS),
/// sendmail:/path (a local MTA), dir:PATH (files for a synced folder).
struct TransportConfig {
  std::string url = "sendmail:/usr/sbin/sendmail";
  TlsMode tls = TlsMode::Required;
  std::string user;
  std::string password_env, password_file, password_command;  ///< at most one
  std::string ca_file;                       ///< extra CA certificate (a private relay)
  std::string helo;                          ///< EHLO name; default: the From domain
  size_t max_message_bytes = 25'000'000;     ///< the relay's limit, encoded
  int timeout_seconds = 60;                  ///< connect and each server reply
};

struct Subscriber {
  std::string email;
  std::string name;
  std::vector<std::string> formats = {"pdf"};   ///< "pdf", "epub", in that order
  std::string style;                            ///< empty: the digest's
  std::vector<std::string> sections, tags, languages;  ///< filters; empty: all
  std::string device;                           ///< a devices/profile.h name; empty: plain email
  SourceLoc device_loc;
  bool formats_given = false;                   ///< else a device's own format applies
  bool grayscale = false;
  size_t max_message_bytes = 0;                 ///< 0: only the relay's limit
  SourceLoc loc;
};

struct SubscriberList {
  std::filesystem::path file;
  std::string from;                           ///< "Name <addr>" as written
  std::string reply_to;
  std::string subject = "{title} \u2014 {date}";
  std::string unsubscribe;                    ///< mailto: or https: template with {email}
  TransportConfig transport;
  std::vector<Subscriber> subscribers;
};

/// Parses and validates a subscribers file's text; problems go to diags.
SubscriberList parse_subscribers(const std::string& file, std::string_view text, Diagnostics& diags);

/// Reads the file (through env/files) then parse_subscribers; unreadable is an error.
SubscriberList load_subscribers(const std::filesystem::path& file, Diagnostics& diags);

/// "25MB", "10 MB", "20MiB", "500kB", "25000000": bytes, or 0 when unreadable.
size_t parse_byte_size(std::string_view text);

/// A loose check of an addr-spec: local@domain, no spaces or controls, a dot
/// in the domain (or "localhost"), at most 254 bytes.
bool is_mail_address(std::string_view address);

/// The address of a mailbox: what is between < and > in "Name <addr>", else the whole text.
std::string mailbox_address(const std::string& mailbox);

/// The template with {title}, {date} and {email} replaced.
std::string fill_template(std::string_view text, std::string_view title, std::string_view date,
                          std::string_view email);

}  // namespace broadsheet
