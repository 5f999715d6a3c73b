// The OpenAI-compatible backend against the real fake_llm server process.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "fake_llm_process.h"
#include "llm/chat_backend.h"

namespace voki::llm {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::FakeLlmProcess;

struct StreamRun {
  ChatResult result;
  std::vector<std::string> pieces;
  std::vector<Clock::duration> arrival;  // since the start
  Clock::duration total{};
};

ChatRequest sample_request(std::string user_text = "Jeg heter Sofie og bor i Bergen") {
  ChatRequest request;
  request.model = "voki-test-model";
  request.temperature = 0.3;
  request.max_tokens = 77;
  request.messages = {{"system", "Du er en vennlig samtalepartner.", Quick::none},
                      {"user", std::move(user_text), Quick::none}};
  return request;
}

// Streams one answer; `keep_going(piece_index)` decides whether the sink wants more.
StreamRun run_stream(const OpenAiConfig& config, const ChatRequest& request,
               std::function<bool(std::size_t)> keep_going = [](std::size_t) { return true; }) {
  asio::io_context context;
  auto backend = make_openai_backend(context.get_executor(), config);
  StreamRun run;
  const Clock::time_point start = Clock::now();
  asio::co_spawn(
      context,
      [&]() -> Task<void> {
        run.result = co_await backend->stream(request, [&](std::string_view piece) -> Task<bool> {
          run.pieces.emplace_back(piece);
          run.arrival.push_back(Clock::now() - start);
          co_return keep_going(run.pieces.size());
        });
      },
      asio::detached);
  context.run();
  run.total = Clock::now() - start;
  return run;
}

class OpenAiBackendTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake_.control({{"mode", "ok"}, {"token_delay_ms", 2}, {"tokens", 12}, {"reset_stats", true}});
    config_.base_url = fake_.base_url();
    config_.model = "default-model";
    config_.connect_timeout = 2s;
    config_.first_token_timeout = 5s;
    config_.idle_timeout = 5s;
  }

  std::string joined(const StreamRun& run) {
    std::string all;
    for (const auto& piece : run.pieces) all += piece;
    return all;
  }

  FakeLlmProcess fake_;
  OpenAiConfig config_;
};

TEST_F(OpenAiBackendTest, StreamsTheAnswerInOrder) {
  const StreamRun run = run_stream(config_, sample_request());
  ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
  EXPECT_EQ(run.result.finish_reason, "stop");
  EXPECT_GE(run.pieces.size(), 2u);
  EXPECT_EQ(joined(run), run.result.text);
  EXPECT_TRUE(run.result.text.starts_with("Du skrev: Jeg heter Sofie og bor i Bergen.")) << run.result.text;
  for (const auto& piece : run.pieces) EXPECT_FALSE(piece.empty());
}

TEST_F(OpenAiBackendTest, DeliversTokensAsTheyArrive) {
  fake_.control({{"token_delay_ms", 60}, {"tokens", 6}});
  const StreamRun run = run_stream(config_, sample_request());
  ASSERT_TRUE(run.result.ok) << run.result.error_message;
  ASSERT_GE(run.pieces.size(), 3u);
  // The first piece must not wait for the end of the answer (about 6 x 60 ms).
  EXPECT_LT(run.arrival.front() + 150ms, run.total);
}

TEST_F(OpenAiBackendTest, SendsRequestFieldsAndApiKey) {
  fake_.control({{"require_key", "sk-test-0000"}});
  config_.api_key = "sk-test-0000";
  const StreamRun run = run_stream(config_, sample_request("Hei"));
  ASSERT_TRUE(run.result.ok) << run.result.error_message;
  const auto stats = fake_.stats();
  EXPECT_EQ(stats["last_authorization"], "Bearer sk-test-0000");
  const auto& body = stats["last_request"];
  EXPECT_EQ(body["model"], "voki-test-model");
  EXPECT_EQ(body["stream"], true);
  EXPECT_EQ(body["max_tokens"], 77);
  EXPECT_DOUBLE_EQ(body["temperature"].get<double>(), 0.3);
  ASSERT_EQ(body["messages"].size(), 2u);
  EXPECT_EQ(body["messages"][0]["role"], "system");
  EXPECT_EQ(body["messages"][1]["content"], "Hei");
  EXPECT_FALSE(body["messages"][1].contains("quick"));
}

