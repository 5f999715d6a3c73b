// A fake OpenAI-compatible model server for tests and benchmarks (never linked into Voki).
// Streams Norwegian answers in OpenAI's SSE shape with realistic chunking, and can misbehave on
// request (HTTP errors, errors inside the stream, dropped connections, stalls, garbage).
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <sys/resource.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "net/asio.h"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using json = nlohmann::json;
using error_code = boost::system::error_code;
using voki::Task;

const std::vector<std::string> kModes = {"ok",    "http500", "http429", "error-in-stream", "llama-error-line",
                                         "drop-mid-stream", "stall", "garbage", "slow-headers"};

struct Settings {
  std::string mode = "ok";
  int token_delay_ms = 20;
  int first_token_delay_ms = 0;
  int tokens = 30;
  std::string require_key;
  bool chunked = true;  // false: no Transfer-Encoding, the body ends when the connection closes
  // The first token always goes out in its own write (no "realistic" coalescing with the next
  // one), so that a benchmark's first-token time measures the server, not the chunking.
  bool first_token_alone = false;
  int idle_close_ms = 0;     // > 0: a kept-alive connection idle this long is closed (like real servers)
  bool drop_reused = false;  // a request on a kept-alive connection is dropped: closed, unanswered

  json to_json() const {
    return {{"mode", mode},       {"token_delay_ms", token_delay_ms}, {"first_token_delay_ms", first_token_delay_ms},
            {"tokens", tokens},   {"require_key", !require_key.empty()}, {"chunked", chunked},
            {"first_token_alone", first_token_alone}, {"idle_close_ms", idle_close_ms}, {"drop_reused", drop_reused}};
  }
};

struct Stats {
  std::uint64_t requests = 0;           // completion requests
  std::uint64_t streams_started = 0;
  std::uint64_t streams_completed = 0;  // sent to the end
  std::uint64_t streams_aborted = 0;    // the client left before the end
  std::int64_t active_streams = 0;
  std::uint64_t connections = 0;
  std::uint64_t dropped_requests = 0;  // drop_reused
  std::string last_request;  // body of the last completion request
  std::string last_authorization;
};

// The server is single-threaded: these are only touched from the io_context's thread.
Settings g_settings;
Stats g_stats;
std::uint64_t g_sequence = 0;

const char* const kFiller =
    "Det er fint å øve litt hver dag. Hvis du vil, kan vi snakke om arbeidsplassen din, om familien eller om "
    "været i dag. Mange synes at norsk uttale er vanskelig i begynnelsen, men det blir lettere når man "
    "hører språket ofte. Fortell meg gjerne hva du liker å gjøre i fritiden.";

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

std::string last_user_text(const json& request) {
  std::string text;
  if (request.contains("messages") && request["messages"].is_array()) {
    for (const json& message : request["messages"]) {
      if (message.is_object() && message.value("role", "") == "user" && message.contains("content") &&
          message["content"].is_string()) {
        text = message["content"].get<std::string>();
      }
    }
  }
  return text;
}

// Splits the answer into tokens of one to three words or word parts, like a tokenizer would.
std::vector<std::string> make_tokens(const std::string& user_text, int count, std::minstd_rand& rng) {
  std::vector<std::string> words = {"Du", "skrev:"};
  std::vector<std::string> echoed = split_words(user_text);
  if (echoed.size() > 8) echoed.resize(8);
  for (std::string& word : echoed) {
    if (word.size() > 40) word.resize(40);
    while (!word.empty() && (static_cast<unsigned char>(word.back()) & 0x80)) word.pop_back();  // no split UTF-8
    if (!word.empty()) words.push_back(std::move(word));
  }
  words.back() += ".";
  const std::vector<std::string> filler = split_words(kFiller);

  std::vector<std::string> tokens;
  std::size_t next = 0;
  auto next_word = [&]() -> std::string {
    const std::string word = next < words.size() ? words[next] : filler[(next - words.size()) % filler.size()];
    ++next;
    return word;
  };
  while (static_cast<int>(tokens.size()) < count) {
    std::string word = next_word();
    const std::string space = tokens.empty() ? "" : " ";
    const unsigned roll = rng() % 6;
    if (word.size() >= 8 && roll < 2) {  // a subword split, at an ASCII position
      std::size_t cut = word.size() / 2;
      while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0x80)) --cut;
      if (cut > 0) {
        tokens.push_back(space + word.substr(0, cut));
        if (static_cast<int>(tokens.size()) < count) tokens.push_back(word.substr(cut));
        continue;
      }
    }
    const int extra_words = roll == 5 ? 1 : (roll == 4 && word.size() <= 4 ? 2 : 0);  // 2-3 words per token
    for (int i = 0; i < extra_words; ++i) {
      word += ' ';
      word += next_word();
    }
    tokens.push_back(space + word);
  }
  return tokens;
}

