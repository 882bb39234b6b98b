// Rendering a prepared variant: every day's PDF and EPUB, several days at once,
// results in day order whatever finishes first; in memory, or staged in an
// output folder and committed only when every day has succeeded.
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "app/app.h"
#include "app/fingerprint.h"
#include "epub/write_epub.h"
#include "exec/memory.h"
#include "pdf/write_pdf.h"

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

// One day's work in progress: what rendering threw is kept with its day and
// rethrown in day order, so that one thread or several report the same problem.
struct DayWork {
  RenderedEdition edition;
  std::vector<StagedFile> staged;
  std::optional<PageLimitExceeded> over_limit;
  std::exception_ptr failure;
};

// The PDF of one edition, unless it is over the page limit. helpers: the
// executor when the day may use a second core (null: this thread alone).
void render_pdf_of(const Document& doc, const Prepared& prepared, const RenderOptions& options,
                   Executor* helpers, DayWork& work) {
  PdfOptions pdf_options;
  pdf_options.layout.dictionaries = prepared.dictionaries;
  pdf_options.helpers = helpers;
  pdf_options.keep_items = false;  // only the page count is needed: free each page once drawn
  PdfResult pdf = render_pdf(doc, prepared.style, prepared.fonts, pdf_options);
  work.edition.pages = pdf.pages.pages.size();
  if (work.edition.pages > options.max_pages) {
    work.over_limit = PageLimitExceeded{work.edition.day, work.edition.pages, options.max_pages};
    return;
  }
  work.edition.pdf = std::move(pdf.bytes);
  work.edition.warnings = std::move(pdf.warnings);
}

// Renders one edition as the variant asks. With both formats and helpers the
// EPUB is made in a task while the PDF renders: the two share only the
// read-only document and style (libharu, libzip and cairo state is per call).
void render_edition(const Document& doc, const Prepared& prepared, const RenderOptions& options,
                    Executor* helpers, DayWork& work) {
  work.edition.day = doc.iso_date;
  work.edition.articles = doc.article_count();
  const bool pdf = wants_pdf(prepared.formats), epub = wants_epub(prepared.formats);
  Task<EpubWithThumbnail> epub_bytes;  // its destructor waits (or cancels), so doc outlives the task
  if (pdf && epub && helpers) {
    epub_bytes = submit(helpers, [&] {
      EpubWithThumbnail book = render_epub(doc, prepared.style, options.cover_thumbnail_px);
      trim_freed_memory();
      return book;
    });
  }
  if (pdf) render_pdf_of(doc, prepared, options, helpers, work);
  if (!epub) return;
  EpubWithThumbnail book = epub_bytes.valid() ? std::move(epub_bytes.get())
                                              : render_epub(doc, prepared.style, options.cover_thumbnail_px);
  work.edition.epub = std::move(book.epub);
  work.edition.cover_thumbnail = std::move(book.thumbnail);
}

// Writes a rendered day's outputs under temporary names and frees its bytes.
void stage(DayWork& work, Formats formats, const fs::path& dir) {
  if (work.over_limit) return;
  auto put = [&](std::string& bytes, const char* extension, bool is_pdf) {
    OutputFile file{dir / (work.edition.day + extension), is_pdf, bytes.size(), sha256_hex(bytes)};
    work.staged.emplace_back(file.path, bytes);
    work.edition.files.push_back(std::move(file));
    std::string().swap(bytes);
  };
  if (wants_pdf(formats)) put(work.edition.pdf, ".pdf", true);
  if (wants_epub(formats)) put(work.edition.epub, ".epub", false);
}

