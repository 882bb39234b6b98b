// Composing one subscriber's message with GMime: multipart/mixed holding a
// text/plain + text/html alternative (the day's sections and headlines) and
// the editions as attachments. Headers are RFC 2047-encoded, file names
// RFC 2231, lines end in CRLF, and the same input gives the same bytes.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct Attachment {
  std::string file_name;   ///< UTF-8; ASCII for devices that need it
  std::string mime_type;   ///< "application/pdf", "application/epub+zip"
  std::string bytes;
};

/// One section of the edition and its headlines, for the message's body.
struct SectionHeadlines {
  std::string section;
  std::vector<std::string> headlines;
};

struct MessageSpec {
  std::string from;            ///< "World Brief <brief@example.org>"
  std::string reply_to;        ///< may be empty
  std::string to_name, to_address;
  std::string subject;
  std::chrono::sys_seconds date{};
  std::string message_id;      ///< without angle brackets
  std::string unsubscribe;     ///< mailto: or https: URL, may be empty
  std::string title, long_date;  ///< for the body's heading
  std::vector<SectionHeadlines> contents;
  std::vector<Attachment> attachments;
};

/// The message as it goes on the wire (CRLF line ends, not dot-stuffed).
std::string compose_message(const MessageSpec& spec);

/// A deterministic Message-ID (without brackets): a SHA-256 of the
/// attachments' bytes and the lowercased recipient, at the From's domain.
std::string make_message_id(const std::vector<Attachment>& attachments, std::string_view recipient,
                            std::string_view from);

/// The body texts: the heading, then each section and its headlines.
std::string plain_body(const MessageSpec& spec);
std::string html_body(const MessageSpec& spec);

/// Starts GMime once per process (idempotent, thread-safe).
void ensure_gmime();

}  // namespace broadsheet
