// Compresses pages' content streams as soon as they are drawn, instead of all
// at once when libharu saves: libharu then holds about a fifth of the bytes,
// and the deflate work can run on another core while later pages are drawn.
#pragma once

#include <hpdf.h>

#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "exec/executor.h"
#include "exec/work_queue.h"

namespace broadsheet {

/// raw as zlib-format deflate data (what /FlateDecode reads).
std::string deflate_bytes(std::string_view raw);

class ContentDeflater {
 public:
  /// With an executor, compress in a task on it while later pages are
  /// drawn; with none (null), here, as pages come.
  explicit ContentDeflater(Executor* executor);
  ~ContentDeflater();
  ContentDeflater(const ContentDeflater&) = delete;
  ContentDeflater& operator=(const ContentDeflater&) = delete;

  /// Takes the content of a page that is completely drawn; it goes back into
  /// the page compressed, in this call or a later one.
  void add(HPDF_Page page);
  /// Stores every remaining page back; call before saving. False when libharu
  /// refused a stream (its error handler has the cause).
  bool finish();

 private:
  struct Pending {
    HPDF_Page page = nullptr;
    std::string bytes;  // raw until compressed
  };
  using Batch = std::vector<Pending>;
  static void compress(Batch& batch);
  void hand_over();
  void run();
  void stop_worker();
  void store(Batch& batch);
  void store_compressed();

  Executor* executor_;
  bool ok_ = true;
  Batch filling_;
  // Shared with the worker, which touches only bytes: libharu objects are
  // used on the drawing thread alone.
  WorkQueue<Batch> waiting_;  // raw, for the worker
  std::mutex done_mutex_;
  std::vector<Batch> compressed_;  // by the worker, to store
  std::exception_ptr failure_;     // what compressing threw on the worker
  Task<void> worker_;  // last: ended (or cancelled unbegun) before the rest goes
};

}  // namespace broadsheet
