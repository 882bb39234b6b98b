// The send run: load and validate everything first (nothing leaves while a
// file has a problem), write the plain editions as `build` does, then for
// each day and subscriber: ask the journal, build or reuse the variant,
// compose, check the size budget, lint a device's files, send, journal the
// outcome, report. Once the transport stops the run, the rest are journaled
// as not tried.
#include "deliver/send.h"

#include <unistd.h>

#include <algorithm>
#include <ostream>

#include "deliver/compose.h"
#include "deliver/journal.h"
#include "deliver/password.h"
#include "deliver/preflight.h"
#include "deliver/report.h"
#include "deliver/subscribers.h"
#include "deliver/transport.h"
#include "deliver/variants.h"
#include "shelf/shelf.h"
#include "devices/profile.h"
#include "env/files.h"

namespace broadsheet {
namespace fs = std::filesystem;

fs::path default_journal(const fs::path& subscribers) {
  fs::path journal = subscribers;
  journal.replace_extension(".journal.sqlite");
  return journal;
}

namespace {

// "415 kB", "18.2 MB": sizes in the units relays state their limits in.
std::string megabytes(size_t bytes) {
  if (bytes < 1'000'000) return std::to_string((bytes + 500) / 1000) + " kB";
  const size_t tenths = (bytes + 50'000) / 100'000;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

// Everything the run reads, validated together.
struct Inputs {
  Input input;
  SubscriberList list;
};

std::optional<Inputs> load_inputs(const SendOptions& o, std::ostream& err) {
  Diagnostics diags;
  Inputs in;
  in.input = read_input({o.inputs, o.days, o.timestamp}, diags);
  in.list = load_subscribers(o.subscribers, diags);
  err << diags.format();
  if (diags.has_errors()) {
    err << "broadsheet: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
        << "; nothing sent\n";
    return std::nullopt;
  }
  return in;
}

// The plain editions into --out, byte for byte what `build` writes.
// The day's editions in --out, as `build` writes them, and the folder's shelf.
void write_plain_editions(const Inputs& in, VariantBuilder& builder, const SendOptions& o, std::ostream& out,
                          std::ostream& err) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) throw EnvironmentError(o.out_dir.string(), "cannot create the output folder", ec.message());
  for (const Edition& e : in.input.editions) {
    for (const char* format : {"pdf", "epub"}) {
      const BuiltFile& file = builder.get(plain_variant(format, o.variants), iso_date(e.day));
      const fs::path path = o.out_dir / (iso_date(e.day) + "." + format);
      write_file_atomically(path, file.bytes);
      if (o.verbose) out << "wrote " << path.string() << "\n";
    }
  }
  if (std::optional<std::string> problem = refresh_shelf(o.out_dir)) err << "broadsheet: warning: " << *problem << "\n";
}

// One subscriber's message for one day, ready to go.
struct Outgoing {
  JournalKey key;
  std::vector<Attachment> attachments;
  MessageSpec spec;
  std::string message;
  size_t articles = 0;
  bool light = false;
  std::vector<std::string> findings;  ///< lint's, for a device (--verbose)
};

std::optional<DeviceProfile> device_of(const Subscriber& s) {
  return s.device.empty() ? std::nullopt : find_device(s.device);
}

// Gateways that want ASCII (Kindle, PocketBook) get short ASCII names and subjects.
std::string file_name_for(const Subscriber& s, const std::string& title, const std::string& day,
                          const std::string& format) {
  const std::string name = title + " " + day + "." + format;
  auto device = device_of(s);
  return device && device->ascii_names ? ascii_file_name(name) : name;
}

std::string subject_for(const Subscriber& s, std::string subject, const std::string& day) {
  auto device = device_of(s);
  if (!device || !device->ascii_names) return subject;
  std::string ascii = ascii_subject(subject);
  return ascii.empty() ? "Edition " + day : ascii;
}

void compose(Outgoing& p, const std::string& message_id) {
  if (!message_id.empty()) p.spec.message_id = message_id;
  p.message = compose_message(p.spec);
}

size_t limit_for(const Subscriber& s, const SubscriberList& list, const Transport* transport) {
  size_t limit = list.transport.max_message_bytes;
  if (s.max_message_bytes) limit = std::min(limit, s.max_message_bytes);
  if (auto device = device_of(s); device && device->size_limit) {
    limit = std::min(limit, static_cast<size_t>(device->size_limit));
  }
  if (transport && transport->server_limit()) limit = std::min(limit, transport->server_limit());
  return limit;
}

size_t attachment_bytes(const Outgoing& p) {
  size_t n = 0;
  for (const Attachment& a : p.attachments) n += a.bytes.size();
  return n;
}

// "lint: FILE/ENTRY:LINE: error: MESSAGE [rule: device]", and how many more.
std::string lint_failure(const Preflight& checked) {
  std::string text = "lint: " + checked.errors.front();
  const size_t more = checked.errors.size() - 1;
  if (more > 0) text += "; and " + std::to_string(more) + (more == 1 ? " more error" : " more errors");
  return text;
}

// The run's state: the journal, the transport (opened when first needed),
// the results so far.
class Run {
 public:
  Run(const SendOptions& o, Inputs& in, std::ostream& out, std::ostream& err)
      : o_(o), in_(in), out_(out), err_(err), builder_(in.input, o.app),
        progress_(o.progress ? *o.progress : nobody_) {}

