// A real Server on an io_context thread (port 0), driven by Beast clients over TCP.
#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "http/http.h"

namespace voki::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Waits on the server's io_context for `duration` (or until cancelled); true if it ran out.
Task<bool> sleep_for(std::chrono::milliseconds duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor, duration);
  boost::system::error_code ec;
  co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

// The server under test, running on its own thread.
class TestServer {
 public:
  TestServer(ServerOptions options, Router router) {
    options.host = "127.0.0.1";
    options.port = 0;
    server_.emplace(io_, std::move(options), std::move(router));
    port_ = server_->start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~TestServer() {
    if (!stopped_requested_) shutdown();
    wait_stopped(15s);
    io_.stop();
    thread_.join();
  }

  std::uint16_t port() const { return port_; }
  asio::io_context& io() { return io_; }
  Server& server() { return *server_; }

  void shutdown() {
    stopped_requested_ = true;
    shutdown_at_ = Clock::now();
    server_->shutdown([this] {
      stopped_at_ = Clock::now();
      stopped_.set_value();
    });
  }
  // Time from shutdown() to on_stopped, or nullopt if it did not run within `limit`.
  std::optional<std::chrono::milliseconds> wait_stopped(std::chrono::milliseconds limit) {
    if (!stopped_requested_) return std::nullopt;
    if (stopped_future_.wait_for(limit) != std::future_status::ready) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(stopped_at_ - shutdown_at_);
  }

 private:
  asio::io_context io_;
  std::optional<Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
  bool stopped_requested_ = false;
  std::promise<void> stopped_;
  std::future<void> stopped_future_ = stopped_.get_future();
  Clock::time_point shutdown_at_, stopped_at_;
};

// A blocking-style client: every operation runs on the client's own io_context with a deadline,
// so a server that never answers fails the test instead of hanging it.
class Client {
 public:
  explicit Client(std::uint16_t port) : stream_(io_) {
    stream_.expires_after(5s);
    boost::system::error_code ec;
    stream_.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                          [&](boost::system::error_code e) { ec = e; });
    run();
    EXPECT_FALSE(ec) << ec.message();
  }

  boost::system::error_code send_raw(const std::string& data) {
    boost::system::error_code ec;
    stream_.expires_after(5s);
    asio::async_write(stream_, asio::buffer(data), [&](boost::system::error_code e, std::size_t) { ec = e; });
    run();
    return ec;
  }

  boost::system::error_code send(bhttp::request<bhttp::string_body> req) {
    req.set(bhttp::field::host, "127.0.0.1");
    req.prepare_payload();
    boost::system::error_code ec;
    stream_.expires_after(5s);
    bhttp::async_write(stream_, req, [&](boost::system::error_code e, std::size_t) { ec = e; });
    run();
    return ec;
  }

  bhttp::response<bhttp::string_body> read(boost::system::error_code& ec, bool head = false,
                                           std::chrono::seconds timeout = 5s) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    parser.skip(head);
    stream_.expires_after(timeout);
    bhttp::async_read(stream_, buffer_, parser, [&](boost::system::error_code e, std::size_t) { ec = e; });
    run();
    return parser.release();
  }

  bhttp::response<bhttp::string_body> request(bhttp::verb verb, std::string target, std::string body = "",
                                              std::string content_type = "application/json") {
    bhttp::request<bhttp::string_body> req{verb, target, 11};
    if (!body.empty()) req.set(bhttp::field::content_type, content_type);
    req.body() = std::move(body);
    EXPECT_FALSE(send(std::move(req)));
    boost::system::error_code ec;
    auto res = read(ec);
    EXPECT_FALSE(ec) << ec.message();
    return res;
  }

  // Waits for the server to close the connection; returns how long it took, or nullopt if the
  // connection was still open (or sent data) after `limit`.
  std::optional<std::chrono::milliseconds> wait_closed(std::chrono::milliseconds limit) {
    auto start = Clock::now();
    std::array<char, 256> sink;
    boost::system::error_code ec;
    std::size_t n = 0;
    stream_.expires_after(limit);
    stream_.async_read_some(asio::buffer(sink), [&](boost::system::error_code e, std::size_t got) {
      ec = e;
      n = got;
    });
    run();
    if (ec == beast::error::timeout || n > 0) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  }

  beast::tcp_stream& stream() { return stream_; }
  beast::flat_buffer& buffer() { return buffer_; }
  void run() {
    io_.restart();
    io_.run();
  }

 private:
  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
};

