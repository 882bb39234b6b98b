// The lint rules and the `lint` command. A rule is an id, the devices it
// concerns and a severity (the table below); its check is a function over the
// book read by lint/package.cpp. docs/devices.md gives each rule's source.
#include "lint/lint.h"

#include <tinyxml2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "devices/profile.h"
#include "doc/language.h"
#include "lint/css_scan.h"

namespace broadsheet::lint {
namespace {

constexpr DeviceSet kEpub2Readers = kKindle | kKobo | kPocketBook;
constexpr DeviceSet kReaderEngines = kKindle | kKobo | kPocketBook | kKOReader;

const std::vector<Rule> kRules = {
    {"format", kAllDevices, Severity::Error},
    {"size", kKindle | kPocketBook | kReMarkable, Severity::Error},
    {"xml-wellformed", kAllDevices, Severity::Error},
    {"xml-declaration", kKindle, Severity::Error},
    {"comment-dashes", kAllDevices, Severity::Error},
    {"css-custom-property", kReaderEngines, Severity::Error},
    {"css-flex", kReaderEngines, Severity::Error},
    {"css-grid", kReaderEngines, Severity::Error},
    {"nav-missing", kAllDevices, Severity::Error},
    {"ncx-missing", kEpub2Readers, Severity::Error},
    {"ncx-ids", kEpub2Readers, Severity::Error},
    {"ncx-order", kKindle, Severity::Error},
    {"language-missing", kAllDevices, Severity::Warning},
    {"language-unsupported", kKindle, Severity::Warning},
    {"image-webp", kKindle | kKobo | kPocketBook | kReMarkable, Severity::Error},
    {"image-svg", kKindle | kPocketBook, Severity::Warning},
    {"img-src", kKindle, Severity::Error},
    {"file-name-ascii", kAllDevices, Severity::Warning},
    {"file-name-long", kAllDevices, Severity::Warning},
    {"font-obfuscation", kKindle | kPocketBook | kReMarkable, Severity::Warning},
    {"rtl-html-only", kKindle, Severity::Warning},
};

/// Longer paths inside a package risk Windows' 260-character limit once a
/// library unzips the book into its own folder (docs/devices.md).
constexpr size_t kMaxEntryName = 100;

// Kindle's supported eBook languages (KDP's published list), as primary subtags.
constexpr std::array<std::string_view, 43> kKindleLanguages = {
    "af", "ar", "br", "ca", "co", "cy", "da", "de", "en", "es", "eu", "fi", "fo", "fr", "fy",
    "ga", "gd", "gl", "gsw", "gu", "gv", "he", "hi", "is", "it", "ja", "kw", "lb", "ml", "mr",
    "nb", "nl", "nn", "no", "oc", "pt", "rm", "sco", "sv", "ta", "zh", "frr", "stq"};

const Rule& rule(std::string_view id) {
  for (const Rule& r : kRules)
    if (r.id == id) return r;
  return kRules.front();
}

size_t rule_index(std::string_view id) { return static_cast<size_t>(&rule(id) - kRules.data()); }

// Rules whose every occurrence says the same: repeats in one file are counted.
bool counted(std::string_view id) {
  return id == "comment-dashes" || id.starts_with("css-") || id == "img-src";
}

// Collects findings for the devices asked; repeats of a counted rule in one
// entry are counted into the first ("(3 in this file)") rather than listed.
class Findings {
 public:
  explicit Findings(DeviceSet asked) : asked_(asked) {}

  void add(std::string_view id, const std::string& entry, int line, std::string message,
           DeviceSet devices = 0) {
    const Rule& r = rule(id);
    const DeviceSet concerned = (devices ? devices : r.devices) & asked_;
    if (!concerned) return;
    const auto key = std::make_pair(entry, std::string(id) + "/" + std::to_string(concerned));
    if (auto seen = first_.find(key); seen != first_.end() && counted(id)) {
      ++counts_[seen->second];
      return;
    }
    first_[key] = items_.size();
    counts_.push_back(1);
    items_.push_back({entry, line, r.id, concerned, r.severity, std::move(message)});
  }

  std::vector<Finding> take() {
    for (size_t i = 0; i < items_.size(); ++i)
      if (counts_[i] > 1) items_[i].message += " (" + std::to_string(counts_[i]) + " in this file)";
    return std::move(items_);
  }

 private:
  DeviceSet asked_;
  std::vector<Finding> items_;
  std::vector<int> counts_;
  std::map<std::pair<std::string, std::string>, size_t> first_;
};

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

void check_size(const Book& book, Findings& out) {
  for (const DeviceProfile& device : device_profiles()) {
    if (device.size_limit == 0 || book.size <= device.size_limit) continue;
    out.add("size", "", 0,
            "the file is " + megabytes(book.size) + "; " + std::string(device.label) +
                "'s delivery path takes at most " + megabytes(device.size_limit),
            device_bit(device.name));
  }
}

bool has_extension(const std::string& name, std::initializer_list<std::string_view> extensions) {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view e) { return lower.ends_with(e); });
}

