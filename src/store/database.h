// Runs store work on a small thread pool and resumes the calling coroutine on its own executor,
// so that SQLite never blocks the I/O threads.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "net/asio.h"  // first: it includes <utility> before Asio (g++ 12 with Boost 1.74)

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "store/store.h"

namespace voki::store {

class Database {
 public:
  Database(std::unique_ptr<Store> store, int threads)
      : store_(std::move(store)), pool_(static_cast<std::size_t>(std::max(threads, 1))) {
    name_threads(static_cast<std::size_t>(std::max(threads, 1)));
  }
  ~Database() { pool_.join(); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Store& store() { return *store_; }

  // auto found = co_await db.run([&](Store& s) { return s.conversation(id); });
  // `f` runs on the pool; the caller resumes on its own executor with the result, or with the
  // exception `f` threw. Capture by reference: the awaiting coroutine stays suspended, so its
  // locals outlive the call. Captures by value are refused because g++ 12 destroys a lambda with
  // non-trivial captures twice when it is created inside a co_await expression (double free).
  template <typename F>
  auto run(F f) -> Task<std::invoke_result_t<F&, Store&>> {
    using R = std::invoke_result_t<F&, Store&>;
    static_assert(!std::is_reference_v<R>, "return a value: the result crosses threads");
    static_assert(std::is_trivially_destructible_v<F>,
                  "capture by reference ([&]): g++ 12 double-frees by-value captures of a lambda "
                  "created inside co_await");
    Store* s = store_.get();
    if constexpr (std::is_void_v<R>) {
      co_await asio::co_spawn(
          pool_, [s, f = std::move(f)]() mutable -> Task<void> { f(*s); co_return; },
          asio::use_awaitable);
    } else {
      // Boost 1.74's co_spawn default-constructs the result when the task throws; std::optional
      // lets R be any movable type.
      std::optional<R> result = co_await asio::co_spawn(
          pool_,
          [s, f = std::move(f)]() mutable -> Task<std::optional<R>> {
            co_return std::optional<R>(std::in_place, f(*s));
          },
          asio::use_awaitable);
      co_return std::move(*result);
    }
  }

  // Group commit of the chat path's writes: the writes queued while the database is busy with a
  // group go together in the next one (Store::write_group: one transaction, each write under its
  // own savepoint). Returns the stored message, or rethrows what the write alone would have
  // thrown; either way only once its group is committed or rolled back. `after_commit`, if set,
  // runs on the pool right after that commit (a read that must see the write, e.g. the history
  // that ends with a new message); what it throws is rethrown here, the write itself stays.
  // Capture by reference (see run()).
  Task<Message> write(MessageWrite write, std::function<void(Store&)> after_commit = {}) {
    return queue_write(std::move(write), std::move(after_commit), true);
  }
  // The same for a write nobody waits for at once (a finished answer, feedback findings): it may
  // wait up to kShareWindow for the next write, so that one transaction and one wakeup of a
  // database thread serve both.
  Task<Message> write_soon(MessageWrite write) { return queue_write(std::move(write), {}, false); }
  static constexpr std::chrono::milliseconds kShareWindow{5};
  static constexpr std::size_t kMaxWaiting = 32;  // deferred writes that start a group at once

  // Waits for queued work and ends the pool's threads; for shutdown only: a run() after it never
  // completes.
  void stop() { pool_.join(); }

 private:
  // Names the pool's threads "voki-db" (top, perf and /proc tell them from the I/O thread).
  void name_threads(std::size_t threads);

  Task<Message> queue_write(MessageWrite write, std::function<void(Store&)> after_commit, bool urgent) {
    WriteOutcome outcome = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(WriteOutcome)>(
        [this, urgent](auto handler, MessageWrite w, std::function<void(Store&)> after) {
          enqueue(std::make_unique<Waiter<decltype(handler)>>(std::move(handler), std::move(w), std::move(after), urgent));
        },
        asio::use_awaitable, std::move(write), std::move(after_commit));
    if (outcome.error) std::rethrow_exception(outcome.error);
    co_return std::move(outcome.message);
  }

  // A queued write and the coroutine waiting for it.
  struct QueuedWrite {
    QueuedWrite(MessageWrite w, std::function<void(Store&)> after, bool u)
        : write(std::move(w)), after_commit(std::move(after)), urgent(u) {}
    virtual ~QueuedWrite() = default;
    // Resumes the waiter on its own executor with `outcome`; called once, on a pool thread.
    virtual void complete(WriteOutcome outcome) = 0;
    MessageWrite write;
    std::function<void(Store&)> after_commit;
    bool urgent;  // write(), not write_soon()
  };

  template <typename Handler>
  struct Waiter final : QueuedWrite {
    Waiter(Handler h, MessageWrite w, std::function<void(Store&)> after, bool urgent)
        : QueuedWrite(std::move(w), std::move(after), urgent),
          executor(asio::prefer(asio::get_associated_executor(h), asio::execution::outstanding_work.tracked)),
          handler(std::move(h)) {}
    void complete(WriteOutcome outcome) override {
      asio::post(executor, [h = std::move(handler), o = std::move(outcome)]() mutable { std::move(h)(std::move(o)); });
    }
    // Keeps the waiter's executor busy (an io_context does not run out of work meanwhile).
    std::decay_t<decltype(asio::prefer(std::declval<asio::associated_executor_t<Handler>>(),
                                       asio::execution::outstanding_work.tracked))>
        executor;
    Handler handler;
  };

  // Queues a write; starts a group on the pool unless one is under way (it starts the next), or,
  // for deferred writes only, arms the share timer.
  void enqueue(std::unique_ptr<QueuedWrite> write);
  // On the pool: writes everything queued as one group and completes its waiters.
  void write_queued();
  // Under queue_mutex_, with no group under way: what the queue needs next (start a group now,
  // or arm the timer). Returns true when the caller must start a group.
  bool schedule_locked();

  std::unique_ptr<Store> store_;
  std::mutex queue_mutex_;
  std::vector<std::unique_ptr<QueuedWrite>> queued_;  // under queue_mutex_
  bool writing_ = false;                               // a group is posted or running; under queue_mutex_
  std::size_t urgent_queued_ = 0;                      // of queued_; under queue_mutex_
  bool timer_armed_ = false;                           // under queue_mutex_
  asio::thread_pool pool_;
  asio::steady_timer share_timer_{pool_};              // armed and re-armed under queue_mutex_
};

}  // namespace voki::store
