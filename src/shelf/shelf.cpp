// Scanning an output folder's editions and writing its shelf: catalog.xml
// (OPDS 1.2, Atom, through tinyxml2) and index.html, both from the same scan.
#include "shelf/shelf.h"

#include <tinyxml2.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "env/files.h"
#include "epub/identifier.h"
#include "epub/xml.h"
#include "image/image_format.h"
#include "image/prepare.h"
#include "image/raster.h"
#include "lint/package.h"
#include "model/days.h"

namespace broadsheet {
namespace fs = std::filesystem;
using tinyxml2::XMLElement;
using epub::add_element;
using epub::add_text_element;
using epub::set_attribute;

namespace {

constexpr const char* kEpubType = "application/epub+zip";
constexpr const char* kPdfType = "application/pdf";
constexpr const char* kFeedType = "application/atom+xml;profile=opds-catalog;kind=acquisition";

// broadsheet's namespace for shelf ids (a random v4 UUID of its own).
constexpr epub::UuidBytes kShelfNamespace = {0x8e, 0x21, 0x4b, 0x0d, 0x53, 0x9a, 0x4c, 0x6f,
                                             0xa1, 0x7e, 0x30, 0xd2, 0x96, 0x4f, 0x0b, 0x58};

std::string urn(std::string_view name) { return "urn:uuid:" + epub::uuid_v5(kShelfNamespace, name); }

std::string extension_of(const std::string& media_type) {
  return media_type == "image/jpeg" ? ".jpg" : media_type == "image/gif" ? ".gif" : ".png";
}

// covers/STEM-thumb.jpg or .png: where an edition's thumbnail is kept.
ShelfLink thumbnail_link(const std::string& stem, ImageFormat format, size_t bytes) {
  return {"covers/" + stem + "-thumb." + image_extension(format), image_media_type(format), bytes};
}

// The thumbnail an earlier update wrote for this very cover: covers/ holds
// the cover's copy and its thumbnail, and the same cover bytes make the same
// thumbnail. Reading it back saves decoding and scaling every cover of the
// folder after each build (about 40 ms an edition).
std::optional<std::pair<ShelfLink, std::string>> earlier_thumbnail(const fs::path& dir, const ShelfEdition& edition) {
  std::error_code ec;
  const fs::path cover = dir / edition.cover.href;
  if (!fs::is_regular_file(cover, ec) || fs::file_size(cover, ec) != edition.cover_bytes.size() ||
      read_file(cover) != edition.cover_bytes)
    return std::nullopt;
  std::optional<std::pair<ShelfLink, std::string>> found;
  for (ImageFormat format : {ImageFormat::Jpeg, ImageFormat::Png}) {
    const fs::path path = dir / thumbnail_link(edition.stem, format, 0).href;
    if (!fs::is_regular_file(path, ec)) continue;
    if (found) return std::nullopt;  // two: which one is current is unknown
    std::string bytes = read_file(path);
    found = {thumbnail_link(edition.stem, format, bytes.size()), std::move(bytes)};
  }
  return found;
}

// The thumbnail a build made for this edition's cover as it drew it.
const FreshThumbnail* fresh_thumbnail(const std::vector<FreshThumbnail>& fresh, const std::string& stem) {
  auto found = std::find_if(fresh.begin(), fresh.end(), [&](const FreshThumbnail& t) { return t.stem == stem; });
  return found == fresh.end() || found->bytes.empty() ? nullptr : &*found;
}

// The cover as stored in the EPUB, and a small one for lists: made with the
// cover, else written by an earlier update, else scaled from the cover now.
void add_covers(const fs::path& dir, const lint::Book& book, ShelfEdition& edition,
                const std::vector<FreshThumbnail>& fresh) {
  const lint::PackageFile* cover = lint::find_file(book, book.package.cover_path);
  if (!cover || cover->bytes.empty()) return;
  std::string type = "image/png";
  for (const lint::ManifestItem& item : book.package.manifest)
    if (item.path == book.package.cover_path) type = item.media_type;
  edition.cover = {"covers/" + edition.stem + extension_of(type), type, cover->bytes.size()};
  edition.cover_bytes = cover->bytes;
  if (const FreshThumbnail* made = fresh_thumbnail(fresh, edition.stem)) {
    edition.thumbnail = thumbnail_link(edition.stem, made->format, made->bytes.size());
    edition.thumbnail_bytes = made->bytes;
    return;
  }
  if (auto earlier = earlier_thumbnail(dir, edition)) {
    edition.thumbnail = earlier->first;
    edition.thumbnail_bytes = std::move(earlier->second);
    return;
  }
  try {
    PreparedImage small = prepare_thumbnail(cover->bytes, kThumbnailPx);
    edition.thumbnail = thumbnail_link(edition.stem, small.format, small.encoded.size());
    edition.thumbnail_bytes = std::move(small.encoded);
  } catch (const ImageError&) {
    edition.thumbnail = edition.cover;  // a cover we cannot decode is still a cover
  }
}

void read_epub(const fs::path& path, ShelfEdition& edition, const std::vector<FreshThumbnail>& fresh) {
  const lint::Book book = lint::read_book(path.filename().string(), read_file(path));
  const lint::PackageInfo& p = book.package;
  if (!p.unique_id.empty()) edition.id = p.unique_id;
  if (!p.title.empty()) edition.title = p.title;
  edition.author = p.creator;
  if (!p.languages.empty()) edition.language = p.languages.front();
  edition.summary = p.description;
  if (parse_iso_date(p.date)) edition.date = p.date;
  if (!p.modified.empty()) edition.updated = p.modified;
  add_covers(path.parent_path(), book, edition, fresh);
}

ShelfEdition& edition_for(std::map<std::string, ShelfEdition>& editions, const std::string& stem) {
  ShelfEdition& edition = editions[stem];
  if (edition.stem.empty()) {
    edition.stem = stem;
    edition.title = stem;
    edition.id = urn("edition " + stem);
    if (parse_iso_date(stem)) edition.date = stem;
  }
  return edition;
}

// Everything but the title's " — DATE" tail: the publication, for the feed's title.
std::string publication_of(const ShelfEdition& edition) {
  const std::string tail = " \u2014 " + edition.date;
  if (!edition.date.empty() && edition.title.ends_with(tail))
    return edition.title.substr(0, edition.title.size() - tail.size());
  return edition.title;
}

std::string human_size(std::uint64_t bytes) {
  if (bytes < 1000 * 1000) return std::to_string((bytes + 500) / 1000) + " KB";
  return std::to_string(bytes / 1000000) + "." + std::to_string(bytes / 100000 % 10) + " MB";
}

XMLElement* add_link(XMLElement* parent, const char* rel, const ShelfLink& link) {
  XMLElement* element = add_element(parent, "link");
  element->SetAttribute("rel", rel);
  set_attribute(element, "href", link.href);
  set_attribute(element, "type", link.media_type);
  return element;
}

void add_entry(XMLElement* feed, const ShelfEdition& e) {
  XMLElement* entry = add_element(feed, "entry");
  add_text_element(entry, "title", e.title);
  add_text_element(entry, "id", e.id);
  add_text_element(entry, "updated", e.updated);
  if (!e.author.empty()) add_text_element(add_element(entry, "author"), "name", e.author);
  if (!e.language.empty()) add_text_element(entry, "dc:language", e.language);
  if (!e.date.empty()) add_text_element(entry, "dc:issued", e.date);
  if (!e.summary.empty()) add_text_element(entry, "summary", e.summary)->SetAttribute("type", "text");
  if (!e.cover.href.empty()) add_link(entry, "http://opds-spec.org/image", e.cover);
  if (!e.thumbnail.href.empty()) add_link(entry, "http://opds-spec.org/image/thumbnail", e.thumbnail);
  for (const ShelfLink& file : e.files)
    add_link(entry, "http://opds-spec.org/acquisition", file)->SetAttribute("length", std::to_string(file.length).c_str());
  // Atom wants an alternate link (or content) in every entry: the edition on the page.
  add_link(entry, "alternate", {"index.html#" + e.stem, "text/html", 0});
}

std::string feed_updated(const Shelf& shelf) {
  std::string newest = "1970-01-01T00:00:00Z";
  for (const ShelfEdition& e : shelf.editions) newest = std::max(newest, e.updated);
  return newest;
}

void add_page_entry(XMLElement* list, const ShelfEdition& e) {
  XMLElement* item = add_element(list, "li");
  set_attribute(item, "id", e.stem);
  if (!e.language.empty()) set_attribute(item, "lang", e.language);
  XMLElement* article = add_element(item, "article");
  if (!e.thumbnail.href.empty()) {
    XMLElement* img = add_element(article, "img");
    set_attribute(img, "src", e.thumbnail.href);
    set_attribute(img, "alt", "Cover of " + e.title);
  }
  add_text_element(article, "h2", e.title);
  if (!e.summary.empty()) add_text_element(article, "p", e.summary);
  XMLElement* links = add_element(article, "p");
  for (const ShelfLink& file : e.files) {
    if (&file != &e.files.front()) epub::add_text(links, " \u00b7 ");
    XMLElement* a = add_text_element(links, "a", (file.media_type == kPdfType ? "PDF (" : "EPUB (") + human_size(file.length) + ")");
    set_attribute(a, "href", file.href);
    set_attribute(a, "type", file.media_type);
  }
}

void write_if_changed(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (fs::exists(path, ec) && read_file(path) == bytes) return;
  write_file_atomically(path, bytes);
}

}  // namespace

Shelf scan_shelf(const fs::path& dir, const std::vector<FreshThumbnail>& fresh) {
  std::map<std::string, ShelfEdition> editions;
  std::vector<fs::path> paths;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    const std::string extension = path.extension().string();
    if (extension != ".epub" && extension != ".pdf") continue;
    ShelfEdition& edition = edition_for(editions, path.stem().string());
    const std::string type = extension == ".epub" ? kEpubType : kPdfType;
    ShelfLink link{path.filename().string(), type, static_cast<std::uint64_t>(fs::file_size(path))};
    if (extension == ".epub") {
      edition.files.insert(edition.files.begin(), link);
      read_epub(path, edition, fresh);
    } else {
      edition.files.push_back(link);
    }
  }
  Shelf shelf;
  std::set<std::string> publications;
  for (auto& [stem, edition] : editions) {
    if (edition.updated.empty()) edition.updated = (edition.date.empty() ? "1970-01-01" : edition.date) + "T00:00:00Z";
    edition.publication = publication_of(edition);
    publications.insert(edition.publication);
    shelf.editions.push_back(std::move(edition));
  }
  std::stable_sort(shelf.editions.begin(), shelf.editions.end(), [](const ShelfEdition& a, const ShelfEdition& b) {
    return std::tie(a.date, a.stem) > std::tie(b.date, b.stem);
  });
  shelf.title = publications.size() == 1 ? *publications.begin() : "broadsheet editions";
  return shelf;
}