TEST_F(OpenAiBackendTest, EscapesPromptTextAndReplacesInvalidUtf8) {
  const std::string tricky = "Han sa \"hei\"\\ og gikk.\nNy linje\tmed tab, \x01 kontroll, </script> og blåbær";
  const StreamRun run = run_stream(config_, sample_request(tricky + "\xC3"));  // ends in a broken sequence
  ASSERT_TRUE(run.result.ok) << run.result.error_message;
  const auto body = fake_.stats()["last_request"];
  ASSERT_TRUE(body.is_object()) << "the request body was not valid JSON";
  ASSERT_EQ(body["messages"].size(), 2u);
  EXPECT_EQ(body["messages"][1]["content"], tricky + "\xEF\xBF\xBD");
}

TEST_F(OpenAiBackendTest, UsesTheDefaultModelAndNoKeyWhenUnset) {
  ChatRequest request = sample_request();
  request.model.clear();
  const StreamRun run = run_stream(config_, request);
  ASSERT_TRUE(run.result.ok) << run.result.error_message;
  const auto stats = fake_.stats();
  EXPECT_EQ(stats["last_request"]["model"], "default-model");
  EXPECT_EQ(stats["last_authorization"], "");
}

TEST_F(OpenAiBackendTest, WrongKeyIsAnUpstreamError) {
  fake_.control({{"require_key", "sk-right"}});
  config_.api_key = "sk-wrong";
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_FALSE(run.result.ok);
  EXPECT_EQ(run.result.error_code, "upstream_error") << run.result.error_message;
  EXPECT_NE(run.result.error_message.find("401"), std::string::npos) << run.result.error_message;
  EXPECT_NE(run.result.error_message.find("Incorrect API key"), std::string::npos);
  EXPECT_EQ(run.result.error_message.find("sk-wrong"), std::string::npos);
}

TEST_F(OpenAiBackendTest, Http500And429AreUpstreamErrorsWithStatus) {
  for (const auto& [mode, status] : {std::pair{"http500", "500"}, std::pair{"http429", "429"}}) {
    fake_.control({{"mode", mode}});
    const StreamRun run = run_stream(config_, sample_request());
    EXPECT_FALSE(run.result.ok) << mode;
    EXPECT_EQ(run.result.error_code, "upstream_error") << mode;
    EXPECT_NE(run.result.error_message.find(status), std::string::npos) << run.result.error_message;
    EXPECT_TRUE(run.pieces.empty());
  }
}

TEST_F(OpenAiBackendTest, ErrorObjectInsideTheStream) {
  fake_.control({{"mode", "error-in-stream"}});
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_FALSE(run.result.ok);
  EXPECT_EQ(run.result.error_code, "upstream_error");
  EXPECT_NE(run.result.error_message.find("failed in the middle"), std::string::npos) << run.result.error_message;
  EXPECT_EQ(run.pieces.size(), 2u);  // the tokens before the error still arrived
}

TEST_F(OpenAiBackendTest, LlamaServerErrorLine) {
  fake_.control({{"mode", "llama-error-line"}});
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_FALSE(run.result.ok);
  EXPECT_EQ(run.result.error_code, "upstream_error");
  EXPECT_NE(run.result.error_message.find("fake llama-server failure"), std::string::npos);
}

TEST_F(OpenAiBackendTest, DroppedConnectionMidStream) {
  fake_.control({{"mode", "drop-mid-stream"}});
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_FALSE(run.result.ok);
  EXPECT_EQ(run.result.error_code, "upstream_unavailable") << run.result.error_message;
  EXPECT_EQ(run.pieces.size(), 3u);
}

