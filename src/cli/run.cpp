// The command line: CLI11 arguments mapped onto the application (src/app/),
// its results onto printed text and exit codes. `build` validates, splits into
// days and writes PDF and EPUB per day; `check` validates only. Input problems
// are printed all at once and give exit 1 before anything is written.
#include "cli/run.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <ostream>

#include "app/app.h"
#include "cli/send_command.h"
#include "lint/lint.h"
#include "shelf/shelf.h"

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::chrono::sys_days required_date(const std::string& flag, const std::string& text) {
  auto day = parse_iso_date(text);
  if (!day) throw UsageError(flag + ": expected a date YYYY-MM-DD, got '" + text + "'");
  return *day;
}

std::string human_size(size_t bytes) {
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  if (bytes < 10 * 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

void add_build_options(CLI::App& cmd, Options& o, std::vector<std::string>& dates,
                       std::string& from, std::string& to) {
  cmd.add_option("files", o.inputs, "Digest files (YAML); several are merged")
      ->required()
      ->check(CLI::ExistingFile);
  cmd.add_option("--date", dates, "Only this day (YYYY-MM-DD); repeatable");
  cmd.add_option("--from", from, "Only days from this one on (YYYY-MM-DD)");
  cmd.add_option("--to", to, "Only days up to this one (YYYY-MM-DD)");
  cmd.add_option("--allow-images-from", o.image_roots,
                 "Also read article images from this folder (default: only the digest's folder); repeatable")
      ->check(CLI::ExistingDirectory);
  cmd.add_flag("--skip-bad-images", o.skip_bad_images,
               "A missing or unusable article 'image:' is a warning and is left out, not an error");
  cmd.add_flag("--strict-images", o.strict_images,
               "An image inside a body that cannot be embedded is an error, not a warning");
}

// The raw strings CLI11 fills in, turned into Options by finish_options.
struct RawFlags {
  std::vector<std::string> dates;
  std::string from, to, timestamp, dump, format, device;
  CLI::App* build = nullptr;
  CLI::App* lint = nullptr;
};

void configure(CLI::App& app, Options& o, RawFlags& raw) {
  app.set_version_flag("--version", std::string(BROADSHEET_VERSION));
  app.require_subcommand(1);
  auto& [dates, from, to, timestamp, dump, format, device, build_cmd, lint_cmd] = raw;

  CLI::App* build = app.add_subcommand("build", "Validate, then write DAY.pdf and DAY.epub per day");
  add_build_options(*build, o, dates, from, to);
  build->add_option("-o,--out", o.out_dir, "Output folder (default: digests)");
  build->add_option("-s,--style", o.style, "Style name (styles/NAME.yaml) or path to a .yaml");
  build->add_option("--timestamp", timestamp,
                    "Build time for every date in the output: Unix seconds or "
                    "YYYY-MM-DDTHH:MM:SSZ (default: $SOURCE_DATE_EPOCH, else the day's latest article)");
  build->add_option("--format", format, "Which outputs: both (default), pdf or epub")
      ->check(CLI::IsMember({"both", "pdf", "epub"}));
  build->add_option("--dump", dump,
                    "Print the document tree or the page layout as text instead of writing files")
      ->check(CLI::IsMember({"document", "layout"}));
  build->add_option("--device", device,
                    "Make the editions for one reader: " + device_names() + " (docs/devices.md)");
  build->add_flag("-q,--quiet", o.quiet, "Print nothing but problems");
  build->add_flag("--force", o.force,
                  "Rebuild every day, also those whose inputs did not change since the folder's last build");
  build->add_flag("--grayscale", o.grayscale, "Convert article images to grayscale (e-ink readers)");
  build->add_flag("-v,--verbose", o.verbose, "Also print each edition's image sizes, before and after");
  build->add_option("-j,--jobs", o.jobs,
                    "Days rendered at once, and a day's EPUB beside its PDF when above 1 "
                    "(default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));

  CLI::App* check = app.add_subcommand("check", "Validate only: report every problem, write nothing");
  add_build_options(*check, o, dates, from, to);
  build_cmd = build;

  lint_cmd = app.add_subcommand("lint", "Check EPUB or PDF files for what e-readers and their gateways reject");
  lint_cmd->add_option("files", o.inputs, "EPUB or PDF files, ours or not")->required()->check(CLI::ExistingFile);
  lint_cmd->add_option("--device", device, "Only this reader's rules: " + device_names() + " (default: all)");
}

// --device NAME: the profile's formats (unless --format was given), PDF style
// (unless --style was), grayscale; its image size goes into the variant (variant_of).
void apply_device(Options& o, const std::string& name, bool formats_from_device) {
  o.device = find_device(name);
  if (!o.device) {
    const DeviceNameProblem problem = unknown_device(name);
    throw UsageError("--device: " + problem.message + "; " + problem.hint);
  }
  if (formats_from_device) {
    o.formats = o.device->pdf && o.device->epub ? Formats::Both
                : o.device->pdf                 ? Formats::Pdf
                                                : Formats::Epub;
  }
  if (o.style.empty()) o.style = std::string(o.device->pdf_style);
  o.grayscale = o.grayscale || o.device->grayscale;
}

// Checks and converts what CLI11 parsed; throws UsageError.
void finish_options(Options& o, const RawFlags& raw, const ProcessEnv& env) {
  const auto& [dates, from, to, timestamp, dump, format, device, build, lint] = raw;
  o.command = build->parsed() ? "build" : lint->parsed() ? "lint" : "check";
  for (const auto& d : dates) o.days.days.push_back(required_date("--date", d));
  if (!from.empty()) o.days.from = required_date("--from", from);
  if (!to.empty()) o.days.to = required_date("--to", to);
  if (o.days.from && o.days.to && *o.days.from > *o.days.to) {
    throw UsageError("--from " + from + " is after --to " + to);
  }
  if (!timestamp.empty()) {
    o.timestamp = parse_timestamp(timestamp);
    if (!o.timestamp) throw UsageError("--timestamp: expected Unix seconds or YYYY-MM-DDTHH:MM:SSZ, got '" + timestamp + "'");
  } else if (env.source_date_epoch && !env.source_date_epoch->empty()) {
    o.timestamp = parse_timestamp(*env.source_date_epoch);
    if (!o.timestamp) throw UsageError("SOURCE_DATE_EPOCH: expected Unix seconds, got '" + *env.source_date_epoch + "'");
  }
  if (format == "pdf") o.formats = Formats::Pdf;
  if (format == "epub") o.formats = Formats::Epub;
  if (dump == "document") o.dump = DumpKind::Document;
  if (dump == "layout") o.dump = DumpKind::Layout;
  if (!device.empty()) apply_device(o, device, format.empty());
}

void print_input_problems(const Diagnostics& diags, std::ostream& err) {
  err << diags.format();
  if (diags.has_errors()) {
    err << "broadsheet: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
        << "; nothing written\n";
  }
}

InputRequest input_request(const Options& o, Shared& shared) {
  return {o.inputs, o.days, o.timestamp, &shared.executor()};
}

Variant variant_of(const Options& o) {
  Variant variant;
  variant.style = o.style;
  variant.formats = o.command == "check" ? Formats::None : o.formats;
  variant.fonts_without_pdf = o.dump == DumpKind::Layout;
  variant.images = {o.image_roots, o.skip_bad_images, o.grayscale, std::nullopt, std::nullopt};
  variant.images.strict_body = o.strict_images;
  if (o.device) variant.images.epub_max_px = o.device->image_max_px;
  return variant;
}

AppEnv app_env(const ProcessEnv& env) {
  StyleDirsEnv dirs{env.styles_dir, env.xdg_data_home, env.xdg_data_dirs, env.home,
                    env.executable_dir};
  return {style_search_path(dirs), env.max_pages};
}

// "1 page", "3 pages".
std::string counted(size_t n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

void print_written(const RenderedEdition& edition, const OutputFile& file, std::ostream& out) {
  out << "wrote " << file.path.string() << " (";
  if (file.is_pdf) {
    out << counted(edition.pages, "page") << ", ";
  } else {
    out << counted(edition.articles, "article") << ", ";
  }
  out << human_size(file.bytes) << ")\n";
}

// The thumbnails drawn with the editions' covers, for the shelf, by the
// editions' file stem (the day).
std::vector<FreshThumbnail> fresh_thumbnails(const Rendered& rendered) {
  std::vector<FreshThumbnail> fresh;
  for (const RenderedEdition& edition : rendered.editions) {
    if (!edition.cover_thumbnail.encoded.empty())
      fresh.push_back({edition.day, edition.cover_thumbnail.format, edition.cover_thumbnail.encoded});
  }
  return fresh;
}

// The build and check commands: their options, environment and streams are
// held once here rather than handed to every step.
class BuildCommand {
 public:
  BuildCommand(const Options& o, const ProcessEnv& process, std::ostream& out, std::ostream& err)
      : o_(o), process_(process), env_(app_env(process)), out_(out), err_(err) {}

  int check() {
    Shared shared;
    Diagnostics diags;
    Input input = read_input(input_request(o_, shared), diags);
    print_input_problems(diags, err_);
    if (diags.has_errors()) return kExitInputError;
    if (!prepare_all(input, Style{}, shared)) return kExitInputError;
    const size_t articles = input.article_count();
    out_ << "ok: " << articles << (articles == 1 ? " article" : " articles") << " in "
         << input.editions.size() << (input.editions.size() == 1 ? " edition" : " editions");
    for (const Edition& e : input.editions) out_ << (&e == &input.editions.front() ? ": " : ", ") << iso_date(e.day);
    out_ << "\n";
    return kExitOk;
  }

  int build() {
    Shared shared(o_.jobs);  // the run's executor: its threads start here, once, and parsing uses them
    Diagnostics diags;
    Input input = read_input(input_request(o_, shared), diags);
    Style style;
    if (!diags.has_errors()) style = load_variant_style(input, variant_of(o_), env_, diags);
    print_input_problems(diags, err_);
    if (diags.has_errors()) return kExitInputError;
    if (input.editions.empty()) {
      err_ << "broadsheet: no articles fall on the requested days; nothing written\n";
      return kExitInputError;
    }
    SkipPlan skip;  // --dump writes nothing: every day is dumped
    if (o_.dump == DumpKind::None) skip = skip_unchanged(input, variant_of(o_), style, o_.out_dir, o_.force);
    for (const std::string& day : skip.unchanged) {
      if (!o_.quiet) out_ << "unchanged: " << day << "\n";
    }
    if (input.editions.empty()) {  // every day unchanged
      if (!shelf_current(o_.out_dir)) print_shelf();
      return kExitOk;
    }
    std::optional<Prepared> prepared = prepare_all(input, std::move(style), shared);
    if (!prepared) return kExitInputError;
    if (o_.dump != DumpKind::None) {
      for (const Document& doc : prepared->documents) out_ << dump_edition(doc, *prepared, o_.dump);
      return kExitOk;
    }
    release_articles(input);
    return write_editions(*prepared, shared.executor(), skip, diags);
  }

 private:
  // Every day's document with its images attached; their problems printed like
  // the input's. After any error, nullopt: nothing is written.
  std::optional<Prepared> prepare_all(const Input& input, Style style, Shared& shared) {
    Diagnostics diags;
    Prepared prepared = prepare(input, variant_of(o_), std::move(style), shared, diags);
    print_input_problems(diags, err_);
    if (diags.has_errors()) return std::nullopt;
    for (size_t i = 0; o_.verbose && i < prepared.image_reports.size(); ++i) {
      out_ << prepared.documents[i].iso_date << ": " << describe(prepared.image_reports[i]) << "\n";
    }
    return prepared;
  }

  // The folder's OPDS shelf (catalog.xml, index.html, covers/), rebuilt from the
  // files now in it; the editions are in place already, so a failure only warns.
  void print_shelf(const std::vector<FreshThumbnail>& fresh = {}) {
    if (std::optional<std::string> problem = refresh_shelf(o_.out_dir, fresh)) {
      err_ << "broadsheet: warning: " << *problem << "\n";
    } else if (!o_.quiet) {
      out_ << "wrote " << (o_.out_dir / "catalog.xml").string() << " and index.html\n";
    }
  }

  // Renders the days left to build into the folder, then commits them and the
  // updated build record together; the shelf is refreshed from what is there.
  // The PDFs' warnings are printed like the input's, quoting its lines.
  int write_editions(Prepared& prepared, Executor& executor, const SkipPlan& skip, const Diagnostics& input_diags) {
    prepare_fontconfig();  // before any thread draws an EPUB cover
    StagedEditions staged(o_.out_dir);
    TerminalProgress terminal(err_);  // shown only on a terminal, without --quiet
    const bool show = wants_progress_line(process_.stderr_is_terminal,
                                          process_.term ? process_.term->c_str() : nullptr, o_.quiet);
    render_into(prepared, {o_.jobs, env_.max_pages, show ? &terminal : nullptr, &executor, kThumbnailPx}, staged);
    if (const auto& over = staged.result().over_limit) {
      err_ << "broadsheet: error: edition " << over->day << " has " << over->pages << " pages; the limit is "
           << over->limit << "; nothing written\n";
      return kExitInputError;
    }
    for (const RenderedEdition& edition : staged.result().editions) err_ << input_diags.format(edition.warnings);
    staged.stage_record(updated_record(skip, staged.result()));
    staged.commit([&](const RenderedEdition& edition, const OutputFile& file) {
      if (!o_.quiet) print_written(edition, file, out_);
    });
    print_shelf(fresh_thumbnails(staged.result()));
    return kExitOk;
  }

  const Options& o_;
  const ProcessEnv& process_;
  const AppEnv env_;
  std::ostream& out_;
  std::ostream& err_;
};

int run_lint_command(const Options& o, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  for (const fs::path& input : o.inputs) files.push_back(input.string());
  const std::string device = o.device ? std::string(o.device->name) : "";
  return lint::run_lint(files, o.device ? lint::device_bit(device) : lint::kAllDevices, device, out, err);
}
}  // namespace

int run(int argc, const char* const* argv, const ProcessEnv& env, std::ostream& out,
        std::ostream& err) {
  CLI::App app{"broadsheet " BROADSHEET_VERSION
               ": builds a dated PDF and EPUB edition per day from a YAML list of articles"};
  Options options;
  RawFlags raw;
  configure(app, options, raw);
  SendArgs send;
  add_send_command(app, send);
  try {
    app.parse(argc, argv);
    if (!send.command->parsed()) finish_options(options, raw, env);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, out, err) == 0 ? kExitOk : kExitUsage;
  } catch (const UsageError& e) {
    err << "broadsheet: usage error: " << e.what() << "\n";
    return kExitUsage;
  }
  try {
    if (send.command->parsed()) {
      return run_send_command(send, app_env(env), env, out, err);
    }
    if (options.command == "lint") return run_lint_command(options, out, err);
    BuildCommand command(options, env, out, err);
    return options.command == "check" ? command.check() : command.build();
  } catch (const EnvironmentError& e) {
    err << "broadsheet: error: " << e.what() << "\n";
    return kExitEnvironment;
  } catch (const std::exception& e) {
    err << "broadsheet: internal error: " << e.what() << "\n";
    return kExitEnvironment;
  }
}

}  // namespace broadsheet