std::string opds_feed(const Shelf& shelf) {
  tinyxml2::XMLDocument doc;
  XMLElement* feed = epub::start_xml(doc, "feed", "http://www.w3.org/2005/Atom");
  feed->SetAttribute("xmlns:dc", "http://purl.org/dc/terms/");
  feed->SetAttribute("xmlns:opds", "http://opds-spec.org/2010/catalog");
  add_text_element(feed, "id", urn("shelf " + shelf.title));
  add_text_element(feed, "title", shelf.title);
  add_text_element(feed, "updated", feed_updated(shelf));
  add_text_element(add_element(feed, "author"), "name", "broadsheet");
  add_link(feed, "self", {"catalog.xml", kFeedType, 0});
  add_link(feed, "start", {"catalog.xml", kFeedType, 0});
  add_link(feed, "alternate", {"index.html", "text/html", 0});
  for (const ShelfEdition& edition : shelf.editions) add_entry(feed, edition);
  return epub::print_xml(doc, /*compact=*/false);
}

std::string shelf_page(const Shelf& shelf) {
  tinyxml2::XMLDocument doc;
  XMLElement* html = doc.NewElement("html");
  doc.InsertEndChild(html);
  html->SetAttribute("lang", shelf.editions.empty() || shelf.editions.front().language.empty()
                                 ? "en" : shelf.editions.front().language.c_str());
  XMLElement* head = add_element(html, "head");
  add_element(head, "meta")->SetAttribute("charset", "utf-8");
  XMLElement* viewport = add_element(head, "meta");
  viewport->SetAttribute("name", "viewport");
  viewport->SetAttribute("content", "width=device-width, initial-scale=1");
  add_text_element(head, "title", shelf.title);
  XMLElement* feed = add_element(head, "link");
  feed->SetAttribute("rel", "alternate");
  feed->SetAttribute("type", kFeedType);
  feed->SetAttribute("href", "catalog.xml");
  add_text_element(head, "style",
                   "body{font-family:sans-serif;max-width:40em;margin:auto;padding:1em;line-height:1.4}"
                   "ul{list-style:none;padding:0}li{margin:1.5em 0;overflow:hidden}"
                   "img{float:left;margin:0 1em 0.5em 0;max-width:7em;height:auto;border:1px solid #888}");
  XMLElement* body = add_element(html, "body");
  XMLElement* main = add_element(body, "main");
  add_text_element(main, "h1", shelf.title);
  XMLElement* about = add_text_element(main, "p", std::to_string(shelf.editions.size()) +
                                                      (shelf.editions.size() == 1 ? " edition. " : " editions. "));
  add_text_element(about, "a", "OPDS catalog")->SetAttribute("href", "catalog.xml");
  epub::add_text(about, " for e-reader apps (KOReader, Foliate).");
  XMLElement* list = add_element(main, "ul");
  for (const ShelfEdition& edition : shelf.editions) add_page_entry(list, edition);
  return "<!DOCTYPE html>\n" + epub::print_xml(doc, /*compact=*/false);
}

