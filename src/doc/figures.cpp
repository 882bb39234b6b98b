// Lifting Markdown images out of paragraphs into Figure blocks.
#include "doc/figures.h"

#include <algorithm>
#include <cstdint>

namespace broadsheet {
namespace {

bool is_blank(const Inline& in) {
  return in.kind == InlineKind::Text &&
         std::all_of(in.text.begin(), in.text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

bool has_top_level_image(const Block& block) {
  return block.kind == BlockKind::Paragraph &&
         std::any_of(block.inlines.begin(), block.inlines.end(),
                     [](const Inline& in) { return in.kind == InlineKind::Image; });
}

Block figure_of(const Inline& image) {
  Block figure;
  figure.kind = BlockKind::Figure;
  figure.src = image.url;
  figure.alt = plain_text(image.children);
  figure.caption = image.text;
  return figure;
}

// The spaces that stood between text and an image end and start paragraphs now.
void trim_edges(std::vector<Inline>& runs) {
  if (!runs.empty() && runs.front().kind == InlineKind::Text) {
    std::string& text = runs.front().text;
    text.erase(0, text.find_first_not_of(" \n\t"));
  }
  if (!runs.empty() && runs.back().kind == InlineKind::Text) {
    std::string& text = runs.back().text;
    text.erase(text.find_last_not_of(" \n\t") + 1);
  }
}

// A paragraph of the runs, unless they are only spaces and line breaks.
// Whether one was made.
bool flush_text(std::vector<Inline>& runs, std::vector<Block>& out) {
  const bool blank = std::all_of(runs.begin(), runs.end(), [](const Inline& in) {
    return is_blank(in) || in.kind == InlineKind::LineBreak;
  });
  if (!blank) {
    trim_edges(runs);
    Block paragraph;
    paragraph.kind = BlockKind::Paragraph;
    paragraph.inlines = std::move(runs);
    out.push_back(std::move(paragraph));
  }
  runs.clear();
  return !blank;
}

// Each figure notes whether its paragraph's text stood before and after it,
// so that a figure left out later can join the two parts again.
void split_paragraph(Block& paragraph, std::vector<Block>& out) {
  std::vector<Inline> runs;
  size_t last_figure = SIZE_MAX;  // none yet
  auto flush = [&] {
    const bool text = flush_text(runs, out);
    if (text && last_figure < out.size()) out[last_figure].text_after = true;
    return text;
  };
  for (Inline& in : paragraph.inlines) {
    if (in.kind != InlineKind::Image) {
      runs.push_back(std::move(in));
      continue;
    }
    const bool text_before = flush();
    last_figure = out.size();
    out.push_back(figure_of(in));
    out.back().text_before = text_before;
  }
  flush();
}

}  // namespace

Block lead_figure(const std::string& src, const std::string& caption, const std::string& alt) {
  return Block{.kind = BlockKind::Figure, .src = src, .alt = alt, .caption = caption, .lead = true};
}

void hoist_figures(std::vector<Block>& blocks) {
  if (std::none_of(blocks.begin(), blocks.end(), [](const Block& b) {
        return has_top_level_image(b) || !b.children.empty();
      })) {
    return;
  }
  std::vector<Block> out;
  out.reserve(blocks.size());
  for (Block& block : blocks) {
    hoist_figures(block.children);
    if (has_top_level_image(block)) split_paragraph(block, out);
    else out.push_back(std::move(block));
  }
  blocks = std::move(out);
}

}  // namespace broadsheet
