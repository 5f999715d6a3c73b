// Runs store work on a small thread pool and resumes the calling coroutine on its own executor,
// so that SQLite never blocks the I/O threads.
#pragma once
#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "net/asio.h"  // first: it includes <utility> before Asio (g++ 12 with Boost 1.74)

#include <boost/asio/co_spawn.hpp>
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

  // Waits for queued work and ends the pool's threads; for shutdown only: a run() after it never
  // completes.
  void stop() { pool_.join(); }

 private:
  // Names the pool's threads "voki-db" (top, perf and /proc tell them from the I/O thread).
  void name_threads(std::size_t threads);

  std::unique_ptr<Store> store_;
  asio::thread_pool pool_;
};

}  // namespace voki::store
