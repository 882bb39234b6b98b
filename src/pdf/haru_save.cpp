// The file writer: libharu's objects serialised by libharu itself, arranged
// as PDF 1.5 object streams (ISO 32000-1 §7.5.7) with a cross-reference
// stream (§7.5.8). Tied to libharu 2.3.0's xref and object structs, like
// haru_compat.cpp.
#include "pdf/haru_save.h"

#include <algorithm>
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
// A stream object's dictionary and keywords, about.
constexpr size_t kStreamOverhead = 256;

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

// A stream object whose data is already deflated.
void append_deflated_object(std::string& out, HPDF_UINT number, const std::string& dict_entries,
                            const std::string& deflated) {
  out += std::to_string(number) + " 0 obj\n<< " + dict_entries + " /Filter /FlateDecode /Length " +
         std::to_string(deflated.size()) + " >>\nstream\r\n";
  out += deflated;
  out += "\nendstream\nendobj\n";
}

// An object stream once full: deflated then, so that the raw text of the
// thousands of small objects is never held at once.
struct ObjectStream {
  size_t count = 0;
  size_t first = 0;  // where the first object begins in the decompressed data
  std::string deflated;
};

ObjectStream seal(PackedObjects& p) {
  ObjectStream sealed{p.count, p.pairs.size(), deflate_bytes(p.pairs + p.objects)};
  p = PackedObjects{};
  return sealed;
}

// The file as it is written: its bytes so far, a row per object number, the
// object stream being filled and the full ones still to be appended.
struct Body {
  std::string out;
  std::vector<XrefRow> rows;
  PackedObjects filling;
  std::vector<ObjectStream> packed;
};

// The value of an object that is not a stream: its text when broadsheet
// wrote it (a placeholder's), libharu's serialisation otherwise.
bool append_plain(HPDF_Xref xref, HPDF_UINT number, const RawObjects& raw, HPDF_Stream scratch, std::string& out) {
  if (std::optional<std::string_view> text = raw.find(number)) {
    out += *text;
    return true;
  }
  return append_value(HPDF_Xref_GetEntry(xref, number)->obj, scratch, out);
}

// Packs one object into the stream being filled, sealing it when full.
bool pack(HPDF_Xref xref, HPDF_UINT number, const RawObjects& raw, HPDF_Stream scratch, Body& body) {
  PackedObjects& p = body.filling;
  body.rows[number] = {2, body.packed.size(), static_cast<std::uint16_t>(p.count++)};
  p.pairs += std::to_string(number) + " " + std::to_string(p.objects.size()) + " ";
  if (!append_plain(xref, number, raw, scratch, p.objects)) return false;
  p.objects += "\n";
  if (p.count == kObjectsPerStream) body.packed.push_back(seal(p));
  return true;
}

// Writes every object libharu holds from `first` on: streams in place, the
// rest packed into object streams. Save-time hooks may add objects; the
// caller repeats.
bool write_objects(HPDF_Xref xref, HPDF_UINT first, const RawObjects& raw, HPDF_Stream scratch, Body& body) {
  std::string& out = body.out;
  const HPDF_UINT end = xref->entries->count;
  body.rows.resize(end);
  std::vector<HPDF_UINT> plain;
  // Streams first: a stream's /Length is an object of its own, given its
  // value only when the stream is written, so it is packed after.
  for (HPDF_UINT number = first; number < end; ++number) {
    void* obj = HPDF_Xref_GetEntry(xref, number)->obj;
    if (!is_stream(obj)) {
      plain.push_back(number);
      continue;
    }
    body.rows[number] = {1, out.size(), 0};
    out += std::to_string(number) + " 0 obj\n";
    if (!append_value(obj, scratch, out)) return false;
    out += "\nendobj\n";
  }
  for (HPDF_UINT number : plain) {
    if (!pack(xref, number, raw, scratch, body)) return false;
  }
  return true;
}

// The bytes the stream objects will take, to size the file's buffer once:
// it grows to several MB, and each doubling copies it.
size_t stream_bytes_estimate(HPDF_Xref xref) {
  size_t total = 0;
  for (HPDF_UINT number = 0; number < xref->entries->count; ++number) {
    void* obj = HPDF_Xref_GetEntry(xref, number)->obj;
    if (obj && is_stream(obj)) total += static_cast<HPDF_Dict>(obj)->stream->size + kStreamOverhead;
  }
  return total;
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

std::string save_with_object_streams(HPDF_Doc pdf, const RawObjects& raw) {
  HPDF_Xref xref = pdf->xref;
  // One xref from object 0 and no encryption: what HPDF_New makes and
  // broadsheet never changes.
  if (!xref || xref->prev || xref->start_offset != 0 || pdf->encrypt_on) return {};
  require_pdf_version(pdf, HPDF_VER_15);
  Scratch scratch(HPDF_MemStream_New(pdf->mmgr, kScratchBytes));
  if (!scratch) return {};

  Body body{header(pdf), {{0, 0, 0xFFFF}}, {}, {}};
  body.out.reserve(stream_bytes_estimate(xref) + stream_bytes_estimate(xref) / 8);
  for (HPDF_UINT first = 1; first < xref->entries->count;) {
    const HPDF_UINT end = xref->entries->count;
    if (!write_objects(xref, first, raw, scratch.get(), body)) return {};
    first = end;
  }
  if (body.filling.count > 0) body.packed.push_back(seal(body.filling));
  std::string& out = body.out;
  std::vector<XrefRow>& rows = body.rows;
  // The object streams and the cross-reference stream come after libharu's
  // numbers, which are final once no hook adds an object.
  const auto first_packed = static_cast<HPDF_UINT>(rows.size());
  for (XrefRow& row : rows) {
    if (row.type == 2) row.where += first_packed;
  }
  for (const ObjectStream& p : body.packed) {
    const auto number = static_cast<HPDF_UINT>(rows.size());
    rows.push_back({1, out.size(), 0});
    append_deflated_object(out, number,
                           "/Type /ObjStm /N " + std::to_string(p.count) + " /First " + std::to_string(p.first),
                           p.deflated);
  }
  std::vector<ObjectStream>().swap(body.packed);
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
  append_deflated_object(out, xref_number, xref_entries(pdf, xref_number + 1, offset_bytes), deflate_bytes(table));
  out += "startxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return std::move(body.out);
}

void RawObjects::set(HPDF_UINT number, std::string_view text) {
  numbers_.push_back(number);
  text_ += text;
  ends_.push_back(text_.size());
}

std::optional<std::string_view> RawObjects::find(HPDF_UINT number) const {
  auto at = std::lower_bound(numbers_.begin(), numbers_.end(), number);
  if (at == numbers_.end() || *at != number) return std::nullopt;
  const auto i = static_cast<size_t>(at - numbers_.begin());
  const size_t begin = i == 0 ? 0 : ends_[i - 1];
  return std::string_view(text_).substr(begin, ends_[i] - begin);
}

}  // namespace broadsheet::haru
