// Transports: how one composed message reaches one recipient, and what the
// other side said. SMTP (libcurl) classifies by the server's reply code,
// sendmail by the MTA's exit status; dir and maildir write files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "deliver/subscribers.h"

namespace broadsheet {

enum class Verdict { Sent, Deferred, Failed, Ambiguous };

/// "sent", "deferred", "failed", "ambiguous": the journal's words.
std::string_view verdict_name(Verdict v);

struct Outcome {
  Verdict verdict = Verdict::Deferred;
  int code = 0;            ///< the SMTP reply code (or the MTA's exit status), 0: none
  std::string reply;       ///< the server's last reply line, or what went wrong
  /// The transport cannot work this run (TLS, AUTH, the host unreachable):
  /// nothing was sent, and nobody else should be tried.
  bool stop_run = false;
  /// ... because of the configuration or the connection (TLS, AUTH, unreachable
  /// host), not a server that is busy: the run's exit code says so.
  bool transport_broken = false;
};

struct Envelope {
  std::string from_address;
  std::string to_address;
  std::string day;         ///< for file names (dir:, maildir)
  std::string message_id;
  const std::vector<struct Attachment>* attachments = nullptr;  ///< for dir:
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual Outcome send(const Envelope& envelope, std::string_view message) = 0;
  /// The server's own size limit (EHLO SIZE) once known, else 0.
  virtual size_t server_limit() const { return 0; }
};

/// The transport the configuration names; password is empty without AUTH.
std::unique_ptr<Transport> open_transport(const TransportConfig& config, const std::string& password,
                                          const std::string& from_address);

/// The SMTP transport (smtp.cpp); open_transport picks it for smtp:// and smtps://.
std::unique_ptr<Transport> make_smtp_transport(const TransportConfig& config, const std::string& password,
                                               const std::string& from_address);

/// Writes each message to DIR/new (tmp, then renamed): the exact wire bytes.
std::unique_ptr<Transport> open_maildir(const std::filesystem::path& dir);

/// An SMTP outcome from libcurl's result, the last reply code and text, and
/// whether the whole message had been handed over before the end (after the
/// final dot a lost connection may still have delivered it: ambiguous).
Outcome classify_smtp(int curl_code, int reply_code, std::string reply, bool upload_finished,
                      bool reached_mail_from);

/// sysexits: 0 sent, 75 (EX_TEMPFAIL) deferred, other failures failed.
Outcome classify_exit_status(int status);

}  // namespace broadsheet
