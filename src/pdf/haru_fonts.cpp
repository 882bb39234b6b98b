// Fonts of one libharu document: lazy loading of the style's faces and the
// fallbacks, glyph-availability runs, and the cached HaruMeasurer.
#include "pdf/haru_fonts.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "diag/utf8.h"
#include "env/files.h"
#include "typeset/bidi.h"
#include "pdf/font_subset.h"
#include "pdf/haru_compat.h"

namespace broadsheet {

namespace {

std::string hex4(unsigned v) {
  char buf[8];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, 16);
  (void)ec;
  return std::string(buf, end);
}

int face_slot(const FontFace& face) {
  return static_cast<int>(face.role) * 4 + (face.bold ? 2 : 0) + (face.italic ? 1 : 0);
}

}  // namespace

// --- HaruDoc -----------------------------------------------------------------

HaruDoc::HaruDoc() : log_(std::make_unique<Log>()) {
  doc_.reset(HPDF_New(&HaruDoc::on_error, log_.get()));
  if (!doc_) throw EnvironmentError("PDF: libharu could not create a document (out of memory?)");
}

void HaruDoc::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* log) {
  auto* l = static_cast<Log*>(log);
  if (l->code == 0) *l = Log{code, detail};  // the first error is the cause; later ones follow from it
}

void HaruDoc::check(const std::string& what) const {
  if (log_->code == 0) return;
  throw EnvironmentError("PDF: libharu error 0x" + hex4(static_cast<unsigned>(log_->code)) +
                         " (detail " + std::to_string(log_->detail) + ") while " + what);
}

// --- FontBook ------------------------------------------------------------------

FontBook::FontBook(const HaruDoc& doc, const FontFiles& files) : doc_(doc) {
  auto add = [this](const std::filesystem::path& path) {
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].path == path) return static_cast<int>(i);
    }
    Entry entry;
    entry.path = path;
    entries_.push_back(std::move(entry));
    return static_cast<int>(entries_.size()) - 1;
  };
  const FontFamilyFiles* families[] = {&files.body, &files.heading, &files.mono};
  for (int role = 0; role < 3; ++role) {
    const FontFamilyFiles& f = *families[role];
    const std::filesystem::path* faces[] = {&f.regular, &f.italic, &f.bold, &f.bold_italic};
    for (int k = 0; k < 4; ++k) face_entries_[role * 4 + k] = add(*faces[k]);
  }
  for (const auto& path : files.fallbacks) fallbacks_.push_back(add(path));
}

int FontBook::face_entry(const FontFace& face) const { return face_entries_[face_slot(face)]; }

FontBook::Entry& FontBook::load(int index) {
  Entry& e = entries_[static_cast<size_t>(index)];
  if (e.def) return e;
  if (e.path.empty()) throw EnvironmentError("PDF: no font file for a face the layout uses");
  const char* name = e.path.extension() == ".ttc"
                         ? HPDF_LoadTTFontFromFile2(doc_.get(), e.path.c_str(), kCollectionFace, HPDF_TRUE)
                         : HPDF_LoadTTFontFromFile(doc_.get(), e.path.c_str(), HPDF_TRUE);
  doc_.check("loading the font " + e.path.string());
  // Some failures (a truncated file) return NULL without calling the handler.
  if (!name) throw EnvironmentError("PDF: cannot load the font " + e.path.string());
  e.def = HPDF_GetFontDef(doc_.get(), name);
  if (!e.def) throw EnvironmentError("PDF: cannot load the font " + e.path.string());
  e.glyphs.assign(0x10000, 0);
  return e;
}

HPDF_Font FontBook::font(int index) {
  Entry& e = load(index);
  if (e.font) return e.font;
  e.font = HPDF_GetFont(doc_.get(), e.def->base_font, "UTF-8");
  doc_.check("preparing the font " + e.path.string());
  if (!e.font) {
    throw EnvironmentError("PDF: cannot prepare the font " + e.path.string());
  }
  return e.font;
}

std::uint16_t FontBook::wide_glyph(Entry& e, char32_t cp) {
  auto known = e.wide_glyphs.find(cp);
  if (known != e.wide_glyphs.end()) return known->second;
  if (!e.full_cmap) e.full_cmap = std::make_unique<FullCmap>(e.path);
  return e.wide_glyphs[cp] = e.full_cmap->glyph(cp);
}

bool FontBook::has(int index, char32_t cp) {
  Entry& e = load(index);
  if (cp > 0xFFFF) return wide_glyph(e, cp) != 0;
  std::int8_t& known = e.glyphs[cp];
  if (known == 0) known = haru::has_glyph(e.def, cp) ? 1 : -1;
  return known > 0;
}

FontFace FontBook::run_face(const FontFace& face, std::string_view text) {
  if (!face.italic) return face;
  int own = face_entry(face);
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (is_script_letter(cp) && !has(own, cp)) return FontFace{face.role, face.bold, false};
  }
  return face;
}

bool FontBook::covers(const FontFace& face, char32_t cp) {
  if (has(face_entry(face), cp)) return true;
  for (int f : fallbacks_) {
    if (has(f, cp)) return true;
  }
  return false;
}

void FontBook::split(const FontFace& face, std::string_view text, std::vector<FontRun>& out) {
  out.clear();
  int primary = face_entry(face);
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = next_code_point(text, i);
    int chosen = primary;
    if (cp == ' ' && !out.empty()) {
      chosen = out.back().font;
    } else if (!has(primary, cp)) {
      for (int f : fallbacks_) {
        if (has(f, cp)) {
          chosen = f;
          break;
        }
      }
    }
    if (!out.empty() && out.back().font == chosen) {
      out.back().end = i;
    } else {
      out.push_back(FontRun{chosen, start, i});
    }
  }
}