  int execute() {
    const bool journaled = !o_.dry_run && !o_.maildir;
    const fs::path journal_path = o_.journal.empty() ? default_journal(o_.subscribers) : o_.journal;
    std::optional<RunLock> lock;
    if (journaled) {
      lock.emplace(journal_path, o_.wait_seconds);
      journal_.emplace(journal_path);
    }
    if (!o_.dry_run) write_plain_editions(in_, builder_, o_, out_, err_);
    if (o_.maildir) transport_ = open_maildir(*o_.maildir);
    remind_approved_senders();
    progress_.begin(in_.input.editions.size() * in_.list.subscribers.size(), "recipients", "sending");
    for (const Edition& e : in_.input.editions) {
      for (const Subscriber& s : in_.list.subscribers) {
        progress_.started(s.email);
        if (stopped_) {
          leave_untried(s, e);
        } else {
          deliver(s, e);
        }
        progress_.finished(s.email, 0);
      }
    }
    progress_.end();  // gone before the summary
    err_ << builder_.warnings().format();  // problems: printed under --quiet too
    if (!o_.quiet || !results_.empty()) out_ << summarize(results_) << "\n";
    if (o_.verbose) out_ << "variants built: " << builder_.builds() << "\n";
    return exit_code(results_, broken_);
  }

 private:
  // The recipient's line (--verbose, --dry-run), then its lint findings (--verbose).
  void report(RecipientResult r, const std::vector<std::string>& findings = {}) {
    if (o_.verbose || o_.dry_run) out_ << result_line(r) << "\n";
    for (size_t i = 0; o_.verbose && i < findings.size(); ++i) out_ << "  " << findings[i] << "\n";
    results_.push_back(std::move(r));
  }

  // Once per device with an approved-sender list (Kindle drops unknown senders silently).
  void remind_approved_senders() {
    std::vector<std::string> said;
    for (const Subscriber& s : in_.list.subscribers) {
      auto device = device_of(s);
      if (!device || std::find(said.begin(), said.end(), s.device) != said.end()) continue;
      said.push_back(s.device);
      const std::string note = approved_sender_note(*device, mailbox_address(in_.list.from));
      if (!note.empty() && !o_.quiet) err_ << "broadsheet: note: " << note << "\n";
    }
  }

