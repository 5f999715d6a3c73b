// chat_bench: time to first token through Voki versus directly against the fake model server,
// at N concurrent streams, and the Voki process's memory per open stream.
//
// It starts nothing itself (bench/run.sh starts fake_llm and `voki serve --demo`). Setup: N
// participants join the demo class and each opens a conversation with an llm-mode bot. Then, per
// round, N streams start spread evenly over --spread-ms; each opens its own connection, and the
// clock runs from writing the request to receiving the first answer token: the first `delta`
// event from Voki, or the first chunk with non-empty content from the fake server. Direct and
// Voki rounds alternate, so both see the same machine state.
//
// The fake server sometimes holds a token back and sends it together with the next one (its
// "realistic chunking"); run.sh turns that off for the first token (first_token_alone). Should it
// happen anyway, it delays the first token by one token gap whoever the client is; such streams
// are recognised (first and second token arrive less than half a token gap apart), left out of the
// latency figures and counted. Streams started while at least 90% of the round's streams were
// open are also reported on their own (the figure under full load).
//
// After the first two tokens a stream reads the rest of its answer in bulk every --drain-pause-ms
// (the socket buffer holds it), so that this client, which shares the machine, costs little.
//
// CPU: with --voki-pid / --fake-pid the servers' CPU time during the rounds (all threads, from
// /proc/PID/task/*/schedstat; Voki's main thread, which runs the HTTP server, on its own) is
// divided by the tokens the fake server sent (--answer-tokens per completed answer): robust on a
// shared machine, where wall-clock latency is not.
//
// One thread: a 1 ms ticker measures how late this client's own event loop runs, and the
// client's CPU time is reported, so a saturated client shows up instead of passing as server
// latency.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
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
using Clock = std::chrono::steady_clock;
using voki::Task;

constexpr auto kRequestTimeout = std::chrono::seconds(60);

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

struct Endpoint {
  tcp::endpoint address;
  std::string host_header;
};

// Only numeric loopback addresses: this client must never load anything but the local machine.
Endpoint parse_loopback_url(const std::string& url) {
  const std::string prefix = "http://";
  if (url.rfind(prefix, 0) != 0) throw std::invalid_argument("URL must start with http://: " + url);
  std::string rest = url.substr(prefix.size());
  if (auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);
  const auto colon = rest.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("URL needs a port: " + url);
  error_code ec;
  const auto address = asio::ip::make_address(rest.substr(0, colon), ec);
  if (ec || !address.is_loopback()) throw std::invalid_argument("URL host must be a loopback IP: " + url);
  int port = 0;
  try {
    port = std::stoi(rest.substr(colon + 1));
  } catch (const std::exception&) {
    port = 0;
  }
  if (port <= 0 || port > 65535) throw std::invalid_argument("bad port in URL: " + url);
  return {tcp::endpoint(address, static_cast<unsigned short>(port)), rest};
}

long rss_kib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// The scheduler's accounting of one thread (/proc/PID/task/TID/schedstat): CPU time, time spent
// runnable but waiting for a CPU, and how often it was put on a CPU (its context switches in).
struct SchedStat {
  double cpu_s = -1, wait_s = -1;
  double slices = -1;
  SchedStat& operator+=(const SchedStat& other) {
    if (other.cpu_s < 0) return *this;
    if (cpu_s < 0) cpu_s = wait_s = slices = 0;
    cpu_s += other.cpu_s, wait_s += other.wait_s, slices += other.slices;
    return *this;
  }
};

SchedStat task_schedstat(int pid, int tid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/schedstat");
  unsigned long long cpu_ns = 0, wait_ns = 0, slices = 0;
  SchedStat s;
  if (!(in >> cpu_ns >> wait_ns >> slices)) return s;
  s.cpu_s = static_cast<double>(cpu_ns) / 1e9;
  s.wait_s = static_cast<double>(wait_ns) / 1e9;
  s.slices = static_cast<double>(slices);
  return s;
}

