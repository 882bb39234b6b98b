// SMTP through libcurl: one easy handle per run (the connection is reused
// between recipients, one EHLO), one recipient per transaction (so that each
// refusal is seen), explicit timeouts (libcurl waits 240 s by default), and
// the outcome read from the server's reply code, never from curl's error code
// alone (550 and 452 both come back as CURLE_SEND_ERROR).
#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include "deliver/transport.h"
#include "env/files.h"

namespace broadsheet {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Sent: return "sent";
    case Verdict::Deferred: return "deferred";
    case Verdict::Failed: return "failed";
    case Verdict::Ambiguous: return "ambiguous";
  }
  return "deferred";
}

Outcome classify_smtp(int curl_code, int reply_code, std::string reply, bool upload_finished,
                      bool reached_mail_from) {
  Outcome o{Verdict::Deferred, reply_code, std::move(reply), false};
  if (curl_code == CURLE_OK) {
    o.verdict = Verdict::Sent;
    return o;
  }
  switch (curl_code) {  // the transport cannot work: stop before anyone else
    case CURLE_UNSUPPORTED_PROTOCOL: case CURLE_URL_MALFORMAT: case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT: case CURLE_LOGIN_DENIED: case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED: case CURLE_SSL_CONNECT_ERROR: case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM: case CURLE_AUTH_ERROR:
      o.stop_run = o.transport_broken = true;
      return o;
    default: break;
  }
  if (reply_code >= 500 && reply_code < 600) o.verdict = Verdict::Failed;
  else if (reply_code >= 400 && reply_code < 500) o.verdict = Verdict::Deferred;
  // Lost after the final dot went out: the server may have taken it. A failed
  // write (CURLE_SEND_ERROR) means the end of the message never left.
  else if (upload_finished && curl_code != CURLE_SEND_ERROR) o.verdict = Verdict::Ambiguous;
  // Lost before MAIL FROM (a stalled or closing greeting): the server is not
  // taking mail now; the others would only wait for the same timeout.
  o.stop_run = !reached_mail_from && (reply_code == 0 || reply_code == 421);
  return o;
}

namespace {

// What one transaction saw: filled by libcurl's callbacks.
struct Transaction {
  std::string_view message;
  size_t offset = 0;
  bool upload_finished = false;
  bool reached_mail_from = false;
  std::vector<std::string> replies;  // the server's reply lines, in order
  size_t server_size = 0;

  // The last reply line with this code (libcurl's QUIT may come after it).
  std::string reply_for(long code) const {
    const std::string prefix = std::to_string(code);
    for (auto it = replies.rbegin(); it != replies.rend(); ++it) {
      if (it->starts_with(prefix)) return *it;
    }
    return {};
  }
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transaction*>(user);
  const size_t n = std::min(size * count, t->message.size() - t->offset);
  std::memcpy(buffer, t->message.data() + t->offset, n);
  t->offset += n;
  // libcurl knows the size and may never ask past the end: the last byte counts.
  if (t->offset == t->message.size()) t->upload_finished = true;
  return n;
}

// Only the server's replies are kept (never what we send: AUTH carries the password).
int watch_protocol(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  auto* t = static_cast<Transaction*>(user);
  std::string_view line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (type == CURLINFO_HEADER_OUT && line.starts_with("MAIL FROM")) t->reached_mail_from = true;
  if (type != CURLINFO_HEADER_IN || line.empty()) return 0;
  t->replies.emplace_back(line);
  if (line.size() > 9 && line.substr(4, 5) == "SIZE ") {  // "250-SIZE 10240000"
    size_t limit = 0;
    std::from_chars(line.data() + 9, line.data() + line.size(), limit);
    t->server_size = limit;
  }
  return 0;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// smtp://host:port (any path dropped) + "/" + the EHLO name.
std::string url_with_helo(const std::string& url, const std::string& helo) {
  const size_t host = url.find("://") + 3;
  const size_t path = url.find('/', host);
  return url.substr(0, path) + "/" + helo;
}

class SmtpTransport : public Transport {
 public:
  SmtpTransport(const TransportConfig& config, const std::string& password, const std::string& from_address)
      : curl_(curl_easy_init()) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (!curl_) throw EnvironmentError("libcurl could not start");
    const std::string domain = from_address.substr(from_address.rfind('@') + 1);
    url_ = url_with_helo(config.url, config.helo.empty() ? domain : config.helo);
    CURL* c = curl_.get();
    curl_easy_setopt(c, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(c, CURLOPT_USE_SSL, config.tls == TlsMode::Required      ? CURLUSESSL_ALL
                                         : config.tls == TlsMode::Opportunistic ? CURLUSESSL_TRY
                                                                                : CURLUSESSL_NONE);
    if (!config.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config.ca_file.c_str());
    if (!config.user.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, config.user.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, password.c_str());
    }
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>(config.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 512L);  // bytes per second, averaged over:
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(config.timeout_seconds));
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, watch_protocol);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // needed for the debug function; it prints nothing
    from_ = "<" + from_address + ">";
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_.c_str());
  }

  Outcome send(const Envelope& envelope, std::string_view message) override {
    CURL* c = curl_.get();
    Transaction t;
    t.message = message;
    std::unique_ptr<curl_slist, SlistDeleter> rcpt(curl_slist_append(nullptr, ("<" + envelope.to_address + ">").c_str()));
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(c, CURLOPT_READDATA, &t);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &t);
    // Declared as SIZE= in MAIL FROM: an oversize message is refused before upload.
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    const CURLcode result = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (t.server_size) server_size_ = t.server_size;
    std::string reply = t.reply_for(code);
    if (result != CURLE_OK && (reply.empty() || code < 400)) reply = curl_easy_strerror(result);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);
    return classify_smtp(result, static_cast<int>(code), reply, t.upload_finished, t.reached_mail_from);
  }

  size_t server_limit() const override { return server_size_; }

 private:
  std::unique_ptr<CURL, CurlDeleter> curl_;
  std::string url_, from_;
  size_t server_size_ = 0;
};

}  // namespace

std::unique_ptr<Transport> make_smtp_transport(const TransportConfig& config, const std::string& password,
                                               const std::string& from_address) {
  return std::make_unique<SmtpTransport>(config, password, from_address);
}

}  // namespace broadsheet
