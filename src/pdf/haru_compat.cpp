// Every workaround that reaches into libharu 2.3.0 internals: the ToUnicode
// CMap fix, glyph presence by glyph id, private CIDs for characters beyond the
// BMP, the used glyphs, font programs and CIDToGIDMaps of our own, and raw
// content-stream writes for TJ.
#include "pdf/haru_compat.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace broadsheet::haru {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

std::string hex_byte(int b) { return {kHex[b >> 4], kHex[b & 15]}; }

constexpr size_t kCMapBlock = 100;  // entries per bfrange/bfchar block (PDF spec limit)

std::string hex16(unsigned v) { return hex_byte(static_cast<int>(v >> 8 & 0xFF)) + hex_byte(static_cast<int>(v & 0xFF)); }

// The UTF-16 code units of cp (a surrogate pair beyond the BMP), in hex.
std::string utf16_hex(char32_t cp) {
  if (cp <= 0xFFFF) return hex16(cp);
  const char32_t v = cp - 0x10000;
  return hex16(0xD800 + (v >> 10)) + hex16(0xDC00 + (v & 0x3FF));
}

// One CMap section ("bfchar" or "bfrange") of `lines`, in blocks of at most
// kCMapBlock entries as the PDF spec requires.
std::string cmap_blocks(const char* kind, const std::vector<std::string>& lines) {
  std::string s;
  for (size_t i = 0; i < lines.size(); i += kCMapBlock) {
    const size_t n = std::min(kCMapBlock, lines.size() - i);
    s += std::to_string(n) + " begin" + kind + "\n";
    for (size_t k = i; k < i + n; ++k) s += lines[k];
    s += std::string("end") + kind + "\n";
  }
  return s;
}

// A ToUnicode CMap for exactly the CIDs used: a run of consecutive BMP CIDs
// under one high byte is one identity bfrange (a bfrange may vary only in its
// last byte), a lone one a bfchar; a private CID is a bfchar giving its code
// point as a UTF-16 surrogate pair. Mapping the whole BMP costs 1.7 KB a face.
std::string tounicode_cmap(const std::vector<std::uint32_t>& cids, const std::vector<PrivateGlyph>& privates) {
  std::vector<std::string> ranges;
  std::vector<std::string> chars;
  for (const PrivateGlyph& g : privates) chars.push_back("<" + hex16(g.cid) + "> <" + utf16_hex(g.cp) + ">\n");
  std::vector<std::uint32_t> private_cids;
  for (const PrivateGlyph& g : privates) private_cids.push_back(g.cid);
  std::sort(private_cids.begin(), private_cids.end());
  const auto is_private = [&](std::uint32_t cid) {
    return std::binary_search(private_cids.begin(), private_cids.end(), cid);
  };
  for (size_t i = 0; i < cids.size();) {
    if (cids[i] > 0xFFFF || is_private(cids[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < cids.size() && cids[j] == cids[j - 1] + 1 && cids[j] >> 8 == cids[i] >> 8 && !is_private(cids[j])) ++j;
    const std::string first = hex16(cids[i]);
    if (j - i == 1) {
      chars.push_back("<" + first + "> <" + first + ">\n");
    } else {
      ranges.push_back("<" + first + "> <" + hex16(cids[j - 1]) + "> <" + first + ">\n");
    }
    i = j;
  }
  return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
         cmap_blocks("bfrange", ranges) + cmap_blocks("bfchar", chars) +
         "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

bool read_bytes(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT n) {
  HPDF_UINT got = n;
  return HPDF_Stream_Read(stream, out, &got) == HPDF_OK && got == n;
}

bool replace_bytes(HPDF_Stream stream, std::string_view bytes) {
  HPDF_MemStream_FreeData(stream);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size())) == HPDF_OK;
}


// CIDToGIDMap holds a big-endian glyph id per CID, up to the highest CID the
// UTF-8 encoder has; a private CID past its end extends it with zeros.
bool map_private_cids(HPDF_Font font, const std::vector<PrivateGlyph>& glyphs) {
  auto attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->map_stream || !attr->map_stream->stream) return false;
  std::string map = stream_bytes(attr->map_stream->stream);
  if (map.empty()) return false;
  for (const PrivateGlyph& g : glyphs) {
    const size_t at = 2 * size_t{g.cid};
    if (map.size() < at + 2) map.resize(at + 2, '\0');
    map[at] = static_cast<char>(g.gid >> 8);
    map[at + 1] = static_cast<char>(g.gid & 0xFF);
  }
  return replace_bytes(attr->map_stream->stream, map);
}

}  // namespace

std::string stream_bytes(HPDF_Stream stream) {
  std::string bytes(stream->size, '\0');
  if (!bytes.empty() && (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
                         !read_bytes(stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                     static_cast<HPDF_UINT>(bytes.size())))) {
    return {};
  }
  return bytes;
}

bool write_tounicode(HPDF_Font font, const std::vector<std::uint32_t>& cids,
                     const std::vector<PrivateGlyph>& privates) {
  auto cmap = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT));
  if (!cmap || !cmap->stream) return false;
  return replace_bytes(cmap->stream, tounicode_cmap(cids, privates));
}

bool map_private_glyphs(HPDF_Font font, const std::vector<PrivateGlyph>& glyphs) {
  return glyphs.empty() || map_private_cids(font, glyphs);
}

std::int32_t glyph_width(HPDF_FontDef fontdef, std::uint16_t gid) {
  return HPDF_TTFontDef_GetGidWidth(fontdef, gid);
}

void mark_glyph_used(HPDF_FontDef fontdef, std::uint16_t gid) {
  auto a = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  if (a && a->glyph_tbl.flgs && gid < a->num_glyphs) a->glyph_tbl.flgs[gid] = 1;
}