// An SSE response read chunk by chunk, with the arrival time of each chunk.
struct StreamedResponse {
  bhttp::response_header<> header;
  std::vector<std::string> chunks;
  std::vector<Clock::time_point> arrived;
  boost::system::error_code ec;  // of reading the body (none when it ended with the last chunk)
};

// `on_chunk(index)` runs as each complete chunk arrives (before the next is read).
StreamedResponse read_stream(Client& client, std::function<void(std::size_t)> on_chunk = {},
                             std::chrono::seconds timeout = 10s) {
  StreamedResponse out;
  bhttp::response_parser<bhttp::empty_body> parser;
  client.stream().expires_after(timeout);
  bhttp::async_read_header(client.stream(), client.buffer(), parser,
                           [&](boost::system::error_code e, std::size_t) { out.ec = e; });
  client.run();
  if (out.ec) return out;
  out.header = parser.get().base();
  std::string current;
  auto header_cb = [&](std::uint64_t, beast::string_view, boost::system::error_code&) { current.clear(); };
  auto body_cb = [&](std::uint64_t remain, beast::string_view data, boost::system::error_code&) -> std::size_t {
    current.append(data.data(), data.size());
    if (remain == data.size()) {
      out.chunks.push_back(current);
      out.arrived.push_back(Clock::now());
      if (on_chunk) on_chunk(out.chunks.size() - 1);
    }
    return data.size();
  };
  parser.on_chunk_header(header_cb);
  parser.on_chunk_body(body_cb);
  bhttp::async_read(client.stream(), client.buffer(), parser,
                    [&](boost::system::error_code e, std::size_t) { out.ec = e; });
  client.run();
  return out;
}

std::string frame(std::string_view event, std::string_view data_lines) {
  return "event: " + std::string(event) + "\n" + std::string(data_lines) + "\n";
}

ServerOptions quick_options() {
  ServerOptions o;
  o.max_header_bytes = 4096;
  o.max_body_bytes = 1024;
  o.read_timeout = 5s;
  o.keep_alive_timeout = 1s;
  o.write_timeout = 5s;
  o.shutdown_grace = 2s;
  return o;
}

Router test_router() {
  Router r;
  r.add("GET", "/api/hello", [](Request& req) -> Task<Response> {
    json body = {{"hello", "verden"}, {"remote", req.remote_address}, {"lang", req.query_param("lang")}};
    co_return Response::json(200, body.dump());
  });
  r.add("POST", "/api/echo", [](Request& req) -> Task<Response> {
    json body = {{"length", req.body.size()}, {"type", std::string(req.header("content-type"))}, {"body", req.body}};
    co_return Response::json(200, body.dump());
  });
  r.add("GET", "/api/items/{}", [](Request& req) -> Task<Response> {
    co_return Response::json(200, json({{"id", req.params.at(0)}}).dump());
  });
  r.add("GET", "/api/fails", [](Request&) -> Task<Response> {
    throw std::runtime_error("database file /srv/secret/path is locked");
    co_return Response{};
  });
  return r;
}

TEST(Server, JsonRouteOverTcp) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto res = client.request(bhttp::verb::get, "/api/hello?lang=nb");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  EXPECT_EQ(res[bhttp::field::cache_control], "no-store");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  auto body = json::parse(res.body());
  EXPECT_EQ(body["hello"], "verden");
  EXPECT_EQ(body["remote"], "127.0.0.1");
  EXPECT_EQ(body["lang"], "nb");
}

TEST(Server, RequestBodyAndHeadersReachTheHandler) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto res = client.request(bhttp::verb::post, "/api/echo", "{\"text\":\"Jeg heter Test.\"}");
  ASSERT_EQ(res.result_int(), 200);
  auto body = json::parse(res.body());
  EXPECT_EQ(body["body"], "{\"text\":\"Jeg heter Test.\"}");
  EXPECT_EQ(body["type"], "application/json");
}

TEST(Server, NotFoundMethodNotAllowedAndHandlerFailure) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto res = client.request(bhttp::verb::get, "/api/nothing");
  EXPECT_EQ(res.result_int(), 404);
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "not_found");
  res = client.request(bhttp::verb::delete_, "/api/hello");
  EXPECT_EQ(res.result_int(), 405);
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "method_not_allowed");
  res = client.request(bhttp::verb::get, "/api/fails");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "internal");
  EXPECT_EQ(res.body().find("secret"), std::string::npos) << "exception text leaked: " << res.body();
  // Outside /api/ only GET and HEAD exist; with no web root nothing is found.
  res = client.request(bhttp::verb::post, "/upload", "x");
  EXPECT_EQ(res.result_int(), 405);
  res = client.request(bhttp::verb::get, "/index.html");
  EXPECT_EQ(res.result_int(), 404);
}