// All threads of a process.
SchedStat process_schedstat(int pid) {
  SchedStat total;
  if (pid <= 0) return total;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
    int tid = 0;
    try {
      tid = std::stoi(entry.path().filename().string());
    } catch (const std::exception&) {
      continue;
    }
    total += task_schedstat(pid, tid);
  }
  return total;
}

// Before/after CPU of the servers around one round.
struct CpuSample {
  SchedStat voki, voki_io, fake;
  static CpuSample take(int voki_pid, int fake_pid) {
    CpuSample s;
    s.voki = process_schedstat(voki_pid);
    // The main thread runs the HTTP server's io_context (see app/main.cpp).
    if (voki_pid > 0) s.voki_io = task_schedstat(voki_pid, voki_pid);
    s.fake = process_schedstat(fake_pid);
    return s;
  }
};

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void raise_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// ---- plain request/response for the setup phase ----------------------------------------------

struct Reply {
  int status = 0;
  std::string body;
  std::string set_cookie;
};

Task<Reply> request_once(const Endpoint& to, http::verb method, const std::string& target, const std::string& body,
                         const std::string& cookie) {
  beast::tcp_stream stream(co_await asio::this_coro::executor);
  stream.expires_after(kRequestTimeout);
  error_code ec;
  co_await stream.async_connect(to.address, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) throw std::runtime_error("connect: " + ec.message());
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, to.host_header);
  req.set(http::field::content_type, "application/json");
  if (!cookie.empty()) req.set(http::field::cookie, cookie);
  req.keep_alive(false);
  req.body() = body;
  req.prepare_payload();
  co_await http::async_write(stream, req, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) throw std::runtime_error("write: " + ec.message());
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  co_await http::async_read(stream, buffer, res, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) throw std::runtime_error("read: " + ec.message());
  Reply reply{static_cast<int>(res.result_int()), std::move(res.body()), std::string(res[http::field::set_cookie])};
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  co_return reply;
}

struct Participant {
  std::string cookie;        // "voki_session=..."
  std::string conversation;  // id
};

Task<Participant> set_up_participant(const Endpoint& voki, const std::string& code, const std::string& bot) {
  // Named strings: g++ 12 rejects string literals as arguments inside co_await ("array used as initializer").
  const std::string join_target = "/api/join", conversations_target = "/api/conversations", no_cookie;
  const std::string join_body = json{{"code", code}}.dump(), conversation_body = json{{"bot", bot}}.dump();
  Reply joined = co_await request_once(voki, http::verb::post, join_target, join_body, no_cookie);
  if (joined.status != 200) throw std::runtime_error("join: HTTP " + std::to_string(joined.status) + " " + joined.body);
  Participant p;
  p.cookie = joined.set_cookie.substr(0, joined.set_cookie.find(';'));
  if (p.cookie.empty()) throw std::runtime_error("join: no session cookie");
  Reply created = co_await request_once(voki, http::verb::post, conversations_target, conversation_body, p.cookie);
  if (created.status != 201)
    throw std::runtime_error("create conversation: HTTP " + std::to_string(created.status) + " " + created.body);
  p.conversation = json::parse(created.body).at("id").get<std::string>();
  co_return p;
}

// ---- streams ---------------------------------------------------------------------------------

enum class Target { direct, voki };

struct StreamResult {
  double first_ms = -1;   // request written -> first token
  double second_ms = -1;  // request written -> second token
  double first_event_ms = -1;  // request written -> first SSE event (Voki: "message", the stored learner message)
  int open_at_start = 0;       // streams of this round open when this one sent its request
  int status = 0;
  std::string error;
};

// Finds the first two answer tokens in an SSE body. Hand-written because the client only needs
// event boundaries and, for the direct run, the content of a few chunks; afterwards it skips.
class TokenScanner {
 public:
  explicit TokenScanner(Target target) : target_(target) {}

  bool done() const { return found_ >= 2; }

