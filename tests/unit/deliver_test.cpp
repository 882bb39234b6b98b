// The delivery stage (src/deliver): the subscribers file's exact diagnostics,
// the composed message's bytes, the journal's state transitions, and the
// classification of SMTP replies and MTA exit statuses.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "deliver/compose.h"
#include "deliver/journal.h"
#include "deliver/report.h"
#include "deliver/subscribers.h"
#include "deliver/transport.h"
#include "deliver/variants.h"

using namespace broadsheet;

namespace {

// Every diagnostic as "headline" or "headline | note: hint", one a line.
std::string problems(std::string_view yaml) {
  Diagnostics diags;
  parse_subscribers("subs.yaml", yaml, diags);
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += Diagnostics::headline(d) + (d.hint.empty() ? "" : " | note: " + d.hint) + "\n";
  }
  return out;
}

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += item + "\n";
  return out;
}

constexpr std::string_view kValid = R"(from: "Dünya Xəbərləri <brief@example.org>"
subject: "{title} · {date}"
transport:
  url: smtp://mail.example.org:587
  user: brief
  password_env: BROADSHEET_SMTP_PASSWORD
  max_message_bytes: 10MB
subscribers:
  - email: ayla@example.org
    name: "Ayla Məmmədova"
    formats: [epub, pdf]
    sections: [World, Business]
    languages: [en, az]
  - email: reader_123@kindle.com
    formats: epub
)";

}  // namespace

TEST_CASE("subscribers: a valid file") {
  Diagnostics diags;
  SubscriberList list = parse_subscribers("subs.yaml", kValid, diags);
  CHECK(diags.format() == "");
  CHECK(list.from == "Dünya Xəbərləri <brief@example.org>");
  CHECK(list.transport.max_message_bytes == 10'000'000);
  CHECK(list.transport.password_env == "BROADSHEET_SMTP_PASSWORD");
  REQUIRE(list.subscribers.size() == 2);
  CHECK(list.subscribers[0].formats == std::vector<std::string>{"pdf", "epub"});  // canonical order
  CHECK(list.subscribers[0].name == "Ayla Məmmədova");
  CHECK(list.subscribers[1].formats == std::vector<std::string>{"epub"});
  CHECK(list.subscribers[0].loc.line == 9);
}

TEST_CASE("subscribers: every problem at once, with its line and column") {
  CHECK(problems(R"(from: nobody
subject: "{title} {day}"
unsubscribe: "http://example.org/leave"
transport:
  url: smtp://mail.example.org:587
  tls: none
  password: hunter2
  password_env: A
  password_file: b.txt
  max_message_bytes: lots
subscribers:
  - email: ayla@example
    formats: [pdf, mobi]
    languages: [en_GB]
  - name: No Address
  - email: AYLA@example
  - emial: x@example.org
)") == lines({
            "subs.yaml:1:7: error: 'from' must be an address such as 'World Brief <brief@example.org>', not 'nobody'",
            "subs.yaml:2:10: error: 'subject' has an unknown placeholder '{day}' | note: the placeholders are {title}, {date} and {email}",
            "subs.yaml:3:14: error: 'unsubscribe' must start with mailto: or https://",
            "subs.yaml:7:3: error: transport: a password is never written in the subscribers file | note: use password_env (a variable's name), password_file or password_command",
            "subs.yaml:9:3: error: transport: give one of password_env, password_file and password_command",
            "subs.yaml:10:22: error: transport: 'max_message_bytes' must be a size such as '25MB' or '10 MiB', not 'lots'",
            "subs.yaml:6:8: error: transport: 'tls: none' is allowed only for a relay on this machine (localhost) | note: use 'tls: required' (the default) or 'opportunistic'",
            "subs.yaml:12:12: error: subscriber 1: 'ayla@example' is not an email address",
            "subs.yaml:13:14: error: subscriber 1: unknown format 'mobi' | note: the formats are pdf and epub",
            "subs.yaml:14:16: error: subscriber 1: 'languages' must be a BCP 47 language tag such as 'en' or 'pt-BR', not 'en_GB' | note: write it as 'en-GB'",
            "subs.yaml:15:5: error: subscriber 2: 'email' is missing",
            "subs.yaml:16:12: error: subscriber 3: 'AYLA@example' is not an email address",
            "subs.yaml:16:5: error: subscriber 3: 'AYLA@example' is listed twice (first at line 12) | note: one address gets one message per day; give it several formats instead",
            "subs.yaml:17:5: warning: subscriber 4: unknown key 'emial' | note: did you mean 'email'?",
            "subs.yaml:17:5: error: subscriber 4: 'email' is missing",
        }));
}

