// Tagged PDF: marked content and the structure tree (pdf/tagging.h).
#include "pdf/tagging.h"

#include "diag/utf8.h"
#include "doc/language.h"
#include "env/files.h"
#include "pdf/haru_compat.h"

namespace broadsheet {

namespace {

// The standard structure type of each role (PDF 32000-1 §14.8.4).
const char* role_name(StructRole role) {
  switch (role) {
    case StructRole::Sect: return "Sect";
    case StructRole::Art: return "Art";
    case StructRole::H1: return "H1";
    case StructRole::H2: return "H2";
    case StructRole::H3: return "H3";
    case StructRole::H4: return "H4";
    case StructRole::H5: return "H5";
    case StructRole::H6: return "H6";
    case StructRole::P: return "P";
    case StructRole::BlockQuote: return "BlockQuote";
    case StructRole::Code: return "Code";
    case StructRole::L: return "L";
    case StructRole::LI: return "LI";
    case StructRole::Lbl: return "Lbl";
    case StructRole::LBody: return "LBody";
    case StructRole::Table: return "Table";
    case StructRole::TR: return "TR";
    case StructRole::TH: return "TH";
    case StructRole::TD: return "TD";
    case StructRole::Figure: return "Figure";
    case StructRole::Caption: return "Caption";
    case StructRole::TOC: return "TOC";
    case StructRole::TOCI: return "TOCI";
  }
  return "Span";
}

// PDF text in the form libharu writes its objects (HPDF_Dict_Write,
// HPDF_Array_Write), so that the tree written as text gives the bytes its
// libharu objects gave.
std::string ref(HPDF_UINT number) { return std::to_string(number) + " 0 R"; }

class DictText {
 public:
  DictText& add(std::string_view key, std::string_view value) {
    text_ += '/';
    text_ += key;
    text_ += ' ';
    text_ += value;
    text_ += '\n';
    return *this;
  }
  std::string done() const { return text_ + ">>"; }

 private:
  std::string text_ = "<<\n";
};

class ArrayText {
 public:
  ArrayText& add(std::string_view item) {
    text_ += item;
    text_ += ' ';
    return *this;
  }
  std::string done() const { return text_ + "]"; }

 private:
  std::string text_ = "[ ";
};

std::string name(std::string_view value) { return "/" + std::string(value); }

// A text string in UTF-16BE, for any script (/Alt), as libharu writes binary.
std::string hex_text(std::string_view utf8) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out = "<";
  for (unsigned char c : utf16be_with_bom(utf8)) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0x0F];
  }
  return out + ">";
}

// A literal string with libharu's escapes (octal for delimiters and bytes
// outside printable ASCII); a BCP 47 tag (/Lang) needs none.
std::string literal_text(std::string_view ascii) {
  static constexpr std::string_view kDelimiters = "\\%#/()<>[]{}";
  std::string out = "(";
  for (unsigned char c : ascii) {
    if (c < 0x20 || c > 0x7E || kDelimiters.find(static_cast<char>(c)) != std::string_view::npos) {
      out += '\\';
      out += static_cast<char>('0' + (c >> 6));
      out += static_cast<char>('0' + ((c >> 3) & 7));
      out += static_cast<char>('0' + (c & 7));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ")";
}

void add_catalog_entries(HPDF_Doc pdf, void* root, std::string_view language) {
  HPDF_MMgr mmgr = haru::memory_of(pdf);
  HPDF_Dict catalog = haru::catalog_of(pdf);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict preferences = HPDF_Dict_New(mmgr);
  if (!mark_info || !preferences) throw EnvironmentError("PDF: cannot make the structure tree's objects");
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  if (!language.empty()) HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(mmgr, std::string(language).c_str(), nullptr));
  // Viewers title the window with the edition, not the file name (PDF/UA).
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);
}

}  // namespace

StructureTree::StructureTree(const std::vector<StructElement>& elements, size_t pages)
    : elements_(elements), nodes_(elements.size()), page_mcids_(pages) {}

