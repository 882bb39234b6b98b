// Reading a book for lint: the zip through libzip (from memory), then the
// container and package documents through tinyxml2.
#include "lint/package.h"

#include <tinyxml2.h>
#include <zip.h>

#include <memory>
#include <string_view>

namespace broadsheet::lint {
namespace {

struct ZipCloser {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The entries, in the zip's order; false with book.read_error when it is no zip.
bool read_entries(const std::string& bytes, Book& book) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* raw = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!raw) {
    book.read_error = std::string("not a zip archive: ") + zip_error_strerror(&error);
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    return false;
  }
  zip_error_fini(&error);
  std::unique_ptr<zip_t, ZipCloser> zip(raw);
  const zip_int64_t count = zip_get_num_entries(raw, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(raw, i, 0, &stat) != 0) continue;
    PackageFile file{stat.name ? stat.name : "", {}, stat.size > kMaxEntryBytes};
    std::unique_ptr<zip_file_t, FileCloser> entry(file.too_large ? nullptr : zip_fopen_index(raw, i, 0));
    if (entry) {
      file.bytes.resize(stat.size);
      const zip_int64_t got = zip_fread(entry.get(), file.bytes.data(), stat.size);
      file.bytes.resize(got > 0 ? static_cast<size_t>(got) : 0);
    }
    book.files.push_back(std::move(file));
  }
  return true;
}

std::string attribute(const tinyxml2::XMLElement* element, const char* name) {
  const char* value = element ? element->Attribute(name) : nullptr;
  return value ? value : "";
}

// The local name of an element: "dc:language" -> "language".
std::string_view local_name(const tinyxml2::XMLElement* element) {
  std::string_view name = element->Name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const tinyxml2::XMLElement* child(const tinyxml2::XMLElement* parent, std::string_view name) {
  for (auto* e = parent ? parent->FirstChildElement() : nullptr; e; e = e->NextSiblingElement())
    if (local_name(e) == name) return e;
  return nullptr;
}

std::string opf_path_of(const Book& book) {
  const PackageFile* container = find_file(book, "META-INF/container.xml");
  if (!container) return {};
  tinyxml2::XMLDocument doc;
  if (doc.Parse(container->bytes.data(), container->bytes.size()) != tinyxml2::XML_SUCCESS) return {};
  const auto* rootfiles = child(doc.RootElement(), "rootfiles");
  return attribute(child(rootfiles, "rootfile"), "full-path");
}

void read_metadata(const tinyxml2::XMLElement* package, PackageInfo& info) {
  const std::string unique = attribute(package, "unique-identifier");
  const auto* metadata = child(package, "metadata");
  for (auto* e = metadata ? metadata->FirstChildElement() : nullptr; e; e = e->NextSiblingElement()) {
    const std::string text = e->GetText() ? e->GetText() : "";
    const std::string_view name = local_name(e);
    if (name == "language") info.languages.push_back(text);
    if (name == "title" && info.title.empty()) info.title = text;
    if (name == "creator" && info.creator.empty()) info.creator = text;
    if (name == "description" && info.description.empty()) info.description = text;
    if (name == "date" && info.date.empty()) info.date = text;
    if (name == "meta" && attribute(e, "property") == "dcterms:modified") info.modified = text;
    if (name == "identifier" && !unique.empty() && attribute(e, "id") == unique) {
      info.unique_id = text;
      info.unique_id_resolves = true;
    }
  }
}

void read_manifest_and_spine(const tinyxml2::XMLElement* package, PackageInfo& info) {
  const auto* manifest = child(package, "manifest");
  for (auto* e = manifest ? manifest->FirstChildElement() : nullptr; e; e = e->NextSiblingElement()) {
    ManifestItem item{attribute(e, "id"), attribute(e, "href"), {}, attribute(e, "media-type"),
                      attribute(e, "properties")};
    item.path = resolve_href(info.opf_path, item.href);
    if ((" " + item.properties + " ").find(" cover-image ") != std::string::npos) info.cover_path = item.path;
    info.manifest.push_back(std::move(item));
  }
  const auto* spine = child(package, "spine");
  const std::string toc = attribute(spine, "toc");
  for (const ManifestItem& item : info.manifest)
    if (item.media_type == "application/x-dtbncx+xml" && (toc.empty() || item.id == toc))
      info.ncx_path = item.path;
  for (auto* e = spine ? spine->FirstChildElement() : nullptr; e; e = e->NextSiblingElement()) {
    const std::string idref = attribute(e, "idref");
    for (const ManifestItem& item : info.manifest)
      if (item.id == idref) info.spine.push_back(item.path);
  }
}

void read_package(Book& book) {
  PackageInfo& info = book.package;
  info.opf_path = opf_path_of(book);
  const PackageFile* opf = find_file(book, info.opf_path);
  if (!opf) return;
  tinyxml2::XMLDocument doc;
  if (doc.Parse(opf->bytes.data(), opf->bytes.size()) != tinyxml2::XML_SUCCESS) return;
  const tinyxml2::XMLElement* package = doc.RootElement();
  info.version = attribute(package, "version");
  read_metadata(package, info);
  read_manifest_and_spine(package, info);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

const PackageFile* find_file(const Book& book, const std::string& name) {
  for (const PackageFile& file : book.files)
    if (file.name == name) return &file;
  return nullptr;
}

std::string resolve_href(const std::string& from, const std::string& href) {
  std::string_view target = href;
  target = target.substr(0, std::min(target.find('#'), target.find('?')));
  std::vector<std::string> parts;
  const size_t slash = from.rfind('/');
  std::string joined = (slash == std::string::npos ? "" : from.substr(0, slash + 1)) +
                       percent_decoded(target);
  size_t start = 0;
  while (start <= joined.size()) {
    const size_t end = std::min(joined.find('/', start), joined.size());
    const std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string path;
  for (const std::string& part : parts) path += (path.empty() ? "" : "/") + part;
  return path;
}

Book read_book(const std::string& path, const std::string& bytes) {
  Book book;
  book.path = path;
  book.size = bytes.size();
  if (bytes.starts_with("%PDF-")) {
    book.kind = BookKind::Pdf;
    return book;
  }
  if (!bytes.starts_with("PK")) {
    book.read_error = "neither an EPUB (a zip archive) nor a PDF";
    return book;
  }
  book.kind = BookKind::Epub;
  if (read_entries(bytes, book)) read_package(book);
  return book;
}

}  // namespace broadsheet::lint
