// HTTP/1.1 server on Boost.Beast with C++20 coroutines: routing, JSON errors of one shape,
// server-sent events, static files for the web app, limits, timeouts and graceful shutdown.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/asio.h"

namespace boost::asio {
class io_context;
}

namespace voki::http {

struct Request {
  std::string method;  // upper case, e.g. "POST"
  std::string target;  // as received
  std::string path;    // percent-decoded path, without the query
  std::string raw_path;  // the path as received (routes split it before decoding segments)
  std::string query;   // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
  std::string body;
  std::vector<std::string> params;  // captured "{}" segments of the matched route
  std::string remote_address;

  std::string_view header(std::string_view lower_name) const;
  std::string cookie(std::string_view name) const;
  std::string query_param(std::string_view name) const;
};

// Appends `s` to `out` as a JSON string literal (quotes included), for bodies built by hand on hot
// paths. Control characters, quotes, backslashes, '<' and '>' are escaped; invalid UTF-8 becomes
// U+FFFD, so the result is always valid JSON.
void append_json_string(std::string& out, std::string_view s);

// Writes server-sent events on an open response.
class EventStream {
 public:
  virtual ~EventStream() = default;
  // Returns false when the client has gone (the write failed); stop producing then.
  virtual Task<bool> send(std::string_view event, std::string_view data) = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, the response is a text/event-stream and this produces its events.
  std::function<Task<void>(EventStream&)> stream;

  static Response json(int status, std::string body);
  // {"error": {"code": code, "message": message}}
  static Response error(int status, std::string_view code, std::string_view message);
  static Response no_content();
  static Response event_stream(std::function<Task<void>(EventStream&)> producer);
};

using Handler = std::function<Task<Response>(Request&)>;

// Routes by method and path pattern; "{}" matches one non-empty path segment, which is then
// percent-decoded (so "a%2Fb" is one segment "a/b").
class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);
  struct Match {
    const Handler* handler = nullptr;
    bool path_known = false;  // some route has this path (for 405 instead of 404)
  };
  Match match(const std::string& method, const std::string& path,
              std::vector<std::string>& params) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 256 * 1024;
  std::chrono::seconds read_timeout{15};        // to receive a whole request
  std::chrono::seconds keep_alive_timeout{30};  // idle between requests
  std::chrono::seconds write_timeout{30};       // a stalled client is dropped
  std::chrono::seconds shutdown_grace{10};      // running answers may finish this long
  std::string web_root;  // static files of the web app; empty: none
};

// Static file responses (exposed for tests): safe path mapping, content types, caching headers,
// ETag / If-None-Match, SPA fallback to index.html for paths without an extension.
Response serve_static(const std::string& web_root, const Request& request);

class Server {
 public:
  Server(asio::io_context& io, ServerOptions options, Router router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting; returns the bound port.
  std::uint16_t start();
  // Graceful: stops accepting, closes idle connections, lets running responses finish for at most
  // shutdown_grace, then closes the rest. `on_stopped` runs when no connection is left.
  void shutdown(std::function<void()> on_stopped);
  std::size_t open_connections() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace voki::http
