// The one place threads come from. A run makes one Executor (app's Shared
// owns it) and passes it down to the stages that can use a second core; no
// stage starts a thread of its own.
//
// Ownership story:
// - Who owns it: the run (Shared, app/app.h), for every variant it builds.
//   Its workers are started once, in the constructor, and joined once, in the
//   destructor, which first runs every task still queued.
// - What a task may capture: values, and references to what outlives the
//   task's Task handle. The handle's destructor waits for a task that has
//   begun and cancels one that has not, so a handle kept beside (after) what
//   its task reads is enough; no task outlives its handle's owner.
// - Exceptions: what a task throws is kept and rethrown by Task::get() or
//   Task::wait(), on the waiting thread; a dropped handle drops it.
// - No deadlock, even with one worker or none: a task runs exactly once, on
//   a worker or on the first thread that waits for it before any worker has
//   begun it. So waiting never depends on a free worker, and a task that
//   waits for a task it queued runs that task itself if need be.
// - Long-lived helpers (the paragraph precomposer, the page deflater) run as
//   tasks that sleep on their own queues; while one sleeps it holds a worker,
//   which is why the run sizes the executor for them (app: workers_for_jobs).
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "exec/work_queue.h"

namespace broadsheet {

namespace exec_detail {

// One task's shared state: its body, run once by whoever claims it first.
class TaskState {
 public:
  explicit TaskState(std::function<void()> body) : body_(std::move(body)) {}
  /// Runs the body unless another thread claimed it; never throws.
  void run_if_unclaimed();
  /// Runs the body here if nobody has begun it, else waits until it is done;
  /// then rethrows what it threw.
  void wait();
  /// Drops the body if nobody has begun it, else waits until it is done.
  void cancel_or_wait();

 private:
  bool claim();
  void wait_until_done();

  std::function<void()> body_;
  std::mutex mutex_;
  std::condition_variable done_changed_;
  bool claimed_ = false;
  bool done_ = false;
  std::exception_ptr failure_;
};

}  // namespace exec_detail

/// The handle of a submitted task: move-only; get() gives its result.
template <class T>
class Task {
 public:
  Task() = default;
  Task(Task&&) noexcept = default;
  Task& operator=(Task&& other) noexcept {
    finish_quietly();
    state_ = std::move(other.state_);
    result_ = std::move(other.result_);
    return *this;
  }
  ~Task() { finish_quietly(); }

  bool valid() const { return state_ != nullptr; }
  /// Waits for the task (running it here if nobody has begun it); rethrows.
  void wait() const { state_->wait(); }
  /// Waits, then the result, which stays in the handle (move it out if need be).
  std::add_lvalue_reference_t<T> get() const
    requires(!std::is_void_v<T>)
  {
    wait();
    return **result_;
  }

 private:
  template <class F>
  friend auto submit(class Executor* executor, F body) -> Task<std::invoke_result_t<F>>;
  void finish_quietly() {
    if (state_) state_->cancel_or_wait();
  }

  std::shared_ptr<exec_detail::TaskState> state_;
  std::shared_ptr<std::optional<T>> result_;  // unused for void
};

class Executor {
 public:
  /// Starts `workers` threads; with none, every task runs when waited for.
  explicit Executor(unsigned workers);
  /// Runs every task still queued, then joins the workers.
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

 private:
  template <class F>
  friend auto submit(Executor* executor, F body) -> Task<std::invoke_result_t<F>>;
  void enqueue(std::shared_ptr<exec_detail::TaskState> task);
  void work();

  WorkQueue<std::shared_ptr<exec_detail::TaskState>> queue_;
  std::vector<std::thread> threads_;  // last: started once everything above exists
};

/// Queues body on the executor; with none (null), it runs when first waited
/// for, on the waiting thread.
template <class F>
auto submit(Executor* executor, F body) -> Task<std::invoke_result_t<F>> {
  using T = std::invoke_result_t<F>;
  Task<T> task;
  if constexpr (std::is_void_v<T>) {
    task.state_ = std::make_shared<exec_detail::TaskState>(std::move(body));
  } else {
    auto result = std::make_shared<std::optional<T>>();
    task.state_ = std::make_shared<exec_detail::TaskState>(
        [result, body = std::move(body)]() mutable { result->emplace(body()); });
    task.result_ = std::move(result);
  }
  if (executor && executor->workers() > 0) executor->enqueue(task.state_);
  return task;
}

}  // namespace broadsheet