TEST_F(OpenAiBackendTest, GarbageIsABadResponse) {
  fake_.control({{"mode", "garbage"}});
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_FALSE(run.result.ok);
  EXPECT_EQ(run.result.error_code, "upstream_bad_response") << run.result.error_message;
}

TEST_F(OpenAiBackendTest, CloseDelimitedBodyWorks) {
  fake_.control({{"chunked", false}, {"tokens", 20}});
  const StreamRun run = run_stream(config_, sample_request());
  ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
  EXPECT_EQ(run.result.finish_reason, "stop");
  EXPECT_EQ(joined(run), run.result.text);
  EXPECT_TRUE(run.result.text.starts_with("Du skrev:"));
}

TEST_F(OpenAiBackendTest, SlowHeadersHitTheFirstTokenTimeout) {
  fake_.control({{"mode", "slow-headers"}});
  config_.first_token_timeout = 300ms;
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_EQ(run.result.error_code, "upstream_timeout") << run.result.error_message;
  EXPECT_LT(run.total, 2s);
}

TEST_F(OpenAiBackendTest, SlowFirstTokenHitsTheFirstTokenTimeout) {
  fake_.control({{"first_token_delay_ms", 3000}});
  config_.first_token_timeout = 300ms;
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_EQ(run.result.error_code, "upstream_timeout") << run.result.error_message;
  EXPECT_TRUE(run.pieces.empty());
  EXPECT_LT(run.total, 2s);
}

TEST_F(OpenAiBackendTest, StallAfterFirstTokenHitsTheIdleTimeout) {
  fake_.control({{"mode", "stall"}});
  config_.idle_timeout = 300ms;
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_EQ(run.result.error_code, "upstream_timeout") << run.result.error_message;
  EXPECT_EQ(run.pieces.size(), 1u);
  EXPECT_LT(run.total, 2s);
}