TEST(Server, PathParameterIsPercentDecoded) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto res = client.request(bhttp::verb::get, "/api/items/h%C3%A6i");
  ASSERT_EQ(res.result_int(), 200);
  EXPECT_EQ(json::parse(res.body())["id"], "hæi");
}

// "%2F" is data inside a segment (RFC 3986 2.2), not a separator: an id with a slash, sent with
// encodeURIComponent as the web app does, must reach its route as one parameter.
// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST(Server, EncodedSlashStaysInsideOneSegment) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto res = client.request(bhttp::verb::get, "/api/items/a%2Fb");
  ASSERT_EQ(res.result_int(), 200) << res.body();
  EXPECT_EQ(json::parse(res.body())["id"], "a/b");
}

TEST(Server, KeepAliveServesTwoRequestsOnOneConnection) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto first = client.request(bhttp::verb::get, "/api/hello");
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_TRUE(first.keep_alive());
  auto second = client.request(bhttp::verb::post, "/api/echo", "abc", "text/plain");
  EXPECT_EQ(second.result_int(), 200);
  EXPECT_EQ(json::parse(second.body())["body"], "abc");
  EXPECT_EQ(server.server().open_connections(), 1u);
}

TEST(Server, ConnectionCloseIsHonoured) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/api/hello", 11};
  req.keep_alive(false);
  ASSERT_FALSE(client.send(req));
  boost::system::error_code ec;
  auto res = client.read(ec);
  EXPECT_FALSE(ec);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(client.wait_closed(2s).has_value());
}

TEST(Server, HeadHasHeadersButNoBody) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::head, "/api/hello", 11}));
  boost::system::error_code ec;
  auto head = client.read(ec, /*head=*/true);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(head.result_int(), 200);
  const auto length = std::stoul(std::string(head[bhttp::field::content_length]));
  EXPECT_GT(length, 0u);
  // Had the HEAD response carried a body, this second response would not parse.
  auto get = client.request(bhttp::verb::get, "/api/hello");
  EXPECT_EQ(get.result_int(), 200);
  EXPECT_EQ(get.body().size(), length);
}

TEST(Server, StaticFilesFromWebRoot) {
  const auto root = std::filesystem::temp_directory_path() / ("voki_server_web_" + std::to_string(::getpid()));
  std::filesystem::create_directories(root);
  std::ofstream(root / "index.html") << "<!doctype html><p>Voki</p>";
  auto options = quick_options();
  options.web_root = root.string();
  {
    TestServer server(options, test_router());
    Client client(server.port());
    auto res = client.request(bhttp::verb::get, "/");
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_EQ(res.body(), "<!doctype html><p>Voki</p>");
    EXPECT_EQ(res[bhttp::field::cache_control], "no-cache");
    EXPECT_NE(res["Content-Security-Policy"], "");
    const std::string etag(res[bhttp::field::etag]);
    bhttp::request<bhttp::string_body> again{bhttp::verb::get, "/chat/x", 11};
    again.set(bhttp::field::if_none_match, etag);
    ASSERT_FALSE(client.send(again));
    boost::system::error_code ec;
    auto cached = client.read(ec);
    EXPECT_FALSE(ec) << ec.message();
    EXPECT_EQ(cached.result_int(), 304);
    EXPECT_TRUE(cached.body().empty());
    // Traversal through percent-encoding is decoded first, then refused.
    EXPECT_EQ(client.request(bhttp::verb::get, "/%2e%2e/%2e%2e/etc/passwd").result_int(), 404);
  }
  std::filesystem::remove_all(root);
}

// The SSE route below sends an event, pauses until the client confirms it received that event,
// then sends a multi-line event and a last one. The pause proves events go out as produced.
struct GatedStream {
  std::shared_ptr<asio::steady_timer> gate;
  std::atomic<bool> released_by_client{false};
};