std::string StructureTree::begin_marked(size_t page, int element) {
  if (element < 0 || static_cast<size_t>(element) >= nodes_.size() || page >= page_mcids_.size()) {
    return "/Artifact BMC\n";
  }
  std::vector<int>& mcids = page_mcids_[page];
  const int mcid = static_cast<int>(mcids.size());
  mcids.push_back(element);
  nodes_[static_cast<size_t>(element)].content.push_back({page, mcid});
  return std::string("/") + role_name(elements_[static_cast<size_t>(element)].role) + " <</MCID " +
         std::to_string(mcid) + ">> BDC\n";
}

void StructureTree::add_link(size_t page, HPDF_Annotation annotation, int element) {
  if (element < 0 || static_cast<size_t>(element) >= nodes_.size() || !annotation) return;
  nodes_[static_cast<size_t>(element)].links.push_back({page, annotation});
}

// Children come after their parents, so one pass from the end settles it.
void StructureTree::find_live() {
  for (size_t i = nodes_.size(); i-- > 0;) {
    Node& node = nodes_[i];
    node.live = node.live || !node.content.empty() || !node.links.empty();
    const int parent = elements_[i].parent;
    if (node.live && parent >= 0) nodes_[static_cast<size_t>(parent)].live = true;
  }
}

StructureTree::Numbers StructureTree::reserve(HPDF_Doc pdf) {
  auto reserve_one = [pdf] {
    void* placeholder = haru::new_placeholder(pdf);
    if (!placeholder) throw EnvironmentError("PDF: cannot number the structure tree's objects");
    return placeholder;
  };
  Numbers numbers;
  numbers.root_reference = reserve_one();
  numbers.root = haru::object_number(numbers.root_reference);
  numbers.document = haru::object_number(reserve_one());
  numbers.elements.assign(elements_.size(), 0);
  placeholders_.assign(elements_.size(), nullptr);
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!nodes_[i].live) continue;
    placeholders_[i] = reserve_one();
    numbers.elements[i] = haru::object_number(placeholders_[i]);
    for (size_t link = 0; link < nodes_[i].links.size(); ++link) reserve_one();  // link_number
  }
  numbers.parent_tree = haru::object_number(reserve_one());
  return numbers;
}

// An element's links are numbered right after it, in order (reserve).
HPDF_UINT StructureTree::link_number(const Numbers& numbers, size_t element, size_t link) {
  return numbers.elements[element] + 1 + static_cast<HPDF_UINT>(link);
}

// An element: its content first (integer MCIDs on its own /Pg, marked-content
// references elsewhere), then its links, then its child elements.
std::string StructureTree::element_text(size_t i, const Numbers& numbers, const std::vector<HPDF_Page>& pages,
                                        const std::string& lang) const {
  const StructElement& e = elements_[i];
  const Node& node = nodes_[i];
  DictText dict;
  dict.add("Type", "/StructElem").add("S", name(role_name(e.role)));
  dict.add("P", ref(e.parent < 0 ? numbers.document : numbers.elements[static_cast<size_t>(e.parent)]));
  if (!lang.empty()) dict.add("Lang", literal_text(lang));
  if (!e.alt.empty()) dict.add("Alt", hex_text(e.alt));
  ArrayText kids;
  const size_t home = node.content.empty() ? 0 : node.content.front().page;
  for (const ContentRef& c : node.content) {
    if (c.page == home) {
      kids.add(std::to_string(c.mcid));
      continue;
    }
    kids.add(DictText()
                 .add("Type", "/MCR")
                 .add("Pg", ref(haru::object_number(pages[c.page])))
                 .add("MCID", std::to_string(c.mcid))
                 .done());
  }
  for (size_t link = 0; link < node.links.size(); ++link) kids.add(ref(link_number(numbers, i, link)));
  for (size_t child : children_[i]) kids.add(ref(numbers.elements[child]));
  dict.add("K", kids.done());
  if (!node.content.empty()) dict.add("Pg", ref(haru::object_number(pages[home])));
  return dict.done();
}

