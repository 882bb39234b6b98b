// Page content compressed outside libharu's save must give the very bytes
// libharu writes when it compresses the pages itself, on one thread or two.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>

#include "pdf/content_deflate.h"

using namespace broadsheet;

namespace {

// A document of `pages` pages with different line art each; when a deflater
// is given, every page goes through it, as render_pdf does.
std::string saved_document(int pages, ContentDeflater* deflater) {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
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

}  // namespace

TEST_CASE("content deflate: zlib data that inflates back to the input") {
  std::string raw;
  for (int i = 0; i < 2000; ++i) raw += "BT 1 0 0 1 " + std::to_string(i) + " 700 Tm [<0041>] TJ ET\n";
  std::string packed = deflate_bytes(raw);
  CHECK(packed.size() < raw.size() / 4);
  std::string back(raw.size(), '\0');
  uLongf size = static_cast<uLongf>(back.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(back.data()), &size,
                     reinterpret_cast<const Bytef*>(packed.data()), static_cast<uLong>(packed.size())) == Z_OK);
  CHECK(size == raw.size());
  CHECK(back == raw);
}

TEST_CASE("content deflate: the same PDF bytes as libharu's own compression, one thread or two") {
  // 37 pages: two full batches and a partial one.
  const std::string by_libharu = saved_document(37, nullptr);
  REQUIRE(by_libharu.find("/Filter [ /FlateDecode ]") != std::string::npos);
  ContentDeflater here(false), aside(true);
  CHECK(saved_document(37, &here) == by_libharu);
  CHECK(saved_document(37, &aside) == by_libharu);
}

TEST_CASE("content deflate: a document with fewer pages than a batch") {
  ContentDeflater aside(true);
  CHECK(saved_document(1, &aside) == saved_document(1, nullptr));
}
