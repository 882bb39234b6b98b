// GMime does every piece of MIME: header encoding and folding, parameters,
// base64, CRLF. Boundaries are derived from the Message-ID so that the bytes
// are reproducible (GMime would otherwise draw random ones).
#include "deliver/compose.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "env/files.h"

namespace broadsheet {
namespace {

template <typename T>
struct GUnref {
  void operator()(T* p) const { g_object_unref(p); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GUnref<T>>;

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string domain_of(std::string_view from) {
  const size_t at = from.rfind('@');
  if (at == std::string_view::npos) return "broadsheet.invalid";
  std::string_view domain = from.substr(at + 1);
  domain = domain.substr(0, domain.find('>'));
  return domain.empty() ? "broadsheet.invalid" : std::string(domain);
}

// A text part, quoted-printable when it needs it, with the given subtype.
GMimeObject* text_part(const char* subtype, const std::string& text) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  g_mime_text_part_set_text(part, text.c_str());  // also sets charset=utf-8
  const GMimeContentEncoding best =
      g_mime_part_get_best_content_encoding(GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_7BIT);
  g_mime_part_set_content_encoding(GMIME_PART(part), best);
  return GMIME_OBJECT(part);
}

GMimeObject* attachment_part(const Attachment& a) {
  const size_t slash = a.mime_type.find('/');
  GMimePart* part = g_mime_part_new_with_type(a.mime_type.substr(0, slash).c_str(),
                                              a.mime_type.substr(slash + 1).c_str());
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.bytes.data(), a.bytes.size()));
  GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part, content.get());
  g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
  g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
  g_mime_part_set_filename(part, a.file_name.c_str());
  return GMIME_OBJECT(part);
}

void add_mailboxes(GMimeMessage* message, GMimeAddressType type, const std::string& text) {
  if (text.empty()) return;
  InternetAddressList* parsed = internet_address_list_parse(nullptr, text.c_str());
  if (!parsed) throw EnvironmentError("cannot read the address '" + text + "'");
  internet_address_list_append(g_mime_message_get_addresses(message, type), parsed);
  g_object_unref(parsed);
}

void set_header(GMimeMessage* message, const char* name, const std::string& value) {
  g_mime_object_set_header(GMIME_OBJECT(message), name, value.c_str(), "utf-8");
}

void add_headers(GMimeMessage* message, const MessageSpec& spec) {
  add_mailboxes(message, GMIME_ADDRESS_TYPE_FROM, spec.from);
  add_mailboxes(message, GMIME_ADDRESS_TYPE_REPLY_TO, spec.reply_to);
  InternetAddress* to = internet_address_mailbox_new(spec.to_name.c_str(), spec.to_address.c_str());
  internet_address_list_add(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO), to);
  g_object_unref(to);  // the list holds its own reference
  g_mime_message_set_subject(message, spec.subject.c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(spec.date.time_since_epoch().count());
  g_mime_message_set_date(message, date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message, spec.message_id.c_str());
  if (!spec.unsubscribe.empty()) {
    set_header(message, "List-Unsubscribe", "<" + spec.unsubscribe + ">");
    if (spec.unsubscribe.starts_with("https://")) {
      set_header(message, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
  }
  set_header(message, "Auto-Submitted", "auto-generated");
  set_header(message, "Precedence", "bulk");
  set_header(message, "X-Mailer", "broadsheet " BROADSHEET_VERSION);
}

std::string boundary(const MessageSpec& spec, const char* kind) {
  return "=-broadsheet-" + std::string(kind) + "-" + spec.message_id.substr(0, spec.message_id.find('@'));
}

std::string write_crlf(GMimeObject* object) {
  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  const ssize_t written = g_mime_object_write_to_stream(object, options, out.get());
  g_mime_format_options_free(options);
  if (written < 0) throw EnvironmentError("GMime could not write the message");
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

std::string plain_body(const MessageSpec& spec) {
  std::string text = spec.title + "\n" + spec.long_date + "\n";
  for (const SectionHeadlines& section : spec.contents) {
    text += "\n" + section.section + "\n";
    for (const std::string& headline : section.headlines) text += "  - " + headline + "\n";
  }
  if (!spec.attachments.empty()) {
    text += "\nThe full edition is attached:";
    for (const Attachment& a : spec.attachments) text += (&a == &spec.attachments.front() ? " " : ", ") + a.file_name;
    text += ".\n";
  }
  if (!spec.unsubscribe.empty()) text += "\nTo unsubscribe: " + spec.unsubscribe + "\n";
  return text;
}

std::string html_body(const MessageSpec& spec) {
  std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape_html(spec.title) +
                     "</title></head>\n<body>\n<h1>" + escape_html(spec.title) + "</h1>\n<p>" +
                     escape_html(spec.long_date) + "</p>\n";
  for (const SectionHeadlines& section : spec.contents) {
    html += "<h2>" + escape_html(section.section) + "</h2>\n<ul>\n";
    for (const std::string& headline : section.headlines) html += "<li>" + escape_html(headline) + "</li>\n";
    html += "</ul>\n";
  }
  if (!spec.unsubscribe.empty()) {
    html += "<p><a href=\"" + escape_html(spec.unsubscribe) + "\">Unsubscribe</a></p>\n";
  }
  return html + "</body></html>\n";
}

std::string make_message_id(const std::vector<Attachment>& attachments, std::string_view recipient,
                            std::string_view from) {
  GChecksum* sum = g_checksum_new(G_CHECKSUM_SHA256);
  for (const Attachment& a : attachments) {
    g_checksum_update(sum, reinterpret_cast<const guchar*>(a.bytes.data()), static_cast<gssize>(a.bytes.size()));
  }
  std::string lower(recipient);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const guchar separator = 0;
  g_checksum_update(sum, &separator, 1);
  g_checksum_update(sum, reinterpret_cast<const guchar*>(lower.data()), static_cast<gssize>(lower.size()));
  std::string hex = g_checksum_get_string(sum);
  g_checksum_free(sum);
  return "broadsheet." + hex.substr(0, 32) + "@" + domain_of(from);
}

std::string compose_message(const MessageSpec& spec) {
  ensure_gmime();
  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  add_headers(message.get(), spec);

  GPtr<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  g_mime_multipart_set_boundary(alternative.get(), boundary(spec, "alt").c_str());
  GPtr<GMimeObject> plain(text_part("plain", plain_body(spec)));
  GPtr<GMimeObject> html(text_part("html", html_body(spec)));
  g_mime_multipart_add(alternative.get(), plain.get());
  g_mime_multipart_add(alternative.get(), html.get());

  GPtr<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
  g_mime_multipart_set_boundary(mixed.get(), boundary(spec, "mix").c_str());
  g_mime_multipart_add(mixed.get(), GMIME_OBJECT(alternative.get()));
  for (const Attachment& a : spec.attachments) {
    GPtr<GMimeObject> part(attachment_part(a));
    g_mime_multipart_add(mixed.get(), part.get());
  }
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(mixed.get()));
  return write_crlf(GMIME_OBJECT(message.get()));
}

}  // namespace broadsheet
