// OpenAI-compatible /chat/completions client. Plain HTTP connections are kept alive and reused
// for the next answer; every read's complete events go to the sink together as soon as it has
// been parsed.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <optional>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "http/http.h"  // append_json_string only
#include "llm/chat_backend.h"
#include "llm/connection_pool.h"
#include "llm/internal.h"
#include "net/deadline.h"

namespace voki::llm {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxSseLine = 1 << 20;       // one event's data
constexpr std::size_t kMaxAnswerBytes = 256 << 10;  // the whole answer text
constexpr std::size_t kMaxErrorBody = 64 << 10;     // body of a non-200 answer that we read
constexpr std::uint64_t kMaxBodyBytes = 64 << 20;   // raw bytes of one streamed answer
constexpr std::size_t kMaxHeaderBytes = 16 << 10;

ChatResult failure(std::string code, std::string message, ChatResult partial = {}) {
  partial.ok = false;
  partial.error_code = std::move(code);
  partial.error_message = std::move(message);
  return partial;
}

// Upstream error messages may be long; keep logs and results short.
std::string clip(std::string_view text, std::size_t limit = 300) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 start
  return std::string(text.substr(0, cut)) + "...";
}

// Turns SSE events / JSON bodies into sink calls and a result.
class AnswerAssembler {
 public:
  enum class State { streaming, done, failed, cancelled };

  State state() const { return state_; }
  ChatResult& result() { return result_; }
  bool got_content() const { return got_content_; }
  bool saw_event() const { return saw_event_; }

  // Handles one piece of JSON (a data: payload or a whole body). The next piece of text, if any,
  // is left in pending(); the caller hands it to the sink (which is a coroutine).
  void on_json(std::string_view data) {
    saw_event_ = true;
    if (!detail::parse_completion_chunk(data, chunk_)) {
      fail("upstream_bad_response", "the model server sent data that is not JSON");
      return;
    }
    if (chunk_.has_error) {
      fail("upstream_error", "the model server reported an error: " + clip(chunk_.error_message));
      return;
    }
    if (!chunk_.finish_reason.empty()) result_.finish_reason = chunk_.finish_reason;
    if (!chunk_.content.empty()) {
      if (result_.text.size() + chunk_.content.size() > kMaxAnswerBytes) {
        fail("upstream_bad_response", "the answer is longer than the limit");
        return;
      }
      result_.text.append(chunk_.content);
      got_content_ = true;
      if (!has_pending_) pending_.clear();
      pending_.append(chunk_.content);  // several events may arrive before the sink runs
      has_pending_ = true;
    }
  }

  void on_event(const detail::SseEvent& event) {
    if (event.has_error) {
      saw_event_ = true;
      detail::CompletionChunk error_chunk;
      std::string message = "the model server reported an error";
      if (detail::parse_completion_chunk(event.error, error_chunk) && !error_chunk.error_message.empty()) {
        message += ": " + clip(error_chunk.error_message);
      }
      fail("upstream_error", std::move(message));
      return;
    }
    if (event.type == "error") {  // some servers send `event: error` + `data: {...}`
      saw_event_ = true;
      detail::parse_completion_chunk(event.data, chunk_);
      fail("upstream_error", "the model server reported an error: " + clip(chunk_.error_message));
      return;
    }
    if (event.data == "[DONE]") {
      saw_event_ = true;
      state_ = State::done;
      return;
    }
    on_json(event.data);
  }

  bool has_pending() const { return has_pending_; }
  std::string_view take_pending() {
    has_pending_ = false;
    return pending_;
  }

  void fail(std::string code, std::string message) {
    state_ = State::failed;
    result_.ok = false;
    result_.error_code = std::move(code);
    result_.error_message = std::move(message);
  }
  void cancel() {
    state_ = State::cancelled;
    result_.ok = false;
    result_.error_code = "cancelled";
    result_.error_message = "the client stopped the answer";
  }
  void finish_ok() { state_ = State::done; }

