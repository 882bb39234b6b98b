// A book as lint reads it: an EPUB's entries (read with libzip) and the parts
// of its package document the rules look at, or a PDF's size. Reading never
// throws on a bad file: what cannot be read becomes a problem of its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace broadsheet::lint {

enum class BookKind { Epub, Pdf, Unknown };

/// One file inside the package, in the zip's order.
struct PackageFile {
  std::string name;   ///< "OEBPS/articles/s1-a1.xhtml"
  std::string bytes;  ///< empty when over kMaxEntryBytes (too_large)
  bool too_large = false;
};

/// A manifest item of the package document.
struct ManifestItem {
  std::string id, href, path, media_type, properties;  ///< path: href resolved in the zip
};

/// What the package document (the OPF) says, as far as the rules need it.
struct PackageInfo {
  std::string opf_path;         ///< from META-INF/container.xml; "" when not found
  std::string version;          ///< "3.0", "2.0"
  std::string unique_id;        ///< the dc:identifier unique-identifier points at; "" if none
  bool unique_id_resolves = false;
  std::vector<std::string> languages;  ///< dc:language values
  std::string title, creator, description, date, modified;  ///< dc:*, dcterms:modified
  std::string cover_path;              ///< the manifest's cover-image item, resolved
  std::vector<ManifestItem> manifest;
  std::vector<std::string> spine;      ///< paths, in reading order
  std::string ncx_path;                ///< the NCX's path ("" without one)
};

struct Book {
  std::string path;        ///< as given on the command line
  std::uint64_t size = 0;  ///< the file's bytes
  BookKind kind = BookKind::Unknown;
  std::vector<PackageFile> files;
  PackageInfo package;
  std::string read_error;  ///< why the file could not be read as its kind, if it could not
};

/// The most bytes of one entry lint reads (a zip bomb stops here).
inline constexpr std::uint64_t kMaxEntryBytes = 64ull << 20;

/// Reads the file: EPUB by its zip bytes, PDF by "%PDF-".
Book read_book(const std::string& path, const std::string& bytes);

/// The file named `name`, or nullptr.
const PackageFile* find_file(const Book& book, const std::string& name);

/// A relative href resolved against the folder of `from` ("a/b.opf" + "../c" -> "c");
/// the fragment and query are dropped, %XX is decoded.
std::string resolve_href(const std::string& from, const std::string& href);

}  // namespace broadsheet::lint