  // Returns how many answer tokens this piece completed (0, 1 or 2) and records errors.
  int feed(std::string_view piece, std::string& error) {
    if (found_ >= 2) return 0;
    pending_.append(piece.data(), piece.size());
    int tokens = 0;
    for (;;) {
      const auto end = pending_.find("\n\n");
      if (end == std::string::npos) break;
      const std::string_view event(pending_.data(), end);
      if (is_token(event, error)) {
        ++tokens;
        if (++found_ >= 2) break;
      }
      pending_.erase(0, end + 2);
    }
    if (pending_.size() > (1 << 20)) error = "SSE event larger than 1 MiB";
    return tokens;
  }

 private:
  bool is_token(std::string_view event, std::string& error) const {
    std::string_view name, data;
    std::size_t start = 0;
    while (start < event.size()) {
      auto nl = event.find('\n', start);
      if (nl == std::string_view::npos) nl = event.size();
      const std::string_view line = event.substr(start, nl - start);
      if (line.rfind("event: ", 0) == 0) name = line.substr(7);
      if (line.rfind("data: ", 0) == 0) data = line.substr(6);
      start = nl + 1;
    }
    if (target_ == Target::voki) {
      if (name == "error") error = "voki error event: " + std::string(data);
      return name == "delta";
    }
    if (data.empty() || data == "[DONE]") return false;
    const json chunk = json::parse(data, nullptr, false);
    if (chunk.is_discarded() || !chunk.contains("choices") || !chunk["choices"].is_array() ||
        chunk["choices"].empty()) {
      error = "unexpected chunk from the fake server";
      return false;
    }
    const json& delta = chunk["choices"][0].value("delta", json::object());
    return delta.contains("content") && delta["content"].is_string() && !delta["content"].get<std::string>().empty();
  }

  Target target_;
  std::string pending_;
  int found_ = 0;
};

struct Round {
  Target target;
  int streams = 0;
  int pid = 0;  // Voki's process, for VmRSS; 0: no sampling
  std::chrono::milliseconds drain_pause{0};
  int open = 0;
  int with_first_token = 0;
  int finished = 0;
  long rss_before_kib = -1;
  long rss_all_open_kib = -1;
  int open_at_sample = 0;
  std::vector<StreamResult> results;
  std::unique_ptr<asio::steady_timer> all_done;
};

Task<void> run_stream(const Endpoint& to, std::string request_bytes, Round& round, std::size_t index,
                      Clock::time_point start_at) {
  StreamResult& result = round.results[index];
  auto executor = co_await asio::this_coro::executor;
  error_code ec;
  asio::steady_timer wait(executor, start_at);
  co_await wait.async_wait(asio::redirect_error(asio::use_awaitable, ec));

  beast::tcp_stream stream(executor);
  stream.expires_after(kRequestTimeout);
  co_await stream.async_connect(to.address, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    result.error = "connect: " + ec.message();
  } else {
    result.open_at_start = round.open++;
    const auto sent = Clock::now();
    co_await asio::async_write(stream, asio::buffer(request_bytes), asio::redirect_error(asio::use_awaitable, ec));
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    if (!ec) co_await http::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      result.error = "request: " + ec.message();
    } else {
      result.status = static_cast<int>(parser.get().result_int());
      if (result.status != 200) result.error = "HTTP " + std::to_string(result.status);
    }
    TokenScanner scanner(round.target);
    auto on_chunk = [&](std::uint64_t, beast::string_view body, error_code&) -> std::size_t {
      if (result.first_event_ms < 0) result.first_event_ms = ms_between(sent, Clock::now());
      const int tokens = scanner.feed(std::string_view(body.data(), body.size()), result.error);
      if (tokens > 0) {
        const double at = ms_between(sent, Clock::now());
        if (result.first_ms < 0) {
          result.first_ms = at;
          if (++round.with_first_token == round.streams && round.pid > 0) {
            round.rss_all_open_kib = rss_kib(round.pid);
            round.open_at_sample = round.open;
          }
        }
        if (tokens == 2 || (result.second_ms < 0 && result.first_ms != at)) result.second_ms = at;
      }
      return body.size();
    };
    parser.on_chunk_body(on_chunk);
    // Reads to the end: the stream stays open as long as the answer runs. Once the first two
    // tokens are in, the rest is read in bulk every drain_pause (the socket buffer holds it): the
    // server still writes every token as it comes, but this client, which shares the machine,
    // wakes a few times per answer instead of once per token.
    asio::steady_timer pause(executor);
    while (result.error.empty() && !parser.is_done()) {
      if (scanner.done() && round.drain_pause.count() > 0 && buffer.size() == 0) {  // nothing left to parse
        pause.expires_after(round.drain_pause);
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      }
      co_await http::async_read_some(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        result.error = "stream: " + ec.message();
        break;
      }
    }
    if (result.error.empty() && result.first_ms < 0) result.error = "stream ended without a token";
    --round.open;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  }
  if (++round.finished == round.streams) round.all_done->cancel();
}

