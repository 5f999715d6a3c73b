#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <list>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>
#include <unicode/utf8.h>

#include "http/http.h"
#include "http/internal.h"
#include "net/deadline.h"

namespace voki::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::redirect_error;
using asio::use_awaitable;

namespace {

constexpr const char* kSecurityHeaders[][2] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
};

// One open client connection, tracked for graceful shutdown.
struct Connection {
  beast::tcp_stream* stream = nullptr;
  bool idle = true;  // waiting for a request (safe to close at shutdown)
};

// The response head is not written on its own: it goes out with the first event (or the last
// chunk) in one write, which saves a send per stream. Producers send their first event at once.
class ChunkedEventStream final : public EventStream {
 public:
  ChunkedEventStream(beast::tcp_stream& stream, std::chrono::seconds write_timeout, std::string head)
      : socket_(stream.socket()),
        write_timeout_(write_timeout),
        head_(std::move(head)),
        deadline_(stream.get_executor(), [&socket = stream.socket()] {
          boost::system::error_code ignored;
          socket.close(ignored);  // ends the stalled write
        }) {
    // For write_some's fast path (Asio's own async operations work either way).
    boost::system::error_code ec;
    socket_.non_blocking(true, ec);
    non_blocking_ = !ec;
  }

  Task<bool> send(std::string_view event, std::string_view data) override {
    if (failed_) co_return false;
    const std::string_view chunk = detail::sse_chunk(frame_, event, data);
    if (write_now(chunk)) co_return !failed_;
    co_return co_await write_rest(chunk);
  }

  // The last chunk, under the same deadline.
  Task<bool> finish() {
    if (failed_) co_return false;
    static constexpr std::string_view kLastChunk = "0\r\n\r\n";
    if (write_now(kLastChunk)) co_return !failed_;
    co_return co_await write_rest(kLastChunk);
  }

  bool failed() const { return failed_; }

 private:
  // The head (empty once written) and `bytes` go out in one write. Nearly always the socket's
  // buffer has room and a non-blocking send takes them at once: no asynchronous operation, no
  // round through the scheduler, no deadline. True when done (written, or failed).
  bool write_now(std::string_view bytes) {
    sent_ = 0;
    if (!non_blocking_) return false;
    const std::array<asio::const_buffer, 2> pieces = {asio::buffer(head_), asio::buffer(bytes.data(), bytes.size())};
    boost::system::error_code ec;
    sent_ = socket_.write_some(pieces, ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) ec = {};
    if (!ec && sent_ < head_.size() + bytes.size()) return false;
    wrote(ec);
    return true;
  }

  // What write_now left, asynchronously on the socket itself, with one timer per stream that
  // moves only when it fires (the stream's own timeout would start and cancel a timer wait for
  // every event).
  Task<bool> write_rest(std::string_view bytes) {
    const std::size_t head_sent = std::min(sent_, head_.size());
    const std::array<asio::const_buffer, 2> pieces = {asio::buffer(head_) + head_sent,
                                                       asio::buffer(bytes.data(), bytes.size()) + (sent_ - head_sent)};
    deadline_.expires_after(write_timeout_);
    boost::system::error_code ec;
    co_await asio::async_write(socket_, pieces, redirect_error(use_awaitable, ec));
    deadline_.clear();
    wrote(ec);
    co_return !failed_;
  }

  void wrote(const boost::system::error_code& ec) {
    if (!head_.empty()) std::string().swap(head_);
    if (ec) failed_ = true;
  }

  tcp::socket& socket_;
  std::chrono::seconds write_timeout_;
  std::string head_;  // the response head, until the first write
  net::Deadline deadline_;
  std::string frame_;  // reused: one allocation per stream rather than per event
  bool failed_ = false;
  bool non_blocking_ = false;
  std::size_t sent_ = 0;  // of the write in progress, by write_now
};

std::string percent_decode(std::string_view in, bool& ok) {
  std::string out;
  out.reserve(in.size());
  ok = true;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) {
        ok = false;
        return out;
      }
      auto hex = [](char h) -> int {
        if (h >= '0' && h <= '9') return h - '0';
        if (h >= 'a' && h <= 'f') return h - 'a' + 10;
        if (h >= 'A' && h <= 'F') return h - 'A' + 10;
        return -1;
      };
      int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
      if (hi < 0 || lo < 0) {
        ok = false;
        return out;
      }
      char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') {
        ok = false;
        return out;
      }
      out += decoded;
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Request helpers

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers)
    if (name == lower_name) return value;
  return {};
}

