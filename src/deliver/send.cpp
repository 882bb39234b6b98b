// The send run: load and validate everything first (nothing leaves while a
// file has a problem), write the plain editions as `build` does, then for
// each day and subscriber: ask the journal, build or reuse the variant,
// compose, check the size budget, send, journal the outcome, report.
#include "deliver/send.h"

#include <unistd.h>

#include <algorithm>
#include <ostream>

#include "deliver/compose.h"
#include "deliver/journal.h"
#include "deliver/password.h"
#include "deliver/report.h"
#include "deliver/subscribers.h"
#include "deliver/transport.h"
#include "deliver/variants.h"
#include "devices/profile.h"
#include "env/files.h"
#include "input/load.h"

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
  Digest digest;
  SubscriberList list;
  std::vector<Edition> editions;
  std::string digest_style;
};

std::optional<Inputs> load_inputs(const SendOptions& o, std::ostream& err) {
  Diagnostics diags;
  Inputs in;
  in.digest = load_digests(o.inputs, diags);
  in.list = load_subscribers(o.subscribers, diags);
  err << diags.format();
  if (diags.has_errors()) {
    err << "broadsheet: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
        << "; nothing sent\n";
    return std::nullopt;
  }
  in.digest_style = in.digest.meta.style.empty() ? "classic" : in.digest.meta.style;
  in.editions = split_days(in.digest, o.days);
  for (Edition& e : in.editions) e.build_time = choose_build_time(e, o.timestamp);
  return in;
}

// The plain editions into --out, byte for byte what `build` writes.
void write_plain_editions(const Inputs& in, VariantBuilder& builder, const SendOptions& o, std::ostream& out) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) throw EnvironmentError(o.out_dir.string() + ": cannot create the output folder: " + ec.message());
  for (const Edition& e : in.editions) {
    for (const char* format : {"pdf", "epub"}) {
      const BuiltFile& file = builder.get(e, VariantKey{{}, in.digest_style, format});
      const fs::path path = o.out_dir / (iso_date(e.day) + "." + format);
      write_file_atomically(path, file.bytes);
      if (o.verbose) out << "wrote " << path.string() << "\n";
    }
  }
}

// One subscriber's message for one day, ready to go.
struct Prepared {
  JournalKey key;
  std::vector<Attachment> attachments;
  MessageSpec spec;
  std::string message;
  size_t articles = 0;
  bool light = false;
};

std::string style_of(const Subscriber& s, const Inputs& in) { return s.style.empty() ? in.digest_style : s.style; }

std::optional<DeviceProfile> device_of(const Subscriber& s) {
  return s.device.empty() ? std::nullopt : find_device(s.device);
}

