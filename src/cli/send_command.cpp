// `broadsheet send DIGEST.yaml... --subscribers FILE`: argument mapping only.
#include "cli/send_command.h"

#include <ostream>

#include "app/app.h"
#include "cli/run.h"

namespace broadsheet {

void add_send_command(CLI::App& app, SendArgs& args) {
  SendOptions& o = args.options;
  CLI::App* send = app.add_subcommand("send", "Mail each subscriber the day's edition as they asked for it");
  send->add_option("files", o.inputs, "Digest files (YAML); several are merged")->required()->check(CLI::ExistingFile);
  send->add_option("--subscribers", o.subscribers, "The subscribers file (see docs/delivery.md)")
      ->required()
      ->check(CLI::ExistingFile);
  send->add_option("--date", args.dates, "Only this day (YYYY-MM-DD); repeatable");
  send->add_option("--from", args.from, "Only days from this one on (YYYY-MM-DD)");
  send->add_option("--to", args.to, "Only days up to this one (YYYY-MM-DD)");
  send->add_option("-o,--out", o.out_dir, "Where the plain editions are written, as build does (default: digests)");
  send->add_option("--journal", o.journal, "The delivery journal (default: SUBSCRIBERS.journal.sqlite beside the file)");
  send->add_flag("--dry-run", o.dry_run, "Print the plan (recipient, variant, sizes, verdict); send and write nothing");
  send->add_option("--to-maildir", args.maildir, "Write each message's exact wire bytes into this maildir instead of sending");
  send->add_flag("--retry-failed", o.retry_failed, "Also send to recipients whose last attempt failed permanently");
  send->add_flag("--resend", o.resend, "Send again even to recipients who already got the day's edition");
  send->add_option("--wait", o.wait_seconds, "Seconds to wait for another send holding the journal (default 600)")
      ->check(CLI::Range(0, 86400));
  send->add_option("--allow-images-from", o.variants.image_roots, "Also read article images from this folder; repeatable")
      ->check(CLI::ExistingDirectory);
  send->add_flag("--skip-bad-images", o.variants.skip_bad_images, "A missing or unusable image is left out with a warning");
  send->add_flag("-v,--verbose", o.verbose, "One line per recipient");
  send->add_flag("-q,--quiet", o.quiet, "No progress line");
  args.command = send;
}

int run_send_command(SendArgs& args, const AppEnv& app, const ProcessEnv& process, std::ostream& out,
                     std::ostream& err) {
  const std::optional<std::string>& source_date_epoch = process.source_date_epoch;
  SendOptions& o = args.options;
  auto date = [&](const char* flag, const std::string& text) {
    auto day = parse_iso_date(text);
    if (!day) err << "broadsheet: usage error: " << flag << ": expected a date YYYY-MM-DD, got '" << text << "'\n";
    return day;
  };
  for (const std::string& d : args.dates) {
    auto day = date("--date", d);
    if (!day) return kExitUsage;
    o.days.days.push_back(*day);
  }
  if (!args.from.empty() && !(o.days.from = date("--from", args.from))) return kExitUsage;
  if (!args.to.empty() && !(o.days.to = date("--to", args.to))) return kExitUsage;
  if (source_date_epoch && !source_date_epoch->empty()) {
    o.timestamp = parse_timestamp(*source_date_epoch);
    if (!o.timestamp) {
      err << "broadsheet: usage error: SOURCE_DATE_EPOCH: expected Unix seconds, got '" << *source_date_epoch << "'\n";
      return kExitUsage;
    }
  }
  if (!args.maildir.empty()) o.maildir = args.maildir;
  o.app = app;
  // Not with --verbose either: its lines on stdout would land inside the progress line.
  TerminalProgress terminal(err);
  const bool show = wants_progress_line(process.stderr_is_terminal, process.term ? process.term->c_str() : nullptr,
                                        o.quiet || o.verbose);
  o.progress = show ? &terminal : nullptr;
  return run_send(o, out, err);
}

}  // namespace broadsheet
