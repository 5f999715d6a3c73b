// Kept-alive plain-TCP connections to the model server, so that a new answer skips connect().
// Internal to the llm component (its sources and unit tests).
#pragma once
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>

#include "net/asio.h"  // first: <utility> before Asio (g++ 12 with Boost 1.74)

#include <boost/asio/ip/tcp.hpp>

namespace voki::llm::detail {

struct PooledConnection {
  explicit PooledConnection(asio::any_io_executor executor) : socket(std::move(executor)) {}
  asio::ip::tcp::socket socket;
  std::chrono::steady_clock::time_point idle_since{};
};

// Not thread-safe: used from the one I/O thread that runs the backend.
class ConnectionPool {
 public:
  using Clock = std::chrono::steady_clock;

  // Keeps at most `max_idle` connections, each for at most `max_idle_time`: servers close idle
  // keep-alive connections after a few seconds (llama-server and uvicorn after 5 s), and a
  // connection they are closing just now would fail the next request.
  ConnectionPool(std::size_t max_idle, Clock::duration max_idle_time)
      : max_idle_(max_idle), max_idle_time_(max_idle_time) {}

  // The most recently used idle connection that is still open (a server's close is seen as a
  // readable socket: checked without blocking), or null.
  std::unique_ptr<PooledConnection> take();
  // Keeps an open connection whose response was read to its end.
  void put(std::unique_ptr<PooledConnection> connection);
  std::size_t idle() const { return idle_.size(); }

  // Whether `socket` still looks usable: the peer has not closed it and sent nothing unasked.
  static bool still_open(asio::ip::tcp::socket& socket);

 private:
  void drop_expired(Clock::time_point now);

  std::size_t max_idle_;
  Clock::duration max_idle_time_;
  std::deque<std::unique_ptr<PooledConnection>> idle_;  // oldest first
};

}  // namespace voki::llm::detail
