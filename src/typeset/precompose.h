// Composing body paragraphs ahead of placement. Breaking a paragraph into
// lines (hyphenation, measuring, Knuth-Plass) is most of layout's work, and it
// does not depend on where the paragraph lands: a body paragraph is set to
// the column width whichever page it falls on. So while the layout places one
// article, another thread composes the paragraphs that follow, with a
// measurer and a hyphenator of its own. The result is the same either way:
// the layout takes a paragraph composed ahead only when it was composed for
// exactly the look the layout asks for, and composes it itself otherwise.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "doc/document.h"
#include "exec/executor.h"
#include "typeset/set_text.h"
#include "typeset/hyphenate.h"
#include "typeset/measure.h"
#include "style/style.h"

namespace broadsheet {

/// What decides how a body paragraph is composed, besides its text.
struct ParagraphKey {
  double width = 0;              ///< line width (column minus indents)
  std::string language;          ///< the article's
  bool indented = false;         ///< gets the first-line indent (first_line_indented)
  bool in_list = false;

  bool operator==(const ParagraphKey&) const = default;
};

/// The styles and line settings of a body paragraph (indent: its left indent
/// inside the column). The one definition, shared by the layout and the
/// precomposer, so that both compose a paragraph the same way.
struct ParagraphLook {
  InlineStyles styles;
  LineSettings settings;
};
ParagraphLook body_paragraph_look(const Style& style, const ParagraphKey& key, double indent);

/// Paragraphs that are direct children of an article's body: those the
/// precomposer composes.
size_t body_paragraphs(const Document& doc);

/// Below this many body paragraphs, composing ahead is not worth loading
/// the fonts again (the 10-article benchmark day, about 90 paragraphs, took a
/// fifth longer with it; the 100-article day, about 900, is a tenth faster).
inline constexpr size_t kParagraphsWorthComposingAhead = 200;

class ParagraphPrecomposer {
 public:
  using MeasurerFactory = std::function<std::unique_ptr<TextMeasurer>()>;

  /// Composes, in document order, every paragraph that is a direct child of
  /// an article's body, for a column `column_width` wide, each with a
  /// measurer of its own from make_measurer (which must give the layout's
  /// widths, and never be the layout's: what a measurer measures may
  /// change the PDF). With an executor, a task on it composes up to a few
  /// dozen paragraphs ahead of take(), and take() composes the next one not
  /// begun while it waits; with none (null), take() composes each.
  ParagraphPrecomposer(const Document& doc, const Style& style, double column_width,
                       const MeasurerFactory& make_measurer,
                       std::shared_ptr<HyphenDictionaries> dictionaries, LineBreaker breaker,
                       Executor* executor);
  ~ParagraphPrecomposer();
  ParagraphPrecomposer(const ParagraphPrecomposer&) = delete;
  ParagraphPrecomposer& operator=(const ParagraphPrecomposer&) = delete;

  /// The paragraph `block` composed for `key`, when it is the next one on the
  /// list and was composed for that key; nullopt when the caller must
  /// compose it. Rethrows what composing threw.
  std::optional<SetText> take(const Block& block, const ParagraphKey& key);
  /// Returns a taken paragraph once placed, to be freed on the thread that
  /// allocated it (glibc's arenas contend when another thread frees).
  void give_back(SetText text);

 private:
  struct Job {
    const Block* block = nullptr;
    ParagraphKey key;
  };
  // A measurer, hyphenator and typesetter used by one thread only.
  struct Composer {
    Composer(std::unique_ptr<TextMeasurer> m, std::shared_ptr<HyphenDictionaries> d, LineBreaker b)
        : measurer(std::move(m)), hyphenator(std::move(d)), type{*measurer, hyphenator, b} {}
    std::unique_ptr<TextMeasurer> measurer;
    Hyphenator hyphenator;
    Typesetter type;
  };
  // A job's result: its text, or what composing it threw.
  struct Outcome {
    std::optional<SetText> text;
    std::exception_ptr failure;
    bool by_worker = false;
    bool ready = false;
  };
  void list_jobs(const Document& doc, double column_width);
  SetText compose(Composer& composer, const Job& job) const;
  Outcome attempt(Composer& composer, const Job& job, bool by_worker) const;
  void run();

  const Style& style_;
  std::vector<Job> jobs_;
  std::unique_ptr<Composer> own_;     // take()'s
  std::unique_ptr<Composer> worker_;  // the task's

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Outcome> done_;    // by job: composed, not yet taken
  bool last_by_worker_ = false;  // the job take() returned last was composed by the task
  std::vector<SetText> placed_;  // given back, to be freed by the task
  size_t taken_ = 0;    // jobs asked for by take() (the last one maybe still awaited)
  size_t claimed_ = 0;  // jobs begun by either side
  bool stop_ = false;  // set by the destructor
  bool worker_waits_ = false;  // for room ahead
  bool layout_waits_ = false;  // for the paragraph it asked for
  Task<void> worker_task_;  // last: queued once everything above exists, ended first
};

}  // namespace broadsheet