// Per page, the element of each MCID; then one key per link annotation.
std::string StructureTree::parent_tree_text(const Numbers& numbers) const {
  ArrayText nums;
  for (size_t p = 0; p < page_mcids_.size(); ++p) {
    ArrayText parents;
    for (int element : page_mcids_[p]) parents.add(ref(numbers.elements[static_cast<size_t>(element)]));
    nums.add(std::to_string(p)).add(parents.done());
  }
  size_t key = page_mcids_.size();
  for (size_t i = 0; i < nodes_.size(); ++i) {
    for (size_t link = 0; link < nodes_[i].links.size(); ++link) {
      nums.add(std::to_string(key++)).add(ref(link_number(numbers, i, link)));
    }
  }
  return DictText().add("Nums", nums.done()).done();
}

void StructureTree::write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, std::string_view language) {
  find_live();
  children_.assign(elements_.size(), {});
  std::vector<size_t> top;
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!nodes_[i].live) continue;
    const int parent = elements_[i].parent;
    (parent < 0 ? top : children_[static_cast<size_t>(parent)]).push_back(i);
  }
  const Numbers numbers = reserve(pdf);
  size_t links = 0;
  for (const Node& node : nodes_) links += node.links.size();
  const auto next_key = static_cast<HPDF_INT32>(pages.size() + links);

  objects_.set(numbers.root, DictText()
                                 .add("Type", "/StructTreeRoot")
                                 .add("K", ArrayText().add(ref(numbers.document)).done())
                                 .add("ParentTree", ref(numbers.parent_tree))
                                 .add("ParentTreeNextKey", std::to_string(next_key))
                                 .done());
  ArrayText document_kids;
  for (size_t i : top) document_kids.add(ref(numbers.elements[i]));
  objects_.set(numbers.document, DictText()
                                     .add("Type", "/StructElem")
                                     .add("S", "/Document")
                                     .add("P", ref(numbers.root))
                                     .add("K", document_kids.done())
                                     .done());

  // An element names its language only where it is not within the one it inherits.
  std::vector<std::string> inherited(elements_.size());
  auto key = static_cast<HPDF_INT32>(pages.size());
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!nodes_[i].live) continue;
    const StructElement& e = elements_[i];
    inherited[i] = e.parent < 0 ? std::string(language) : inherited[static_cast<size_t>(e.parent)];
    std::string lang;
    if (!language_within(e.language, inherited[i])) lang = inherited[i] = e.language;
    objects_.set(numbers.elements[i], element_text(i, numbers, pages, lang));
    for (size_t link = 0; link < nodes_[i].links.size(); ++link) {
      const LinkRef& l = nodes_[i].links[link];
      objects_.set(link_number(numbers, i, link),
                   DictText()
                       .add("Type", "/StructElem")
                       .add("S", "/Link")
                       .add("P", ref(numbers.elements[i]))
                       .add("Pg", ref(haru::object_number(pages[l.page])))
                       .add("K", DictText().add("Type", "/OBJR").add("Obj", ref(haru::object_number(l.annotation))).done())
                       .done());
      HPDF_Dict_AddNumber(l.annotation, "StructParent", key++);
    }
  }
  objects_.set(numbers.parent_tree, parent_tree_text(numbers));

  for (size_t p = 0; p < pages.size(); ++p) {
    HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Dict_AddName(pages[p], "Tabs", "S");  // tab order follows the structure
  }
  haru::require_pdf_version(pdf, HPDF_VER_15);  // /Tabs is PDF 1.5
  add_catalog_entries(pdf, numbers.root_reference, language);
}

void* StructureTree::reference(int element) const {
  if (element < 0 || static_cast<size_t>(element) >= placeholders_.size()) return nullptr;
  return placeholders_[static_cast<size_t>(element)];
}

}  // namespace broadsheet