const ManifestItem* manifest_item(const Book& book, const std::string& path) {
  for (const ManifestItem& item : book.package.manifest)
    if (item.path == path) return &item;
  return nullptr;
}

void check_names_and_images(const Book& book, Findings& out) {
  for (const PackageFile& file : book.files) {
    if (std::any_of(file.name.begin(), file.name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
      out.add("file-name-ascii", file.name, 0, "the file name is not ASCII; some readers and gateways cannot open it");
    if (file.name.size() > kMaxEntryName)
      out.add("file-name-long", file.name, 0,
              "the file name has " + std::to_string(file.name.size()) + " bytes (more than " +
                  std::to_string(kMaxEntryName) + ")");
    const ManifestItem* item = manifest_item(book, file.name);
    const std::string type = item ? item->media_type : "";
    if (type == "image/webp" || has_extension(file.name, {".webp"}))
      out.add("image-webp", file.name, 0, "a WebP image, which these readers do not show");
    if (type == "image/svg+xml" || has_extension(file.name, {".svg"}))
      out.add("image-svg", file.name, 0, "an SVG image, which these readers show badly or not at all");
  }
}

bool has_encoding_declaration(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!bytes.starts_with("<?xml")) return false;
  const std::string_view declaration = bytes.substr(0, bytes.find("?>"));
  return declaration.find("encoding") != std::string_view::npos;
}

void add_css_hits(std::string_view css, const std::string& entry, int first_line, Findings& out) {
  for (const CssHit& hit : scan_css(css)) {
    const int line = first_line + hit.line - 1;
    switch (hit.feature) {
      case CssFeature::CustomProperty:
        out.add("css-custom-property", entry, line,
                "CSS custom property '" + hit.what + "': Send to Kindle rejects the book (E999), other readers ignore it");
        break;
      case CssFeature::Flex:
        out.add("css-flex", entry, line, "'" + hit.what + "': e-reader engines do not lay it out (Kobo shows blank pages)");
        break;
      case CssFeature::Grid:
        out.add("css-grid", entry, line, "'" + hit.what + "': e-reader engines do not lay it out");
        break;
    }
  }
}

// Walks one XML or XHTML file for the element-level rules.
class XmlWalker : public tinyxml2::XMLVisitor {
 public:
  XmlWalker(const std::string& entry, Findings& out) : entry_(entry), out_(out) {}

  bool VisitEnter(const tinyxml2::XMLElement& e, const tinyxml2::XMLAttribute*) override {
    const std::string_view name = e.Name();
    if (e.Parent() == e.GetDocument()) {
      html_rtl_ = name == "html" && e.Attribute("dir") && std::string_view(e.Attribute("dir")) == "rtl";
      html_line_ = e.GetLineNum();
    } else if (e.Attribute("dir")) {
      inner_dir_ = true;
    }
    if (name == "img" && !e.Attribute("src"))
      out_.add("img-src", entry_, e.GetLineNum(), "<img> without src: Send to Kindle rejects the book (E999)");
    if (name == "style" && e.GetText()) add_css_hits(e.GetText(), entry_, e.GetLineNum(), out_);
    if (const char* style = e.Attribute("style")) add_css_hits(style, entry_, e.GetLineNum(), out_);
    return true;
  }

  bool Visit(const tinyxml2::XMLComment& comment) override {
    const std::string_view text = comment.Value();
    if (text.find("--") != std::string_view::npos || text.ends_with("-"))
      out_.add("comment-dashes", entry_, comment.GetLineNum(),
               "'--' inside an XML comment: not well-formed XML; Send to Kindle rejects the book (E999)");
    return true;
  }

  void finish() {
    if (html_rtl_ && !inner_dir_)
      out_.add("rtl-html-only", entry_, html_line_,
               "dir=\"rtl\" only on <html>: calibre's conversion for Kindle drops it and the text "
               "reads left to right; put it on <body> too");
  }

 private:
  const std::string& entry_;
  Findings& out_;
  bool html_rtl_ = false, inner_dir_ = false;
  int html_line_ = 0;
};

void check_markup(const Book& book, Findings& out) {
  for (const PackageFile& file : book.files) {
    if (has_extension(file.name, {".css"})) add_css_hits(file.bytes, file.name, 1, out);
    const bool document = has_extension(file.name, {".xhtml", ".html", ".htm", ".opf", ".ncx"});
    if (!document && !has_extension(file.name, {".xml", ".svg"})) continue;
    if (document && !has_encoding_declaration(file.bytes))
      out.add("xml-declaration", file.name, 1,
              "no XML declaration with an encoding (<?xml version=\"1.0\" encoding=\"UTF-8\"?>): "
              "Send to Kindle rejects the book (E999)");
    tinyxml2::XMLDocument doc;
    if (doc.Parse(file.bytes.data(), file.bytes.size()) != tinyxml2::XML_SUCCESS) {
      out.add("xml-wellformed", file.name, doc.ErrorLineNum(),
              std::string("not well-formed XML: ") + doc.ErrorName());
      continue;
    }
    XmlWalker walker(file.name, out);
    doc.Accept(&walker);
    walker.finish();
  }
}

void check_navigation(const Book& book, Findings& out) {
  const PackageInfo& p = book.package;
  const bool epub3 = p.version.starts_with("3");
  if (epub3 && std::none_of(p.manifest.begin(), p.manifest.end(), [](const ManifestItem& i) {
        return (" " + i.properties + " ").find(" nav ") != std::string::npos;
      }))
    out.add("nav-missing", p.opf_path, 0, "EPUB 3 without a navigation document (a manifest item with properties=\"nav\")");
  if (p.ncx_path.empty() || !find_file(book, p.ncx_path)) {
    out.add("ncx-missing", p.opf_path, 0,
            "no NCX (toc.ncx): EPUB 2 reading systems (Kobo's sideloaded EPUBs, older PocketBooks) show no table of contents");
  }
  if (!p.unique_id_resolves)
    out.add("ncx-ids", p.opf_path, 0, "the package's unique-identifier names no dc:identifier");
}

// The NCX's navPoints: ids present, dtb:uid equal to the package's identifier,
// and documents listed in spine order.
struct NcxWalker : tinyxml2::XMLVisitor {
  const Book& book;
  Findings& out;
  std::vector<std::pair<std::string, int>> targets;  // document paths, with their lines
  NcxWalker(const Book& b, Findings& o) : book(b), out(o) {}

  bool VisitEnter(const tinyxml2::XMLElement& e, const tinyxml2::XMLAttribute*) override {
    const std::string_view name = e.Name();
    const std::string& ncx = book.package.ncx_path;
    if (name == "meta" && e.Attribute("name") && std::string_view(e.Attribute("name")) == "dtb:uid") {
      const std::string uid = e.Attribute("content") ? e.Attribute("content") : "";
      if (book.package.unique_id_resolves && uid != book.package.unique_id)
        out.add("ncx-ids", ncx, e.GetLineNum(),
                "dtb:uid '" + uid + "' differs from the package's identifier '" + book.package.unique_id + "'");
    }
    if (name == "navPoint" && (!e.Attribute("id") || std::string_view(e.Attribute("id")).empty()))
      out.add("ncx-ids", ncx, e.GetLineNum(), "a navPoint without an id");
    if (name == "content" && e.Attribute("src"))
      targets.emplace_back(resolve_href(ncx, e.Attribute("src")), e.GetLineNum());
    return true;
  }
};

void check_ncx_order(const NcxWalker& walker, Findings& out, const Book& book) {
  const std::vector<std::string>& spine = book.package.spine;
  size_t last = 0;
  std::string last_path;
  for (const auto& [path, line] : walker.targets) {
    const auto at = std::find(spine.begin(), spine.end(), path);
    if (at == spine.end()) continue;
    const size_t index = static_cast<size_t>(at - spine.begin());
    if (index < last) {
      out.add("ncx-order", book.package.ncx_path, line,
              "the NCX lists '" + path + "' after '" + last_path +
                  "', against the spine's order: Send to Kindle rejects the book (E999)");
      continue;
    }
    last = index;
    last_path = path;
  }
}

void check_ncx(const Book& book, Findings& out) {
  const PackageFile* ncx = find_file(book, book.package.ncx_path);
  tinyxml2::XMLDocument doc;
  if (!ncx || doc.Parse(ncx->bytes.data(), ncx->bytes.size()) != tinyxml2::XML_SUCCESS) return;
  NcxWalker walker(book, out);
  doc.Accept(&walker);
  check_ncx_order(walker, out, book);
}

void check_language(const Book& book, Findings& out) {
  const PackageInfo& p = book.package;
  if (p.languages.empty() || p.languages.front().empty()) {
    out.add("language-missing", p.opf_path, 0,
            "no dc:language: Send to Kindle rejects such a book (E999) and readers guess hyphenation and voice");
    return;
  }
  // The first dc:language is the book's; the others (a multilingual edition
  // lists every language its articles use) do not decide how the store files it.
  const std::string& language = p.languages.front();
  const std::string primary = primary_language(language);
  if (std::find(kKindleLanguages.begin(), kKindleLanguages.end(), primary) == kKindleLanguages.end())
    out.add("language-unsupported", p.opf_path, 0,
            "dc:language '" + language + "' is not among the languages Kindle's store accepts: Send to Kindle may reject the book (E999)");
}

void check_fonts(const Book& book, Findings& out) {
  const PackageFile* encryption = find_file(book, "META-INF/encryption.xml");
  tinyxml2::XMLDocument doc;
  if (!encryption || doc.Parse(encryption->bytes.data(), encryption->bytes.size()) != tinyxml2::XML_SUCCESS) return;
  struct Walker : tinyxml2::XMLVisitor {
    std::string algorithm;
    Findings* out;
    bool VisitEnter(const tinyxml2::XMLElement& e, const tinyxml2::XMLAttribute*) override {
      const std::string_view name = e.Name();
      if (name.ends_with("EncryptionMethod") && e.Attribute("Algorithm")) algorithm = e.Attribute("Algorithm");
      if (name.ends_with("CipherReference") && e.Attribute("URI"))
        out->add("font-obfuscation", "META-INF/encryption.xml", e.GetLineNum(),
                 "'" + std::string(e.Attribute("URI")) + "' is obfuscated (" + algorithm +
                     "): these readers show a fallback font or refuse the book");
      return true;
    }
  } walker;
  walker.out = &out;
  doc.Accept(&walker);
}

size_t entry_order(const Book& book, const std::string& entry) {
  if (entry.empty()) return 0;
  for (size_t i = 0; i < book.files.size(); ++i)
    if (book.files[i].name == entry) return i + 1;
  return book.files.size() + 1;
}

}  // namespace