// The variant of one format for a subscriber, their device's needs included.
VariantKey key_for(const Subscriber& s, const Inputs& in, const std::string& format, bool light) {
  VariantKey key{filters_of(s), style_of(s, in), format, s.grayscale, 0, light};
  if (auto device = device_of(s)) {
    key.grayscale = key.grayscale || device->grayscale;
    key.image_max_px = device->image_max_px;
    if (format == "pdf" && s.style.empty() && !device->pdf_style.empty()) key.style = device->pdf_style;
  }
  return key;
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

Prepared prepare(const Subscriber& s, const Edition& e, const Inputs& in, VariantBuilder& builder,
                 const SendOptions& o, bool light) {
  Prepared p;
  const std::string style = style_of(s, in);
  p.key = JournalKey{iso_date(e.day), s.email, variant_name(s, style, false)};
  p.light = light;
  const std::string title = e.meta.title;
  for (const std::string& format : s.formats) {
    const BuiltFile& file = builder.get(e, key_for(s, in, format, light));
    p.articles = file.articles;
    p.spec.contents = file.contents;
    if (file.articles == 0) return p;
    p.attachments.push_back(Attachment{file_name_for(s, title, iso_date(e.day), format),
                                       format == "pdf" ? "application/pdf" : "application/epub+zip", file.bytes});
  }
  MessageSpec& m = p.spec;
  m.from = in.list.from;
  m.reply_to = in.list.reply_to;
  m.to_name = s.name;
  m.to_address = s.email;
  m.subject = subject_for(s, fill_template(in.list.subject, title, long_date(e.day), s.email), iso_date(e.day));
  m.date = o.timestamp ? *o.timestamp : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  m.message_id = make_message_id(p.attachments, s.email, mailbox_address(in.list.from));
  if (!in.list.unsubscribe.empty()) m.unsubscribe = fill_template(in.list.unsubscribe, title, iso_date(e.day), s.email);
  m.title = title;
  m.long_date = long_date(e.day);
  m.attachments = p.attachments;
  return p;
}

void compose(Prepared& p, const std::string& message_id) {
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

size_t attachment_bytes(const Prepared& p) {
  size_t n = 0;
  for (const Attachment& a : p.attachments) n += a.bytes.size();
  return n;
}

// The run's state: the journal, the transport (opened when first needed),
// the results so far.
class Run {
 public:
  Run(const SendOptions& o, Inputs& in, std::ostream& out, std::ostream& err)
      : o_(o), in_(in), out_(out), err_(err),
        builder_(BuildSettings{o.style_folders, o.image_roots, o.skip_bad_images}) {}

  int execute() {
    const bool journaled = !o_.dry_run && !o_.maildir;
    const fs::path journal_path = o_.journal.empty() ? default_journal(o_.subscribers) : o_.journal;
    std::optional<RunLock> lock;
    if (journaled) {
      lock.emplace(journal_path, o_.wait_seconds);
      journal_.emplace(journal_path);
    }
    if (!o_.dry_run) write_plain_editions(in_, builder_, o_, out_);
    if (o_.maildir) transport_ = open_maildir(*o_.maildir);
    remind_approved_senders();
    total_ = in_.editions.size() * in_.list.subscribers.size();
    for (const Edition& e : in_.editions) {
      for (const Subscriber& s : in_.list.subscribers) {
        if (stopped_) break;
        deliver(s, e);
      }
    }
    if (o_.progress) err_ << "\r\033[K";
    if (!o_.quiet || !results_.empty()) out_ << summarize(results_) << "\n";
    if (o_.verbose) out_ << "variants built: " << builder_.builds() << "\n";
    return exit_code(results_, broken_);
  }

 private:
  void report(RecipientResult r) {
    if (o_.verbose || o_.dry_run) out_ << result_line(r) << "\n";
    results_.push_back(std::move(r));
    if (o_.progress) err_ << "\r\033[K[" << results_.size() << "/" << total_ << "] " << results_.back().recipient << std::flush;
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

  void deliver(const Subscriber& s, const Edition& e) {
    const std::string variant = variant_name(s, style_of(s, in_), false);
    JournalKey key{iso_date(e.day), s.email, variant};
    std::optional<JournalRow> row = journal_ ? journal_->find(key) : std::nullopt;
    const Action action = decide(row, o_.retry_failed, o_.resend);
    if (action == Action::SkipSent || action == Action::SkipFailed) {
      return report({key.day, s.email, variant, Status::Skipped,
                     action == Action::SkipSent ? "already sent" : "failed before: " + row->reply});
    }
    Prepared p = prepare(s, e, in_, builder_, o_, false);
    if (p.articles == 0) return report({key.day, s.email, variant, Status::Skipped, "no articles pass the filters"});
    const std::string same_id = action == Action::SendAgainSameId ? row->message_id : "";
    compose(p, same_id);
    if (!fit_budget(s, e, p, same_id)) return;
    if (o_.dry_run) {
      return report({key.day, s.email, variant + (p.light ? " light" : ""), Status::Planned,
                     std::to_string(p.attachments.size()) + (p.attachments.size() == 1 ? " attachment, " : " attachments, ") +
                         std::to_string(attachment_bytes(p)) + " bytes, " + std::to_string(p.message.size()) +
                         " bytes encoded" + (same_id.empty() ? "" : ", again with the same Message-ID")});
    }
    send(s, p, same_id.empty() ? "" : " (again, same Message-ID)");
  }

  // Over the limit: a lighter variant, else this recipient fails (the others go on).
  bool fit_budget(const Subscriber& s, const Edition& e, Prepared& p, const std::string& same_id) {
    const size_t limit = limit_for(s, in_.list, transport_.get());
    if (p.message.size() <= limit) return true;
    const size_t first = p.message.size();
    Prepared lighter = prepare(s, e, in_, builder_, o_, true);
    compose(lighter, same_id);
    if (lighter.message.size() <= limit) {
      p = std::move(lighter);
      return true;
    }
    Outcome over{Verdict::Failed, 0,
                 "too big: " + megabytes(first) + " encoded (" + megabytes(lighter.message.size()) +
                     " with lighter images, attachments " + megabytes(attachment_bytes(lighter)) + "); the limit is " +
                     megabytes(limit)};
    if (journal_ && !o_.dry_run) journal_->record(p.key, p.spec.message_id, over);
    report({p.key.day, s.email, p.key.variant, Status::Failed, over.reply});
    return false;
  }

  Transport& transport() {
    if (!transport_) {
      const std::string password = resolve_password(in_.list.transport, o_.subscribers.parent_path());
      transport_ = open_transport(in_.list.transport, password, mailbox_address(in_.list.from));
    }
    return *transport_;
  }

  void send(const Subscriber& s, const Prepared& p, const std::string& note) {
    Envelope envelope{mailbox_address(in_.list.from), s.email, p.key.day, p.spec.message_id, &p.attachments};
    const long long attempt = journal_ ? journal_->begin_attempt(p.key, p.spec.message_id, p.message.size()) : 0;
    Outcome outcome = transport().send(envelope, p.message);
    if (journal_) journal_->finish_attempt(attempt, p.key, outcome);
    static constexpr Status kStatus[] = {Status::Sent, Status::Deferred, Status::Failed, Status::Ambiguous};
    std::string detail = outcome.reply + (outcome.verdict == Verdict::Sent ? "" : note);
    report({p.key.day, s.email, p.key.variant + (p.light ? " light" : ""), kStatus[static_cast<int>(outcome.verdict)],
            detail});
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
  std::optional<Journal> journal_;
  std::unique_ptr<Transport> transport_;
  std::vector<RecipientResult> results_;
  size_t total_ = 0;
  bool stopped_ = false;
  bool broken_ = false;
};

}  // namespace

int run_send(const SendOptions& o, std::ostream& out, std::ostream& err) {
  auto in = load_inputs(o, err);
  if (!in) return 1;
  if (in->editions.empty()) {
    err << "broadsheet: no articles fall on the requested days; nothing sent\n";
    return 1;
  }
  return Run(o, *in, out, err).execute();
}

}  // namespace broadsheet
