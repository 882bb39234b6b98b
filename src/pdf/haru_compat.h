// Every workaround that reaches into libharu 2.3.0 internals, in one place
// (docs/debian12-libraries.md §1.2, §1.3, §1.5). Tied to 2.3.0's structs: check
// them again before moving to another libharu version.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::haru {

/// A character beyond the BMP as one font draws it. libharu's Identity-H
/// fonts use the BMP code point as the CID, so such a character gets a
/// private CID (one no BMP text uses) that the font maps to its real glyph.
struct PrivateGlyph {
  std::uint16_t cid = 0;
  std::uint16_t gid = 0;  // from the font's full cmap; 0 draws .notdef
  char32_t cp = 0;        // what copying and searching give back
};

/// Makes each private CID draw its glyph (in the CIDToGIDMap libharu built at
/// HPDF_GetFont). Call before saving; false on failure.
bool map_private_glyphs(HPDF_Font font, const std::vector<PrivateGlyph>& glyphs);

/// Replaces the encoding CMap libharu attaches as /ToUnicode with a real
/// ToUnicode CMap for the CIDs given (sorted; the document's): BMP CIDs stand
/// for themselves, private ones for their code points (UTF-16 surrogate
/// pairs), so copying and searching give the text back. False when the font
/// has no /ToUnicode.
bool write_tounicode(HPDF_Font font, const std::vector<std::uint32_t>& cids,
                     const std::vector<PrivateGlyph>& privates);

/// A glyph's advance in 1/1000 em, computed as libharu computes a character's.
std::int32_t glyph_width(HPDF_FontDef fontdef, std::uint16_t gid);

/// Marks a glyph as used, so that the embedded subset carries it.
void mark_glyph_used(HPDF_FontDef fontdef, std::uint16_t gid);

/// A character's advance in a font's /W array: code (the CID, which is the
/// BMP code point under libharu's UTF-8 encoder) and width in 1/1000 em.
struct CidWidth {
  std::uint32_t cid = 0;
  std::int32_t width = 0;
};

/// Replaces the font's /W array, which libharu fills for every code point the
/// font covers (40-60 KB of uncompressed text per face: a dictionary, not a
/// stream), with the widths of the characters given (sorted by cid): the ones
/// the document uses. False when the font has no descendant font.
bool replace_widths(HPDF_Font font, const std::vector<CidWidth>& widths);

/// Whether the TrueType font definition has a glyph for cp (BMP only). Unlike
/// measuring, this does not mark the glyph as used in the subset.
bool has_glyph(HPDF_FontDef fontdef, std::uint32_t cp);

/// The glyph ids libharu marked as used in a TrueType font definition (by
/// measuring or drawing text), in increasing order. libharu's own subset
/// drops composite glyphs' components above id 32767 (it reads them as
/// signed); the HarfBuzz subset (font_subset.h) adds every component.
std::vector<std::uint32_t> used_glyphs(HPDF_FontDef fontdef);

/// Gives the font its descriptor now, with `program` (an sfnt, such as a
/// HarfBuzz subset) as its /FontFile2, so that libharu neither builds nor
/// writes its own font program at save. Call once, before saving.
bool embed_font_program(HPDF_Font font, std::string_view program);

/// Keeps the font's CIDToGIDMap entries of `cids` (sorted) and zeroes the
/// rest, ending the map at the highest of them: libharu's covers the whole
/// BMP (128 KB before compression, several KB after).
bool keep_cid_map_entries(HPDF_Font font, const std::vector<std::uint32_t>& cids);

/// A memory stream's bytes from its start; empty when it cannot be read.
std::string stream_bytes(HPDF_Stream stream);

/// Appends raw content-stream text (e.g. a TJ array) to the page.
bool write_raw(HPDF_Page page, std::string_view content);

/// Takes a drawn page's content stream out of libharu (uncompressed bytes) and
/// leaves the stream empty; store_deflated_content puts the compressed bytes back.
std::string take_content(HPDF_Page page);

/// Makes the page's content stream hold `deflated` (zlib data) as it is:
/// libharu writes it without compressing it again, with the same
/// /Filter [ /FlateDecode ] it writes for streams it compresses itself.
bool store_deflated_content(HPDF_Page page, std::string_view deflated);

/// The fontdef behind a font made by HPDF_GetFont.
HPDF_FontDef fontdef_of(HPDF_Font font);

/// Declares at least this PDF version: 1.4 for an image with an SMask
/// (transparency), 1.5 for a tagged PDF's /Tabs. libharu 2.3.0 always writes
/// %PDF-1.3 and has no setter (§1.9).
void require_pdf_version(HPDF_Doc pdf, HPDF_PDFVer version);

/// The document's memory manager, for libharu's object constructors.
HPDF_MMgr memory_of(HPDF_Doc pdf);

/// A new dictionary written as an indirect object (so that other objects can
/// refer to it: the structure tree's elements); null when libharu fails.
HPDF_Dict new_indirect_dict(HPDF_Doc pdf);

/// A placeholder holding an object number in the document's cross-reference
/// table (a null object) for an object whose text broadsheet writes itself
/// (haru::RawObjects); null when libharu fails. A dictionary or array that
/// adds the placeholder refers to that number ("N 0 R").
void* new_placeholder(HPDF_Doc pdf);

/// The object number of an indirect object (a page, an annotation, a placeholder).
HPDF_UINT object_number(const void* obj);

/// The document catalog, for entries libharu has no setter for.
HPDF_Dict catalog_of(HPDF_Doc pdf);

}  // namespace broadsheet::haru