TEST_F(OpenAiBackendTest, SinkReturningFalseCancelsAndClosesUpstream) {
  fake_.control({{"token_delay_ms", 20}, {"tokens", 500}});
  const StreamRun run = run_stream(config_, sample_request(), [](std::size_t count) { return count < 3; });
  EXPECT_FALSE(run.result.ok);
  EXPECT_EQ(run.result.error_code, "cancelled");
  EXPECT_EQ(run.pieces.size(), 3u);
  EXPECT_LT(run.total, 2s);  // 500 tokens would take 10 s
  // The fake server notices the closed connection on its next write.
  nlohmann::json stats;
  for (int i = 0; i < 100; ++i) {
    stats = fake_.stats();
    if (stats["streams_aborted"] == 1) break;
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(stats["streams_aborted"], 1);
  EXPECT_EQ(stats["active_streams"], 0);
  EXPECT_EQ(stats["streams_completed"], 0);
}

TEST_F(OpenAiBackendTest, ConnectionRefusedIsUnavailable) {
  unsigned short closed_port = 0;
  {
    asio::io_context context;
    asio::ip::tcp::acceptor probe(context, {asio::ip::make_address("127.0.0.1"), 0});
    closed_port = probe.local_endpoint().port();
  }
  config_.base_url = "http://127.0.0.1:" + std::to_string(closed_port) + "/v1";
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_EQ(run.result.error_code, "upstream_unavailable") << run.result.error_message;
}

TEST_F(OpenAiBackendTest, UnknownHostIsUnavailable) {
  config_.base_url = "http://voki-no-such-host.invalid/v1";
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_EQ(run.result.error_code, "upstream_unavailable") << run.result.error_message;
}

TEST_F(OpenAiBackendTest, HttpsToAPlainHttpServerFailsTheHandshake) {
  config_.base_url = "https://127.0.0.1:" + std::to_string(fake_.port()) + "/v1";
  for (const bool verify : {true, false}) {
    config_.verify_tls = verify;
    const StreamRun run = run_stream(config_, sample_request());
    EXPECT_EQ(run.result.error_code, "upstream_unavailable") << run.result.error_message;
    EXPECT_NE(run.result.error_message.find("TLS"), std::string::npos) << run.result.error_message;
  }
}

TEST_F(OpenAiBackendTest, InvalidBaseUrlIsUnavailable) {
  config_.base_url = "localhost:8080";
  const StreamRun run = run_stream(config_, sample_request());
  EXPECT_EQ(run.result.error_code, "upstream_unavailable");
  EXPECT_NE(run.result.error_message.find("base URL"), std::string::npos);
}

TEST_F(OpenAiBackendTest, ManyConcurrentStreams) {
  fake_.control({{"token_delay_ms", 5}, {"tokens", 20}});
  asio::io_context context;
  auto backend = make_openai_backend(context.get_executor(), config_);
  constexpr int kStreams = 100;
  int ok = 0;
  std::vector<ChatRequest> requests;
  for (int i = 0; i < kStreams; ++i) requests.push_back(sample_request("Melding nummer " + std::to_string(i)));
  for (int i = 0; i < kStreams; ++i) {
    asio::co_spawn(
        context,
        [&, i]() -> Task<void> {
          std::string seen;
          ChatResult result = co_await backend->stream(requests[i], [&](std::string_view piece) -> Task<bool> {
            seen += piece;
            co_return true;
          });
          if (result.ok && seen == result.text &&
              result.text.starts_with("Du skrev: Melding nummer " + std::to_string(i) + ".")) {
            ++ok;
          } else {
            ADD_FAILURE() << i << ": " << result.error_code << ": " << result.error_message << " text: " << result.text << " seen: " << seen;
          }
        },
        asio::detached);
  }
  context.run();
  EXPECT_EQ(ok, kStreams);
  EXPECT_EQ(fake_.stats()["streams_completed"], kStreams);
}


// ---- kept-alive connections ----------------------------------------------------------------

// Streams `count` answers one after another on one backend, `pause` apart, as the server does.
std::vector<StreamRun> run_in_turn(const OpenAiConfig& config, int count, std::chrono::milliseconds pause = 0ms,
                                   std::function<bool(int, std::size_t)> keep_going = [](int, std::size_t) { return true; }) {
  asio::io_context context;
  auto backend = make_openai_backend(context.get_executor(), config);
  std::vector<StreamRun> runs(static_cast<std::size_t>(count));
  asio::co_spawn(
      context,
      [&]() -> Task<void> {
        for (int i = 0; i < count; ++i) {
          if (i > 0 && pause > 0ms) {
            asio::steady_timer timer(context, pause);
            boost::system::error_code ec;
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
          }
          StreamRun& run = runs[static_cast<std::size_t>(i)];
          const auto request = sample_request("Melding " + std::to_string(i));
          run.result = co_await backend->stream(request, [&](std::string_view piece) -> Task<bool> {
            run.pieces.emplace_back(piece);
            co_return keep_going(i, run.pieces.size());
          });
        }
      },
      asio::detached);
  context.run();
  return runs;
}

// Connections the fake server accepted from the backend between two stats() calls (each of which
// opens one itself).
int backend_connections(const nlohmann::json& before, const nlohmann::json& after) {
  return after["connections"].get<int>() - before["connections"].get<int>() - 1;
}

TEST_F(OpenAiBackendTest, NextAnswerReusesTheConnection) {
  const auto before = fake_.stats();
  const auto runs = run_in_turn(config_, 3);
  for (const auto& run : runs) {
    ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
    EXPECT_EQ(joined(run), run.result.text);
  }
  EXPECT_TRUE(runs[2].result.text.starts_with("Du skrev: Melding 2.")) << runs[2].result.text;
  const auto stats = fake_.stats();
  EXPECT_EQ(stats["requests"], 3);
  EXPECT_EQ(stats["streams_completed"], 3);
  EXPECT_EQ(backend_connections(before, stats), 1);
}

TEST_F(OpenAiBackendTest, ConnectionTheServerClosedWhileIdleIsReplaced) {
  fake_.control({{"idle_close_ms", 30}});
  const auto before = fake_.stats();
  const auto runs = run_in_turn(config_, 2, 150ms);
  for (const auto& run : runs) ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
  const auto stats = fake_.stats();
  EXPECT_EQ(stats["streams_completed"], 2);
  EXPECT_EQ(backend_connections(before, stats), 2);
}

// The server drops the request that arrives on a kept-alive connection (as when it closes the
// connection just as the request goes out): it is sent once more on a new connection.
TEST_F(OpenAiBackendTest, RequestLostOnAKeptConnectionIsSentAgainOnce) {
  fake_.control({{"drop_reused", true}});
  const auto before = fake_.stats();
  const auto runs = run_in_turn(config_, 3);
  for (const auto& run : runs) ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
  const auto stats = fake_.stats();
  EXPECT_EQ(stats["dropped_requests"], 2);
  EXPECT_EQ(stats["streams_completed"], 3);
  EXPECT_EQ(backend_connections(before, stats), 3);
}

TEST_F(OpenAiBackendTest, StoppedAnswerDoesNotKeepItsConnection) {
  fake_.control({{"tokens", 200}, {"token_delay_ms", 5}});
  const auto before = fake_.stats();
  const auto runs = run_in_turn(config_, 2, 0ms, [](int answer, std::size_t pieces) { return answer > 0 || pieces < 2; });
  EXPECT_EQ(runs[0].result.error_code, "cancelled");
  ASSERT_TRUE(runs[1].result.ok) << runs[1].result.error_code << ": " << runs[1].result.error_message;
  EXPECT_EQ(backend_connections(before, fake_.stats()), 2);
}

TEST_F(OpenAiBackendTest, ServerThatClosesAfterEachAnswerGetsANewConnection) {
  fake_.control({{"chunked", false}});
  const auto before = fake_.stats();
  const auto runs = run_in_turn(config_, 2);
  for (const auto& run : runs) ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
  EXPECT_EQ(backend_connections(before, fake_.stats()), 2);
}

TEST_F(OpenAiBackendTest, ErrorAnswersDoNotBreakTheNextOne) {
  fake_.control({{"mode", "http500"}});
  const auto failed = run_in_turn(config_, 1);
  EXPECT_EQ(failed[0].result.error_code, "upstream_error");
  fake_.control({{"mode", "ok"}});
  const auto runs = run_in_turn(config_, 2);
  for (const auto& run : runs) ASSERT_TRUE(run.result.ok) << run.result.error_code << ": " << run.result.error_message;
}

}  // namespace
}  // namespace voki::llm