void update_shelf(const fs::path& dir, const std::vector<FreshThumbnail>& fresh) {
  const Shelf shelf = scan_shelf(dir, fresh);
  const fs::path covers = dir / "covers";
  std::set<std::string> wanted;
  std::error_code ec;
  for (const ShelfEdition& e : shelf.editions) {
    if (e.cover_bytes.empty()) continue;
    fs::create_directories(covers, ec);
    if (ec) throw EnvironmentError(covers.string(), "cannot create the folder", ec.message());
    write_if_changed(dir / e.cover.href, e.cover_bytes);
    wanted.insert(fs::path(e.cover.href).filename().string());
    if (!e.thumbnail_bytes.empty()) {
      write_if_changed(dir / e.thumbnail.href, e.thumbnail_bytes);
      wanted.insert(fs::path(e.thumbnail.href).filename().string());
    }
  }
  // Covers of editions deleted by hand go with them.
  if (fs::is_directory(covers, ec)) {
    for (const fs::directory_entry& entry : fs::directory_iterator(covers))
      if (entry.is_regular_file() && !wanted.contains(entry.path().filename().string()) &&
          (entry.path().extension() == ".png" || entry.path().extension() == ".jpg" || entry.path().extension() == ".gif"))
        fs::remove(entry.path(), ec);
  }
  write_if_changed(dir / "catalog.xml", opds_feed(shelf));
  write_if_changed(dir / "index.html", shelf_page(shelf));
}

