// Tagged PDF (PDF 32000-1 §14.7, §14.8): the marked content of the page
// streams and the structure tree that owns it. Layout names an element of
// PageSet::structure for every item; the painter asks for a marked-content
// sequence per run of items of one element (an MCID, or /Artifact for running
// heads, folios and rules); write() then builds the StructTreeRoot with one
// /Document over those elements in reading order, the ParentTree from each
// page's MCIDs and each link annotation back to its element (written as text,
// haru::RawObjects, in the form libharu writes dictionaries), /StructParents
// and /Tabs /S on the pages, and /MarkInfo and /Lang on the catalog. A screen
// reader follows this tree, not the drawing order.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

#include "display/display_list.h"
#include "pdf/haru_save.h"

namespace broadsheet {

class StructureTree {
 public:
  StructureTree(const std::vector<StructElement>& elements, size_t pages);

  /// The operator that begins a marked-content sequence on page for
  /// `element` (an index into the elements; negative: an artifact), ended by
  /// "EMC". Each call for an element gives the next MCID of the page.
  std::string begin_marked(size_t page, int element);

  /// A link annotation on page, inside `element`: written as a /Link element
  /// holding the annotation (an OBJR) after the element's own content.
  void add_link(size_t page, HPDF_Annotation annotation, int element);

  /// Writes the tree into the document. `language` is the edition's: the
  /// catalog's /Lang, and an element's /Lang only where its own tag is not
  /// within the language it inherits (doc/language.h).
  void write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, std::string_view language);

  /// What refers to the element once written (an outline item's /SE: add it
  /// to a dictionary), null for an element that holds nothing and was left out.
  void* reference(int element) const;

  /// The tree's objects as text, for the save.
  const haru::RawObjects& objects() const { return objects_; }

 private:
  struct ContentRef {  // one marked-content sequence: page and MCID
    size_t page = 0;
    int mcid = 0;
  };
  struct LinkRef {
    size_t page = 0;
    HPDF_Annotation annotation = nullptr;
  };
  struct Node {
    std::vector<ContentRef> content;
    std::vector<LinkRef> links;
    bool live = false;  // holds content, links or a live child
  };

  // The object numbers of the tree, reserved in the order libharu numbered
  // its dictionaries when the tree was made of them (the same file bytes).
  struct Numbers {
    HPDF_UINT root = 0, document = 0, parent_tree = 0;
    void* root_reference = nullptr;  // for the catalog
    std::vector<HPDF_UINT> elements;  // 0: left out; an element's links follow it
  };

  void find_live();
  Numbers reserve(HPDF_Doc pdf);
  static HPDF_UINT link_number(const Numbers& numbers, size_t element, size_t link);
  std::string element_text(size_t i, const Numbers& numbers, const std::vector<HPDF_Page>& pages,
                           const std::string& lang) const;
  std::string parent_tree_text(const Numbers& numbers) const;

  const std::vector<StructElement>& elements_;
  std::vector<Node> nodes_;
  std::vector<std::vector<int>> page_mcids_;  // per page: element of each MCID
  std::vector<std::vector<size_t>> children_;  // live children of each element, in order
  std::vector<void*> placeholders_;
  haru::RawObjects objects_;
};

}  // namespace broadsheet
