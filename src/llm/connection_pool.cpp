#include "llm/connection_pool.h"

#include <sys/socket.h>

#include <cerrno>

namespace voki::llm::detail {

namespace {
void close_quietly(asio::ip::tcp::socket& socket) {
  boost::system::error_code ignored;
  socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}
}  // namespace

bool ConnectionPool::still_open(asio::ip::tcp::socket& socket) {
  if (!socket.is_open()) return false;
  char byte;
  const auto n = ::recv(socket.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0) return false;  // the server closed it
  if (n > 0) return false;   // bytes nobody asked for: the connection is out of step
  return errno == EAGAIN || errno == EWOULDBLOCK;
}

void ConnectionPool::drop_expired(Clock::time_point now) {
  while (!idle_.empty() && now - idle_.front()->idle_since > max_idle_time_) {
    close_quietly(idle_.front()->socket);
    idle_.pop_front();
  }
}

std::unique_ptr<PooledConnection> ConnectionPool::take() {
  const auto now = Clock::now();
  drop_expired(now);
  while (!idle_.empty()) {
    std::unique_ptr<PooledConnection> connection = std::move(idle_.back());
    idle_.pop_back();
    if (still_open(connection->socket)) return connection;
    close_quietly(connection->socket);
  }
  return nullptr;
}

void ConnectionPool::put(std::unique_ptr<PooledConnection> connection) {
  if (!connection || !connection->socket.is_open()) return;
  const auto now = Clock::now();
  drop_expired(now);
  if (max_idle_ == 0) {
    close_quietly(connection->socket);
    return;
  }
  if (idle_.size() >= max_idle_) {
    close_quietly(idle_.front()->socket);
    idle_.pop_front();
  }
  connection->idle_since = now;
  idle_.push_back(std::move(connection));
}

}  // namespace voki::llm::detail
