// Compresses pages' content streams as soon as they are drawn, instead of all
// at once when libharu saves: libharu then holds about a fifth of the bytes,
// and the deflate work can run on another core while later pages are drawn.
#pragma once

#include <hpdf.h>

#include <future>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

/// raw as zlib-format deflate data (what /FlateDecode reads).
std::string deflate_bytes(std::string_view raw);

class ContentDeflater {
 public:
  /// second_core: compress batches on another thread too (this one takes the
  /// next batch while that thread is busy); else all in this thread.
  explicit ContentDeflater(bool second_core) : second_core_(second_core) {}
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
  static Batch compress(Batch batch);
  void start_batch();
  bool worker_busy() const;
  void store(Batch batch);

  bool second_core_;
  bool ok_ = true;
  Batch filling_;
  // Its destructor waits: a thread never outlives the pages it compresses for.
  std::future<Batch> running_;
};

}  // namespace broadsheet