TEST(Server, EventStreamSendsEachEventAsItsOwnChunkInOrder) {
  GatedStream gated;
  Router router = test_router();
  router.add("GET", "/api/stream", [&gated](Request&) -> Task<Response> {
    co_return Response::event_stream([&gated](EventStream& events) -> Task<void> {
      if (!co_await events.send("first", "one")) co_return;
      boost::system::error_code ec;
      co_await gated.gate->async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (!co_await events.send("multi", "line1\nline2\n\nline4")) co_return;
      co_await events.send("done", "");
    });
  });
  auto server = std::make_unique<TestServer>(quick_options(), std::move(router));
  asio::io_context* server_io = &server->io();
  // Created before any request arrives; a fallback expiry keeps a broken client from hanging it.
  gated.gate = std::make_shared<asio::steady_timer>(*server_io, 5s);
  Client client(server->port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  auto res = read_stream(client, [&](std::size_t index) {
    if (index == 0) {
      gated.released_by_client = true;
      asio::post(*server_io, [&] { gated.gate->cancel(); });
    }
  });
  ASSERT_FALSE(res.ec) << res.ec.message();
  EXPECT_EQ(res.header.result_int(), 200);
  EXPECT_EQ(res.header[bhttp::field::content_type], "text/event-stream; charset=utf-8");
  EXPECT_EQ(res.header[bhttp::field::cache_control], "no-store");
  EXPECT_EQ(res.header["X-Accel-Buffering"], "no");
  ASSERT_EQ(res.chunks.size(), 3u);
  EXPECT_EQ(res.chunks[0], frame("first", "data: one\n"));
  EXPECT_EQ(res.chunks[1], frame("multi", "data: line1\ndata: line2\ndata: \ndata: line4\n"));
  EXPECT_EQ(res.chunks[2], frame("done", "data: \n"));
  EXPECT_TRUE(gated.released_by_client);
  // The connection stays usable after the stream's last chunk.
  EXPECT_EQ(client.request(bhttp::verb::get, "/api/hello").result_int(), 200);
  server.reset();
}

// SSE treats CR, LF and CRLF alike as line ends: a bare CR in data must not end the data line
// (a client would read the rest as a new field, e.g. "event:"), nor may CRLF leave a stray CR.
// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST(Server, EventStreamSplitsDataOnEveryLineEnding) {
  Router r;
  r.add("GET", "/api/stream", [](Request&) -> Task<Response> {
    co_return Response::event_stream([](EventStream& events) -> Task<void> {
      co_await events.send("text", "a\r\nb\rc");
    });
  });
  TestServer server(quick_options(), std::move(r));
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  auto res = read_stream(client);
  ASSERT_FALSE(res.ec) << res.ec.message();
  ASSERT_EQ(res.chunks.size(), 1u);
  EXPECT_EQ(res.chunks[0], frame("text", "data: a\ndata: b\ndata: c\n"));
}

TEST(Server, BodyOverLimitByContentLengthIs413) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  auto res = client.request(bhttp::verb::post, "/api/echo", std::string(1025, 'x'));
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "too_large");
  EXPECT_FALSE(res.keep_alive());
  // Exactly at the limit is fine.
  Client other(server.port());
  auto ok = other.request(bhttp::verb::post, "/api/echo", std::string(1024, 'y'));
  EXPECT_EQ(ok.result_int(), 200);
  EXPECT_EQ(json::parse(ok.body())["length"], 1024);
}

TEST(Server, ChunkedBodyOverLimitIs413) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  std::string raw =
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "200\r\n" + std::string(512, 'z') + "\r\n";
  raw += "0\r\n\r\n";
  ASSERT_FALSE(client.send_raw(raw));
  boost::system::error_code ec;
  auto res = client.read(ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "too_large");
}

TEST(Server, HeadersOverLimitAre431) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/api/hello", 11};
  req.set("X-Filler", std::string(8000, 'h'));
  ASSERT_FALSE(client.send(req));
  boost::system::error_code ec;
  auto res = client.read(ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(res.result_int(), 431);
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "headers_too_large");
}

TEST(Server, MalformedRequestsAre400) {
  TestServer server(quick_options(), test_router());
  for (const std::string& raw : {std::string("THIS IS NOT HTTP\r\n\r\n"), std::string("GET /api/hello HTTP/9.9\r\n\r\n"),
                                std::string("GET /api/hello HTTP/1.1\r\nNo colon here\r\n\r\n"),
                                std::string("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")}) {
    Client client(server.port());
    ASSERT_FALSE(client.send_raw(raw));
    boost::system::error_code ec;
    auto res = client.read(ec);
    ASSERT_FALSE(ec) << ec.message() << " for " << raw;
    EXPECT_EQ(res.result_int(), 400) << raw;
    EXPECT_EQ(json::parse(res.body())["error"]["code"], "bad_request") << raw;
  }
}