json chunk_json(const std::string& id, long created, const std::string& model, const json& delta,
                const json& finish_reason) {
  return {{"id", id},
          {"object", "chat.completion.chunk"},
          {"created", created},
          {"model", model},
          {"choices", json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finish_reason}}})}};
}

std::string sse_event(const json& data) { return "data: " + data.dump() + "\n\n"; }

// The token chunks of one answer, in the same shape as chunk_json() but built from a prefix and a
// suffix around the escaped token: a benchmark's load generator should cost little per token.
class TokenEvents {
 public:
  TokenEvents(const std::string& id, long created, const std::string& model) {
    const std::string marker = "\x01";
    std::string shape = sse_event(chunk_json(id, created, model, {{"content", marker}}, nullptr));
    const std::size_t at = shape.find("\"\\u0001\"");
    prefix_ = shape.substr(0, at);
    suffix_ = shape.substr(at + 8);
  }
  void append(std::string& out, const std::string& token) const {
    out += prefix_;
    out += json(token).dump();
    out += suffix_;
  }

 private:
  std::string prefix_, suffix_;
};

// One timer for every stream's token delays. A timer per stream meant a wake-up of the event loop
// (epoll round, timerfd update) for nearly every token, which cost the load generator about as much
// as the token's write; now the streams due in the same millisecond are served in one wake-up.
// Delays are rounded up to the next millisecond.
class Ticker {
 public:
  using Clock = std::chrono::steady_clock;
  explicit Ticker(asio::any_io_executor executor) : timer_(std::move(executor)) {}

  // `waiter` waits with no expiry of its own; it is cancelled (its wait completes) at `due`.
  void wake_at(Clock::time_point due, asio::steady_timer& waiter) {
    const std::int64_t tick = (due.time_since_epoch() + kTick - Clock::duration(1)) / kTick;
    due_[tick].push_back(&waiter);
    if (tick < armed_) arm(tick);
  }

 private:
  static constexpr std::chrono::milliseconds kTick{1};
  static constexpr std::int64_t kNone = INT64_MAX;

  void arm(std::int64_t tick) {
    armed_ = tick;
    const unsigned generation = ++generation_;
    timer_.expires_at(Clock::time_point(tick * kTick));
    timer_.async_wait([this, generation](const error_code&) {
      if (generation == generation_) fired();
    });
  }

  void fired() {
    armed_ = kNone;
    const std::int64_t now = Clock::now().time_since_epoch() / kTick;
    while (!due_.empty() && due_.begin()->first <= now) {
      for (asio::steady_timer* waiter : due_.begin()->second) waiter->cancel();
      due_.erase(due_.begin());
    }
    if (!due_.empty()) arm(due_.begin()->first);
  }

  asio::steady_timer timer_;
  std::map<std::int64_t, std::vector<asio::steady_timer*>> due_;  // by tick
  std::int64_t armed_ = kNone;
  unsigned generation_ = 0;
};

Ticker* g_ticker = nullptr;  // lives in main(), beside the io_context

