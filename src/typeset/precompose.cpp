// The paragraph precomposer: a list of jobs fixed at construction (so what is
// composed ahead never depends on timing), a worker that stays a bounded
// number of jobs ahead of the layout, and a hand-over by job index.
#include "typeset/precompose.h"

#include "doc/paragraph_indent.h"

namespace broadsheet {

namespace {

// Far enough ahead that the layout never waits on a long paragraph, near
// enough that the composed text held in memory stays small.
constexpr size_t kAhead = 48;

}  // namespace

size_t body_paragraphs(const Document& doc) {
  size_t n = 0;
  for (const SectionDoc& section : doc.sections) {
    for (const ArticleDoc& article : section.articles) {
      for (const Block& block : article.body) n += block.kind == BlockKind::Paragraph;
    }
  }
  return n;
}

ParagraphLook body_paragraph_look(const Style& style, const ParagraphKey& key, double indent) {
  ParagraphLook look;
  LineSettings& s = look.settings;
  s.indent = indent;
  s.width = key.width;
  s.leading = style.body_leading;
  s.size = style.body_size;
  s.align = style.justify ? Align::Justify : Align::Left;
  s.rules.language = key.language;
  s.rules.hyphenate = style.hyphenate;
  s.justification = {style.letter_spacing, style.max_word_space};
  s.keep_together = key.in_list;  // a short list item stays in one column
  if (key.indented) s.first_indent = style.paragraph_indent;
  look.styles = InlineStyles{TextStyle{regular_face(FontRole::Body), style.body_size, style.text, {}},
                             0.9, style.link};
  return look;
}

ParagraphPrecomposer::ParagraphPrecomposer(const Document& doc, const Style& style, double column_width,
                                           const MeasurerFactory& make_measurer,
                                           std::shared_ptr<HyphenDictionaries> dictionaries,
                                           LineBreaker breaker, Executor* executor)
    : style_(style) {
  list_jobs(doc, column_width);
  if (jobs_.empty()) return;
  own_ = std::make_unique<Composer>(make_measurer(), dictionaries, breaker);
  done_.resize(jobs_.size());
  if (!executor) return;
  worker_ = std::make_unique<Composer>(make_measurer(), dictionaries, breaker);
  worker_task_ = submit(executor, [this] { run(); });
}

// The task reads this object: it ends (or is cancelled unbegun) before anything goes.
ParagraphPrecomposer::~ParagraphPrecomposer() {
  if (!worker_task_.valid()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  worker_task_ = Task<void>{};
}

// The article composer's order, and the key it will ask with (the indent
// decided by first_line_indented, as the layout decides it).
void ParagraphPrecomposer::list_jobs(const Document& doc, double column_width) {
  for (const SectionDoc& section : doc.sections) {
    for (const ArticleDoc& article : section.articles) {
      const Block* previous = nullptr;
      for (const Block& block : article.body) {
        if (block.kind == BlockKind::Paragraph) {
          const ParagraphKey key{column_width, article.language, first_line_indented(previous, false), false};
          jobs_.push_back(Job{&block, key});
        }
        previous = &block;
      }
    }
  }
}

SetText ParagraphPrecomposer::compose(Composer& composer, const Job& job) const {
  ParagraphLook look = body_paragraph_look(style_, job.key, 0);
  return compose_text(collect_words(job.block->inlines, look.styles), look.settings, composer.type);
}

// Never throws: what composing throws is kept with the job, and rethrown by
// take() when the layout reaches that paragraph, as it would have been
// thrown had the layout composed it.
ParagraphPrecomposer::Outcome ParagraphPrecomposer::attempt(Composer& composer, const Job& job, bool by_worker) const {
  Outcome out;
  out.by_worker = by_worker;
  try {
    out.text = compose(composer, job);
  } catch (...) {
    out.failure = std::current_exception();
  }
  out.ready = true;
  return out;
}

void ParagraphPrecomposer::run() {
  for (;;) {
    size_t k = 0;
    std::vector<SetText> placed;
    {
      std::unique_lock lock(mutex_);
      worker_waits_ = true;
      changed_.wait(lock, [&] { return stop_ || claimed_ >= jobs_.size() || claimed_ < taken_ + kAhead; });
      worker_waits_ = false;
      if (stop_ || claimed_ >= jobs_.size()) return;
      k = claimed_++;
      placed.swap(placed_);
    }
    placed.clear();  // freed by the task that allocated them: no contention on malloc's arenas
    Outcome out = attempt(*worker_, jobs_[k], true);
    bool wake = false;
    {
      std::lock_guard lock(mutex_);
      done_[k] = std::move(out);
      wake = layout_waits_;
    }
    // Waking a thread is a system call: only when it sleeps.
    if (wake) changed_.notify_all();
  }
}

void ParagraphPrecomposer::give_back(SetText text) {
  if (!worker_task_.valid() || !last_by_worker_) return;  // freed here, where it was allocated
  std::lock_guard lock(mutex_);
  placed_.push_back(std::move(text));
}

// The next paragraph on the list. While the task composes it, this thread
// composes the first one nobody has begun, so that both cores compose (and
// so that the layout never waits for a task that has not begun).
std::optional<SetText> ParagraphPrecomposer::take(const Block& block, const ParagraphKey& key) {
  std::unique_lock lock(mutex_);
  if (taken_ >= jobs_.size() || jobs_[taken_].block != &block) return std::nullopt;
  const size_t k = taken_++;
  const bool same = jobs_[k].key == key;
  bool wake = worker_waits_;  // taken_ moved: there is room ahead again
  while (!done_[k].ready) {
    if (claimed_ < jobs_.size() && claimed_ < taken_ + kAhead) {
      const size_t j = claimed_++;
      lock.unlock();
      if (wake) changed_.notify_all();
      wake = false;
      Outcome out = attempt(*own_, jobs_[j], false);
      lock.lock();
      done_[j] = std::move(out);
      continue;
    }
    layout_waits_ = true;
    changed_.wait(lock, [&] { return done_[k].ready; });
    layout_waits_ = false;
  }
  Outcome out = std::move(done_[k]);
  done_[k] = Outcome{};
  last_by_worker_ = out.by_worker;
  wake = wake || worker_waits_;
  lock.unlock();
  if (wake) changed_.notify_all();
  if (out.failure) std::rethrow_exception(out.failure);
  if (!same) return std::nullopt;
  return std::move(out.text);
}

}  // namespace broadsheet
