// Ranks from levels with a stack of the open headings, as an outline is read.
#include "doc/outline.h"

namespace broadsheet {
namespace {

struct OpenHeading {
  int level, rank;
};

void rank_in(std::vector<Block>& blocks, std::vector<OpenHeading>& open) {
  for (Block& block : blocks) {
    if (block.kind == BlockKind::Heading) {
      while (!open.empty() && open.back().level >= block.level) open.pop_back();
      block.rank = open.empty() ? 1 : open.back().rank + 1;
      open.push_back({block.level, block.rank});
    }
    rank_in(block.children, open);
  }
}

}  // namespace

void rank_headings(std::vector<Block>& blocks) {
  std::vector<OpenHeading> open;
  rank_in(blocks, open);
}

}  // namespace broadsheet
