// The executor's queue and the claim that makes each task run exactly once.
#include "exec/executor.h"

namespace broadsheet {

namespace exec_detail {

bool TaskState::claim() {
  std::lock_guard lock(mutex_);
  if (claimed_) return false;
  claimed_ = true;
  return true;
}

void TaskState::run_if_unclaimed() {
  if (!claim()) return;
  std::exception_ptr failure;
  try {
    body_();
  } catch (...) {  // nothing may leave a worker: kept for the waiter
    failure = std::current_exception();
  }
  body_ = nullptr;  // what it captured is released before the waiter goes on
  {
    std::lock_guard lock(mutex_);
    failure_ = failure;
    done_ = true;
  }
  done_changed_.notify_all();
}

void TaskState::wait_until_done() {
  std::unique_lock lock(mutex_);
  done_changed_.wait(lock, [&] { return done_; });
}

void TaskState::wait() {
  run_if_unclaimed();
  wait_until_done();
  if (failure_) std::rethrow_exception(failure_);
}

void TaskState::cancel_or_wait() {
  if (claim()) {
    body_ = nullptr;
    return;
  }
  wait_until_done();
}

}  // namespace exec_detail

Executor::Executor(unsigned workers) {
  threads_.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) threads_.emplace_back(&Executor::work, this);
}

Executor::~Executor() {
  queue_.close();
  for (std::thread& t : threads_) t.join();
}

void Executor::enqueue(std::shared_ptr<exec_detail::TaskState> task) {
  // Refused only once the executor is closing; the task then runs when first
  // waited for, as with no workers.
  (void)queue_.try_push(std::move(task));
}

// Tasks a waiter has run already are skipped by the claim.
void Executor::work() {
  while (std::optional<std::shared_ptr<exec_detail::TaskState>> task = queue_.pop()) {
    (*task)->run_if_unclaimed();
  }
}

}  // namespace broadsheet