namespace {

// "NAME LENGTH" of every edition file directly in dir.
std::set<std::string> edition_files(const fs::path& dir) {
  std::set<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".epub" || extension == ".pdf"))
      files.insert(entry.path().filename().string() + " " + std::to_string(entry.file_size()));
  }
  return files;
}

// "NAME LENGTH" of every acquisition link in a catalog.xml that opds_feed wrote.
std::set<std::string> listed_files(const std::string& catalog) {
  std::set<std::string> files;
  tinyxml2::XMLDocument doc;
  if (doc.Parse(catalog.data(), catalog.size()) != tinyxml2::XML_SUCCESS || !doc.RootElement()) return files;
  auto attribute = [](const XMLElement* e, const char* name) { return std::string(e->Attribute(name) ? e->Attribute(name) : ""); };
  for (XMLElement* entry = doc.RootElement()->FirstChildElement("entry"); entry; entry = entry->NextSiblingElement("entry"))
    for (XMLElement* link = entry->FirstChildElement("link"); link; link = link->NextSiblingElement("link"))
      if (attribute(link, "rel") == "http://opds-spec.org/acquisition")
        files.insert(attribute(link, "href") + " " + attribute(link, "length"));
  return files;
}

}  // namespace

bool shelf_current(const fs::path& dir) {
  try {
    return fs::is_regular_file(dir / "index.html") && fs::is_regular_file(dir / "catalog.xml") &&
           listed_files(read_file(dir / "catalog.xml")) == edition_files(dir);
  } catch (const std::exception&) {
    return false;  // cannot tell: refresh it
  }
}

std::optional<std::string> refresh_shelf(const fs::path& dir, const std::vector<FreshThumbnail>& fresh) {
  try {
    update_shelf(dir, fresh);
    return std::nullopt;
  } catch (const std::exception& e) {
    return "the shelf in " + dir.string() + " was not updated: " + e.what();
  }
}

}  // namespace broadsheet
