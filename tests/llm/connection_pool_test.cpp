// The pool of kept-alive connections to the model server, against a local listening socket.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "llm/connection_pool.h"

namespace voki::llm::detail {
namespace {

using namespace std::chrono_literals;
using tcp = asio::ip::tcp;

// A connected pair of sockets: ours (to pool) and the server's end.
struct Pair {
  std::unique_ptr<PooledConnection> ours;
  std::unique_ptr<tcp::socket> theirs;
};

class ConnectionPoolTest : public ::testing::Test {
 protected:
  Pair connect() {
    Pair pair;
    pair.ours = std::make_unique<PooledConnection>(io_.get_executor());
    pair.ours->socket.connect(acceptor_.local_endpoint());
    pair.theirs = std::make_unique<tcp::socket>(acceptor_.accept());
    return pair;
  }
  // A close by the peer reaches us at once on loopback; this allows for a slow machine.
  static void settle() { std::this_thread::sleep_for(20ms); }

  asio::io_context io_;
  tcp::acceptor acceptor_{io_, {asio::ip::make_address("127.0.0.1"), 0}};
};

TEST_F(ConnectionPoolTest, EmptyPoolGivesNothing) {
  ConnectionPool pool(4, 10s);
  EXPECT_EQ(pool.take(), nullptr);
}

TEST_F(ConnectionPoolTest, GivesBackTheMostRecentOpenConnection) {
  ConnectionPool pool(4, 10s);
  Pair a = connect(), b = connect();
  PooledConnection* first = a.ours.get();
  PooledConnection* second = b.ours.get();
  pool.put(std::move(a.ours));
  pool.put(std::move(b.ours));
  EXPECT_EQ(pool.idle(), 2u);
  auto taken = pool.take();
  EXPECT_EQ(taken.get(), second);
  EXPECT_EQ(pool.take().get(), first);
  EXPECT_EQ(pool.take(), nullptr);
  // The connection still works.
  asio::write(taken->socket, asio::buffer(std::string("ping")));
  char got[4];
  asio::read(*b.theirs, asio::buffer(got));
  EXPECT_EQ(std::string(got, 4), "ping");
}

TEST_F(ConnectionPoolTest, ConnectionTheServerClosedIsDropped) {
  ConnectionPool pool(4, 10s);
  Pair closed = connect(), open = connect();
  PooledConnection* alive = open.ours.get();
  pool.put(std::move(open.ours));
  pool.put(std::move(closed.ours));  // the most recent: tried first
  closed.theirs->close();
  settle();
  EXPECT_EQ(pool.take().get(), alive);
  EXPECT_EQ(pool.idle(), 0u);
}

TEST_F(ConnectionPoolTest, ConnectionWithUnaskedDataIsDropped) {
  ConnectionPool pool(4, 10s);
  Pair pair = connect();
  pool.put(std::move(pair.ours));
  asio::write(*pair.theirs, asio::buffer(std::string("HTTP/1.1 408 Request Timeout\r\n\r\n")));
  settle();
  EXPECT_EQ(pool.take(), nullptr);
}

TEST_F(ConnectionPoolTest, KeepsAtMostMaxIdleAndDropsTheOldest) {
  ConnectionPool pool(2, 10s);
  Pair a = connect(), b = connect(), c = connect();
  PooledConnection* second = b.ours.get();
  PooledConnection* third = c.ours.get();
  pool.put(std::move(a.ours));
  pool.put(std::move(b.ours));
  pool.put(std::move(c.ours));
  EXPECT_EQ(pool.idle(), 2u);
  EXPECT_EQ(pool.take().get(), third);
  EXPECT_EQ(pool.take().get(), second);
  // The oldest was closed on our side: the server sees the end of the stream.
  char byte;
  boost::system::error_code ec;
  a.theirs->read_some(asio::buffer(&byte, 1), ec);
  EXPECT_EQ(ec, asio::error::eof);
}

TEST_F(ConnectionPoolTest, ConnectionsIdleTooLongAreDropped) {
  ConnectionPool pool(4, 50ms);
  Pair pair = connect();
  pool.put(std::move(pair.ours));
  std::this_thread::sleep_for(120ms);
  EXPECT_EQ(pool.take(), nullptr);
  EXPECT_EQ(pool.idle(), 0u);
}

TEST_F(ConnectionPoolTest, ClosedSocketsAreNotKept) {
  ConnectionPool pool(4, 10s);
  Pair pair = connect();
  pair.ours->socket.close();
  pool.put(std::move(pair.ours));
  EXPECT_EQ(pool.idle(), 0u);
}

}  // namespace
}  // namespace voki::llm::detail
