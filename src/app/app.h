// The application as a library: read a digest once, then build editions from it
// (the whole build, a check, or variants of a day kept in memory for delivery).
// Nothing here prints or exits: results carry diagnostics and counts, the caller
// (src/cli/, src/deliver/, tests) turns them into text and exit codes.
#pragma once

#include <chrono>
#include <compare>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/build_record.h"
#include "diag/diagnostics.h"
#include "doc/document.h"
#include "env/files.h"
#include "env/fonts.h"
#include "env/progress.h"
#include "exec/executor.h"
#include "image/attach_images.h"
#include "model/article.h"
#include "model/days.h"
#include "model/edition.h"
#include "style/style.h"

namespace broadsheet {

class HyphenDictionaries;

// How to use it (the command line's `build` is exactly this):
//
//   Diagnostics diags;
//   Input input = read_input({files, days, timestamp}, diags);   // once
//   Style style = load_variant_style(input, variant, env, diags);  // unless diags.has_errors()
//   Shared shared(jobs);                                           // once, for every variant
//   Prepared prepared = prepare(input, variant, style, shared, diags);
//   // in memory:   Rendered r = render(prepared, {.jobs = 1, .max_pages = env.max_pages,
//   //                                               .executor = &shared.executor()});
//   // or on disk:  SkipPlan skip = skip_unchanged(input, variant, style, out_dir, force);  // before prepare
//   //              StagedEditions s(out_dir); render_into(prepared, options, s);
//   //              s.stage_record(updated_record(skip, s.result())); s.commit(...);
//
// Input problems are Diagnostics (all of them, with file:line:col); a failure of
// the environment (a missing font, an unwritable folder) is thrown as
// EnvironmentError; anything else thrown is an internal error.

/// The most pages one edition's PDF may have (README "Limits"): far beyond any
/// real day, it stops a runaway feed before it fills the disk or a mailbox.
inline constexpr size_t kMaxPagesPerEdition = 5000;

/// Parses a build time: Unix seconds or "YYYY-MM-DDTHH:MM:SSZ" (to 9999-01-01).
std::optional<std::chrono::sys_seconds> parse_timestamp(const std::string& text);

/// What the application needs from its surroundings besides the inputs.
struct AppEnv {
  std::vector<std::filesystem::path> style_path;  ///< where styles are looked for (env/style_dirs.h)
  size_t max_pages = kMaxPagesPerEdition;   ///< tests lower it to reach it cheaply
};

// --- 1. Input: read once, shared by every variant ------------------------------

struct InputRequest {
  std::vector<std::filesystem::path> files;           ///< digests; several are merged
  DayFilter days;                                     ///< --date, --from, --to
  std::optional<std::chrono::sys_seconds> timestamp;  ///< else each day's latest article
  Executor* executor = nullptr;                       ///< the run's: parsing uses a second core
};

/// The digests, validated and split into days (each day's build time chosen).
struct Input {
  Digest digest;
  std::vector<Edition> editions;  ///< in day order; empty when no article falls on the days
  size_t article_count() const;
};

/// Reads and validates the digests; problems go to diags (editions are split
/// only when there is none).
Input read_input(const InputRequest& request, Diagnostics& diags);

/// Frees the articles once the only variant's documents are built: memory
/// peaks while rendering, and a 10-day digest holds them all. The input can
/// not be prepared again afterwards.
void release_articles(Input& input);

// --- 2. A variant: which style, articles, formats and images -------------------

enum class Formats { Both, Pdf, Epub, None };  ///< None: documents only (check, --dump document)
bool wants_pdf(Formats formats);
bool wants_epub(Formats formats);

/// Keeps only some articles (delivery: a subscriber's sections, tags,
/// languages). An empty list keeps every value; a day left empty is dropped.
struct ArticleFilter {
  std::vector<std::string> sections;   ///< section names (kDefaultSection for none given)
  std::vector<std::string> tags;       ///< any one of them
  std::vector<std::string> languages;  ///< the article's, else the edition's
  bool keeps(const PlacedArticle& article, const Section& section, const EditionMeta& meta) const;
  bool keeps_all() const { return sections.empty() && tags.empty() && languages.empty(); }
  auto operator<=>(const ArticleFilter&) const = default;
};

struct ImageRequest {
  std::vector<std::filesystem::path> roots;  ///< --allow-images-from, beside each digest's folder
  bool skip_bad = false;                     ///< a bad image is a warning and is left out
  bool grayscale = false;                    ///< for e-ink readers
  std::optional<int> epub_max_px;            ///< longest side in the EPUB, else the default
  std::optional<int> pdf_dpi;                ///< else the style's image_dpi
  bool strict_body = false;                  ///< --strict-images: a body image left out is an error
  /// Lighter images, for a message over its size limit (send): a third of the
  /// resolution, at most 600 px in the EPUB, JPEG quality 55.
  bool lighter = false;
  auto operator<=>(const ImageRequest&) const = default;
};

struct Variant {
  std::string style;                ///< a name (styles/NAME.yaml) or a path; empty: the digest's, else "classic"
  Formats formats = Formats::Both;
  bool fonts_without_pdf = false;   ///< find the fonts even when no PDF is made (--dump layout)
  ArticleFilter filter;
  ImageRequest images;
  /// Ordered so that a run can keep each distinct variant it built (send).
  auto operator<=>(const Variant&) const = default;
};

/// The style the variant names, loaded (problems go to diags).
Style load_variant_style(const Input& input, const Variant& variant, const AppEnv& env,
                         Diagnostics& diags);

/// What variants of one run share: hyphenation dictionaries (loaded once, in
/// the background), font files per family set, prepared images per image
/// settings. Not thread-safe: prepare variants one after another (rendering
/// may then run in parallel, the dictionaries are shared safely).
/// Days rendered at once for --jobs (0: one per core).
unsigned job_count(unsigned jobs);
/// The executor's workers for --jobs: the other days at once, and for each
/// day at once its three helpers (the EPUB beside the PDF, paragraphs
/// composed ahead, pages deflated), which sleep on their queues while
/// waiting for work and so hold a worker each; dictionaries preload on them
/// too. With one job the helpers stay unused but for the preloads.
unsigned executor_workers(unsigned jobs);

/// What every variant of a run shares: the fonts found, the hyphenation
/// dictionaries, the image caches, and the run's one executor (its threads,
/// exec/executor.h), sized for `jobs` (--jobs).
class Shared {
 public:
  explicit Shared(unsigned jobs = 0);
  ~Shared();
  Shared(const Shared&) = delete;
  Shared& operator=(const Shared&) = delete;
  std::shared_ptr<HyphenDictionaries> dictionaries();
  const FontFiles& fonts(const FontRoles& roles);  ///< throws EnvironmentError
  ImageCache& images(const ImageTargets& targets);
  Executor& executor() { return executor_; }

