// Page content compressed outside libharu's save must hold, once inflated,
// exactly what libharu writes uncompressed, and be the same bytes on one
// thread or two.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>
#include <string_view>
#include <vector>

#include "pdf/content_deflate.h"

using namespace broadsheet;

namespace {

// A document of `pages` pages with different line art each; when a deflater
// is given, every page goes through it, as render_pdf does.
std::string saved_document(int pages, ContentDeflater* deflater, bool compress = true) {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
  for (int i = 0; i < pages; ++i) {
    HPDF_Page page = HPDF_AddPage(pdf);
    for (int k = 0; k <= i; ++k) {
      HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(10 + k), 20);
      HPDF_Page_LineTo(page, 300, static_cast<HPDF_REAL>(40 + 3 * k));
      HPDF_Page_Stroke(page);
    }
    if (deflater) deflater->add(page);
  }
  if (deflater) CHECK(deflater->finish());
  HPDF_SaveToStream(pdf);
  std::string bytes(HPDF_GetStreamSize(pdf), '\0');
  HPDF_UINT32 n = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &n);
  CHECK(HPDF_GetError(pdf) == HPDF_OK);
  HPDF_Free(pdf);
  return bytes;
}

std::string inflate(std::string_view packed, size_t limit) {
  std::string back(limit, '\0');
  uLongf size = static_cast<uLongf>(back.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(back.data()), &size,
                     reinterpret_cast<const Bytef*>(packed.data()), static_cast<uLong>(packed.size())) == Z_OK);
  back.resize(size);
  return back;
}

// The data of every stream in a saved document, in file order, inflated where
// its dictionary names /FlateDecode.
std::vector<std::string> stream_contents(const std::string& pdf) {
  std::vector<std::string> out;
  for (size_t at = pdf.find("stream\015\012"); at != std::string::npos;
       at = pdf.find("stream\015\012", at + 1)) {
    if (at >= 3 && pdf.compare(at - 3, 3, "end") == 0) continue;
    size_t begin = at + 8;
    size_t end = pdf.find("\012endstream", begin);
    REQUIRE(end != std::string::npos);
    size_t dict = pdf.rfind("<<", at);
    std::string data = pdf.substr(begin, end - begin);
    bool flate = pdf.find("/FlateDecode", dict) < at;
    out.push_back(flate ? inflate(data, 1 << 20) : data);
  }
  return out;
}

}  // namespace

TEST_CASE("content deflate: zlib data that inflates back to the input") {
  std::string raw;
  for (int i = 0; i < 2000; ++i) raw += "BT 1 0 0 1 " + std::to_string(i) + " 700 Tm [<0041>] TJ ET\n";
  std::string packed = deflate_bytes(raw);
  CHECK(packed.size() < raw.size() / 4);
  CHECK(inflate(packed, raw.size() + 1) == raw);
}

TEST_CASE("content deflate: libharu's page content, compressed; the same bytes on one thread or two") {
  // 37 pages: two full batches and a partial one.
  const std::string plain = saved_document(37, nullptr, false);
  Executor executor(1), no_worker(0);
  ContentDeflater here(nullptr), aside(&executor), unbegun(&no_worker);
  const std::string compressed = saved_document(37, &here);
  CHECK(saved_document(37, &aside) == compressed);
  // A task no worker begins runs when finish() waits for it: the queue drains there.
  CHECK(saved_document(37, &unbegun) == compressed);
  CHECK(compressed.size() < plain.size());
  std::vector<std::string> expected = stream_contents(plain);
  REQUIRE(expected.size() >= 37);
  CHECK(stream_contents(compressed) == expected);
  size_t flate = 0;
  for (size_t at = compressed.find("/Filter [ /FlateDecode ]"); at != std::string::npos;
       at = compressed.find("/Filter [ /FlateDecode ]", at + 1)) {
    ++flate;
  }
  CHECK(flate == 37);
}

TEST_CASE("content deflate: a document with fewer pages than a batch") {
  Executor executor(1);
  ContentDeflater aside(&executor);
  std::string compressed = saved_document(1, &aside);
  CHECK(compressed.find("/FlateDecode") != std::string::npos);
  CHECK(stream_contents(compressed) == stream_contents(saved_document(1, nullptr, false)));
}