 private:
  detail::CompletionChunk chunk_;
  std::string pending_;
  ChatResult result_;
  State state_ = State::streaming;
  bool got_content_ = false;
  bool saw_event_ = false;
  bool has_pending_ = false;
};

bool is_timeout(const error_code& ec) {
  return ec == beast::error::timeout || ec == asio::error::timed_out;
}

// Receives the body bytes as the HTTP parser produces them (straight from the read buffer, no copy
// into a body buffer). Returns false to stop the parser.
class BodyConsumer {
 public:
  virtual ~BodyConsumer() = default;
  virtual bool consume(std::string_view bytes) = 0;
};

// A Beast body type that hands every piece to a BodyConsumer.
struct ForwardedBody {
  struct value_type {
    BodyConsumer* consumer = nullptr;
  };
  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(http::header<isRequest, Fields>&, value_type& body) : body_(body) {}
    void init(const boost::optional<std::uint64_t>&, error_code& ec) { ec = {}; }
    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, error_code& ec) {
      ec = {};
      std::size_t used = 0;
      for (const auto buffer : beast::buffers_range_ref(buffers)) {
        if (!body_.consumer->consume({static_cast<const char*>(buffer.data()), buffer.size()})) {
          ec = asio::error::message_size;
          break;
        }
        used += buffer.size();
      }
      return used;
    }
    void finish(error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

// The body of the model server's answer: SSE events for the assembler, one JSON object (a
// server that ignored "stream": true) or the start of an error body.
class AnswerBody final : public BodyConsumer {
 public:
  enum class Kind { events, whole_json, error };
  explicit AnswerBody(AnswerAssembler& answer) : answer_(answer), sse_(kMaxSseLine) {}

  Kind kind = Kind::events;
  std::string collected;  // whole_json and error bodies
  bool too_long = false;

  bool consume(std::string_view bytes) override {
    switch (kind) {
      case Kind::error:
        collected.append(bytes.substr(0, kMaxErrorBody - std::min(kMaxErrorBody, collected.size())));
        return true;
      case Kind::whole_json:
        if (collected.size() + bytes.size() > kMaxAnswerBytes * 2) {
          too_long = true;
          return false;
        }
        collected.append(bytes);
        return true;
      case Kind::events:
        break;
    }
    // After [DONE] or a failure the rest of the body is read (to keep the connection) and ignored.
    if (answer_.state() != AnswerAssembler::State::streaming) return true;
    const auto status = sse_.feed(bytes, [this](const detail::SseEvent& event) {
      answer_.on_event(event);
      return answer_.state() == AnswerAssembler::State::streaming;
    });
    if (status == detail::SseParser::Status::line_too_long) {
      too_long = true;
      return false;
    }
    return true;
  }

  // The body ended: an event still missing its blank line counts (some servers close right after
  // the last `data:` line).
  void finish_events() {
    if (kind == Kind::events && answer_.state() == AnswerAssembler::State::streaming) {
      sse_.finish([this](const detail::SseEvent& event) {
        answer_.on_event(event);
        return true;
      });
    }
  }

 private:
  AnswerAssembler& answer_;
  detail::SseParser sse_;
};

// How one request/response on a connection went.
struct Exchange {
  ChatResult result;
  bool reusable = false;          // the response was read to its end and the server keeps the connection
  bool nothing_received = false;  // failed before any byte of a response arrived (not a timeout)
};

constexpr std::size_t kReadSize = 1024;  // per read: every complete event in it is handled at once
constexpr std::size_t kMaxIdleConnections = 256;
constexpr auto kMaxIdleTime = std::chrono::seconds(4);
// After [DONE], the rest of the body (normally just its last chunk, already on its way) may take
// this long before the connection is given up instead of kept.
constexpr auto kBodyTailTimeout = std::chrono::milliseconds(500);

class OpenAiBackend final : public ChatBackend {
 public:
  OpenAiBackend(asio::any_io_executor executor, OpenAiConfig config)
      : executor_(std::move(executor)), config_(std::move(config)), pool_(kMaxIdleConnections, kMaxIdleTime) {
    std::string error;
    if (auto url = detail::parse_base_url(config_.base_url, error)) {
      url_ = std::move(*url);
      target_ = url_.path + "/chat/completions";
      host_header_ = url_.host_header();
    } else {
      url_error_ = std::move(error);
    }
    if (url_.tls) {
      tls_ = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_client);
      tls_->set_default_verify_paths();
      tls_->set_verify_mode(config_.verify_tls ? asio::ssl::verify_peer : asio::ssl::verify_none);
    }
  }

  Task<ChatResult> stream(const ChatRequest& request, TokenSink sink) override {
    if (!url_error_.empty()) co_return failure("upstream_unavailable", "invalid base URL: " + url_error_);

    http::request<http::string_body> req{http::verb::post, target_, 11};
    req.set(http::field::host, host_header_);
    req.set(http::field::user_agent, "voki");
    req.set(http::field::content_type, "application/json");
    req.set(http::field::accept, "text/event-stream");
    if (!config_.api_key.empty()) req.set(http::field::authorization, "Bearer " + config_.api_key);
    req.keep_alive(!url_.tls);  // plain connections are kept for the next answer
    req.body() = request_body(request);
    req.prepare_payload();

    if (url_.tls) co_return co_await stream_tls(req, sink);

    // A kept-alive connection first. The server may have closed it just as the request went out;
    // when nothing at all came back, the request is sent once more on a new connection.
    if (auto connection = pool_.take()) {
      beast::flat_buffer buffer;
      Exchange done = co_await exchange(connection->socket, connection->socket, buffer, req, sink);
      if (!done.nothing_received) {
        finish_connection(std::move(connection), done, buffer);
        co_return std::move(done.result);
      }
      close(connection->socket);
    }
    auto connection = std::make_unique<detail::PooledConnection>(executor_);
    if (auto failed = co_await connect(connection->socket)) co_return std::move(*failed);
    beast::flat_buffer buffer;
    Exchange done = co_await exchange(connection->socket, connection->socket, buffer, req, sink);
    finish_connection(std::move(connection), done, buffer);
    co_return std::move(done.result);
  }

 private:
  static void close(tcp::socket& socket) {
    error_code ignored;
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
  }

  void finish_connection(std::unique_ptr<detail::PooledConnection> connection, const Exchange& done,
                         const beast::flat_buffer& buffer) {
    if (done.reusable && buffer.size() == 0) {
      pool_.put(std::move(connection));
    } else {
      close(connection->socket);
    }
  }

  // Resolves and connects a plain TCP socket within the connect timeout; a failure result or none.
  Task<std::optional<ChatResult>> connect(tcp::socket& socket) {
    const Clock::time_point started = Clock::now();
    error_code ec;
    std::vector<tcp::endpoint> endpoints = co_await resolve(ec);
    if (ec == asio::error::timed_out) co_return failure("upstream_timeout", "resolving the model server's name timed out");
    if (ec) co_return failure("upstream_unavailable", "cannot resolve the model server: " + ec.message());
    net::Deadline deadline(executor_, [&socket] {
      error_code ignored;
      socket.close(ignored);
    });
    deadline.expires_at(started + config_.connect_timeout);
    co_await asio::async_connect(socket, endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (deadline.expired()) co_return failure("upstream_timeout", "connecting to the model server timed out");
    if (ec) co_return connect_failure(ec);
    socket.set_option(tcp::no_delay(true), ec);  // the request goes out at once
    co_return std::nullopt;
  }

  Task<ChatResult> stream_tls(http::request<http::string_body>& req, TokenSink& sink) {
    const Clock::time_point started = Clock::now();
    error_code ec;
    std::vector<tcp::endpoint> endpoints = co_await resolve(ec);
    if (ec == asio::error::timed_out) co_return failure("upstream_timeout", "resolving the model server's name timed out");
    if (ec) co_return failure("upstream_unavailable", "cannot resolve the model server: " + ec.message());
    const auto remaining = config_.connect_timeout - (Clock::now() - started);
    beast::ssl_stream<beast::tcp_stream> stream(executor_, *tls_);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), url_.host.c_str())) {
      co_return failure("upstream_unavailable", "cannot set TLS server name");
    }
    if (config_.verify_tls) stream.set_verify_callback(asio::ssl::host_name_verification(url_.host));
    auto& tcp_layer = beast::get_lowest_layer(stream);
    tcp_layer.expires_after(std::chrono::duration_cast<std::chrono::milliseconds>(remaining));
    co_await tcp_layer.async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return connect_failure(ec);
    tcp_layer.socket().set_option(tcp::no_delay(true), ec);
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    if (is_timeout(ec)) co_return failure("upstream_timeout", "TLS handshake timed out");
    if (ec) co_return failure("upstream_unavailable", "TLS handshake failed: " + ec.message());
    tcp_layer.expires_never();  // from here the exchange keeps its own deadline
    beast::flat_buffer buffer;
    Exchange done = co_await exchange(stream, tcp_layer.socket(), buffer, req, sink);
    tcp_layer.close();  // no TLS close_notify wait: the answer is complete or abandoned
    co_return std::move(done.result);
  }

  // IP literals need no lookup (and the resolver's one background thread would serialise 1,000
  // simultaneous streams); names go through the resolver, which a timer bounds.
  Task<std::vector<tcp::endpoint>> resolve(error_code& ec) {
    std::vector<tcp::endpoint> endpoints;
    const auto address = asio::ip::make_address(url_.host, ec);
    if (!ec) {
      endpoints.emplace_back(address, static_cast<unsigned short>(std::stoi(url_.port)));
      co_return endpoints;
    }
    auto resolver = std::make_shared<tcp::resolver>(executor_);
    auto timed_out = std::make_shared<bool>(false);
    asio::steady_timer timer(executor_, config_.connect_timeout);
    timer.async_wait([weak = std::weak_ptr<tcp::resolver>(resolver), timed_out](error_code wait_ec) {
      if (wait_ec) return;
      *timed_out = true;
      if (auto alive = weak.lock()) alive->cancel();
    });
    ec = {};
    const auto results =
        co_await resolver->async_resolve(url_.host, url_.port, asio::redirect_error(asio::use_awaitable, ec));
    timer.cancel();
    if (*timed_out) {
      ec = asio::error::timed_out;
      co_return endpoints;
    }
    for (const auto& entry : results) endpoints.push_back(entry.endpoint());
    co_return endpoints;
  }

  // Written by hand: a JSON tree and nlohmann's serializer for the whole prompt (often several
  // KB) cost more than anything else between the learner's message and the model request.
  std::string request_body(const ChatRequest& request) const {
    std::size_t size = 160;
    for (const ChatMessage& message : request.messages) size += message.role.size() + message.content.size() + 32;
    std::string body;
    body.reserve(size);
    body += "{\"model\":";
    voki::http::append_json_string(body, request.model.empty() ? config_.model : request.model);
    body += ",\"messages\":[";
    for (std::size_t i = 0; i < request.messages.size(); ++i) {
      if (i > 0) body += ',';
      body += "{\"role\":";
      voki::http::append_json_string(body, request.messages[i].role);
      body += ",\"content\":";
      voki::http::append_json_string(body, request.messages[i].content);
      body += '}';
    }
    body += "],\"stream\":true,\"temperature\":";
    body += nlohmann::json(request.temperature).dump();
    body += ",\"max_tokens\":";
    body += std::to_string(request.max_tokens);
    body += '}';
    return body;
  }

  static ChatResult connect_failure(const error_code& ec) {
    if (is_timeout(ec)) return failure("upstream_timeout", "connecting to the model server timed out");
    return failure("upstream_unavailable", "cannot connect to the model server: " + ec.message());
  }

  // Reads once from `stream` into `buffer`.
  template <class Stream>
  static Task<std::size_t> read_more(Stream& stream, beast::flat_buffer& buffer, error_code& ec) {
    const std::size_t n = co_await stream.async_read_some(buffer.prepare(kReadSize), asio::redirect_error(asio::use_awaitable, ec));
    buffer.commit(n);
    co_return n;
  }

  // Sends `req` on an open connection and streams the answer to `sink`. `socket` is the TCP layer
  // under `stream`: the deadline closes it when the server takes too long.
  template <class Stream>
  Task<Exchange> exchange(Stream& stream, tcp::socket& socket, beast::flat_buffer& buffer,
                          http::request<http::string_body>& req, TokenSink& sink) {
    Exchange out;
    net::Deadline deadline(executor_, [&socket] {
      error_code ignored;
      socket.close(ignored);
    });
    error_code ec;
    deadline.expires_after(config_.connect_timeout);
    co_await http::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
    if (deadline.expired()) {
      out.result = failure("upstream_timeout", "sending the request timed out");
      co_return out;
    }
    if (ec) {
      out.nothing_received = true;
      out.result = failure("upstream_unavailable", "sending the request failed: " + ec.message());
      co_return out;
    }

    // Until the first piece of text the first-token deadline applies, after it the idle gap.
    const Clock::time_point first_token_deadline = Clock::now() + config_.first_token_timeout;
    AnswerAssembler answer;
    AnswerBody body(answer);
    http::response_parser<ForwardedBody> parser;
    parser.get().body().consumer = &body;
    parser.header_limit(kMaxHeaderBytes);
    // AnswerAssembler limits the answer text; this bounds the raw bytes (JSON framing included).
    // (boost::none would mean "no limit" but Boost 1.74 then rejects every Content-Length.)
    parser.body_limit(kMaxBodyBytes);

    // The header. Not eager: the body waits until its kind is known.
    std::size_t received = 0;
    deadline.expires_at(first_token_deadline);
    while (!parser.is_header_done()) {
      if (buffer.size() > 0) {
        const std::size_t used = parser.put(buffer.data(), ec);
        buffer.consume(used);
        if (ec == http::error::need_more) ec = {};
        if (ec || parser.is_header_done()) break;
      }
      received += co_await read_more(stream, buffer, ec);
      if (ec) break;
    }
    if (ec) {
      const bool timed_out = deadline.expired();
      if (received == 0 && !timed_out) out.nothing_received = true;
      if (ec == asio::error::eof) ec = received == 0 ? http::error::end_of_stream : http::error::partial_message;
      out.result = read_failure(ec, timed_out, answer, "reading the response header");
      co_return out;
    }

    // A response has begun, so the request will not be sent again: its body (the whole prompt)
    // need not stay in memory while the answer streams.
    std::string().swap(req.body());

    const unsigned status = parser.get().result_int();
    const beast::string_view content_type = parser.get()[http::field::content_type];
    if (status != 200) {
      body.kind = AnswerBody::Kind::error;
    } else if (content_type.starts_with("application/json")) {
      body.kind = AnswerBody::Kind::whole_json;  // a server that ignored "stream": true
    }

    // The body: everything already buffered is parsed before the next read, and all the text it
    // held goes to the sink at once (one event for the learner instead of several).
    parser.eager(true);
    bool tail_armed = false;
    while (!parser.is_done()) {
      while (buffer.size() > 0 && !parser.is_done()) {
        const std::size_t used = parser.put(buffer.data(), ec);
        buffer.consume(used);
        if (ec == http::error::need_more) {
          ec = {};
          break;
        }
        if (ec || used == 0) break;
      }
      if (answer.has_pending()) {
        if (!co_await sink(answer.take_pending())) answer.cancel();
      }
      if (ec || parser.is_done()) break;
      if (answer.state() == AnswerAssembler::State::failed || answer.state() == AnswerAssembler::State::cancelled) break;
      if (body.kind == AnswerBody::Kind::error && body.collected.size() >= kMaxErrorBody) break;
      if (answer.state() == AnswerAssembler::State::done) {
        if (!tail_armed) deadline.expires_after(kBodyTailTimeout);
        tail_armed = true;
      } else if (answer.got_content()) {
        deadline.expires_after(config_.idle_timeout);
      }
      // Not read_more(): one coroutine frame less for every token.
      const std::size_t got =
          co_await stream.async_read_some(buffer.prepare(kReadSize), asio::redirect_error(asio::use_awaitable, ec));
      buffer.commit(got);
      if (ec == asio::error::eof) {
        ec = {};
        parser.put_eof(ec);  // completes a body that ends with the connection, else partial_message
        if (!ec) continue;
      }
      if (ec) break;
    }
    const bool timed_out = deadline.expired();
    deadline.clear();

    if (body.too_long) {
      out.result = failure("upstream_bad_response", "the model server sent an oversized line or body");
      co_return out;
    }
    if (body.kind == AnswerBody::Kind::error) {
      std::string message = "the model server answered HTTP " + std::to_string(status);
      detail::CompletionChunk chunk;
      if (detail::parse_completion_chunk(body.collected, chunk) && !chunk.error_message.empty()) {
        message += ": " + clip(chunk.error_message);
      }
      spdlog::warn("llm: {}", message);
      out.result = failure("upstream_error", std::move(message));
      co_return out;
    }
    if (answer.state() == AnswerAssembler::State::cancelled || answer.state() == AnswerAssembler::State::failed) {
      if (answer.state() == AnswerAssembler::State::failed) {
        spdlog::warn("llm: {}: {}", answer.result().error_code, answer.result().error_message);
      }
      out.result = std::move(answer.result());
      co_return out;
    }
    if (answer.state() == AnswerAssembler::State::done) {
      // Whether or not the rest of the body came, the answer is complete.
      out.reusable = !ec && parser.is_done() && parser.get().keep_alive();
      answer.finish_ok();
      out.result = std::move(answer.result());
      co_return out;
    }
    if (ec) {
      out.result = read_failure(ec, timed_out, answer, "reading the answer");
      co_return out;
    }
    // The body ended without [DONE].
    if (body.kind == AnswerBody::Kind::whole_json) {
      answer.on_json(body.collected);
    } else {
      body.finish_events();
    }
    if (answer.has_pending()) {
      if (!co_await sink(answer.take_pending())) answer.cancel();
    }
    if (answer.state() == AnswerAssembler::State::failed || answer.state() == AnswerAssembler::State::cancelled) {
      out.result = std::move(answer.result());
      co_return out;
    }
    // Ollama sometimes ends without [DONE] or a finish chunk: fine if it said something.
    if (!answer.saw_event() || !answer.got_content()) {
      out.result = failure("upstream_bad_response", "the model server's answer had no text");
      co_return out;
    }
    out.reusable = parser.get().keep_alive();
    answer.finish_ok();
    out.result = std::move(answer.result());
    co_return out;
  }

  static ChatResult read_failure(const error_code& ec, bool timed_out, AnswerAssembler& answer, std::string_view what) {
    ChatResult partial = std::move(answer.result());
    if (timed_out || is_timeout(ec)) {
      return failure("upstream_timeout",
                     std::string(what) + (answer.got_content() ? ": no data within the idle timeout"
                                                               : ": no answer within the first-token timeout"),
                     std::move(partial));
    }
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::ssl::error::stream_truncated) {
      return failure("upstream_unavailable", std::string(what) + ": the connection closed early",
                     std::move(partial));
    }
    if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
      return failure("upstream_bad_response", std::string(what) + ": invalid HTTP: " + ec.message(),
                     std::move(partial));
    }
    return failure("upstream_unavailable", std::string(what) + ": " + ec.message(), std::move(partial));
  }

  asio::any_io_executor executor_;
  OpenAiConfig config_;
  detail::BaseUrl url_;
  std::string url_error_;
  std::string target_;
  std::string host_header_;
  std::unique_ptr<asio::ssl::context> tls_;
  detail::ConnectionPool pool_;  // plain HTTP only
};

}  // namespace

std::unique_ptr<ChatBackend> make_openai_backend(asio::any_io_executor executor, OpenAiConfig config) {
  return std::make_unique<OpenAiBackend>(std::move(executor), std::move(config));
}

}  // namespace voki::llm
