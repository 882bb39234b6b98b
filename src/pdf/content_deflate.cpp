// Page content compression outside libharu's save: libdeflate, in batches,
// optionally in an executor task that touches only bytes (libharu objects are
// used on the calling thread alone).
#include "pdf/content_deflate.h"

#include <libdeflate.h>

#include <exception>
#include <memory>

#include "env/files.h"
#include "pdf/haru_compat.h"

namespace broadsheet {

namespace {

// Enough pages to make a thread hand-over cheap, few enough that raw content
// waiting for compression stays small (about 40 KB a page).
constexpr size_t kBatchPages = 16;
// Batches that may wait for the worker before the drawing thread helps.
constexpr size_t kMaxWaiting = 4;

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
void ContentDeflater::compress(Batch& batch) {
  Compressor c = new_compressor();
  for (Pending& p : batch) p.bytes = deflate_with(c.get(), p.bytes);
}

ContentDeflater::ContentDeflater(Executor* executor) : executor_(executor), waiting_(kMaxWaiting) {}

ContentDeflater::~ContentDeflater() { stop_worker(); }

void ContentDeflater::add(HPDF_Page page) {
  filling_.push_back(Pending{page, haru::take_content(page)});
  if (filling_.size() >= kBatchPages) hand_over();
  if (executor_) store_compressed();
}

// Drawing is slower than deflating, so the worker keeps up and the queue
// stays short; should it not, this thread compresses too rather than let raw
// pages pile up (each waiting batch holds about 600 KB).
void ContentDeflater::hand_over() {
  if (filling_.empty()) return;
  if (executor_ && waiting_.try_push(std::move(filling_))) {
    filling_.clear();
    if (!worker_.valid()) worker_ = submit(executor_, [this] { run(); });
    return;
  }
  compress(filling_);
  store(filling_);
  filling_.clear();
}

void ContentDeflater::run() {
  while (std::optional<Batch> batch = waiting_.pop()) {
    try {
      compress(*batch);
    } catch (...) {  // kept for the drawing thread, which rethrows it as pages come
      std::lock_guard lock(done_mutex_);
      failure_ = std::current_exception();
      waiting_.clear();
      return;
    }
    std::lock_guard lock(done_mutex_);
    compressed_.push_back(std::move(*batch));
  }
}

// A worker task no worker has begun runs here, draining the queue.
void ContentDeflater::stop_worker() {
  if (!worker_.valid()) return;
  waiting_.close();
  worker_.wait();
  worker_ = Task<void>{};
}

void ContentDeflater::store(Batch& batch) {
  for (const Pending& p : batch) ok_ = haru::store_deflated_content(p.page, p.bytes) && ok_;
}

// Pages the worker has finished go back into libharu here, on the drawing thread.
void ContentDeflater::store_compressed() {
  std::vector<Batch> done;
  {
    std::lock_guard lock(done_mutex_);
    if (failure_) std::rethrow_exception(failure_);
    done.swap(compressed_);
  }
  for (Batch& batch : done) store(batch);
}

bool ContentDeflater::finish() {
  hand_over();
  stop_worker();  // after the queue is empty
  store_compressed();
  return ok_;
}

}  // namespace broadsheet
