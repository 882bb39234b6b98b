// The executor (exec/executor.h): results reach their own waiter, what a task
// throws reaches its waiter, waiting never needs a free worker, and the
// executor's end runs what is queued before joining.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "exec/executor.h"

using namespace broadsheet;

namespace {

// Tasks of uneven length, so that they finish out of order.
void uneven_work(int i) { std::this_thread::sleep_for(std::chrono::microseconds((i * 37) % 300)); }

}  // namespace

TEST_CASE("executor: each task's result reaches its own handle, whatever finishes first") {
  for (unsigned workers : {0u, 1u, 3u}) {
    CAPTURE(workers);
    Executor executor(workers);
    CHECK(executor.workers() == workers);
    std::vector<Task<int>> tasks;
    for (int i = 0; i < 64; ++i) {
      tasks.push_back(submit(&executor, [i] {
        uneven_work(i);
        return i * i;
      }));
    }
    for (int i = 63; i >= 0; --i) CHECK(tasks[i].get() == i * i);  // waited for in reverse
  }
}

TEST_CASE("executor: what a task throws is rethrown to the waiter, on every wait") {
  for (unsigned workers : {0u, 2u}) {
    CAPTURE(workers);
    Executor executor(workers);
    Task<int> failing = submit(&executor, []() -> int { throw std::runtime_error("the task failed"); });
    Task<void> fine = submit(&executor, [] {});
    CHECK_THROWS_WITH_AS(failing.get(), "the task failed", std::runtime_error);
    CHECK_THROWS_WITH_AS(failing.wait(), "the task failed", std::runtime_error);
    CHECK_NOTHROW(fine.wait());
  }
}

TEST_CASE("executor: a task waiting for a task it queued does not deadlock one worker or none") {
  for (unsigned workers : {0u, 1u}) {
    CAPTURE(workers);
    Executor executor(workers);
    Task<int> outer = submit(&executor, [&executor] {
      // The one worker runs this task: the inner one can only run here.
      Task<int> inner = submit(&executor, [] { return 20; });
      Task<int> innermost = submit(&executor, [] { return 22; });
      return inner.get() + innermost.get();
    });
    CHECK(outer.get() == 42);
  }
}

TEST_CASE("executor: its end runs every task still queued, then joins the workers") {
  std::atomic<int> done{0};
  std::vector<Task<void>> tasks;  // outlive the executor
  {
    Executor executor(2);
    for (int i = 0; i < 40; ++i) {
      tasks.push_back(submit(&executor, [i, &done] {
        uneven_work(i);
        ++done;
      }));
    }
  }
  CHECK(done == 40);
  for (Task<void>& task : tasks) CHECK_NOTHROW(task.wait());  // done: no worker needed
}

TEST_CASE("executor: a dropped handle cancels a task not begun and waits for one running") {
  Executor none(0);
  bool ran = false;
  { Task<void> dropped = submit(&none, [&ran] { ran = true; }); }
  CHECK_FALSE(ran);

  Executor one(1);
  std::atomic<bool> started{false}, finished{false};
  {
    Task<void> running = submit(&one, [&] {
      started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      finished = true;
    });
    while (!started) std::this_thread::yield();
  }
  CHECK(finished);  // the handle's end waited: what the task captured was still there
}

TEST_CASE("executor: without an executor a task runs when first waited for, on the waiting thread") {
  const std::thread::id here = std::this_thread::get_id();
  Task<std::thread::id> task = submit(nullptr, [] { return std::this_thread::get_id(); });
  CHECK(task.get() == here);
}

TEST_CASE("work queue: a full queue refuses a push and leaves the item with the caller") {
  WorkQueue<std::vector<int>> queue(1);
  std::vector<int> first{1, 2}, second{3};
  CHECK(queue.try_push(std::move(first)));
  CHECK_FALSE(queue.try_push(std::move(second)));
  CHECK(second == std::vector<int>{3});  // untouched: the caller does the work itself
  CHECK(queue.pop() == std::vector<int>{1, 2});
}

TEST_CASE("work queue: what was queued before close is still handed out, then consumers end") {
  WorkQueue<int> queue;
  std::vector<int> seen;
  std::thread consumer([&] {
    while (std::optional<int> item = queue.pop()) seen.push_back(*item);
  });
  for (int i = 0; i < 100; ++i) CHECK(queue.try_push(int{i}));
  queue.close();
  consumer.join();  // would hang if close did not wake it
  REQUIRE(seen.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(seen[static_cast<size_t>(i)] == i);
  CHECK_FALSE(queue.try_push(7));  // closed
}
