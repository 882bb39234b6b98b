// Page content compression outside libharu's save: libdeflate, in batches,
// optionally on a second thread that touches only bytes (libharu objects are
// used on the calling thread alone).
#include "pdf/content_deflate.h"

#include <libdeflate.h>

#include <chrono>
#include <memory>

#include "env/files.h"
#include "pdf/haru_compat.h"

namespace broadsheet {

namespace {

// Enough pages to make a thread hand-over cheap, few enough that raw content
// waiting for compression stays small (about 40 KB a page).
constexpr size_t kBatchPages = 16;

// libdeflate at its level 6 writes streams as small as zlib's default level
// (0.3 % smaller on the benchmark's pages) in two thirds of zlib's time: it
// compresses whole buffers, which a finished page is.
constexpr int kLevel = 6;

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorFree>;

Compressor new_compressor() {
  Compressor c(libdeflate_alloc_compressor(kLevel));
  if (!c) throw EnvironmentError("PDF: no memory for a deflate compressor");
  return c;
}

// zlib format (the FlateDecode filter's), with its header and Adler-32.
std::string deflate_with(libdeflate_compressor* c, std::string_view raw) {
  std::string out(libdeflate_zlib_compress_bound(c, raw.size()), '\0');
  size_t size = libdeflate_zlib_compress(c, raw.data(), raw.size(), out.data(), out.size());
  if (size == 0) throw EnvironmentError("PDF: a page did not fit its deflate bound");
  out.resize(size);
  return out;
}

}  // namespace

std::string deflate_bytes(std::string_view raw) { return deflate_with(new_compressor().get(), raw); }

// One compressor per batch: allocating one costs about as much as
// compressing a small page.
ContentDeflater::Batch ContentDeflater::compress(Batch batch) {
  Compressor c = new_compressor();
  for (Pending& p : batch) p.bytes = deflate_with(c.get(), p.bytes);
  return batch;
}

void ContentDeflater::add(HPDF_Page page) {
  filling_.push_back(Pending{page, haru::take_content(page)});
  if (filling_.size() >= kBatchPages) start_batch();
}

bool ContentDeflater::worker_busy() const {
  return running_.valid() && running_.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
}

// Drawing is faster than deflating: waiting for the worker would leave this
// core idle. While the worker is busy, this thread compresses the next batch
// itself, so both cores compress (each page's stream is independent).
void ContentDeflater::start_batch() {
  if (!second_core_ || worker_busy()) {
    store(compress(std::move(filling_)));
  } else {
    if (running_.valid()) store(running_.get());
    running_ = std::async(std::launch::async, &ContentDeflater::compress, std::move(filling_));
  }
  filling_.clear();
}

void ContentDeflater::store(Batch batch) {
  for (const Pending& p : batch) ok_ = haru::store_deflated_content(p.page, p.bytes) && ok_;
}

bool ContentDeflater::finish() {
  if (!filling_.empty()) start_batch();
  if (running_.valid()) store(running_.get());
  return ok_;
}

}  // namespace broadsheet
