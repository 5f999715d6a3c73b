// OpenAI-compatible /chat/completions client: one HTTP(S) connection per answer, tokens handed to
// the sink as soon as each network read has been parsed.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

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

#include "llm/chat_backend.h"
#include "llm/internal.h"

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
constexpr std::uint64_t kMaxBodyBytes = 64 << 20;   // raw bytes of one streamed answer     // body of a non-200 answer
constexpr std::size_t kMaxHeaderBytes = 16 << 10;
constexpr std::size_t kReadChunk = 4096;  // body bytes per read; small keeps 1,000 streams cheap

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

class OpenAiBackend final : public ChatBackend {
 public:
  OpenAiBackend(asio::any_io_executor executor, OpenAiConfig config)
      : executor_(std::move(executor)), config_(std::move(config)) {
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
    req.body() = request_body(request);
    req.prepare_payload();

    const Clock::time_point started = Clock::now();
    error_code ec;
    std::vector<tcp::endpoint> endpoints = co_await resolve(ec);
    if (ec == asio::error::timed_out) co_return failure("upstream_timeout", "resolving the model server's name timed out");
    if (ec) co_return failure("upstream_unavailable", "cannot resolve the model server: " + ec.message());

    const auto remaining = config_.connect_timeout - (Clock::now() - started);
    if (url_.tls) {
      beast::ssl_stream<beast::tcp_stream> stream(executor_, *tls_);
      if (!SSL_set_tlsext_host_name(stream.native_handle(), url_.host.c_str())) {
        co_return failure("upstream_unavailable", "cannot set TLS server name");
      }
      if (config_.verify_tls) stream.set_verify_callback(asio::ssl::host_name_verification(url_.host));
      auto& tcp_layer = beast::get_lowest_layer(stream);
      tcp_layer.expires_after(std::chrono::duration_cast<std::chrono::milliseconds>(remaining));
      co_await tcp_layer.async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return connect_failure(ec);
      co_await stream.async_handshake(asio::ssl::stream_base::client,
                                      asio::redirect_error(asio::use_awaitable, ec));
      if (is_timeout(ec)) co_return failure("upstream_timeout", "TLS handshake timed out");
      if (ec) co_return failure("upstream_unavailable", "TLS handshake failed: " + ec.message());
      ChatResult result = co_await exchange(stream, tcp_layer, req, sink);
      tcp_layer.close();  // no TLS close_notify wait: the answer is complete or abandoned
      co_return result;
    }
    beast::tcp_stream stream(executor_);
    stream.expires_after(std::chrono::duration_cast<std::chrono::milliseconds>(remaining));
    co_await stream.async_connect(endpoints, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return connect_failure(ec);
    ChatResult result = co_await exchange(stream, stream, req, sink);
    error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.close();
    co_return result;
  }

 private:
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

  std::string request_body(const ChatRequest& request) const {
    nlohmann::json messages = nlohmann::json::array();
    for (const ChatMessage& message : request.messages) {
      messages.push_back({{"role", message.role}, {"content", message.content}});
    }
    nlohmann::json body = {
        {"model", request.model.empty() ? config_.model : request.model},
        {"messages", std::move(messages)},
        {"stream", true},
        {"temperature", request.temperature},
        {"max_tokens", request.max_tokens},
    };
    // Invalid UTF-8 from a client must not throw: replace it.
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  static ChatResult connect_failure(const error_code& ec) {
    if (is_timeout(ec)) return failure("upstream_timeout", "connecting to the model server timed out");
    return failure("upstream_unavailable", "cannot connect to the model server: " + ec.message());
  }

  template <class Stream>
  Task<ChatResult> exchange(Stream& stream, beast::tcp_stream& tcp_layer,
                            http::request<http::string_body>& req, TokenSink& sink) {
    error_code ec;
    tcp_layer.expires_after(config_.connect_timeout);
    co_await http::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
    if (is_timeout(ec)) co_return failure("upstream_timeout", "sending the request timed out");
    if (ec) co_return failure("upstream_unavailable", "sending the request failed: " + ec.message());

    // Until the first piece of text the first-token deadline applies, after it the idle gap.
    const Clock::time_point first_token_deadline = Clock::now() + config_.first_token_timeout;
    AnswerAssembler answer;
    // Once text flows the idle deadline is refreshed only after a quarter of it has passed:
    // re-arming the timer on every read costs more than the read. A gap of at least 3/4 of
    // idle_timeout is always allowed.
    Clock::time_point idle_armed_at{};
    const auto rearm_after = std::min<Clock::duration>(config_.idle_timeout / 4, std::chrono::seconds(1));
    auto arm_timer = [&] {
      if (answer.got_content()) {
        const auto now = Clock::now();
        if (now - idle_armed_at >= rearm_after) {
          tcp_layer.expires_after(config_.idle_timeout);
          idle_armed_at = now;
        }
      } else {
        tcp_layer.expires_at(first_token_deadline);
      }
    };

    beast::flat_buffer buffer(kMaxHeaderBytes + kReadChunk);
    http::response_parser<http::buffer_body> parser;
    parser.header_limit(kMaxHeaderBytes);
    // AnswerAssembler limits the answer text; this bounds the raw bytes (JSON framing included).
    // (boost::none would mean "no limit" but Boost 1.74 then rejects every Content-Length.)
    parser.body_limit(kMaxBodyBytes);
    arm_timer();
    co_await http::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return read_failure(ec, answer, "reading the response header");

    const unsigned status = parser.get().result_int();
    const beast::string_view content_type = parser.get()[http::field::content_type];
    char body_chunk[kReadChunk];

    if (status != 200) {
      std::string body;
      while (!parser.is_done() && body.size() < kMaxErrorBody) {
        parser.get().body().data = body_chunk;
        parser.get().body().size = sizeof body_chunk;
        arm_timer();
        co_await http::async_read_some(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        if (ec == http::error::need_buffer) ec = {};
        body.append(body_chunk, sizeof body_chunk - parser.get().body().size);
        if (ec) break;
      }
      std::string message = "the model server answered HTTP " + std::to_string(status);
      detail::CompletionChunk chunk;
      if (detail::parse_completion_chunk(body, chunk) && !chunk.error_message.empty()) {
        message += ": " + clip(chunk.error_message);
      }
      spdlog::warn("llm: {}", message);
      co_return failure("upstream_error", std::move(message));
    }

    // A server that ignored "stream": true answers with one JSON object.
    const bool whole_json = content_type.starts_with("application/json");
    std::string json_body;
    detail::SseParser sse(kMaxSseLine);
    bool too_long = false;

    while (!parser.is_done() && answer.state() == AnswerAssembler::State::streaming) {
      parser.get().body().data = body_chunk;
      parser.get().body().size = sizeof body_chunk;
      arm_timer();
      co_await http::async_read_some(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec == http::error::need_buffer) ec = {};
      const std::string_view bytes(body_chunk, sizeof body_chunk - parser.get().body().size);
      if (whole_json) {
        if (json_body.size() + bytes.size() > kMaxAnswerBytes * 2) {
          too_long = true;
          break;
        }
        json_body.append(bytes);
      } else if (!bytes.empty()) {
        // Events are handled one at a time so that each token reaches the sink before the next
        // event is parsed; the parser stops after every event carrying text.
        std::string_view rest = bytes;
        while (!rest.empty() && answer.state() == AnswerAssembler::State::streaming) {
          std::size_t consumed = 0;
          bool stopped_early = false;
          const auto status_sse = feed_until_text(sse, rest, answer, consumed, stopped_early);
          if (status_sse == detail::SseParser::Status::line_too_long) {
            too_long = true;
            break;
          }
          rest.remove_prefix(consumed);
          if (answer.has_pending()) {
            if (!co_await sink(answer.take_pending())) answer.cancel();
          }
          if (!stopped_early) break;
        }
        if (too_long) break;
      }
      if (answer.state() != AnswerAssembler::State::streaming) break;
      if (ec) co_return read_failure(ec, answer, "reading the answer");
    }

    if (too_long) co_return failure("upstream_bad_response", "the model server sent an oversized line or body");
    if (answer.state() == AnswerAssembler::State::cancelled || answer.state() == AnswerAssembler::State::failed) {
      if (answer.state() == AnswerAssembler::State::failed) {
        spdlog::warn("llm: {}: {}", answer.result().error_code, answer.result().error_message);
      }
      co_return std::move(answer.result());
    }
    if (answer.state() == AnswerAssembler::State::streaming) {  // body ended without [DONE]
      if (whole_json) {
        answer.on_json(json_body);
        if (answer.has_pending()) {
          if (!co_await sink(answer.take_pending())) answer.cancel();
        }
        if (answer.state() != AnswerAssembler::State::streaming) co_return std::move(answer.result());
      } else {
        sse.finish([&](const detail::SseEvent& event) {
          answer.on_event(event);
          return true;
        });
        if (answer.has_pending()) {
          if (!co_await sink(answer.take_pending())) answer.cancel();
        }
        if (answer.state() == AnswerAssembler::State::failed ||
            answer.state() == AnswerAssembler::State::cancelled) {
          co_return std::move(answer.result());
        }
      }
      // Ollama sometimes ends without [DONE] or a finish chunk: fine if it said something.
      if (!answer.saw_event() || !answer.got_content()) {
        co_return failure("upstream_bad_response", "the model server's answer had no text");
      }
    }
    answer.finish_ok();
    co_return std::move(answer.result());
  }

  // Feeds `bytes` until an event with text (or an end/failure) comes up. `consumed` is how much
  // of `bytes` was used; `stopped_early` tells whether the parser stopped before the end.
  static detail::SseParser::Status feed_until_text(detail::SseParser& sse, std::string_view bytes,
                                                   AnswerAssembler& answer, std::size_t& consumed,
                                                   bool& stopped_early) {
    // The parser has no position output, so feed it byte ranges ending at line breaks: events
    // end at a blank line, so stopping is only needed after a complete line.
    std::size_t pos = 0;
    stopped_early = false;
    while (pos < bytes.size()) {
      std::size_t end = bytes.find('\n', pos);
      end = end == std::string_view::npos ? bytes.size() : end + 1;
      const auto status = sse.feed(bytes.substr(pos, end - pos), [&](const detail::SseEvent& event) {
        answer.on_event(event);
        return true;
      });
      if (status != detail::SseParser::Status::ok) return status;
      pos = end;
      if (answer.has_pending() || answer.state() != AnswerAssembler::State::streaming) {
        stopped_early = pos < bytes.size();
        break;
      }
    }
    consumed = pos;
    return detail::SseParser::Status::ok;
  }

  static ChatResult read_failure(const error_code& ec, AnswerAssembler& answer, std::string_view what) {
    ChatResult partial = std::move(answer.result());
    if (is_timeout(ec)) {
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
};

}  // namespace

std::unique_ptr<ChatBackend> make_openai_backend(asio::any_io_executor executor, OpenAiConfig config) {
  return std::make_unique<OpenAiBackend>(std::move(executor), std::move(config));
}

}  // namespace voki::llm