// The first call per code point asks libharu, which also marks the glyph as
// used in the subset; the same integer widths HPDF_Font_TextWidth would add up.
std::int32_t FontBook::char_width(Entry& e, HPDF_Font font, char32_t cp) {
  if (cp > 0xFFFF) return haru::glyph_width(e.def, wide_glyph(e, cp));
  if (e.widths.empty()) e.widths.assign(0x10000, kUnknownWidth);
  std::int32_t& w = e.widths[cp];
  if (w == kUnknownWidth) w = HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp));
  return w;
}

double FontBook::units(int index, std::string_view text) {
  HPDF_Font f = font(index);
  Entry& e = entries_[static_cast<size_t>(index)];
  std::int64_t total = 0;
  for (size_t i = 0; i < text.size();) total += char_width(e, f, next_code_point(text, i));
  return static_cast<double>(total);
}

std::uint16_t FontBook::code(int index, char32_t cp) {
  if (cp <= 0xFFFF) return static_cast<std::uint16_t>(cp);
  Entry& e = load(index);
  auto given = e.private_cids.find(cp);
  if (given != e.private_cids.end()) return given->second;
  // Past the last private CID (2,048 distinct characters beyond the BMP in one
  // font of one edition) the character draws as .notdef.
  if (e.privates.size() >= kPrivateCids) return 0;
  const auto cid = static_cast<std::uint16_t>(kFirstPrivateCid + e.privates.size());
  const std::uint16_t gid = wide_glyph(e, cp);
  haru::mark_glyph_used(e.def, gid);
  e.privates.push_back({cid, gid, cp});
  e.private_cids.emplace(cp, cid);
  return cid;
}

// The widths of the BMP characters measured or drawn, and of the private CIDs
// (which sort between U+D7FF and U+E000), in CID order.
std::vector<haru::CidWidth> FontBook::used_cids(const Entry& e) {
  std::vector<haru::CidWidth> used;
  auto add_bmp = [&](std::uint32_t from, std::uint32_t to) {
    for (std::uint32_t cp = from; cp < to && cp < e.widths.size(); ++cp) {
      if (e.widths[cp] != kUnknownWidth) used.push_back({cp, e.widths[cp]});
    }
  };
  add_bmp(0, kFirstPrivateCid);
  for (const haru::PrivateGlyph& p : e.privates) used.push_back({p.cid, haru::glyph_width(e.def, p.gid)});
  add_bmp(kFirstPrivateCid, 0x10000);
  return used;
}

void FontBook::finish_fonts() {
  for (const Entry& e : entries_) {
    if (!e.font) continue;
    const std::vector<haru::CidWidth> used = used_cids(e);
    if (!haru::replace_widths(e.font, used)) throw EnvironmentError("PDF: cannot write a font's widths");
    std::vector<std::uint32_t> cids;
    for (const haru::CidWidth& c : used) cids.push_back(c.cid);
    if (!haru::map_private_glyphs(e.font, e.privates) || !haru::write_tounicode(e.font, cids, e.privates)) {
      throw EnvironmentError("PDF: cannot map a font's characters to Unicode");
    }
    // HarfBuzz closes the set over composite glyphs' components itself.
    std::string program = subset_font(e.path, kCollectionFace, haru::used_glyphs(e.def));
    if (!haru::embed_font_program(e.font, program) || !haru::keep_cid_map_entries(e.font, cids)) {
      throw EnvironmentError("PDF: cannot embed the subset of the font " + e.path.string());
    }
  }
}

// --- HaruMeasurer --------------------------------------------------------------

HaruMeasurer::HaruMeasurer(FontBook& book) : book_(book) {
  for (auto& slot : ascii_) slot.fill(std::numeric_limits<double>::quiet_NaN());
}

double HaruMeasurer::measure_units(const FontFace& face, std::string_view text) {
  std::string shaped;
  if (has_rtl(text)) {
    shaped = shape_for_measuring(text);
    text = shaped;
  }
  double units = 0;
  book_.split(face, text, runs_);
  for (const FontRun& run : runs_) units += book_.units(run.font, text.substr(run.begin, run.end - run.begin));
  return units;
}

double HaruMeasurer::ascii_units(const FontFace& face, char c) {
  double& units = ascii_[static_cast<size_t>(face_slot(face))][static_cast<unsigned char>(c)];
  if (std::isnan(units)) units = measure_units(face, std::string_view(&c, 1));
  return units;
}

double HaruMeasurer::width(const FontFace& face, std::string_view text, double size) {
  if (text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80) {
    return ascii_units(face, text[0]) * size / 1000;
  }
  return measure_units(face, text) * size / 1000;
}

FontFace HaruMeasurer::run_face(const FontFace& face, std::string_view text) {
  return book_.run_face(face, text);
}

// --- DetachedMeasurer ----------------------------------------------------------

DetachedMeasurer::DetachedMeasurer(const FontFiles& files) : book_(doc_, files), measurer_(book_) {
  HPDF_UseUTFEncodings(doc_.get());  // FontBook::font asks for the UTF-8 encoder
  doc_.check("setting up a measuring document");
}

double DetachedMeasurer::width(const FontFace& face, std::string_view text, double size) {
  return measurer_.width(face, text, size);
}

FontFace DetachedMeasurer::run_face(const FontFace& face, std::string_view text) {
  return measurer_.run_face(face, text);
}

}  // namespace broadsheet