// Renders every edition, up to `jobs` days at once: this thread and jobs - 1
// tasks each take the next day; results land in day order whatever finishes
// first. Each day's document is freed as soon as its outputs are rendered;
// with a folder, they are staged.
std::vector<DayWork> render_days(Prepared& prepared, const RenderOptions& options, const fs::path* dir) {
  std::optional<Executor> for_this_call;  // before the tasks: outlives them
  Executor& executor = options.executor ? *options.executor : for_this_call.emplace(executor_workers(options.jobs));
  std::vector<DayWork> days(prepared.documents.size());
  const unsigned jobs = job_count(options.jobs);
  Executor* helpers = jobs > 1 ? &executor : nullptr;
  NoProgress nobody;
  Progress& progress = options.progress ? *options.progress : nobody;
  progress.begin(days.size(), "days", "rendering");
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < days.size(); i = next++) {
      try {
        progress.started(prepared.documents[i].iso_date);
        render_edition(prepared.documents[i], prepared, options, helpers, days[i]);
        progress.finished(days[i].edition.day, days[i].edition.pages);
        prepared.documents[i] = Document{};
        if (dir) stage(days[i], prepared.formats, *dir);
      } catch (...) {
        days[i].failure = std::current_exception();
      }
    }
  };
  std::vector<Task<void>> others;
  for (size_t t = 1; t < std::min<size_t>(jobs, days.size()); ++t) others.push_back(submit(&executor, work));
  work();
  for (Task<void>& other : others) other.wait();  // work() keeps what it throws with its day
  progress.end();   // the line is gone before the caller prints anything
  return days;
}

// The first problem in day order: a failure is rethrown, a day over the limit
// is returned; otherwise every day's edition.
Rendered collect(std::vector<DayWork>& days, std::vector<std::vector<StagedFile>>* staged) {
  Rendered rendered;
  for (DayWork& day : days) {
    if (day.failure) std::rethrow_exception(day.failure);
    if (day.over_limit) {
      rendered.over_limit = day.over_limit;
      return rendered;
    }
  }
  for (DayWork& day : days) {
    rendered.editions.push_back(std::move(day.edition));
    if (staged) staged->push_back(std::move(day.staged));
  }
  return rendered;
}

}  // namespace

unsigned job_count(unsigned jobs) { return jobs > 0 ? jobs : std::max(1u, std::thread::hardware_concurrency()); }

unsigned executor_workers(unsigned jobs) {
  constexpr unsigned kHelpersPerDay = 3;  // the EPUB, paragraphs ahead, the deflater
  const unsigned days_at_once = job_count(jobs);
  return (days_at_once - 1) + kHelpersPerDay * days_at_once;
}

Rendered render(Prepared& prepared, const RenderOptions& options) {
  std::vector<DayWork> days = render_days(prepared, options, nullptr);
  return collect(days, nullptr);
}

StagedEditions::StagedEditions(const fs::path& out_dir) : dir_(out_dir) {
  std::error_code ec;
  for (fs::path p = dir_; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    created_.push_back(p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(dir_, ec);
  if (ec) throw EnvironmentError(dir_.string(), "cannot create the output folder", ec.message());
}

StagedEditions::~StagedEditions() {
  record_.reset();
  staged_.clear();  // the staged files first: fs::remove leaves a folder that is not empty
  std::error_code ec;
  for (const fs::path& p : created_) fs::remove(p, ec);
}

void StagedEditions::commit(const std::function<void(const RenderedEdition&, const OutputFile&)>& written) {
  created_.clear();  // the folders stay once outputs are in place
  for (size_t day = 0; day < staged_.size(); ++day) {
    for (size_t f = 0; f < staged_[day].size(); ++f) {
      staged_[day][f].commit();
      written(rendered_.editions[day], rendered_.editions[day].files[f]);
    }
  }
  if (record_) record_->commit();
}

void StagedEditions::stage_record(const BuildRecord& record) {
  record_.reset();
  record_.emplace(dir_ / kBuildRecordName, format_build_record(record));
}

void render_into(Prepared& prepared, const RenderOptions& options, StagedEditions& staged) {
  std::vector<DayWork> days = render_days(prepared, options, &staged.dir_);
  staged.rendered_ = collect(days, &staged.staged_);
}

}  // namespace broadsheet