TEST(Server, BadPercentEncodingInPathIs400) {
  TestServer server(quick_options(), test_router());
  Client client(server.port());
  for (const char* target : {"/api/items/%zz", "/api/items/%", "/api/items/a%00b"}) {
    auto res = client.request(bhttp::verb::get, target);
    EXPECT_EQ(res.result_int(), 400) << target;
    EXPECT_EQ(json::parse(res.body())["error"]["code"], "bad_request") << target;
  }
}

TEST(Server, IdleKeepAliveConnectionIsClosedAfterTimeout) {
  TestServer server(quick_options(), test_router());  // keep_alive_timeout 1 s
  Client client(server.port());
  EXPECT_EQ(client.request(bhttp::verb::get, "/api/hello").result_int(), 200);
  auto closed_after = client.wait_closed(4s);
  ASSERT_TRUE(closed_after.has_value()) << "still open after 4 s";
  EXPECT_GE(closed_after->count(), 800);
  EXPECT_LE(closed_after->count(), 2500);
}

TEST(Server, ShutdownClosesIdleConnectionsAtOnce) {
  TestServer server(quick_options(), test_router());
  Client used(server.port());
  EXPECT_EQ(used.request(bhttp::verb::get, "/api/hello").result_int(), 200);
  Client silent(server.port());  // connected, never sent a byte
  // Let the server accept the silent connection before shutting down.
  for (int i = 0; i < 100 && server.server().open_connections() < 2; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(server.server().open_connections(), 2u);
  server.shutdown();
  auto used_closed = used.wait_closed(1s);
  auto silent_closed = silent.wait_closed(1s);
  ASSERT_TRUE(used_closed.has_value());
  ASSERT_TRUE(silent_closed.has_value());
  EXPECT_LT(used_closed->count(), 500);
  auto stopped = server.wait_stopped(1s);
  ASSERT_TRUE(stopped.has_value()) << "on_stopped did not run";
  EXPECT_LT(stopped->count(), 500);
  EXPECT_EQ(server.server().open_connections(), 0u);
  // No longer accepting.
  asio::io_context io;
  tcp::socket s(io);
  boost::system::error_code ec;
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()), ec);
  EXPECT_TRUE(ec) << "a new connection was accepted after shutdown";
}

// A producer that sends an event every `interval` for `count` events.
Router ticking_router(int count, std::chrono::milliseconds interval) {
  Router r;
  r.add("GET", "/api/stream", [count, interval](Request&) -> Task<Response> {
    co_return Response::event_stream([count, interval](EventStream& events) -> Task<void> {
      for (int i = 0; i < count; ++i) {
        if (!co_await events.send("tick", std::to_string(i))) co_return;
        co_await sleep_for(interval);
      }
    });
  });
  return r;
}