DeviceSet device_bit(std::string_view name) {
  DeviceSet bit = 1;
  for (const DeviceProfile& device : device_profiles()) {
    if (device.name == name) return bit;
    bit = static_cast<DeviceSet>(bit << 1);
  }
  return 0;
}

std::string device_list(DeviceSet devices) {
  if (devices == kAllDevices) return "all devices";
  std::string names;
  for (const DeviceProfile& device : device_profiles()) {
    if (!(devices & device_bit(device.name))) continue;
    names += (names.empty() ? "" : ", ") + std::string(device.name);
  }
  return names;
}

const std::vector<Rule>& rules() { return kRules; }

std::vector<Finding> lint_book(const Book& book, DeviceSet devices) {
  Findings out(devices);
  if (!book.read_error.empty()) out.add("format", "", 0, book.read_error);
  check_size(book, out);
  if (book.kind == BookKind::Epub && book.read_error.empty()) {
    if (book.package.opf_path.empty() || !find_file(book, book.package.opf_path)) {
      out.add("format", "", 0, "no package document: META-INF/container.xml names no file in the archive");
    } else {
      check_navigation(book, out);
      check_language(book, out);
    }
    check_names_and_images(book, out);
    check_markup(book, out);
    check_ncx(book, out);
    check_fonts(book, out);
  }
  std::vector<Finding> findings = out.take();
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    return std::tuple(entry_order(book, a.entry), a.line, rule_index(a.rule)) <
           std::tuple(entry_order(book, b.entry), b.line, rule_index(b.rule));
  });
  return findings;
}