namespace voki::llm {
namespace {

TEST(FakeLlm, AnswersNonStreamedRequestsWithOneJson) {
  FakeLlmProcess fake("--tokens 5 --token-delay-ms 0");
  const auto reply = testing::http_request(
      fake.port(), "POST", "/v1/chat/completions",
      R"({"model":"x","stream":false,"messages":[{"role":"user","content":"Hei der"}]})");
  ASSERT_EQ(reply.status, 200);
  const auto body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["object"], "chat.completion");
  EXPECT_TRUE(body["choices"][0]["message"]["content"].get<std::string>().starts_with("Du skrev: Hei der."));
  EXPECT_EQ(body["choices"][0]["finish_reason"], "stop");
}

TEST(FakeLlm, RejectsBadRequestsAndControlChanges) {
  FakeLlmProcess fake;
  EXPECT_EQ(testing::http_request(fake.port(), "POST", "/v1/chat/completions", "not json").status, 400);
  EXPECT_EQ(testing::http_request(fake.port(), "POST", "/v1/chat/completions", R"({"model":5,"messages":"x"})").status, 400);
  EXPECT_EQ(testing::http_request(fake.port(), "POST", "/control", R"({"mode":"explode"})").status, 400);
  EXPECT_EQ(testing::http_request(fake.port(), "POST", "/control", R"({"tokens":"many"})").status, 400);
  EXPECT_EQ(testing::http_request(fake.port(), "GET", "/nowhere").status, 404);
  EXPECT_EQ(fake.stats()["settings"]["mode"], "ok");  // unchanged after the bad control requests
}

}  // namespace
}  // namespace voki::llm