class Session {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)), wake_(stream_.get_executor()) {}

  Task<void> run() {
    error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
    ++g_stats.connections;
    for (int served = 0;; ++served) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(4 << 20);
      if (served > 0 && g_settings.idle_close_ms > 0) {
        stream_.expires_after(std::chrono::milliseconds(g_settings.idle_close_ms));
      } else {
        stream_.expires_after(std::chrono::minutes(5));
      }
      co_await http::async_read(stream_, buffer_, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
      stream_.expires_never();
      if (served > 0 && g_settings.drop_reused) {
        ++g_stats.dropped_requests;
        break;
      }
      http::request<http::string_body> request = parser.release();
      bool keep_alive = false;
      try {
        keep_alive = co_await handle(request);
      } catch (const std::exception& error) {  // a bad request must not stop the server
        std::cerr << "fake_llm: " << error.what() << "\n";
      }
      if (!keep_alive) break;
    }
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

 private:
  // Returns whether the connection stays open for another request.
  Task<bool> handle(http::request<http::string_body>& request) {
    const std::string target(request.target());
    if (request.method() == http::verb::get && target == "/stats") {
      json stats = {{"requests", g_stats.requests},
                    {"streams_started", g_stats.streams_started},
                    {"streams_completed", g_stats.streams_completed},
                    {"streams_aborted", g_stats.streams_aborted},
                    {"active_streams", g_stats.active_streams},
                    {"connections", g_stats.connections},
                    {"dropped_requests", g_stats.dropped_requests},
                    {"last_authorization", g_stats.last_authorization},
                    {"settings", g_settings.to_json()}};
      json last = json::parse(g_stats.last_request, nullptr, false);
      stats["last_request"] = last.is_discarded() ? json(nullptr) : last;
      co_return co_await respond(request, http::status::ok, stats.dump());
    }
    if (request.method() == http::verb::post && target == "/control") {
      co_return co_await control(request);
    }
    if (request.method() == http::verb::get && (target == "/v1/models" || target == "/models")) {
      const json models = {{"object", "list"}, {"data", json::array({{{"id", "fake-model"}, {"object", "model"}}})}};
      co_return co_await respond(request, http::status::ok, models.dump());
    }
    if (request.method() == http::verb::post && (target == "/v1/chat/completions" || target == "/chat/completions")) {
      co_return co_await completion(request);
    }
    co_return co_await respond(request, http::status::not_found, error_json("not found", "invalid_request_error"));
  }

  static std::string error_json(const std::string& message, const std::string& type, const json& code = nullptr) {
    return json{{"error", {{"message", message}, {"type", type}, {"param", nullptr}, {"code", code}}}}.dump();
  }

  Task<bool> respond(const http::request<http::string_body>& request, http::status status, std::string body,
                     bool extra_retry_after = false) {
    http::response<http::string_body> response{status, request.version()};
    response.set(http::field::content_type, "application/json");
    if (extra_retry_after) response.set(http::field::retry_after, "1");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    error_code ec;
    co_await http::async_write(stream_, response, asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec && request.keep_alive();
  }

  Task<bool> control(const http::request<http::string_body>& request) {
    const json change = json::parse(request.body(), nullptr, false);
    if (!change.is_object()) {
      co_return co_await respond(request, http::status::bad_request, error_json("body must be a JSON object", "invalid_request_error"));
    }
    Settings next = g_settings;
    std::string problem;
    try {
      if (change.contains("mode")) {
        next.mode = change["mode"].get<std::string>();
        if (std::find(kModes.begin(), kModes.end(), next.mode) == kModes.end()) throw std::invalid_argument("unknown mode");
      }
      if (change.contains("token_delay_ms")) next.token_delay_ms = std::clamp(change["token_delay_ms"].get<int>(), 0, 60000);
      if (change.contains("first_token_delay_ms")) next.first_token_delay_ms = std::clamp(change["first_token_delay_ms"].get<int>(), 0, 600000);
      if (change.contains("tokens")) next.tokens = std::clamp(change["tokens"].get<int>(), 1, 100000);
      if (change.contains("require_key")) next.require_key = change["require_key"].get<std::string>();
      if (change.contains("chunked")) next.chunked = change["chunked"].get<bool>();
      if (change.contains("first_token_alone")) next.first_token_alone = change["first_token_alone"].get<bool>();
      if (change.contains("idle_close_ms")) next.idle_close_ms = std::clamp(change["idle_close_ms"].get<int>(), 0, 600000);
      if (change.contains("drop_reused")) next.drop_reused = change["drop_reused"].get<bool>();
    } catch (const std::exception& error) {
      problem = std::string("bad control request: ") + error.what();
    }
    if (!problem.empty()) {
      co_return co_await respond(request, http::status::bad_request, error_json(problem, "invalid_request_error"));
    }
    g_settings = next;
    if (change.value("reset_stats", false)) {
      const std::int64_t active = g_stats.active_streams;
      g_stats = Stats{};
      g_stats.active_streams = active;
    }
    co_return co_await respond(request, http::status::ok, g_settings.to_json().dump());
  }

  Task<bool> completion(const http::request<http::string_body>& request) {
    ++g_stats.requests;
    g_stats.last_request = request.body();
    g_stats.last_authorization = std::string(request[http::field::authorization]);
    const Settings settings = g_settings;  // this request keeps the mode it started with

    if (!settings.require_key.empty() && request[http::field::authorization] != "Bearer " + settings.require_key) {
      co_return co_await respond(request, http::status::unauthorized,
                                 error_json("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
    }
    const json body = json::parse(request.body(), nullptr, false);
    if (!body.is_object() || !body.contains("messages") || !body["messages"].is_array()) {
      co_return co_await respond(request, http::status::bad_request,
                                 error_json("'messages' is a required property", "invalid_request_error"));
    }
    if (settings.mode == "http500") {
      co_return co_await respond(request, http::status::internal_server_error,
                                 error_json("The fake server had an error while processing your request.", "server_error"));
    }
    if (settings.mode == "http429") {
      co_return co_await respond(request, http::status::too_many_requests,
                                 error_json("Rate limit reached for requests.", "requests", "rate_limit_exceeded"), true);
    }
    if (settings.mode == "slow-headers") {
      co_await wait_for_client_to_leave(std::chrono::minutes(2));
      co_return false;
    }

    std::minstd_rand rng(static_cast<unsigned>(++g_sequence));
    const std::vector<std::string> tokens = make_tokens(last_user_text(body), settings.tokens, rng);
    std::string model = "fake-model";
    if (body.contains("model") && body["model"].is_string() && !body["model"].get<std::string>().empty()) {
      model = body["model"].get<std::string>();
    }
    const bool stream = body.contains("stream") && body["stream"].is_boolean() && body["stream"].get<bool>();
    const std::string id = "chatcmpl-fake" + std::to_string(g_sequence);
    const long created = static_cast<long>(std::time(nullptr));

    if (!stream) {
      co_await sleep(settings.first_token_delay_ms);
      std::string text;
      for (const std::string& token : tokens) text += token;
      const json answer = {
          {"id", id}, {"object", "chat.completion"}, {"created", created}, {"model", model},
          {"choices", json::array({{{"index", 0}, {"message", {{"role", "assistant"}, {"content", text}}}, {"finish_reason", "stop"}}})},
          {"usage", {{"prompt_tokens", 10}, {"completion_tokens", tokens.size()}, {"total_tokens", 10 + tokens.size()}}}};
      co_return co_await respond(request, http::status::ok, answer.dump());
    }

    ++g_stats.streams_started;
    ++g_stats.active_streams;
    const bool finished = co_await stream_answer(settings, tokens, id, created, model, rng);
    --g_stats.active_streams;
    if (finished) {
      ++g_stats.streams_completed;
    } else {
      ++g_stats.streams_aborted;
    }
    co_return finished && settings.chunked && request.keep_alive() && settings.mode == "ok";
  }

  // Returns true when the whole answer was sent.
  Task<bool> stream_answer(const Settings& settings, const std::vector<std::string>& tokens, const std::string& id,
                           long created, const std::string& model, std::minstd_rand& rng) {
    std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n";
    head += settings.chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!co_await write_raw(head)) co_return false;

    std::string pending = sse_event(chunk_json(id, created, model, {{"role", "assistant"}, {"content", ""}}, nullptr));
    if (settings.mode == "garbage") {
      pending += "data: {\"choices\": [{\"delta\": {\"content\": \"hei\"}}\n\ndata: <html>not json at all</html>\n\n";
      co_return co_await write_body(settings, pending) && co_await end_body(settings);
    }
    if (settings.mode == "llama-error-line") {
      pending += "error: {\"code\":500,\"message\":\"fake llama-server failure\",\"type\":\"server_error\"}\n\n";
      co_return co_await write_body(settings, pending) && co_await end_body(settings);
    }

    std::size_t limit = tokens.size();
    if (settings.mode == "error-in-stream") limit = std::min<std::size_t>(2, limit);
    if (settings.mode == "drop-mid-stream") limit = std::min<std::size_t>(3, limit);
    if (settings.mode == "stall") limit = std::min<std::size_t>(1, limit);

    const TokenEvents token_events(id, created, model);
    for (std::size_t i = 0; i < limit; ++i) {
      co_await sleep(i == 0 ? settings.first_token_delay_ms : settings.token_delay_ms);
      token_events.append(pending, tokens[i]);
      const unsigned roll = rng() % 5;
      if (roll == 0 && i + 1 < limit && !(i == 0 && settings.first_token_alone)) continue;  // coalesce with the next event in one write
      if (roll == 1 && pending.size() > 8) {     // split one event across two writes
        const std::size_t half = pending.size() / 2;
        if (!co_await write_body(settings, pending.substr(0, half))) co_return false;
        pending.erase(0, half);
      }
      if (!co_await write_body(settings, pending)) co_return false;
      pending.clear();
    }

    if (settings.mode == "error-in-stream") {
      pending += "data: " + error_json("The fake model failed in the middle of the answer.", "server_error") + "\n\n";
      co_return co_await write_body(settings, pending) && co_await end_body(settings);
    }
    if (settings.mode == "drop-mid-stream") {
      error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);  // no terminating chunk
      co_return false;
    }
    if (settings.mode == "stall") {
      co_await wait_for_client_to_leave(std::chrono::minutes(2));
      co_return false;
    }
    co_await sleep(settings.token_delay_ms);
    pending += sse_event(chunk_json(id, created, model, json::object(), "stop"));
    pending += "data: [DONE]\n\n";
    co_return co_await write_body(settings, pending) && co_await end_body(settings);
  }

  Task<void> sleep(int milliseconds) {
    if (milliseconds <= 0) co_return;
    wake_.expires_at(asio::steady_timer::time_point::max());
    g_ticker->wake_at(Ticker::Clock::now() + std::chrono::milliseconds(milliseconds), wake_);
    error_code ec;
    co_await wake_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }

  // Waits until the client closes the connection (or `limit` passes).
  Task<void> wait_for_client_to_leave(std::chrono::seconds limit) {
    std::array<char, 256> scratch;
    error_code ec;
    stream_.expires_after(limit);
    while (!ec) {
      co_await stream_.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
    }
    stream_.expires_never();
  }

  Task<bool> write_raw(std::string_view bytes) {
    error_code ec;
    co_await asio::async_write(stream_, asio::buffer(bytes.data(), bytes.size()), asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
  }

  // One body piece: one chunk in chunked mode, raw bytes otherwise.
  Task<bool> write_body(const Settings& settings, std::string_view bytes) {
    if (!settings.chunked) co_return co_await write_raw(bytes);
    char size_line[24];
    const int length = std::snprintf(size_line, sizeof size_line, "%zx\r\n", bytes.size());
    const std::array<asio::const_buffer, 3> pieces = {asio::buffer(size_line, static_cast<std::size_t>(length)),
                                                      asio::buffer(bytes.data(), bytes.size()), asio::buffer("\r\n", 2)};
    error_code ec;
    co_await asio::async_write(stream_, pieces, asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
  }

  Task<bool> end_body(const Settings& settings) {
    if (!settings.chunked) co_return true;  // the connection close ends the body
    co_return co_await write_raw("0\r\n\r\n");
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  asio::steady_timer wake_;  // sleep(): cancelled by the ticker when due
};

Task<void> serve(tcp::acceptor& acceptor) {
  for (;;) {
    error_code ec;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted) co_return;
    if (ec) {  // e.g. out of file descriptors: wait a little instead of spinning
      asio::steady_timer timer(acceptor.get_executor(), std::chrono::milliseconds(50));
      co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    asio::co_spawn(
        acceptor.get_executor(),
        [session = std::make_shared<Session>(std::move(socket))]() -> Task<void> { co_await session->run(); },
        asio::detached);
  }
}

void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fake OpenAI-compatible server for Voki's tests and benchmarks"};
  std::string host = "127.0.0.1";
  int port = 0;
  app.add_option("--host", host, "address to listen on");
  app.add_option("--port", port, "port; 0 picks a free one (printed as `listening on PORT`)")->check(CLI::Range(0, 65535));
  app.add_option("--token-delay-ms", g_settings.token_delay_ms, "delay between tokens")->check(CLI::Range(0, 60000));
  app.add_option("--first-token-delay-ms", g_settings.first_token_delay_ms, "delay before the first token")->check(CLI::Range(0, 600000));
  app.add_option("--tokens", g_settings.tokens, "answer length in tokens")->check(CLI::Range(1, 100000));
  app.add_option("--mode", g_settings.mode, "behaviour")->check(CLI::IsMember(kModes));
  app.add_option("--require-key", g_settings.require_key, "answer 401 unless this bearer key is sent");
  bool no_chunked = false;
  app.add_flag("--no-chunked", no_chunked, "end stream bodies by closing the connection instead of chunked encoding");
  CLI11_PARSE(app, argc, argv);
  g_settings.chunked = !no_chunked;
  raise_file_limit();

  try {
    asio::io_context context(1);
    Ticker ticker(context.get_executor());
    g_ticker = &ticker;
    tcp::acceptor acceptor(context);
    const tcp::endpoint endpoint(asio::ip::make_address(host), static_cast<unsigned short>(port));
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    std::cout << "listening on " << acceptor.local_endpoint().port() << std::endl;  // endl flushes

    asio::signal_set signals(context, SIGINT, SIGTERM);
    signals.async_wait([&](const error_code&, int) { context.stop(); });
    asio::co_spawn(context, serve(acceptor), asio::detached);
    context.run();
  } catch (const std::exception& error) {
    std::cerr << "fake_llm: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