Diagnostic to_diagnostic(const Book& book, const Finding& finding) {
  SourceLoc loc{book.path + (finding.entry.empty() ? "" : "/" + finding.entry), finding.line, 0};
  return {finding.severity, loc,
          finding.message + " [" + std::string(finding.rule) + ": " + device_list(finding.devices) + "]", {}};
}

int run_lint(const std::vector<std::string>& files, DeviceSet devices, std::string_view device_name,
             std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in.is_open()) bytes << in.rdbuf();
    if (!in.is_open() || in.bad()) {
      err << "broadsheet: error: " << path << ": cannot read the file\n";
      return 3;
    }
    const Book book = read_book(path, bytes.str());
    for (const Finding& finding : lint_book(book, devices)) {
      const Diagnostic d = to_diagnostic(book, finding);
      if (d.severity == Severity::Error) diags.error(d.loc, d.message);
      else diags.warning(d.loc, d.message);
    }
  }
  err << diags.format();
  const size_t warnings = diags.items().size() - static_cast<size_t>(diags.error_count());
  const std::string target = device_name.empty() ? "any device" : std::string(device_name);
  const std::string counted = std::to_string(files.size()) + (files.size() == 1 ? " file" : " files");
  if (diags.has_errors()) {
    err << "broadsheet: " << diags.error_count() << (diags.error_count() == 1 ? " error" : " errors")
        << " in " << counted << " for " << target << "\n";
    return 1;
  }
  out << "ok: " << counted << " for " << target;
  if (warnings > 0) out << ", " << warnings << (warnings == 1 ? " warning" : " warnings");
  out << "\n";
  return 0;
}

}  // namespace broadsheet::lint
