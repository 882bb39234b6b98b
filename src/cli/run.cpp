// The subcommands: `build` (validate, split into days, write PDF and EPUB per
// day) and `check` (validate only). Input problems are printed all at once and
// give exit 1 before anything is written.
#include "cli/run.h"

#include <CLI/CLI.hpp>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <exception>
#include <future>
#include <memory>
#include <ostream>
#include <thread>

#include "cli/send_command.h"
#include "doc/document.h"
#include "env/files.h"
#include "env/fonts.h"
#include "epub/write_epub.h"
#include "image/attach_images.h"
#include "layout/geometry.h"
#include "input/load.h"
#include "typeset/hyphenate.h"
#include "pdf/write_pdf.h"
#include "style/style.h"

namespace broadsheet {
namespace fs = std::filesystem;
using std::chrono::sys_seconds;

std::optional<sys_seconds> parse_timestamp(const std::string& text) {
  // Up to 9999-01-01T00:00:00Z: later times have no four-digit year for the
  // outputs' dates (and far larger ones overflow the calendar arithmetic).
  constexpr long long kEndOfYear9998 = 253370764800;
  long long seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec == std::errc() && end == text.data() + text.size() && seconds >= 0 &&
      seconds < kEndOfYear9998) {
    return sys_seconds{std::chrono::seconds{seconds}};
  }
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  auto day = parse_iso_date(text.substr(0, 10));
  int h = 0, m = 0, s = 0;
  auto two = [&](size_t at, int& v, int max) {
    auto r = std::from_chars(text.data() + at, text.data() + at + 2, v);
    return r.ec == std::errc() && r.ptr == text.data() + at + 2 && v >= 0 && v <= max;
  };
  if (!day || text[13] != ':' || text[16] != ':' || !two(11, h, 23) || !two(14, m, 59) ||
      !two(17, s, 59)) {
    return std::nullopt;
  }
  return sys_seconds{*day} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

namespace {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::chrono::sys_days required_date(const std::string& flag, const std::string& text) {
  auto day = parse_iso_date(text);
  if (!day) throw UsageError(flag + ": expected a date YYYY-MM-DD, got '" + text + "'");
  return *day;
}

// The folders styles are looked for in (env/style_dirs.h says which).
std::vector<fs::path> style_folders(const ProcessEnv& env) {
  return style_search_path(StyleDirsEnv{env.styles_dir, env.xdg_data_home, env.xdg_data_dirs,
                                        env.home, env.executable_dir});
}

// The folder to load style NAME from.
fs::path styles_dir(const ProcessEnv& env, const std::string& name) {
  return find_style_dir(name, style_folders(env)).value_or(fs::path("styles"));
}

std::string human_size(size_t bytes) {
  if (bytes < 10 * 1024) return std::to_string(bytes) + " B";
  if (bytes < 10 * 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

// The output folder, created before rendering (finished days are staged in
// it); a failed build removes the folders it created, left empty.
class OutputFolder {
 public:
  explicit OutputFolder(const fs::path& dir) {
    std::error_code ec;
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
      created_.push_back(p);
      if (p == p.parent_path()) break;
    }
    fs::create_directories(dir, ec);
    if (ec) throw EnvironmentError(dir.string() + ": cannot create the output folder: " + ec.message());
  }
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder() {
    std::error_code ec;  // fs::remove leaves a folder that is not empty
    for (const fs::path& p : created_) fs::remove(p, ec);
  }
  /// Keeps the folders once outputs are in place.
  void keep() { created_.clear(); }

 private:
  std::vector<fs::path> created_;  // innermost first
};

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
               "A missing or unusable image is a warning and is left out, not an error");
}

// The raw strings CLI11 fills in, turned into Options by finish_options.
struct RawFlags {
  std::vector<std::string> dates;
  std::string from, to, timestamp, dump, format, device;
  CLI::App* build = nullptr;
};

void configure(CLI::App& app, Options& o, RawFlags& raw) {
  app.set_version_flag("--version", std::string(BROADSHEET_VERSION));
  app.require_subcommand(1);
  auto& [dates, from, to, timestamp, dump, format, device, build_cmd] = raw;

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
  build->add_flag("--grayscale", o.grayscale, "Convert article images to grayscale (e-ink readers)");
  build->add_flag("-v,--verbose", o.verbose, "Also print each edition's image sizes, before and after");
  build->add_option("-j,--jobs", o.jobs,
                    "Days rendered at once, and a day's EPUB beside its PDF when above 1 "
                    "(default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));

  CLI::App* check = app.add_subcommand("check", "Validate only: report every problem, write nothing");
  add_build_options(*check, o, dates, from, to);
  build_cmd = build;
}

// --device NAME: the profile's formats (unless --format was given), PDF style
// (unless --style was), grayscale; its image size is applied in build_documents.
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
  const auto& [dates, from, to, timestamp, dump, format, device, build] = raw;
  o.command = build->parsed() ? "build" : "check";
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

// Validates the inputs and the style; every problem is printed before returning.
struct Loaded {
  Digest digest;
  Style style;
  std::vector<Edition> editions;
  std::vector<Document> documents;  ///< one per edition, images attached (build_documents)
  /// Hyphenation dictionaries shared by every day's PDF, loading in the
  /// background from the moment the documents name their languages.
  std::shared_ptr<HyphenDictionaries> dictionaries;
};

std::vector<std::string> languages_of(const Document& doc) {
  std::vector<std::string> languages;
  for (const SectionDoc& section : doc.sections) {
    for (const ArticleDoc& article : section.articles) {
      if (std::find(languages.begin(), languages.end(), article.language) == languages.end()) {
        languages.push_back(article.language);
      }
    }
  }
  return languages;
}

std::optional<Loaded> load_all(const Options& o, const ProcessEnv& env, std::ostream& err) {
  Diagnostics diags;
  Loaded loaded;
  loaded.digest = load_digests(o.inputs, diags);
  std::string style = !o.style.empty()            ? o.style
                      : !loaded.digest.meta.style.empty() ? loaded.digest.meta.style
                                                          : "classic";
  if (o.command == "build" && !diags.has_errors()) {
    loaded.style = load_style(style, styles_dir(env, style), diags);
  }
  err << diags.format();
  if (diags.has_errors()) {
    err << "broadsheet: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
        << "; nothing written\n";
    return std::nullopt;
  }
  loaded.editions = split_days(loaded.digest, o.days);
  return loaded;
}

// Every edition's document with its images attached (so the check runs before
// anything renders). Image problems are printed like input problems; after
// any error, false: nothing is written.
bool build_documents(Loaded& loaded, const Options& o, std::ostream& out, std::ostream& err) {
  ImageOptions images{image_targets(loaded.style, o.grayscale), o.image_roots, o.skip_bad_images};
  if (o.device) images.targets.epub_max_px = o.device->image_max_px;
  ImageCache cache;
  Diagnostics diags;
  std::vector<ImageReport> reports;
  if (o.command == "build" && o.formats != Formats::Epub && loaded.style.hyphenate) {
    loaded.dictionaries = std::make_shared<HyphenDictionaries>();
  }
  for (Edition& edition : loaded.editions) {
    edition.build_time = choose_build_time(edition, o.timestamp);
    loaded.documents.push_back(build_document(edition));
    // Dictionaries load (German: ~1.3 s) while images are decoded and other days built.
    if (loaded.dictionaries) loaded.dictionaries->preload(languages_of(loaded.documents.back()));
    for (const Diagnostic& w : loaded.documents.back().warnings) diags.warning(w.loc, w.message, w.hint);
    reports.push_back(attach_images(loaded.documents.back(), images, cache, diags));
  }
  err << diags.format();
  if (diags.has_errors()) {
    err << "broadsheet: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
        << "; nothing written\n";
    return false;
  }
  for (size_t i = 0; o.verbose && i < reports.size(); ++i) {
    out << loaded.documents[i].iso_date << ": " << describe(reports[i]) << "\n";
  }
  return true;
}

int run_check(const Options& o, const ProcessEnv& env, std::ostream& out, std::ostream& err) {
  auto loaded = load_all(o, env, err);
  if (!loaded) return kExitInputError;
  if (!build_documents(*loaded, o, out, err)) return kExitInputError;
  size_t articles = 0;
  for (const auto& e : loaded->editions)
    for (const auto& s : e.sections) articles += s.articles.size();
  out << "ok: " << articles << (articles == 1 ? " article" : " articles") << " in "
      << loaded->editions.size() << (loaded->editions.size() == 1 ? " edition" : " editions");
  for (const auto& e : loaded->editions) out << (&e == &loaded->editions.front() ? ": " : ", ") << iso_date(e.day);
  out << "\n";
  return kExitOk;
}

// One day's outputs: every edition is rendered (and checked against the page
// limit) before any file is put in place, so that a failing day leaves no file
// from any day. A rendered day is staged at once (written under a temporary
// name, its bytes freed) and committed only when every day has succeeded.
// Problems are kept, to be reported in day order.
struct RenderedEdition {
  std::string day;
  std::string pdf, epub;
  size_t pages = 0, articles = 0;
  size_t pdf_bytes = 0, epub_bytes = 0;
  std::vector<StagedFile> staged;  ///< in write order: PDF, then EPUB
  std::string error;           ///< the page-limit message, if over it
  std::exception_ptr failure;  ///< what rendering threw (EnvironmentError...)
  std::vector<std::string> warnings;  ///< the PDF's (render_pdf), printed in day order
};

// The PDF of one edition, unless it is over the page limit (then rendered.error).
// second_core: the PDF may use another thread (pdf/content_deflate.h).
void render_pdf_of(const Document& doc, const Loaded& loaded, const FontFiles& fonts,
                   const ProcessEnv& env, bool second_core, RenderedEdition& rendered) {
  PdfOptions options;
  options.layout.dictionaries = loaded.dictionaries;
  options.second_core = second_core;
  options.keep_items = false;  // only the page count is needed: free each page once drawn
  PdfResult pdf = render_pdf(doc, loaded.style, fonts, options);
  rendered.pages = pdf.pages.pages.size();
  if (rendered.pages > env.max_pages) {
    rendered.error = "broadsheet: error: edition " + rendered.day + " has " +
                     std::to_string(rendered.pages) + " pages; the limit is " +
                     std::to_string(env.max_pages) + "; nothing written\n";
    return;
  }
  rendered.pdf = std::move(pdf.bytes);
  rendered.warnings = std::move(pdf.warnings);
}

// Once the documents are built, the articles they came from are not needed:
// freed before rendering, where memory peaks (a 10-day digest holds them all).
void release_sources(Loaded& loaded) {
  loaded.digest.articles = std::vector<Article>();
  for (Edition& edition : loaded.editions) edition.sections = std::vector<Section>();
}

// Renders one edition as options ask. With both formats and a second core the
// EPUB is made on its own thread while the PDF renders: the two share only the
// read-only document and style (libharu, libzip and cairo state is per call).
void render_edition(const Document& doc, const Loaded& loaded, const FontFiles& fonts,
                    const Options& o, const ProcessEnv& env, bool second_core,
                    RenderedEdition& rendered) {
  rendered.day = doc.iso_date;
  rendered.articles = doc.article_count();
  const bool want_pdf = o.formats != Formats::Epub, want_epub = o.formats != Formats::Pdf;
  std::future<std::string> epub;  // its destructor waits, so doc outlives the thread
  if (want_pdf && want_epub && second_core) {
    epub = std::async(std::launch::async, [&] {
      std::string bytes = render_epub(doc, loaded.style);
      // The EPUB's pages were built in this thread's malloc arena, which glibc
      // does not shrink on free: hand them back while the PDF still grows
      // (the 1,000-article day: a peak of 137 MB instead of 145).
      malloc_trim(0);
      return bytes;
    });
  }
  if (want_pdf) render_pdf_of(doc, loaded, fonts, env, second_core, rendered);
  if (epub.valid()) {
    rendered.epub = epub.get();
  } else if (want_epub) {
    rendered.epub = render_epub(doc, loaded.style);
  }
}

// Writes a rendered day's outputs under temporary names and frees its bytes.
void stage(RenderedEdition& rendered, const Options& o) {
  if (!rendered.error.empty()) return;
  if (o.formats != Formats::Epub) {
    rendered.pdf_bytes = rendered.pdf.size();
    rendered.staged.emplace_back(o.out_dir / (rendered.day + ".pdf"), rendered.pdf);
    std::string().swap(rendered.pdf);
  }
  if (o.formats != Formats::Pdf) {
    rendered.epub_bytes = rendered.epub.size();
    rendered.staged.emplace_back(o.out_dir / (rendered.day + ".epub"), rendered.epub);
    std::string().swap(rendered.epub);
  }
}

unsigned job_count(const Options& o) {
  return o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// Renders every edition, up to `jobs` days at once, each worker taking the next
// day; results land in day order whatever finishes first.
// Each day's document is freed as soon as its outputs are rendered.
std::vector<RenderedEdition> render_all(Loaded& loaded, const FontFiles& fonts,
                                        const Options& o, const ProcessEnv& env) {
  std::vector<RenderedEdition> rendered(loaded.editions.size());
  const unsigned jobs = job_count(o);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < rendered.size(); i = next++) {
      try {
        render_edition(loaded.documents[i], loaded, fonts, o, env, jobs > 1, rendered[i]);
        loaded.documents[i] = Document{};
        stage(rendered[i], o);
      } catch (...) {
        rendered[i].failure = std::current_exception();
      }
    }
  };
  std::vector<std::jthread> workers;
  for (size_t t = 1; t < std::min<size_t>(jobs, rendered.size()); ++t) workers.emplace_back(work);
  work();
  workers.clear();  // joins
  return rendered;
}

void commit_edition(RenderedEdition& rendered, const Options& o, std::ostream& out) {
  for (StagedFile& file : rendered.staged) {
    file.commit();
    if (o.quiet) continue;
    if (file.path().extension() == ".pdf") {
      out << "wrote " << file.path().string() << " (" << rendered.pages << " pages, "
          << human_size(rendered.pdf_bytes) << ")\n";
    } else {
      out << "wrote " << file.path().string() << " (" << rendered.articles << " articles, "
          << human_size(rendered.epub_bytes) << ")\n";
    }
  }
}

// --dump: the document tree or the page layout as text; nothing is written.
void dump_edition(const Document& doc, const Loaded& loaded, const FontFiles& fonts,
                  DumpKind dump, std::ostream& out) {
  if (dump == DumpKind::Document) out << dump_document(doc);
  if (dump == DumpKind::Layout) out << dump_layout(render_pdf(doc, loaded.style, fonts).pages);
}

int run_build(const Options& o, const ProcessEnv& env, std::ostream& out, std::ostream& err) {
  auto loaded = load_all(o, env, err);
  if (!loaded) return kExitInputError;
  if (loaded->editions.empty()) {
    err << "broadsheet: no articles fall on the requested days; nothing written\n";
    return kExitInputError;
  }
  const bool want_pdf = o.formats != Formats::Epub || o.dump == DumpKind::Layout;
  FontFiles fonts;
  if (want_pdf) fonts = find_fonts(loaded->style.fonts);
  if (!build_documents(*loaded, o, out, err)) return kExitInputError;
  if (o.dump != DumpKind::None) {
    for (const Document& doc : loaded->documents) dump_edition(doc, *loaded, fonts, o.dump, out);
    return kExitOk;
  }
  release_sources(*loaded);
  prepare_fontconfig();  // before any thread draws an EPUB cover
  OutputFolder folder(o.out_dir);  // declared first: removed after the staged files
  std::vector<RenderedEdition> rendered = render_all(*loaded, fonts, o, env);
  for (const RenderedEdition& edition : rendered) {
    if (edition.failure) std::rethrow_exception(edition.failure);
    if (!edition.error.empty()) {
      err << edition.error;
      return kExitInputError;
    }
  }
  for (const RenderedEdition& edition : rendered) {
    for (const std::string& warning : edition.warnings) err << "broadsheet: warning: " << warning << "\n";
  }
  folder.keep();
  for (RenderedEdition& edition : rendered) commit_edition(edition, o, out);
  return kExitOk;
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
    if (send.command->parsed()) return run_send_command(send, style_folders(env), env.source_date_epoch, out, err);
    if (options.command == "check") return run_check(options, env, out, err);
    return run_build(options, env, out, err);
  } catch (const EnvironmentError& e) {
    err << "broadsheet: error: " << e.what() << "\n";
    return kExitEnvironment;
  } catch (const std::exception& e) {
    err << "broadsheet: internal error: " << e.what() << "\n";
    return kExitEnvironment;
  }
}

}  // namespace broadsheet