std::string Request::cookie(std::string_view name) const {
  std::string_view all = header("cookie");
  while (!all.empty()) {
    auto semi = all.find(';');
    std::string_view part = all.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      std::string_view value = part.substr(eq + 1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return std::string(value);
    }
    if (semi == std::string_view::npos) break;
    all.remove_prefix(semi + 1);
  }
  return {};
}

std::string Request::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    auto amp = rest.find('&');
    std::string_view part = rest.substr(0, amp);
    auto eq = part.find('=');
    if (part.substr(0, eq) == name) {
      bool ok = true;
      std::string value = eq == std::string_view::npos ? std::string() : percent_decode(part.substr(eq + 1), ok);
      return ok ? value : std::string();
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// Responses

Response Response::json(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

void append_json_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  // Invalid UTF-8 would make the body invalid JSON: such bytes become U+FFFD (ICU's decoder).
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    // Plain ASCII that needs no escape, appended in one run: most text is mostly this.
    const int32_t run = i;
    while (i < length && bytes[i] >= 0x20 && bytes[i] < 0x80 && bytes[i] != '"' && bytes[i] != '\\' &&
           bytes[i] != '<' && bytes[i] != '>')
      ++i;
    out.append(s.data() + run, static_cast<std::size_t>(i - run));
    if (i == length) break;
    const int32_t start = i;
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);
    if (cp < 0) {
      out += "\ufffd";
      continue;
    }
    if (cp >= 0x80) {
      out.append(s.data() + start, static_cast<std::size_t>(i - start));
      continue;
    }
    const auto c = static_cast<unsigned char>(cp);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == '<' || c == '>') {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

Response Response::error(int status, std::string_view code, std::string_view message) {
  // Built by hand to keep nlohmann out of this light component; both strings are escaped.
  std::string body = "{\"error\":{\"code\":";
  append_json_string(body, code);
  body += ",\"message\":";
  append_json_string(body, message);
  body += "}}";
  return json(status, std::move(body));
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::event_stream(std::function<Task<void>(EventStream&)> producer) {
  Response r;
  r.content_type = "text/event-stream; charset=utf-8";
  r.stream = std::move(producer);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Router

static std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    std::string_view seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!seg.empty()) segments.emplace_back(seg);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back(Route{std::move(method), split_path(pattern), std::move(handler)});
}

Router::Match Router::match(const std::string& method, const std::string& path,
                            std::vector<std::string>& params) const {
  Match result;
  auto segments = split_path(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> captured;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (route.segments[i] == "{}") {
        bool decoded_ok = true;
        captured.push_back(percent_decode(segments[i], decoded_ok));
        ok = decoded_ok;
      } else
        ok = route.segments[i] == segments[i];
    }
    if (!ok) continue;
    result.path_known = true;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      result.handler = &route.handler;
      params = std::move(captured);
      return result;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Server

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  asio::io_context& io;
  ServerOptions options;
  Router router;
  tcp::acceptor acceptor;
  std::list<Connection> connections;
  std::atomic<std::size_t> connection_count{0};
  bool stopping = false;
  std::function<void()> on_stopped;
  std::unique_ptr<asio::steady_timer> grace_timer;

  Impl(asio::io_context& io_, ServerOptions options_, Router router_)
      : io(io_), options(std::move(options_)), router(std::move(router_)), acceptor(io_) {}

  Task<void> accept_loop() {
    auto self = shared_from_this();
    while (!stopping) {
      boost::system::error_code ec;
      tcp::socket socket = co_await acceptor.async_accept(redirect_error(use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) break;
        // Out of file descriptors and similar: back off briefly instead of spinning.
        spdlog::warn("accept failed: {}", ec.message());
        asio::steady_timer pause(io, std::chrono::milliseconds(50));
        co_await pause.async_wait(redirect_error(use_awaitable, ec));
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(io, serve_connection(std::move(socket)), asio::detached);
    }
  }

  void maybe_finished() {
    if (stopping && connections.empty() && on_stopped) {
      if (grace_timer) grace_timer->cancel();
      auto done = std::move(on_stopped);
      on_stopped = nullptr;
      done();
    }
  }

  Task<void> write_response(beast::tcp_stream& stream, const Request& req, Response& res,
                            unsigned version, bool keep_alive, bool& failed) {
    boost::system::error_code ec;
    stream.expires_after(options.write_timeout);
    if (res.stream) {
      bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(res.status), version};
      head.set(bhttp::field::server, "voki");
      head.set(bhttp::field::content_type, res.content_type);
      head.set(bhttp::field::cache_control, "no-store");
      head.set("X-Accel-Buffering", "no");  // reverse proxies must not buffer the stream
      for (auto& h : kSecurityHeaders) head.set(h[0], h[1]);
      for (auto& [k, v] : res.headers) head.set(k, v);
      head.keep_alive(keep_alive);
      head.chunked(true);
      // Serialised here, written by the event stream together with the first event.
      std::string head_bytes;
      bhttp::response_serializer<bhttp::empty_body> serializer{head};
      serializer.split(true);
      while (!ec && !serializer.is_header_done()) {
        serializer.next(ec, [&](boost::system::error_code& next_ec, const auto& buffers) {
          next_ec = {};
          std::size_t bytes = 0;
          for (const auto buffer : beast::buffers_range_ref(buffers)) {
            head_bytes.append(static_cast<const char*>(buffer.data()), buffer.size());
            bytes += buffer.size();
          }
          serializer.consume(bytes);
        });
      }
      if (ec) {
        failed = true;
        co_return;
      }
      stream.expires_never();  // the event stream keeps its own deadline per write
      ChunkedEventStream events(stream, options.write_timeout, std::move(head_bytes));
      co_await res.stream(events);
      if (!co_await events.finish()) failed = true;
      co_return;
    }
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
    out.set(bhttp::field::server, "voki");
    if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
    for (auto& h : kSecurityHeaders) out.set(h[0], h[1]);
    bool has_cache_control = false;
    for (auto& [k, v] : res.headers) {
      out.set(k, v);
      if (beast::iequals(k, "cache-control")) has_cache_control = true;
    }
    if (!has_cache_control) out.set(bhttp::field::cache_control, "no-store");
    out.keep_alive(keep_alive);
    if (req.method == "HEAD") {
      out.content_length(res.body.size());
    } else {
      out.body() = std::move(res.body);
      out.prepare_payload();
    }
    if (req.method == "HEAD") {
      bhttp::response_serializer<bhttp::string_body> serializer{out};
      co_await bhttp::async_write_header(stream, serializer, redirect_error(use_awaitable, ec));
    } else {
      co_await bhttp::async_write(stream, out, redirect_error(use_awaitable, ec));
    }
    if (ec) failed = true;
  }

  Task<Response> dispatch(Request& req) {
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      auto match = router.match(req.method, req.raw_path, req.params);
      if (!match.handler) {
        if (match.path_known) co_return Response::error(405, "method_not_allowed", "Method not allowed.");
        co_return Response::error(404, "not_found", "No such API endpoint.");
      }
      try {
        co_return co_await (*match.handler)(req);
      } catch (const std::exception& e) {
        spdlog::error("{} {}: handler failed: {}", req.method, req.path, e.what());
        co_return Response::error(500, "internal", "Something went wrong on the server.");
      }
    }
    if (req.method != "GET" && req.method != "HEAD")
      co_return Response::error(405, "method_not_allowed", "Method not allowed.");
    if (options.web_root.empty()) co_return Response::error(404, "not_found", "Not found.");
    co_return serve_static(options.web_root, req);
  }

  // Reads and discards what the client still sends, so that closing after an early error
  // response does not reset the connection before the client has read that response.
  Task<void> drain_and_close(beast::tcp_stream& stream) {
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::array<char, 16384> sink;
    std::size_t drained = 0;
    stream.expires_after(std::chrono::seconds(2));
    while (drained < 4 * 1024 * 1024) {
      std::size_t n = co_await stream.async_read_some(asio::buffer(sink), redirect_error(use_awaitable, ec));
      if (ec) break;
      drained += n;
    }
    stream.socket().close(ec);
  }

  // Answers an early error (limits, malformed request) and closes the connection.
  Task<void> reject(beast::tcp_stream& stream, unsigned version, int status, std::string_view code,
                    std::string_view message) {
    Request dummy;
    auto res = Response::error(status, code, message);
    bool failed = false;
    co_await write_response(stream, dummy, res, version, false, failed);
    co_await drain_and_close(stream);
  }

  Task<void> serve_connection(tcp::socket socket) {
    auto self = shared_from_this();
    beast::tcp_stream stream(std::move(socket));
    std::string remote;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    connections.push_back(Connection{&stream, true});
    auto me = std::prev(connections.end());
    ++connection_count;
    beast::flat_buffer buffer;
    bool first = true;
    while (!stopping) {
      me->idle = true;
      boost::system::error_code ec;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);
      stream.expires_after(first ? options.read_timeout : options.keep_alive_timeout);
      co_await bhttp::async_read_header(stream, buffer, parser, redirect_error(use_awaitable, ec));
      first = false;
      me->idle = false;
      if (ec) {
        int status = 0;
        std::string_view code, message;
        if (ec == bhttp::error::header_limit) {
          status = 431, code = "headers_too_large", message = "Request headers are too large.";
        } else if (ec == bhttp::error::body_limit) {
          status = 413, code = "too_large", message = "The request body is too large.";
        } else if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
                   ec != asio::error::operation_aborted && ec != asio::error::connection_reset &&
                   ec != asio::error::eof && ec != asio::error::bad_descriptor) {
          status = 400, code = "bad_request", message = "Malformed HTTP request.";
        }
        if (status) co_await reject(stream, 11, status, code, message);
        break;
      }
      auto& header = parser.get();
      if (parser.content_length() && *parser.content_length() > options.max_body_bytes) {
        co_await reject(stream, header.version(), 413, "too_large", "The request body is too large.");
        break;
      }
      if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, header.version()};
        co_await bhttp::async_write(stream, cont, redirect_error(use_awaitable, ec));
        if (ec) break;
      }
      stream.expires_after(options.read_timeout);
      co_await bhttp::async_read(stream, buffer, parser, redirect_error(use_awaitable, ec));
      if (ec) {
        if (ec == bhttp::error::body_limit)
          co_await reject(stream, header.version(), 413, "too_large", "The request body is too large.");
        break;
      }
      auto& msg = parser.get();
      Request req;
      req.method = std::string(msg.method_string());
      req.target = std::string(msg.target());
      req.remote_address = remote;
      for (const auto& field : msg) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        req.headers.emplace_back(std::move(name), std::string(field.value()));
      }
      std::string_view target = req.target;
      auto qpos = target.find('?');
      bool ok = true;
      req.raw_path = std::string(target.substr(0, qpos));
      req.path = percent_decode(req.raw_path, ok);
      if (qpos != std::string_view::npos) req.query = std::string(target.substr(qpos + 1));
      req.body = std::move(msg.body());
      const bool keep_alive = msg.keep_alive();
      const unsigned version = msg.version();

      auto started = std::chrono::steady_clock::now();
      // No co_await inside ?: here: g++ 12 miscompiles it (the result's members are destroyed).
      Response res;
      if (ok && !req.path.empty() && req.path[0] == '/')
        res = co_await dispatch(req);
      else
        res = Response::error(400, "bad_request", "Malformed request path.");
      bool failed = false;
      const bool streamed = static_cast<bool>(res.stream);
      const int status = res.status;
      co_await write_response(stream, req, res, version, keep_alive && !stopping, failed);
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started).count();
      // The access log names the route, never bodies or cookies.
      spdlog::debug("{} {} {} {}us{}", req.method, req.path, status, micros, streamed ? " (stream)" : "");
      if (failed || !keep_alive) break;
    }
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream.socket().close(ec);
    connections.erase(me);
    --connection_count;
    maybe_finished();
  }
};