std::string http_request_bytes(const Endpoint& to, const std::string& target, const std::string& body,
                               const std::string& cookie) {
  http::request<http::string_body> req{http::verb::post, target, 11};
  req.set(http::field::host, to.host_header);
  req.set(http::field::content_type, "application/json");
  req.set(http::field::accept, "text/event-stream");
  if (!cookie.empty()) req.set(http::field::cookie, cookie);
  req.keep_alive(false);
  req.body() = body;
  req.prepare_payload();
  std::ostringstream out;
  out << req;
  return out.str();
}

// The learner's message: generated text, no personal data.
std::string learner_text(std::size_t index, int round) {
  static const char* const kWords[] = {"dugnad", "koselig", "pålegg", "matpakke", "friluftsliv", "utepils", "lønnsslipp", "fastlege"};
  return std::string("Hva betyr ordet «") + kWords[(index + static_cast<std::size_t>(round)) % 8] + "»? Kan du gi et eksempel?";
}

// Measures how late this (single-threaded) client's event loop runs, in 1 ms steps.
struct LoopLag {
  std::vector<double> late_ms;
  bool running = false;
};

Task<void> measure_loop_lag(LoopLag& lag) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  auto next = Clock::now() + std::chrono::milliseconds(1);
  error_code ec;
  while (lag.running) {
    timer.expires_at(next);
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    const auto now = Clock::now();
    lag.late_ms.push_back(ms_between(next, now));
    next = std::max(next + std::chrono::milliseconds(1), now);
  }
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return -1;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Totals {
  std::vector<double> first_ms;  // streams whose first token the fake did not hold back
  std::vector<double> peak_first_ms;  // of those, the ones started while at least 90% of the round's streams were open
  std::vector<double> first_event_ms;
  int held_back = 0;
  int errors = 0;
  std::vector<std::string> error_examples;
  long rss_before_kib = -1;
  long rss_max_open_kib = -1;
  int min_open_at_sample = std::numeric_limits<int>::max();
  double client_cpu_s = 0;
  double wall_s = 0;
  int answers = 0;  // streams that ended without an error
  double voki_cpu_s = 0, voki_io_cpu_s = 0, fake_cpu_s = 0;  // the servers' CPU during the rounds
  double voki_wait_s = 0, voki_io_wait_s = 0;  // Voki's threads runnable but not on a CPU
  double voki_slices = 0, voki_io_slices = 0;  // times Voki's threads were put on a CPU
  LoopLag lag;
};

void add_round(Totals& totals, const Round& round, double token_delay_ms) {
  for (const auto& r : round.results) {
    if (!r.error.empty()) {
      ++totals.errors;
      if (totals.error_examples.size() < 3) totals.error_examples.push_back(r.error);
      continue;
    }
    ++totals.answers;
    if (r.second_ms >= 0 && r.second_ms - r.first_ms < token_delay_ms / 2) {
      ++totals.held_back;
      continue;
    }
    totals.first_ms.push_back(r.first_ms);
    if (r.open_at_start >= round.streams * 9 / 10) totals.peak_first_ms.push_back(r.first_ms);
    totals.first_event_ms.push_back(r.first_event_ms);
  }
  if (round.pid > 0) {
    if (totals.rss_before_kib < 0) totals.rss_before_kib = round.rss_before_kib;
    totals.rss_max_open_kib = std::max(totals.rss_max_open_kib, round.rss_all_open_kib);
    totals.min_open_at_sample = std::min(totals.min_open_at_sample, round.open_at_sample);
  }
}

