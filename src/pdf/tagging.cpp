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

// libharu's objects for what the tree is made of.
class Objects {
 public:
  explicit Objects(HPDF_Doc pdf) : pdf_(pdf), mmgr_(haru::memory_of(pdf)) {}

  HPDF_Dict indirect_dict() const { return made(haru::new_indirect_dict(pdf_)); }
  HPDF_Dict dict() const { return made(HPDF_Dict_New(mmgr_)); }
  HPDF_Array array() const { return made(HPDF_Array_New(mmgr_)); }
  // A text string in UTF-16BE, for any script (/Alt, /Contents).
  HPDF_Binary text(std::string_view utf8) const {
    std::string bytes = utf16be_with_bom(utf8);
    return HPDF_Binary_New(mmgr_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
  }
  // An ASCII string (/Lang: a BCP 47 tag is ASCII).
  HPDF_String ascii(const std::string& value) const { return HPDF_String_New(mmgr_, value.c_str(), nullptr); }

 private:
  // libharu returns null when it cannot allocate; nothing may be added to that.
  template <typename T>
  static T made(T object) {
    if (!object) throw EnvironmentError("PDF: cannot make the structure tree's objects");
    return object;
  }

  HPDF_Doc pdf_;
  HPDF_MMgr mmgr_;
};

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

void StructureTree::write(HPDF_Doc pdf, const std::vector<HPDF_Page>& pages, std::string_view language) {
  find_live();
  Objects make(pdf);
  HPDF_Dict root = make.indirect_dict();
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  HPDF_Dict document = make.indirect_dict();
  HPDF_Dict_AddName(document, "Type", "StructElem");
  HPDF_Dict_AddName(document, "S", "Document");
  HPDF_Dict_Add(document, "P", root);
  HPDF_Array document_kids = make.array();
  HPDF_Dict_Add(document, "K", document_kids);
  HPDF_Array root_kids = make.array();
  HPDF_Array_Add(root_kids, document);
  HPDF_Dict_Add(root, "K", root_kids);

  // Per page, the element of each MCID; then one key per link annotation.
  std::vector<HPDF_Array> page_parents;
  for (size_t p = 0; p < pages.size(); ++p) page_parents.push_back(make.array());
  HPDF_Array nums = make.array();
  std::vector<std::pair<HPDF_Annotation, HPDF_Dict>> link_parents;

  std::vector<std::string> inherited(elements_.size());
  std::vector<HPDF_Array> kids(elements_.size(), nullptr);
  dicts_.assign(elements_.size(), nullptr);
  for (size_t i = 0; i < elements_.size(); ++i) {
    if (!nodes_[i].live) continue;
    const StructElement& e = elements_[i];
    const Node& node = nodes_[i];
    const bool top = e.parent < 0;
    const std::string context = top ? std::string(language) : inherited[static_cast<size_t>(e.parent)];
    HPDF_Dict dict = make.indirect_dict();
    dicts_[i] = dict;
    HPDF_Dict_AddName(dict, "Type", "StructElem");
    HPDF_Dict_AddName(dict, "S", role_name(e.role));
    HPDF_Dict_Add(dict, "P", top ? document : dicts_[static_cast<size_t>(e.parent)]);
    inherited[i] = context;
    if (!language_within(e.language, context)) {
      HPDF_Dict_Add(dict, "Lang", make.ascii(e.language));
      inherited[i] = e.language;
    }
    if (!e.alt.empty()) HPDF_Dict_Add(dict, "Alt", make.text(e.alt));
    HPDF_Array k = make.array();
    kids[i] = k;
    HPDF_Dict_Add(dict, "K", k);
    // Content first (integer MCIDs on the element's own /Pg, marked-content
    // references elsewhere), then its links, then the child elements.
    if (!node.content.empty()) {
      const size_t home = node.content.front().page;
      HPDF_Dict_Add(dict, "Pg", pages[home]);
      for (const ContentRef& ref : node.content) {
        HPDF_Array_Add(page_parents[ref.page], dict);
        if (ref.page == home) {
          HPDF_Array_AddNumber(k, ref.mcid);
          continue;
        }
        HPDF_Dict mcr = make.dict();
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", pages[ref.page]);
        HPDF_Dict_AddNumber(mcr, "MCID", ref.mcid);
        HPDF_Array_Add(k, mcr);
      }
    }
    for (const LinkRef& link : node.links) {
      HPDF_Dict element = make.indirect_dict();
      HPDF_Dict_AddName(element, "Type", "StructElem");
      HPDF_Dict_AddName(element, "S", "Link");
      HPDF_Dict_Add(element, "P", dict);
      HPDF_Dict_Add(element, "Pg", pages[link.page]);
      HPDF_Dict objr = make.dict();
      HPDF_Dict_AddName(objr, "Type", "OBJR");
      HPDF_Dict_Add(objr, "Obj", link.annotation);
      HPDF_Dict_Add(element, "K", objr);
      HPDF_Array_Add(k, element);
      link_parents.emplace_back(link.annotation, element);
    }
    HPDF_Array_Add(top ? document_kids : kids[static_cast<size_t>(e.parent)], dict);
  }

  for (size_t p = 0; p < pages.size(); ++p) {
    HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Dict_AddName(pages[p], "Tabs", "S");  // tab order follows the structure
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
    HPDF_Array_Add(nums, page_parents[p]);
  }
  auto key = static_cast<HPDF_INT32>(pages.size());
  for (const auto& [annotation, element] : link_parents) {
    HPDF_Dict_AddNumber(annotation, "StructParent", key);
    HPDF_Array_AddNumber(nums, key++);
    HPDF_Array_Add(nums, element);
  }
  HPDF_Dict parent_tree = make.indirect_dict();
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key);

  haru::require_pdf_version(pdf, HPDF_VER_15);  // /Tabs is PDF 1.5
  HPDF_Dict catalog = haru::catalog_of(pdf);
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = make.dict();
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
  if (!language.empty()) HPDF_Dict_Add(catalog, "Lang", make.ascii(std::string(language)));
  // Viewers title the window with the edition, not the file name (PDF/UA).
  HPDF_Dict preferences = make.dict();
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", preferences);
}

HPDF_Dict StructureTree::dictionary(int element) const {
  if (element < 0 || static_cast<size_t>(element) >= dicts_.size()) return nullptr;
  return dicts_[static_cast<size_t>(element)];
}

}  // namespace broadsheet