Server::Server(asio::io_context& io, ServerOptions options, Router router)
    : impl_(std::make_shared<Impl>(io, std::move(options), std::move(router))) {}

Server::~Server() = default;

std::uint16_t Server::start() {
  auto address = asio::ip::make_address(impl_->options.host);
  tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  return impl_->acceptor.local_endpoint().port();
}

void Server::shutdown(std::function<void()> on_stopped) {
  auto impl = impl_;
  asio::post(impl->io, [impl, on_stopped = std::move(on_stopped)]() mutable {
    impl->stopping = true;
    impl->on_stopped = std::move(on_stopped);
    boost::system::error_code ec;
    impl->acceptor.close(ec);
    for (auto& conn : impl->connections)
      if (conn.idle) conn.stream->socket().close(ec);
    impl->grace_timer = std::make_unique<asio::steady_timer>(impl->io, impl->options.shutdown_grace);
    impl->grace_timer->async_wait([impl](boost::system::error_code wait_ec) {
      if (wait_ec) return;
      boost::system::error_code close_ec;
      if (!impl->connections.empty())
        spdlog::warn("shutdown: closing {} connection(s) still busy after the grace period",
                     impl->connections.size());
      for (auto& conn : impl->connections) conn.stream->socket().close(close_ec);
      // A producer may still be waiting (say, for a model's first token) and would only notice
      // the closed socket at its next write: stop now rather than wait for it.
      if (impl->on_stopped) {
        auto done = std::move(impl->on_stopped);
        impl->on_stopped = nullptr;
        done();
      }
    });
    impl->maybe_finished();
  });
}

std::size_t Server::open_connections() const { return impl_->connection_count.load(); }

}  // namespace voki::http