bool replace_widths(HPDF_Font font, const std::vector<CidWidth>& widths) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->descendant_font) return false;
  HPDF_Array w = HPDF_Array_New(font->mmgr);
  if (!w) return false;
  HPDF_Array run = nullptr;  // widths of consecutive cids share one sub-array
  std::uint32_t previous = 0;
  HPDF_STATUS status = HPDF_OK;
  for (const CidWidth& c : widths) {
    if (!run || c.cid != previous + 1) {
      run = HPDF_Array_New(font->mmgr);
      if (!run) return false;
      status |= HPDF_Array_AddNumber(w, static_cast<HPDF_INT32>(c.cid));
      status |= HPDF_Array_Add(w, run);
    }
    status |= HPDF_Array_AddNumber(run, c.width);
    previous = c.cid;
  }
  // Dict_Add frees the old array (a direct object) and takes this one.
  return status == HPDF_OK && HPDF_Dict_Add(attr->descendant_font, "W", w) == HPDF_OK;
}

bool has_glyph(HPDF_FontDef fontdef, std::uint32_t cp) {
  if (cp > 0xFFFF) return false;  // the UTF-8 encoder turns these into spaces
  return HPDF_TTFontDef_GetGlyphid(fontdef, static_cast<HPDF_UINT16>(cp)) != 0;
}

std::vector<std::uint32_t> used_glyphs(HPDF_FontDef fontdef) {
  auto a = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  std::vector<std::uint32_t> glyphs;
  if (!a || !a->glyph_tbl.flgs) return glyphs;
  for (HPDF_UINT g = 0; g < a->num_glyphs; ++g) {
    if (a->glyph_tbl.flgs[g]) glyphs.push_back(g);
  }
  return glyphs;
}

bool embed_font_program(HPDF_Font font, std::string_view program) {
  auto attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_FontDef def = attr->fontdef;
  auto def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
  if (def->descriptor || !font->before_write_fn) return false;
  // libharu's own save-time step makes the descriptor (it is skipped at save
  // once there is one); with embedding off for the call, it leaves out the
  // font program it would build from the whole face.
  def_attr->embedding = HPDF_FALSE;
  HPDF_STATUS made = font->before_write_fn(font);
  def_attr->embedding = HPDF_TRUE;
  if (made != HPDF_OK || !def->descriptor) return false;
  HPDF_Dict file = HPDF_DictStream_New(font->mmgr, attr->xref);
  if (!file || !replace_bytes(file->stream, program)) return false;
  file->filter = font->filter;  // deflated as libharu deflates its own
  HPDF_STATUS status = HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_UINT32>(program.size()));
  status |= HPDF_Dict_AddNumber(file, "Length2", 0);
  status |= HPDF_Dict_AddNumber(file, "Length3", 0);
  return status == HPDF_OK && HPDF_Dict_Add(def->descriptor, "FontFile2", file) == HPDF_OK;
}

bool keep_cid_map_entries(HPDF_Font font, const std::vector<std::uint32_t>& cids) {
  HPDF_Dict map = static_cast<HPDF_FontAttr>(font->attr)->map_stream;
  if (!map || !map->stream) return false;
  const std::string old = stream_bytes(map->stream);
  // Two bytes (a big-endian glyph id) per CID, up to the highest CID used:
  // a CID past the map's end is one the document never shows.
  const size_t end = cids.empty() ? 0 : std::min(old.size(), 2 * static_cast<size_t>(cids.back()) + 2);
  std::string kept(end, '\0');
  for (std::uint32_t cid : cids) {
    size_t at = 2 * static_cast<size_t>(cid);
    if (at + 1 < kept.size()) kept.replace(at, 2, old, at, 2);
  }
  return replace_bytes(map->stream, kept);
}

bool write_raw(HPDF_Page page, std::string_view content) {
  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                           static_cast<HPDF_UINT>(content.size())) == HPDF_OK;
}

std::string take_content(HPDF_Page page) {
  HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
  std::string bytes = stream_bytes(stream);
  HPDF_MemStream_FreeData(stream);
  return bytes;
}

namespace {

// Written inside the content dictionary, where libharu writes the filter of a
// stream it compresses: the output is the same bytes as before.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

}  // namespace

bool store_deflated_content(HPDF_Page page, std::string_view deflated) {
  auto attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!replace_bytes(attr->stream, deflated)) return false;
  // No filter for libharu (it would deflate again), so it also drops its
  // /Filter entry; the write hook names the filter instead.
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = write_flate_filter;
  return true;
}

HPDF_FontDef fontdef_of(HPDF_Font font) {
  return static_cast<HPDF_FontAttr>(font->attr)->fontdef;
}

void require_pdf_version(HPDF_Doc pdf, HPDF_PDFVer version) {
  if (pdf->pdf_version < version) pdf->pdf_version = version;
}

HPDF_MMgr memory_of(HPDF_Doc pdf) { return pdf->mmgr; }

HPDF_Dict new_indirect_dict(HPDF_Doc pdf) {
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (!dict || HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;  // Xref_Add frees on failure
  return dict;
}

void* new_placeholder(HPDF_Doc pdf) {
  HPDF_Null placeholder = HPDF_Null_New(pdf->mmgr);
  if (!placeholder || HPDF_Xref_Add(pdf->xref, placeholder) != HPDF_OK) return nullptr;  // Xref_Add frees on failure
  return placeholder;
}

HPDF_UINT object_number(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF; }

HPDF_Dict catalog_of(HPDF_Doc pdf) { return pdf->catalog; }

}  // namespace broadsheet::haru
