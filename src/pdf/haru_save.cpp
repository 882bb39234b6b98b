// The file writer: libharu's objects serialised by libharu itself, arranged
// as PDF 1.5 object streams (ISO 32000-1 §7.5.7) with a cross-reference
// stream (§7.5.8). Tied to libharu 2.3.0's xref and object structs, like
// haru_compat.cpp.
#include "pdf/haru_save.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pdf/content_deflate.h"
#include "pdf/haru_compat.h"

namespace broadsheet::haru {

namespace {

// A reader inflates a whole object stream to reach one object in it; a few
// hundred small dictionaries (a few KB) keep that cheap while the deflate
// window still sees many alike dictionaries at once.
constexpr size_t kObjectsPerStream = 200;
constexpr HPDF_UINT kScratchBytes = 4096;

// One row of the cross-reference stream.
struct XrefRow {
  std::uint8_t type = 0;      // 0 free, 1 at a byte offset, 2 inside an object stream
  std::uint64_t where = 0;    // the byte offset, or the object stream's number
  std::uint16_t second = 0;   // the generation (65535 for the free head), or the index in the stream
};

// Objects packed for one object stream: "number offset" pairs, then the objects.
struct PackedObjects {
  std::string pairs;
  std::string objects;
  size_t count = 0;
};

struct StreamFree {
  void operator()(HPDF_Stream s) const { HPDF_Stream_Free(s); }
};
using Scratch = std::unique_ptr<HPDF_Stream_Rec, StreamFree>;

bool is_stream(void* obj) {
  const auto* header = static_cast<HPDF_Obj_Header*>(obj);
  return (header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && static_cast<HPDF_Dict>(obj)->stream;
}

HPDF_UINT object_number(const void* obj) {
  return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF;
}

// libharu's own serialisation of an object's value (with its save-time hooks).
bool append_value(void* obj, HPDF_Stream scratch, std::string& out) {
  HPDF_MemStream_FreeData(scratch);
  if (HPDF_Obj_WriteValue(obj, scratch, nullptr) != HPDF_OK) return false;
  out += stream_bytes(scratch);
  return true;
}

std::string header(HPDF_Doc pdf) {
  // HPDF_VER_12 is 0; the binary comment line marks the file as binary.
  return "%PDF-1." + std::to_string(2 + static_cast<int>(pdf->pdf_version)) + "\n%\xB7\xBE\xAD\xAA\n";
}

void append_stream_object(std::string& out, HPDF_UINT number, const std::string& dict_entries,
                          const std::string& raw) {
  const std::string deflated = deflate_bytes(raw);
  out += std::to_string(number) + " 0 obj\n<< " + dict_entries + " /Filter /FlateDecode /Length " +
         std::to_string(deflated.size()) + " >>\nstream\r\n" + deflated + "\nendstream\nendobj\n";
}

// The file as it is written: its bytes so far, a row per object number, and
// the object streams still to be appended.
struct Body {
  std::string out;
  std::vector<XrefRow> rows;
  std::vector<PackedObjects> packed;
};

// Writes every object libharu holds from `first` on: streams in place, the
// rest into `packed`. Save-time hooks may add objects; the caller repeats.
bool write_objects(HPDF_Xref xref, HPDF_UINT first, HPDF_Stream scratch, Body& body) {
  std::string& out = body.out;
  std::vector<XrefRow>& rows = body.rows;
  std::vector<PackedObjects>& packed = body.packed;
  const HPDF_UINT end = xref->entries->count;
  rows.resize(end);
  std::vector<HPDF_UINT> plain;
  // Streams first: a stream's /Length is an object of its own, given its
  // value only when the stream is written, so it is packed after.
  for (HPDF_UINT number = first; number < end; ++number) {
    void* obj = HPDF_Xref_GetEntry(xref, number)->obj;
    if (!is_stream(obj)) {
      plain.push_back(number);
      continue;
    }
    rows[number] = {1, out.size(), 0};
    out += std::to_string(number) + " 0 obj\n";
    if (!append_value(obj, scratch, out)) return false;
    out += "\nendobj\n";
  }
  for (HPDF_UINT number : plain) {
    if (packed.empty() || packed.back().count == kObjectsPerStream) packed.emplace_back();
    PackedObjects& p = packed.back();
    rows[number] = {2, packed.size() - 1, static_cast<std::uint16_t>(p.count++)};
    p.pairs += std::to_string(number) + " " + std::to_string(p.objects.size()) + " ";
    if (!append_value(HPDF_Xref_GetEntry(xref, number)->obj, scratch, p.objects)) return false;
    p.objects += "\n";
  }
  return true;
}

int bytes_for(std::uint64_t value) {
  int n = 1;
  while (value >>= 8) ++n;
  return n;
}

void append_big_endian(std::string& out, std::uint64_t value, int bytes) {
  for (int b = bytes - 1; b >= 0; --b) out += static_cast<char>(value >> (8 * b) & 0xFF);
}

std::string xref_entries(HPDF_Doc pdf, HPDF_UINT size, int offset_bytes) {
  std::string s = "/Type /XRef /Size " + std::to_string(size) + " /W [1 " + std::to_string(offset_bytes) +
                  " 2] /Root " + std::to_string(object_number(pdf->catalog)) + " 0 R";
  if (pdf->info) s += " /Info " + std::to_string(object_number(pdf->info)) + " 0 R";
  return s;
}

}  // namespace

std::string save_with_object_streams(HPDF_Doc pdf) {
  HPDF_Xref xref = pdf->xref;
  // One xref from object 0 and no encryption: what HPDF_New makes and
  // broadsheet never changes.
  if (!xref || xref->prev || xref->start_offset != 0 || pdf->encrypt_on) return {};
  require_pdf_version(pdf, HPDF_VER_15);
  Scratch scratch(HPDF_MemStream_New(pdf->mmgr, kScratchBytes));
  if (!scratch) return {};

  Body body{header(pdf), {{0, 0, 0xFFFF}}, {}};
  for (HPDF_UINT first = 1; first < xref->entries->count;) {
    const HPDF_UINT end = xref->entries->count;
    if (!write_objects(xref, first, scratch.get(), body)) return {};
    first = end;
  }
  std::string& out = body.out;
  std::vector<XrefRow>& rows = body.rows;
  const std::vector<PackedObjects>& packed = body.packed;
  // The object streams and the cross-reference stream come after libharu's
  // numbers, which are final once no hook adds an object.
  const auto first_packed = static_cast<HPDF_UINT>(rows.size());
  for (XrefRow& row : rows) {
    if (row.type == 2) row.where += first_packed;
  }
  for (const PackedObjects& p : packed) {
    const auto number = static_cast<HPDF_UINT>(rows.size());
    rows.push_back({1, out.size(), 0});
    append_stream_object(out, number,
                         "/Type /ObjStm /N " + std::to_string(p.count) + " /First " + std::to_string(p.pairs.size()),
                         p.pairs + p.objects);
  }
  const auto xref_number = static_cast<HPDF_UINT>(rows.size());
  const size_t xref_offset = out.size();
  rows.push_back({1, xref_offset, 0});
  const int offset_bytes = bytes_for(xref_offset);
  std::string table;
  for (const XrefRow& row : rows) {
    table += static_cast<char>(row.type);
    append_big_endian(table, row.where, offset_bytes);
    append_big_endian(table, row.second, 2);
  }
  append_stream_object(out, xref_number, xref_entries(pdf, xref_number + 1, offset_bytes), table);
  return out + "startxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
}

}  // namespace broadsheet::haru