TEST(Server, RunningStreamFinishesWithinGraceThenServerStops) {
  auto options = quick_options();
  options.shutdown_grace = 5s;
  TestServer server(options, ticking_router(4, 200ms));  // about 0.8 s of answer
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  auto res = read_stream(client, [&](std::size_t index) {
    if (index == 0) server.shutdown();  // shut down while the answer is running
  });
  EXPECT_FALSE(res.ec) << res.ec.message();
  ASSERT_EQ(res.chunks.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(res.chunks[i], frame("tick", "data: " + std::to_string(i) + "\n"));
  auto stopped = server.wait_stopped(5s);
  ASSERT_TRUE(stopped.has_value()) << "on_stopped did not run";
  EXPECT_GE(stopped->count(), 500);   // not before the answer was done
  EXPECT_LT(stopped->count(), 3000);  // and not waiting for the whole grace
  EXPECT_TRUE(client.wait_closed(1s).has_value());
}

TEST(Server, StreamStillRunningAfterGraceIsCut) {
  auto options = quick_options();
  options.shutdown_grace = 1s;
  TestServer server(options, ticking_router(1000, 100ms));  // would take 100 s
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  auto res = read_stream(client, [&](std::size_t index) {
    if (index == 0) server.shutdown();
  });
  const auto cut_at = res.arrived.empty() ? Clock::now() : res.arrived.back();
  const auto cut_after = std::chrono::duration_cast<std::chrono::milliseconds>(cut_at - res.arrived.front());
  EXPECT_TRUE(res.ec) << "the stream ended normally";
  EXPECT_GE(res.chunks.size(), 5u);
  EXPECT_LT(res.chunks.size(), 30u);
  EXPECT_GE(cut_after.count(), 700);
  EXPECT_LE(cut_after.count(), 2000);
  auto stopped = server.wait_stopped(3s);
  ASSERT_TRUE(stopped.has_value()) << "on_stopped did not run";
  EXPECT_LE(stopped->count(), 2000);
}

// A response that is waiting (a model that has not sent its first token) when the grace ends:
// the server closes it then, and on_stopped must not wait for the handler to notice.
// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST(Server, SilentStreamAfterGraceDoesNotDelayStop) {
  auto options = quick_options();
  options.shutdown_grace = 1s;
  Router r;
  r.add("GET", "/api/stream", [](Request&) -> Task<Response> {
    co_return Response::event_stream([](EventStream& events) -> Task<void> {
      if (!co_await events.send("start", "")) co_return;
      co_await sleep_for(8s);  // waiting for a slow model
      co_await events.send("late", "");
    });
  });
  TestServer server(options, std::move(r));
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  auto res = read_stream(client, [&](std::size_t index) {
    if (index == 0) server.shutdown();
  });
  EXPECT_TRUE(res.ec) << "the stream ended normally";
  auto stopped = server.wait_stopped(10s);
  ASSERT_TRUE(stopped.has_value()) << "on_stopped did not run";
  EXPECT_LE(stopped->count(), 2000) << "on_stopped waited for the handler, not the grace period";
}

// Events larger than the socket buffers, to a client that pauses: the non-blocking send takes
// part of an event, and the rest follows asynchronously, every byte in order.
TEST(Server, LargeEventsToASlowClientArriveWhole) {
  constexpr int kEvents = 16;
  auto block = [](int i) { return std::string(256 * 1024 + i, static_cast<char>('a' + i % 26)); };
  Router r;
  r.add("GET", "/api/stream", [&](Request&) -> Task<Response> {
    co_return Response::event_stream([&](EventStream& events) -> Task<void> {
      for (int i = 0; i < kEvents; ++i)
        if (!co_await events.send("block", block(i))) co_return;
    });
  });
  TestServer server(quick_options(), std::move(r));
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  auto res = read_stream(client, [&](std::size_t index) {
    if (index % 4 == 0) std::this_thread::sleep_for(100ms);  // the server's writes back up meanwhile
  });
  ASSERT_FALSE(res.ec) << res.ec.message();
  ASSERT_EQ(res.chunks.size(), static_cast<std::size_t>(kEvents));
  for (int i = 0; i < kEvents; ++i) EXPECT_TRUE(res.chunks[i] == frame("block", "data: " + block(i) + "\n")) << i;
}

// A client that stops reading: once the socket buffers are full the next event write stalls, and
// the stream's write deadline ends it (send returns false) instead of holding it forever.
TEST(Server, StalledClientIsDroppedByTheWriteTimeout) {
  auto options = quick_options();
  options.write_timeout = 1s;
  std::atomic<bool> gave_up{false};
  std::atomic<int> sent{0};
  Clock::time_point stalled_since{};
  Clock::time_point gave_up_at{};
  Router r;
  r.add("GET", "/api/stream", [&](Request&) -> Task<Response> {
    co_return Response::event_stream([&](EventStream& events) -> Task<void> {
      const std::string block(64 * 1024, 'x');
      for (int i = 0; i < 100000; ++i) {
        const auto before = Clock::now();
        if (!co_await events.send("block", block)) {
          stalled_since = before;
          gave_up_at = Clock::now();
          gave_up = true;
          co_return;
        }
        ++sent;
      }
    });
  });
  TestServer server(options, std::move(r));
  Client client(server.port());
  ASSERT_FALSE(client.send({bhttp::verb::get, "/api/stream", 11}));
  // Never read the response.
  for (int i = 0; i < 100 && !gave_up; ++i) std::this_thread::sleep_for(50ms);
  ASSERT_TRUE(gave_up) << "the stream still runs after " << sent << " events";
  const auto stalled_for = std::chrono::duration_cast<std::chrono::milliseconds>(gave_up_at - stalled_since);
  EXPECT_GE(stalled_for.count(), 900);
  EXPECT_LE(stalled_for.count(), 3000);
  EXPECT_GT(sent, 0);
}

}  // namespace
}  // namespace voki::http