TEST_CASE("subscribers: sizes, addresses and templates") {
  CHECK(parse_byte_size("25MB") == 25'000'000);
  CHECK(parse_byte_size("10 MiB") == 10u << 20);
  CHECK(parse_byte_size("500kB") == 500'000);
  CHECK(parse_byte_size("25000000") == 25'000'000);
  CHECK(parse_byte_size("25 parsecs") == 0);
  CHECK(is_mail_address("reader_123@kindle.com"));
  CHECK_FALSE(is_mail_address("two@at@example.org"));
  CHECK_FALSE(is_mail_address("spaced name@example.org"));
  CHECK(mailbox_address("World Brief <brief@example.org>") == "brief@example.org");
  CHECK(fill_template("mailto:leave@example.org?subject=unsubscribe%20{email}", "T", "D", "a@b.org") ==
        "mailto:leave@example.org?subject=unsubscribe%20a@b.org");
}

TEST_CASE("variants: a subscriber's choices as the app's Variant, and its journal name") {
  EditionMeta meta;
  meta.language = "az";
  PlacedArticle a, b;
  a.article.tags = {"trade"};
  b.article.language = "en";
  const Section business{"Business", {a}}, world{"World", {b}};
  Subscriber s;
  s.formats = {"pdf", "epub"};
  s.style = "newspaper";
  s.sections = {"World", "Business", "World"};
  s.languages = {"az"};
  const VariantSettings settings{{"/images"}, true};
  const Variant pdf = variant_for(s, "pdf", settings, false);
  CHECK(pdf.formats == Formats::Pdf);
  CHECK(pdf.style == "newspaper");
  CHECK(pdf.filter.sections == std::vector<std::string>{"Business", "World"});  // sorted, once each
  CHECK(pdf.filter.keeps(a, business, meta));        // the edition's language when the article has none
  CHECK_FALSE(pdf.filter.keeps(b, world, meta));
  CHECK(pdf.images.roots == std::vector<std::filesystem::path>{"/images"});
  CHECK(pdf.images.skip_bad);
  CHECK(variant_for(s, "epub", settings, false).formats == Formats::Epub);
  CHECK(variant_for(s, "pdf", settings, true).images.lighter);
  Subscriber same = s;
  same.sections = {"Business", "World"};
  CHECK(variant_for(same, "pdf", settings, false) == pdf);  // one variant, built once
  CHECK(variant_name(s, false) == "pdf+epub style=newspaper sections=Business,World languages=az");
  CHECK(variant_name(s, true).ends_with(" light"));
  // The plain edition is build's: no filter, the digest's style, every image as it is.
  CHECK(plain_variant("pdf", settings) == variant_for(Subscriber{}, "pdf", settings, false));

  // A device as `build --device` sets it: its screen, grey, its PDF style.
  Subscriber remarkable;
  remarkable.device = "remarkable";
  const Variant tablet = variant_for(remarkable, "pdf", settings, false);
  CHECK(tablet.style == "ereader");
  CHECK(tablet.images.grayscale);
  CHECK(tablet.images.epub_max_px == 1872);
  remarkable.style = "classic";
  CHECK(variant_for(remarkable, "pdf", settings, false).style == "classic");
  CHECK(variant_name(remarkable, false) == "pdf style=classic device=remarkable");
}

TEST_CASE("compose: headers encoded, attachments base64 with RFC 2231 names, CRLF, same bytes twice") {
  MessageSpec spec;
  spec.from = "Dünya Xəbərləri <brief@example.org>";
  spec.to_name = "Ayla Məmmədova";
  spec.to_address = "ayla@example.org";
  spec.subject = "Dünya Xəbərləri — 6 noyabr";
  spec.date = std::chrono::sys_seconds{std::chrono::seconds{1730900000}};
  spec.unsubscribe = "https://example.org/leave?u=ayla@example.org";
  spec.title = "Dünya Xəbərləri";
  spec.contents = {{"World", {"Council adopts a <new> budget"}}};
  spec.attachments = {{"Dünya Xəbərləri 2024-11-06.pdf", "application/pdf", std::string("%PDF-1.4\n\x00\xff", 11)}};
  spec.message_id = make_message_id(spec.attachments, "Ayla@Example.org", spec.from);
  CHECK(spec.message_id == make_message_id(spec.attachments, "ayla@example.org", "x <y@example.org>"));
  CHECK(spec.message_id.ends_with("@example.org"));
  CHECK(spec.message_id != make_message_id(spec.attachments, "bob@example.org", spec.from));

  const std::string wire = compose_message(spec);
  CHECK(wire == compose_message(spec));
  // Only the words that need it are encoded (RFC 2047).
  CHECK(wire.find("Subject: =?UTF-8?B?RMO8bnlhIFjJmWLJmXJsyZlyaSDigJQ=?= 6 noyabr\r\n") != std::string::npos);
  CHECK(wire.find("To: Ayla =?UTF-8?b?TcmZbW3JmWRvdmE=?= <ayla@example.org>\r\n") != std::string::npos);
  CHECK(wire.find("Date: Wed, 06 Nov 2024 13:33:20 +0000\r\n") != std::string::npos);
  CHECK(wire.find("Message-Id: <" + spec.message_id + ">\r\n") != std::string::npos);
  CHECK(wire.find("List-Unsubscribe: <https://example.org/leave?u=ayla@example.org>\r\n") != std::string::npos);
  CHECK(wire.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n") != std::string::npos);
  CHECK(wire.find("Precedence: bulk\r\n") != std::string::npos);
  CHECK(wire.find("Content-Type: application/pdf") != std::string::npos);
  CHECK(wire.find("Content-Disposition: attachment;\r\n\tfilename*=UTF-8''D%C3%BCnya%20X%C9%99b%C9%99rl%C9%99ri%202024-11-06.pdf") != std::string::npos);
  CHECK(wire.find("Content-Transfer-Encoding: base64\r\n") != std::string::npos);
  CHECK(wire.find("JVBERi0xLjQKAP8=") != std::string::npos);  // the attachment's bytes, base64
  CHECK(wire.find("&lt;new&gt;") != std::string::npos);          // escaped in the HTML part
  for (size_t i = wire.find('\n'); i != std::string::npos; i = wire.find('\n', i + 1)) {
    REQUIRE(wire[i - 1] == '\r');
  }
  for (unsigned char c : wire) REQUIRE(c < 0x80);  // 7-bit on the wire
}

TEST_CASE("transport: outcome by the server's reply code, not libcurl's error") {
  constexpr int kSendError = 55, kRecvError = 56, kWeird = 8, kLogin = 67, kVerify = 60, kTimeout = 28;
  CHECK(classify_smtp(0, 250, "250 OK", true, true).verdict == Verdict::Sent);
  CHECK(classify_smtp(kSendError, 550, "550 no such user", false, true).verdict == Verdict::Failed);
  CHECK(classify_smtp(kSendError, 452, "452 busy", false, true).verdict == Verdict::Deferred);
  CHECK(classify_smtp(kWeird, 451, "451 later", true, true).verdict == Verdict::Deferred);
  CHECK(classify_smtp(kSendError, 552, "552 too big", false, true).verdict == Verdict::Failed);
  Outcome lost = classify_smtp(kRecvError, 354, "", true, true);  // after the final dot
  CHECK(lost.verdict == Verdict::Ambiguous);
  CHECK_FALSE(lost.stop_run);
  CHECK(classify_smtp(kSendError, 354, "", true, true).verdict == Verdict::Deferred);  // the dot never left
  CHECK(classify_smtp(kTimeout, 354, "", true, true).verdict == Verdict::Ambiguous);
  Outcome closing = classify_smtp(kRecvError, 421, "421 closing", false, false);
  CHECK(closing.verdict == Verdict::Deferred);
  CHECK(closing.stop_run);
  CHECK_FALSE(closing.transport_broken);
  for (int code : {kLogin, kVerify}) {
    Outcome broken = classify_smtp(code, 535, "535 no", false, false);
    CHECK(broken.stop_run);
    CHECK(broken.transport_broken);
    CHECK(broken.verdict == Verdict::Deferred);
  }
  CHECK(classify_exit_status(0).verdict == Verdict::Sent);
  CHECK(classify_exit_status(75).verdict == Verdict::Deferred);
  CHECK(classify_exit_status(67).verdict == Verdict::Failed);
}

TEST_CASE("journal: states and what a run does about them") {
  std::string pattern = (std::filesystem::temp_directory_path() / "journal_test-XXXXXX").string();
  const std::filesystem::path dir = ::mkdtemp(pattern.data());
  {
    Journal journal(dir / "j.sqlite");
    const JournalKey key{"2024-11-06", "ayla@example.org", "pdf"};
    CHECK_FALSE(journal.find(key));
    CHECK(decide(std::nullopt, false, false) == Action::Send);
    const long long attempt = journal.begin_attempt(key, "id-1@example.org", 1234);
    CHECK(journal.find(key)->state == "sending");  // a crash here: sent again, same Message-ID
    CHECK(decide(journal.find(key), false, false) == Action::SendAgainSameId);
    journal.finish_attempt(attempt, key, Outcome{Verdict::Deferred, 452, "452 4.2.2 mailbox busy"});
    CHECK(decide(journal.find(key), false, false) == Action::Send);
    journal.finish_attempt(journal.begin_attempt(key, "id-1@example.org", 1234), key,
                           Outcome{Verdict::Failed, 550, "550 no such user"});
    auto row = journal.find(key);
    CHECK(row->reply == "550 no such user");
    CHECK(row->attempts == 2);
    CHECK(decide(row, false, false) == Action::SkipFailed);
    CHECK(decide(row, true, false) == Action::Send);
    journal.finish_attempt(journal.begin_attempt(key, "id-1@example.org", 1234), key,
                           Outcome{Verdict::Ambiguous, 354, "lost after the final dot"});
    CHECK(decide(journal.find(key), false, false) == Action::SendAgainSameId);
    CHECK(journal.find(key)->message_id == "id-1@example.org");
    journal.finish_attempt(journal.begin_attempt(key, "id-1@example.org", 1234), key, Outcome{Verdict::Sent, 250, "250 OK"});
    CHECK(decide(journal.find(key), true, false) == Action::SkipSent);
    CHECK(decide(journal.find(key), false, true) == Action::Send);

    // Not tried: a deferred row without an attempt, sent by the next run; a
    // row already there (an ambiguous one's Message-ID) is left alone.
    const JournalKey untried{"2024-11-06", "bob@example.org", "pdf"};
    journal.record_not_tried(untried, "not tried: the run stopped");
    auto left = journal.find(untried);
    REQUIRE(left);
    CHECK(left->state == "deferred");
    CHECK(left->attempts == 0);
    CHECK(left->reply == "not tried: the run stopped");
    CHECK(decide(left, false, false) == Action::Send);
    const JournalKey in_doubt{"2024-11-06", "chen@example.org", "pdf"};
    journal.finish_attempt(journal.begin_attempt(in_doubt, "id-2@example.org", 99), in_doubt,
                           Outcome{Verdict::Ambiguous, 0, "lost after the final dot"});
    journal.record_not_tried(in_doubt, "not tried: the run stopped");
    CHECK(journal.find(in_doubt)->state == "ambiguous");
    CHECK(journal.find(in_doubt)->message_id == "id-2@example.org");
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("report: the summary line and the exit code") {
  std::vector<RecipientResult> results = {
      {"d", "a", "pdf", Status::Sent, "250 OK"},
      {"d", "b", "pdf", Status::Deferred, "452 mailbox busy"},
      {"d", "c", "pdf", Status::Deferred, "452 mailbox busy"},
      {"d", "e", "pdf", Status::Failed, "550 no such user"},
      {"d", "f", "pdf", Status::Skipped, "already sent"},
  };
  CHECK(summarize(results) == "sent 1, deferred 2 (452 mailbox busy), failed 1 (550 no such user), skipped 1");
  CHECK(exit_code(results, false) == kExitSendFailed);
  CHECK(exit_code(results, true) == kExitSendTransport);
  results.erase(results.begin() + 3);
  CHECK(exit_code(results, false) == kExitSendDeferred);
  CHECK(exit_code({{"d", "a", "pdf", Status::Skipped, ""}}, false) == 0);
  CHECK(result_line(results[0]) == "d a [pdf]: sent (250 OK)");
  // Left untried when the run stopped: counted last, its reason not repeated; run again.
  std::vector<RecipientResult> stopped = {{"d", "a", "pdf", Status::Deferred, "421 closing"},
                                          {"d", "b", "pdf", Status::NotTried, "the run stopped before this recipient"},
                                          {"d", "c", "pdf", Status::NotTried, "the run stopped before this recipient"}};
  CHECK(summarize(stopped) == "sent 0, deferred 1 (421 closing), failed 0, skipped 0, not tried 2");
  CHECK(exit_code({stopped[1]}, false) == kExitSendDeferred);
  CHECK(exit_code(stopped, true) == kExitSendTransport);
  CHECK(result_line(stopped[1]) == "d b [pdf]: not tried (the run stopped before this recipient)");
}

TEST_CASE("subscribers: a device sets the format and is checked against the transport") {
  Diagnostics diags;
  SubscriberList list = parse_subscribers("subs.yaml", R"(from: "Brief <brief@example.org>"
transport:
  url: sendmail:/usr/sbin/sendmail
subscribers:
  - email: reader_123@kindle.com
    device: kindle
)", diags);
  CHECK(diags.format() == "");
  REQUIRE(list.subscribers.size() == 1);
  CHECK(list.subscribers[0].formats == std::vector<std::string>{"epub"});
  CHECK(problems(R"(from: "Brief <brief@example.org>"
transport:
  url: sendmail:/usr/sbin/sendmail
subscribers:
  - email: a@kindle.com
    formats: [pdf]
    device: kindle
  - email: b@example.org
    device: kobo
  - email: c@example.org
    device: kindel
)") == lines({
            "subs.yaml:11:13: error: subscriber 3: unknown device 'kindel' | note: did you mean 'kindle'?",
            "subs.yaml:7:13: error: subscriber a@kindle.com: Kindle is not sent pdf files | note: give formats: [epub], or leave formats out",
            "subs.yaml:9:13: error: subscriber b@example.org: Kobo has no email path | note: deliver it with transport url dir:PATH (a synced folder), or use the OPDS shelf",
        }));
}
