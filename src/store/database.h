// Runs store work on a small thread pool and resumes the calling coroutine on its own executor,
// so that SQLite never blocks the I/O threads.
#pragma once
#include <memory>
#include <type_traits>
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "net/asio.h"
#include "store/store.h"

namespace voki::store {

class Database {
 public:
  Database(std::unique_ptr<Store> store, int threads)
      : store_(std::move(store)), pool_(static_cast<std::size_t>(threads)) {}
  ~Database() { pool_.join(); }

  Store& store() { return *store_; }

  template <typename F>
  auto run(F f) -> Task<std::invoke_result_t<F, Store&>> {
    using R = std::invoke_result_t<F, Store&>;
    Store* s = store_.get();
    co_return co_await asio::co_spawn(
        pool_, [s, f = std::move(f)]() mutable -> Task<R> { co_return f(*s); },
        asio::use_awaitable);
  }

  void stop() { pool_.join(); }

 private:
  std::unique_ptr<Store> store_;
  asio::thread_pool pool_;
};

}  // namespace voki::store