  // The message for one recipient and day, built from its variant (with
  // lighter images when light), not yet composed.
  Outgoing outgoing_for(const Subscriber& s, const Edition& e, bool light) {
    Outgoing p;
    const std::string day = iso_date(e.day);
    p.key = JournalKey{day, s.email, variant_name(s, false)};
    p.light = light;
    const std::string title = e.meta.title;
    for (const std::string& format : s.formats) {
      const BuiltFile& file = builder_.get(variant_for(s, format, o_.variants, light), day);
      p.articles = file.articles;
      p.spec.contents = file.contents;
      if (file.articles == 0) return p;
      p.attachments.push_back(Attachment{file_name_for(s, title, day, format),
                                         format == "pdf" ? "application/pdf" : "application/epub+zip", file.bytes});
    }
    MessageSpec& m = p.spec;
    m.from = in_.list.from;
    m.reply_to = in_.list.reply_to;
    m.to_name = s.name;
    m.to_address = s.email;
    m.subject = subject_for(s, fill_template(in_.list.subject, title, long_date(e.day), s.email), day);
    m.date = o_.timestamp ? *o_.timestamp : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    m.message_id = make_message_id(p.attachments, s.email, mailbox_address(in_.list.from));
    if (!in_.list.unsubscribe.empty()) m.unsubscribe = fill_template(in_.list.unsubscribe, title, day, s.email);
    m.title = title;
    m.long_date = long_date(e.day);
    m.attachments = p.attachments;
    return p;
  }

  // What the journal says about this delivery; reported and true when it is to be skipped.
  bool skipped_by_journal(const JournalKey& key, const std::optional<JournalRow>& row, Action action) {
    if (action != Action::SkipSent && action != Action::SkipFailed) return false;
    report({key.day, key.recipient, key.variant, Status::Skipped,
            action == Action::SkipSent ? "already sent" : "failed before: " + row->reply});
    return true;
  }

  void deliver(const Subscriber& s, const Edition& e) {
    JournalKey key{iso_date(e.day), s.email, variant_name(s, false)};
    std::optional<JournalRow> row = journal_ ? journal_->find(key) : std::nullopt;
    const Action action = decide(row, o_.retry_failed, o_.resend);
    if (skipped_by_journal(key, row, action)) return;
    Outgoing p = outgoing_for(s, e, false);
    if (p.articles == 0) return report({key.day, s.email, key.variant, Status::Skipped, "no articles pass the filters"});
    const std::string same_id = action == Action::SendAgainSameId ? row->message_id : "";
    compose(p, same_id);
    if (!fit_budget(s, e, p, same_id) || !passes_lint(s, p)) return;
    if (o_.dry_run) {
      return report({key.day, s.email, key.variant + (p.light ? " light" : ""), Status::Planned,
                     std::to_string(p.attachments.size()) + (p.attachments.size() == 1 ? " attachment, " : " attachments, ") +
                         std::to_string(attachment_bytes(p)) + " bytes, " + std::to_string(p.message.size()) +
                         " bytes encoded" + (same_id.empty() ? "" : ", again with the same Message-ID")},
                  p.findings);
    }
    send(s, p, same_id.empty() ? "" : " (again, same Message-ID)");
  }

  // After the run stopped: skipped as usual, or journaled as not tried so that the
  // next run sends it (nothing is built for it: the transport is what failed).
  void leave_untried(const Subscriber& s, const Edition& e) {
    JournalKey key{iso_date(e.day), s.email, variant_name(s, false)};
    std::optional<JournalRow> row = journal_ ? journal_->find(key) : std::nullopt;
    if (skipped_by_journal(key, row, decide(row, o_.retry_failed, o_.resend))) return;
    const std::string why = "the run stopped before this recipient";
    if (journal_) journal_->record_not_tried(key, "not tried: " + why);
    report({key.day, s.email, key.variant, Status::NotTried, why});
  }

