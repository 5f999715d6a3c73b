#include "store/database.h"

#include <pthread.h>

#include <latch>

#include <boost/asio/post.hpp>

namespace voki::store {

void Database::name_threads(std::size_t threads) {
  // One task per thread: each waits until all have started, so that no thread takes two.
  auto started = std::make_shared<std::latch>(static_cast<std::ptrdiff_t>(threads));
  for (std::size_t i = 0; i < threads; ++i) {
    asio::post(pool_, [started] {
      pthread_setname_np(pthread_self(), "voki-db");
      started->arrive_and_wait();
    });
  }
}

}  // namespace voki::store
