// A queue between threads that can be closed: producers push, one or more
// consumers pop until it is closed and empty. The executor's task list and
// the page deflater's batches are both this one thing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace broadsheet {

template <class T>
class WorkQueue {
 public:
  /// A full queue refuses pushes: the producer then does the work itself
  /// rather than let items pile up.
  explicit WorkQueue(size_t capacity = std::numeric_limits<size_t>::max()) : capacity_(capacity) {}

  /// Moves item in and wakes a consumer; false, with item untouched, when the
  /// queue is full or closed.
  bool try_push(T&& item) {
    {
      std::lock_guard lock(mutex_);
      if (closed_ || items_.size() >= capacity_) return false;
      items_.push_back(std::move(item));
    }
    changed_.notify_one();
    return true;
  }

  /// Blocks until an item is there (returned) or the queue is closed and
  /// empty (nullopt): what is queued before close() is still handed out.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    return item;
  }

  /// No more pushes; every consumer wakes once the queue is drained.
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  /// Drops what is queued (a consumer that failed gives up its backlog).
  void clear() {
    std::lock_guard lock(mutex_);
    items_.clear();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace broadsheet
