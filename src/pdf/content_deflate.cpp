// Page content compression outside libharu's save: zlib one-shot at libharu's
// level, in batches, optionally on a second thread that touches only bytes
// (libharu objects are used on the calling thread alone).
#include "pdf/content_deflate.h"

#include <zlib.h>

#include <chrono>

#include "env/files.h"
#include "pdf/haru_compat.h"

namespace broadsheet {

namespace {

// Enough pages to make a thread hand-over cheap, few enough that raw content
// waiting for compression stays small (about 40 KB a page).
constexpr size_t kBatchPages = 16;

}  // namespace

std::string deflate_bytes(std::string_view raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string out(size, '\0');
  // compress2 = deflateInit(level) + deflate(Z_FINISH): the same stream as
  // libharu's chunked deflate at Z_DEFAULT_COMPRESSION.
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                Z_DEFAULT_COMPRESSION) != Z_OK) {
    throw EnvironmentError("PDF: zlib could not compress a page (out of memory?)");
  }
  out.resize(size);
  return out;
}

ContentDeflater::Batch ContentDeflater::compress(Batch batch) {
  for (Pending& p : batch) p.bytes = deflate_bytes(p.bytes);
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