  // Over the limit: a lighter variant, else this recipient fails (the others go on).
  bool fit_budget(const Subscriber& s, const Edition& e, Outgoing& p, const std::string& same_id) {
    const size_t limit = limit_for(s, in_.list, transport_.get());
    if (p.message.size() <= limit) return true;
    const size_t first = p.message.size();
    Outgoing lighter = outgoing_for(s, e, true);
    compose(lighter, same_id);
    if (lighter.message.size() <= limit) {
      p = std::move(lighter);
      return true;
    }
    fail_unsent(p, "too big: " + megabytes(first) + " encoded (" + megabytes(lighter.message.size()) +
                       " with lighter images, attachments " + megabytes(attachment_bytes(lighter)) +
                       "); the limit is " + megabytes(limit));
    return false;
  }

  // A device's attachments get `broadsheet lint`'s checks: an error is what its
  // gateway is known to reject, so this recipient fails (the others go on).
  bool passes_lint(const Subscriber& s, Outgoing& p) {
    if (s.device.empty()) return true;
    const Preflight checked = preflight(p.attachments, s.device);
    p.findings = checked.errors;
    p.findings.insert(p.findings.end(), checked.warnings.begin(), checked.warnings.end());
    if (checked.errors.empty()) return true;
    p.findings.erase(p.findings.begin());  // the first error is in the recipient's line
    fail_unsent(p, lint_failure(checked));
    return false;
  }

  // A recipient failed before anything was sent: journaled (retried only with --retry-failed).
  void fail_unsent(const Outgoing& p, const std::string& why) {
    const Outcome failed{Verdict::Failed, 0, why};
    if (journal_) journal_->record(p.key, p.spec.message_id, failed);
    report({p.key.day, p.key.recipient, p.key.variant + (p.light ? " light" : ""), Status::Failed, why}, p.findings);
  }

  Transport& transport() {
    if (!transport_) {
      const std::string password = resolve_password(in_.list.transport, o_.subscribers.parent_path());
      transport_ = open_transport(in_.list.transport, password, mailbox_address(in_.list.from));
    }
    return *transport_;
  }

  void send(const Subscriber& s, const Outgoing& p, const std::string& note) {
    Envelope envelope{mailbox_address(in_.list.from), s.email, p.key.day, p.spec.message_id, &p.attachments};
    const long long attempt = journal_ ? journal_->begin_attempt(p.key, p.spec.message_id, p.message.size()) : 0;
    Outcome outcome = transport().send(envelope, p.message);
    if (journal_) journal_->finish_attempt(attempt, p.key, outcome);
    static constexpr Status kStatus[] = {Status::Sent, Status::Deferred, Status::Failed, Status::Ambiguous};
    std::string detail = outcome.reply + (outcome.verdict == Verdict::Sent ? "" : note);
    report({p.key.day, s.email, p.key.variant + (p.light ? " light" : ""), kStatus[static_cast<int>(outcome.verdict)],
            detail},
           p.findings);
    if (outcome.stop_run) {
      stopped_ = true;
      broken_ |= outcome.transport_broken;
      err_ << "broadsheet: " << (outcome.transport_broken ? "error: " : "") << in_.list.transport.url << ": " << outcome.reply
           << "; nothing more is sent this run\n";
    }
  }

  const SendOptions& o_;
  Inputs& in_;
  std::ostream& out_;
  std::ostream& err_;
  VariantBuilder builder_;
  NoProgress nobody_;
  Progress& progress_;
  std::optional<Journal> journal_;
  std::unique_ptr<Transport> transport_;
  std::vector<RecipientResult> results_;
  bool stopped_ = false;
  bool broken_ = false;
};

}  // namespace

int run_send(const SendOptions& o, std::ostream& out, std::ostream& err) {
  auto in = load_inputs(o, err);
  if (!in) return 1;
  if (in->input.editions.empty()) {
    err << "broadsheet: no articles fall on the requested days; nothing sent\n";
    return 1;
  }
  return Run(o, *in, out, err).execute();
}

}  // namespace broadsheet
