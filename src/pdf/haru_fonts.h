// Fonts of one libharu document: the style's faces and the fallback chain,
// loaded lazily (each embedded font costs 55-90 KB), split of text into runs by
// glyph availability, and the TextMeasurer that layout uses over them.
#pragma once

#include <hpdf.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "env/fonts.h"
#include "pdf/full_cmap.h"
#include "pdf/haru_compat.h"
#include "typeset/measure.h"

namespace broadsheet {

/// A libharu document that records the first error libharu reports (the C
/// callback never throws) so that check() can turn it into EnvironmentError.
class HaruDoc {
 public:
  HaruDoc();
  HPDF_Doc get() const { return doc_.get(); }
  /// Throws EnvironmentError naming `what` when an error has been recorded.
  void check(const std::string& what) const;

 private:
  struct Log {
    HPDF_STATUS code = 0, detail = 0;
  };
  struct Free {
    void operator()(HPDF_Doc d) const { HPDF_Free(d); }
  };
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* log);
  std::unique_ptr<Log> log_;  // a stable address for the callback
  std::unique_ptr<HPDF_Doc_Rec, Free> doc_;
};

/// A run of text (byte range) drawn in one font (index into FontBook).
struct FontRun {
  int font = 0;
  size_t begin = 0, end = 0;
};

class FontBook {
 public:
  /// doc must outlive the book. Nothing is loaded until first needed.
  FontBook(const HaruDoc& doc, const FontFiles& files);

  /// Splits text (clean) into runs: each character in the face's font,
  /// else the first fallback that has it, else the face's font (a visible box).
  /// Spaces stay in the current run.
  void split(const FontFace& face, std::string_view text, std::vector<FontRun>& out);
  /// The face a run of text is set in: an italic face whose own font lacks a
  /// letter of the text becomes upright, since the fallback that draws that
  /// letter is upright and one run must not mix slants (a Hebrew standfirst's
  /// letters and digits); any other face stays as it is.
  FontFace run_face(const FontFace& face, std::string_view text);
  /// Whether the face's font or any fallback has a glyph for cp.
  bool covers(const FontFace& face, char32_t cp);
  /// The usable font for a run (created, with the ToUnicode fix, on first use).
  HPDF_Font font(int index);
  /// Width in 1/1000 em of text drawn in font `index`; marks its BMP glyphs as used.
  double units(int index, std::string_view text);
  /// The two-byte code that draws cp in font `index`: the code point itself in
  /// the BMP; beyond it, a private CID given in order of first use (so the
  /// same on every run), whose glyph is then marked as used.
  std::uint16_t code(int index, char32_t cp);
  /// Cuts every used font's /W array down to the characters measured or
  /// drawn with it (a 3-page edition: 380 -> ~160 KB), maps its private CIDs
  /// to their glyphs and code points, and embeds a true subset of its file
  /// (HarfBuzz: the glyphs marked as used, ids kept, no hinting) in place of
  /// libharu's, keeping only the used CIDs' CIDToGIDMap entries. Call once,
  /// after the last glyph is measured or drawn, before saving.
  void finish_fonts();

  /// Private CIDs are surrogate code units: no clean text holds them (the
  /// UTF-8 decoder turns lone surrogates into U+FFFD) and the ToUnicode
  /// identity ranges skip them, so 2,048 per font per edition.
  static constexpr std::uint16_t kFirstPrivateCid = 0xD800;
  static constexpr std::uint16_t kPrivateCids = 0x800;

 private:
  struct Entry {
    std::filesystem::path path;
    HPDF_FontDef def = nullptr;
    HPDF_Font font = nullptr;
    std::vector<std::int8_t> glyphs;  // per BMP code point: 0 unknown, 1 yes, -1 no
    // Advance per BMP code point in 1/1000 em, kUnknownWidth until first asked:
    // libharu finds a glyph by a linear search of the cmap, the top cost of layout.
    std::vector<std::int32_t> widths;
    // Beyond the BMP: the full cmap (read when first needed), glyph ids
    // asked so far, and the private CIDs given, in order.
    std::unique_ptr<FullCmap> full_cmap;
    std::unordered_map<char32_t, std::uint16_t> wide_glyphs;
    std::unordered_map<char32_t, std::uint16_t> private_cids;
    std::vector<haru::PrivateGlyph> privates;
  };
  static constexpr std::int32_t kUnknownWidth = INT32_MIN;
  static constexpr unsigned kCollectionFace = 0;  // the face used of a .ttc
  std::int32_t char_width(Entry& e, HPDF_Font font, char32_t cp);
  std::uint16_t wide_glyph(Entry& e, char32_t cp);
  static std::vector<haru::CidWidth> used_cids(const Entry& e);
  int face_entry(const FontFace& face) const;
  Entry& load(int index);
  bool has(int index, char32_t cp);

  const HaruDoc& doc_;
  std::vector<Entry> entries_;
  int face_entries_[12] = {};       // role*4 + bold*2 + italic -> entry index
  std::vector<int> fallbacks_;      // entry indexes, in order
};

/// Widths through libharu: the sum of the FontBook's per-character advances,
/// which are cached in flat tables. (A cache per word, keyed by its text, was
/// slower: hashing and probing a table of 100,000s of words costs more than
/// adding up a few table entries.) Right-to-left text is measured shaped
/// (Arabic presentation forms), as the writer draws it.
class HaruMeasurer : public TextMeasurer {
 public:
  explicit HaruMeasurer(FontBook& book);
  double width(const FontFace& face, std::string_view text, double size) override;
  FontFace run_face(const FontFace& face, std::string_view text) override;

 private:
  // Unscaled width of text, measured (no cache).
  double measure_units(const FontFace& face, std::string_view text);
  double ascii_units(const FontFace& face, char c);

  FontBook& book_;
  // Single ASCII characters (the space and hyphen asked with every word) by
  // face slot and code: no hashing. NaN until first measured.
  std::array<std::array<double, 128>, 12> ascii_;
  std::vector<FontRun> runs_;
};

/// A measurer over a libharu document and fonts of its own, for composing on
/// another thread (libharu objects must not be shared between threads). Its
/// widths are the same as those of a HaruMeasurer over the same font files.
class DetachedMeasurer : public TextMeasurer {
 public:
  explicit DetachedMeasurer(const FontFiles& files);
  double width(const FontFace& face, std::string_view text, double size) override;
  FontFace run_face(const FontFace& face, std::string_view text) override;

 private:
  HaruDoc doc_;
  FontBook book_;
  HaruMeasurer measurer_;
};

}  // namespace broadsheet