json distribution(const std::vector<double>& v) {
  return {{"count", v.size()},       {"p50_ms", percentile(v, 50)}, {"p90_ms", percentile(v, 90)},
          {"p99_ms", percentile(v, 99)}, {"max_ms", percentile(v, 100)}, {"min_ms", percentile(v, 0)}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Voki chat benchmark: added time to first token and memory per open stream"};
  std::string voki_url, fake_url, code = "DEMO-OSLO", bot = "forklar-meg", json_out, label;
  int streams = 1, rounds = 3, spread_ms = 200, voki_pid = 0, fake_pid = 0, setup_parallel = 16, pause_ms = 300;
  int answer_tokens = 0, drain_pause_ms = 250;
  double token_delay_ms = 40;
  app.add_option("--voki", voki_url, "Voki base URL, e.g. http://127.0.0.1:8080")->required();
  app.add_option("--fake", fake_url, "fake_llm base URL, e.g. http://127.0.0.1:8081")->required();
  app.add_option("-n,--streams", streams, "concurrent streams per round")->check(CLI::Range(1, 10000));
  app.add_option("--rounds", rounds, "rounds per target (direct and Voki alternate)")->check(CLI::Range(1, 1000));
  app.add_option("--spread-ms", spread_ms, "stream starts are spread evenly over this time")->check(CLI::Range(0, 60000));
  app.add_option("--pause-ms", pause_ms, "pause between rounds")->check(CLI::Range(0, 60000));
  app.add_option("--token-delay-ms", token_delay_ms, "the fake server's delay between tokens (to spot held-back first tokens)");
  app.add_option("--voki-pid", voki_pid, "Voki's process id, for VmRSS and CPU samples");
  app.add_option("--fake-pid", fake_pid, "fake_llm's process id, for CPU samples");
  app.add_option("--drain-pause-ms", drain_pause_ms, "after the first two tokens, read the rest of an answer this often (0: as it comes)")
      ->check(CLI::Range(0, 10000));
  app.add_option("--answer-tokens", answer_tokens, "tokens per answer the fake server sends (for CPU per token)");
  app.add_option("--code", code, "join code of the class");
  app.add_option("--bot", bot, "llm-mode bot to talk to");
  app.add_option("--setup-parallel", setup_parallel, "participants set up at once")->check(CLI::Range(1, 1000));
  app.add_option("--json", json_out, "write the summary and all raw first-token times to this file");
  app.add_option("--label", label, "label for the summary line");
  CLI11_PARSE(app, argc, argv);
  raise_file_limit();

  Endpoint voki, fake;
  try {
    voki = parse_loopback_url(voki_url);
    fake = parse_loopback_url(fake_url);
  } catch (const std::exception& e) {
    std::cerr << "chat_bench: " << e.what() << "\n";
    return 2;
  }

  asio::io_context io(1);
  std::vector<Participant> participants(static_cast<std::size_t>(streams));
  std::string setup_error;
  Totals direct_totals, voki_totals;
  double setup_s = 0;

  auto main_task = [&]() -> Task<void> {
    // Setup: participants and conversations, a few at a time.
    const auto setup_start = Clock::now();
    std::size_t next = 0;
    int running = 0;
    asio::steady_timer setup_done(io, Clock::time_point::max());
    auto worker = [&]() -> Task<void> {
      while (next < participants.size() && setup_error.empty()) {
        const std::size_t i = next++;
        try {
          participants[i] = co_await set_up_participant(voki, code, bot);
        } catch (const std::exception& e) {
          setup_error = e.what();
        }
      }
      if (--running == 0) setup_done.cancel();
    };
    for (int w = 0; w < std::min(setup_parallel, streams); ++w) {
      ++running;
      asio::co_spawn(io, worker(), asio::detached);
    }
    error_code ec;
    co_await setup_done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    setup_s = ms_between(setup_start, Clock::now()) / 1000;
    if (!setup_error.empty()) co_return;

    const std::string direct_body =
        json{{"model", "fake-model"},
             {"stream", true},
             {"messages", json::array({{{"role", "system"}, {"content", "Du er en vennlig norsklærer."}},
                                       {{"role", "user"}, {"content", learner_text(0, 0)}}})}}
            .dump();

    for (int r = 0; r < rounds * 2; ++r) {
      const Target target = r % 2 == 0 ? Target::direct : Target::voki;
      Totals& totals = target == Target::direct ? direct_totals : voki_totals;
      Round round;
      round.target = target;
      round.streams = streams;
      round.pid = target == Target::voki ? voki_pid : 0;
      round.drain_pause = std::chrono::milliseconds(drain_pause_ms);
      round.results.resize(static_cast<std::size_t>(streams));
      round.all_done = std::make_unique<asio::steady_timer>(io, Clock::time_point::max());
      if (round.pid > 0) round.rss_before_kib = rss_kib(round.pid);

      std::vector<std::string> requests;
      requests.reserve(participants.size());
      for (std::size_t i = 0; i < participants.size(); ++i) {
        if (target == Target::direct)
          requests.push_back(http_request_bytes(fake, "/v1/chat/completions", direct_body, ""));
        else
          requests.push_back(http_request_bytes(voki, "/api/conversations/" + participants[i].conversation + "/messages",
                                                json{{"text", learner_text(i, r)}}.dump(), participants[i].cookie));
      }
      totals.lag.running = true;
      asio::co_spawn(io, measure_loop_lag(totals.lag), asio::detached);
      const double cpu_start = cpu_seconds();
      const CpuSample servers_before = CpuSample::take(voki_pid, fake_pid);
      const auto start = Clock::now() + std::chrono::milliseconds(5);
      for (std::size_t i = 0; i < participants.size(); ++i) {
        const auto offset = std::chrono::microseconds(static_cast<long>(1000.0 * spread_ms * static_cast<double>(i) / streams));
        asio::co_spawn(io, run_stream(target == Target::direct ? fake : voki, std::move(requests[i]), round, i, start + offset),
                       asio::detached);
      }
      co_await round.all_done->async_wait(asio::redirect_error(asio::use_awaitable, ec));
      totals.lag.running = false;
      totals.client_cpu_s += cpu_seconds() - cpu_start;
      const CpuSample servers_after = CpuSample::take(voki_pid, fake_pid);
      totals.voki_cpu_s += servers_after.voki.cpu_s - servers_before.voki.cpu_s;
      totals.voki_io_cpu_s += servers_after.voki_io.cpu_s - servers_before.voki_io.cpu_s;
      totals.fake_cpu_s += servers_after.fake.cpu_s - servers_before.fake.cpu_s;
      totals.voki_wait_s += servers_after.voki.wait_s - servers_before.voki.wait_s;
      totals.voki_io_wait_s += servers_after.voki_io.wait_s - servers_before.voki_io.wait_s;
      totals.voki_slices += servers_after.voki.slices - servers_before.voki.slices;
      totals.voki_io_slices += servers_after.voki_io.slices - servers_before.voki_io.slices;
      totals.wall_s += ms_between(start, Clock::now()) / 1000;
      add_round(totals, round, token_delay_ms);
      asio::steady_timer pause(io, std::chrono::milliseconds(pause_ms));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
  };
  asio::co_spawn(io, main_task(), [](std::exception_ptr e) {
    if (e) std::rethrow_exception(e);
  });
  try {
    io.run();
  } catch (const std::exception& e) {
    std::cerr << "chat_bench: " << e.what() << "\n";
    return 1;
  }
  if (!setup_error.empty()) {
    std::cerr << "chat_bench: setup failed: " << setup_error << "\n";
    return 1;
  }

  auto side = [&](const Totals& t) {
    json j = distribution(t.first_ms);
    j["first_event"] = distribution(t.first_event_ms);
    j["at_peak"] = distribution(t.peak_first_ms);
    j["held_back_first_tokens"] = t.held_back;
    j["errors"] = t.errors;
    j["error_examples"] = t.error_examples;
    j["client_cpu_share"] = t.wall_s > 0 ? t.client_cpu_s / t.wall_s : 0;
    j["client_loop_lag_p99_ms"] = percentile(t.lag.late_ms, 99);
    j["client_loop_lag_max_ms"] = percentile(t.lag.late_ms, 100);
    j["answers"] = t.answers;
    j["client_cpu_s"] = t.client_cpu_s;
    j["voki_cpu_s"] = voki_pid > 0 ? t.voki_cpu_s : -1;
    j["voki_io_thread_cpu_s"] = voki_pid > 0 ? t.voki_io_cpu_s : -1;
    j["fake_cpu_s"] = fake_pid > 0 ? t.fake_cpu_s : -1;
    const double tokens = static_cast<double>(t.answers) * answer_tokens;
    // Per token the model sent (Voki may forward several in one event).
    j["voki_cpu_us_per_token"] = voki_pid > 0 && tokens > 0 ? 1e6 * t.voki_cpu_s / tokens : -1;
    j["voki_io_thread_cpu_us_per_token"] = voki_pid > 0 && tokens > 0 ? 1e6 * t.voki_io_cpu_s / tokens : -1;
    j["fake_cpu_us_per_token"] = fake_pid > 0 && tokens > 0 ? 1e6 * t.fake_cpu_s / tokens : -1;
    j["client_cpu_us_per_token"] = tokens > 0 ? 1e6 * t.client_cpu_s / tokens : -1;
    // How long Voki's threads waited for the CPU (the queueing behind the latency tail), and how
    // often they were switched in per answer (every wakeup and every preemption counts).
    j["voki_wait_us_per_token"] = voki_pid > 0 && tokens > 0 ? 1e6 * t.voki_wait_s / tokens : -1;
    j["voki_io_thread_wait_us_per_token"] = voki_pid > 0 && tokens > 0 ? 1e6 * t.voki_io_wait_s / tokens : -1;
    j["voki_switches_per_answer"] = voki_pid > 0 && t.answers > 0 ? t.voki_slices / t.answers : -1;
    j["voki_io_thread_switches_per_answer"] = voki_pid > 0 && t.answers > 0 ? t.voki_io_slices / t.answers : -1;
    return j;
  };
  json summary = {{"label", label},
                  {"streams", streams},
                  {"rounds", rounds},
                  {"spread_ms", spread_ms},
                  {"setup_seconds", setup_s},
                  {"direct", side(direct_totals)},
                  {"voki", side(voki_totals)}};
  summary["added_p50_ms"] = percentile(voki_totals.first_ms, 50) - percentile(direct_totals.first_ms, 50);
  summary["added_p99_ms"] = percentile(voki_totals.first_ms, 99) - percentile(direct_totals.first_ms, 99);
  summary["added_peak_p50_ms"] = percentile(voki_totals.peak_first_ms, 50) - percentile(direct_totals.peak_first_ms, 50);
  summary["added_peak_p99_ms"] = percentile(voki_totals.peak_first_ms, 99) - percentile(direct_totals.peak_first_ms, 99);
  if (voki_pid > 0) {
    summary["rss_before_kib"] = voki_totals.rss_before_kib;
    summary["rss_all_open_max_kib"] = voki_totals.rss_max_open_kib;
    summary["open_at_sample_min"] = voki_totals.min_open_at_sample;
    summary["kib_per_stream"] =
        static_cast<double>(voki_totals.rss_max_open_kib - voki_totals.rss_before_kib) / streams;
  }
  if (!json_out.empty()) {
    json full = summary;
    full["direct"]["raw_first_ms"] = direct_totals.first_ms;
    full["voki"]["raw_first_ms"] = voki_totals.first_ms;
    std::ofstream(json_out) << full.dump(1) << "\n";
  }
  std::cout << summary.dump() << std::endl;
  const bool ok = direct_totals.errors == 0 && voki_totals.errors == 0;
  return ok ? 0 : 3;
}