 private:
  Executor executor_;  // first: destroyed last, once every task queued by the others has ended
  std::shared_ptr<HyphenDictionaries> dictionaries_;
  std::map<std::string, FontFiles> fonts_;
  std::map<std::string, ImageCache> images_;
};

/// A variant ready to render: documents built, images attached.
struct Prepared {
  Style style;
  Formats formats = Formats::Both;
  FontFiles fonts;                                   ///< empty when no PDF is made
  std::shared_ptr<HyphenDictionaries> dictionaries;  ///< null without PDF or hyphenation
  std::vector<Document> documents;                   ///< one per day the filter keeps
  std::vector<ImageReport> image_reports;            ///< one per document (--verbose)
};

/// Builds each day's document and attaches its images; problems (including the
/// documents' own warnings) go to diags. The fonts are found first: a missing
/// font throws EnvironmentError before any image is read.
Prepared prepare(const Input& input, const Variant& variant, Style style, Shared& shared,
                 Diagnostics& diags);

enum class DumpKind { None, Document, Layout };

/// --dump: a document's tree or its PDF's page layout as text.
std::string dump_edition(const Document& doc, const Prepared& prepared, DumpKind kind);

// --- 3. Rendering ------------------------------------------------------------------

struct RenderOptions {
  unsigned jobs = 0;                      ///< days at once (and a day's EPUB beside its PDF when > 1); 0: one per core
  size_t max_pages = kMaxPagesPerEdition;
  Progress* progress = nullptr;           ///< told as days start and finish (env/progress.h); null: nobody
  Executor* executor = nullptr;           ///< the run's (Shared::executor()); null: one for this call
  int cover_thumbnail_px = 0;             ///< above 0: a drawn cover's thumbnail too (RenderedEdition)
};

/// One output file of a day, as staged or written.
struct OutputFile {
  std::filesystem::path path;
  bool is_pdf = false;
  size_t bytes = 0;
  std::string sha256;  ///< of the bytes (render_into), for the build record
};

/// One day's rendered edition.
struct RenderedEdition {
  std::string day;                    ///< YYYY-MM-DD
  size_t pages = 0, articles = 0;
  std::string pdf, epub;              ///< the bytes (render); empty once staged (render_into)
  std::vector<OutputFile> files;      ///< staged (render_into), in write order: PDF, then EPUB
  std::vector<Diagnostic> warnings;   ///< the PDF's, located in the input
  PreparedImage cover_thumbnail;      ///< with RenderOptions::cover_thumbnail_px and a drawn cover; else empty
};

/// The first day (in day order) whose PDF is over the page limit.
struct PageLimitExceeded {
  std::string day;
  size_t pages = 0, limit = 0;
};

/// Every day rendered, in day order, or the first over the page limit (then
/// no day's outputs are kept). Rendering consumes the prepared documents (each
/// is freed as soon as its day is rendered). Environment failures are thrown,
/// the first in day order.
struct Rendered {
  std::vector<RenderedEdition> editions;
  std::optional<PageLimitExceeded> over_limit;
};

/// Renders every prepared day into memory.
Rendered render(Prepared& prepared, const RenderOptions& options);

/// An output folder with every day staged in it under temporary names: files
/// appear under their real names only on commit(), all days at once. Destroyed
/// uncommitted, it removes the staged files and the folders it created.
class StagedEditions {
 public:
  /// Creates the folder (throws EnvironmentError).
  explicit StagedEditions(const std::filesystem::path& out_dir);
  ~StagedEditions();
  StagedEditions(const StagedEditions&) = delete;
  StagedEditions& operator=(const StagedEditions&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  const Rendered& result() const { return rendered_; }
  /// Renames every staged file into place, in day order, calling `written`
  /// after each; throws EnvironmentError.
  void commit(const std::function<void(const RenderedEdition&, const OutputFile&)>& written);
  /// Stages the folder's build record, renamed into place after every edition,
  /// so that a crash between leaves the old record, which the new files no
  /// longer match: those days are built again.
  void stage_record(const BuildRecord& record);

 private:
  friend void render_into(Prepared&, const RenderOptions&, StagedEditions&);
  std::filesystem::path dir_;
  std::vector<std::filesystem::path> created_;  // innermost first
  Rendered rendered_;
  std::vector<std::vector<StagedFile>> staged_;  // per day; destroyed before the folders
  std::optional<StagedFile> record_;
};

/// Renders every prepared day, staging each in the folder as soon as it is
/// rendered (its bytes freed), so that memory holds one day per thread.
void render_into(Prepared& prepared, const RenderOptions& options, StagedEditions& staged);

// --- 4. Work not redone: days whose inputs and files are as recorded -----------

/// Which days of a build are left as they are, and the hash of every day's inputs.
struct SkipPlan {
  std::vector<std::string> unchanged;        ///< YYYY-MM-DD, in day order
  std::map<std::string, std::string> inputs; ///< day -> day_inputs_hash, every day of the input
  BuildRecord previous;                      ///< the folder's record as found (empty: none usable)
};

/// Hashes each day's inputs (app/fingerprint.h) and removes from input.editions
/// the days that out_dir's record says were made from the same inputs and
/// whose files are still there as recorded; with force, none is removed.
/// Call it before prepare: an unchanged day costs only the hashing.
SkipPlan skip_unchanged(Input& input, const Variant& variant, const Style& style,
                        const std::filesystem::path& out_dir, bool force);

/// The folder's record after rendered is committed: the previous one, with
/// each rendered day's inputs and files.
BuildRecord updated_record(const SkipPlan& plan, const Rendered& rendered);

}  // namespace broadsheet
