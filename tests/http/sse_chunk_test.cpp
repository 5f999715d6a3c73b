// The SSE writer's framing (one event, one HTTP chunk, built in a reused buffer), the JSON string
// escaping used for hand-built event data, and the per-connection deadline.
#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <nlohmann/json.hpp>

#include "http/http.h"
#include "http/internal.h"
#include "net/deadline.h"

namespace voki::http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Checks the chunk framing and returns the chunk's payload.
std::string payload_of(std::string_view chunk) {
  const auto crlf = chunk.find("\r\n");
  EXPECT_NE(crlf, std::string_view::npos);
  const std::size_t size = std::stoul(std::string(chunk.substr(0, crlf)), nullptr, 16);
  EXPECT_EQ(chunk.size(), crlf + 2 + size + 2);
  EXPECT_EQ(chunk.substr(chunk.size() - 2), "\r\n");
  return std::string(chunk.substr(crlf + 2, size));
}

TEST(SseChunk, OneEventIsOneChunk) {
  std::string buffer;
  const auto chunk = detail::sse_chunk(buffer, "delta", R"({"text":"hei"})");
  EXPECT_EQ(chunk, "23\r\nevent: delta\ndata: {\"text\":\"hei\"}\n\n\r\n");
  EXPECT_EQ(payload_of(chunk), "event: delta\ndata: {\"text\":\"hei\"}\n\n");
}

TEST(SseChunk, EveryLineEndStartsADataField) {
  std::string buffer;
  EXPECT_EQ(payload_of(detail::sse_chunk(buffer, "text", "a\r\nb\rc\nd")),
            "event: text\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(payload_of(detail::sse_chunk(buffer, "text", "line\n")), "event: text\ndata: line\ndata: \n\n");
  EXPECT_EQ(payload_of(detail::sse_chunk(buffer, "done", "")), "event: done\ndata: \n\n");
  // A line break cannot smuggle in another field.
  EXPECT_EQ(payload_of(detail::sse_chunk(buffer, "delta", "x\revent: error")),
            "event: delta\ndata: x\ndata: event: error\n\n");
}

TEST(SseChunk, ReusedBufferLeavesNothingBehindAndSizesAreHex) {
  std::string buffer;
  const std::string big(70000, 'x');
  const std::string big_chunk(detail::sse_chunk(buffer, "delta", big));
  EXPECT_EQ(payload_of(big_chunk), "event: delta\ndata: " + big + "\n\n");
  EXPECT_TRUE(big_chunk.starts_with("11185\r\n"));  // 70,021 bytes
  const auto small = detail::sse_chunk(buffer, "a", "b");
  EXPECT_EQ(small, "12\r\nevent: a\ndata: b\n\n\r\n");
}

std::string as_json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonString, EscapesWhatJsonAndHtmlNeed) {
  EXPECT_EQ(as_json_string("hei"), "\"hei\"");
  EXPECT_EQ(as_json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(as_json_string("\n\r\t"), R"("\n\r\t")");
  EXPECT_EQ(as_json_string(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
  EXPECT_EQ(as_json_string(std::string(1, '\0')), R"("\u0000")");
  EXPECT_EQ(as_json_string("<script>"), R"("\u003cscript\u003e")");
  EXPECT_EQ(as_json_string("blåbær 😀"), "\"blåbær 😀\"");
}

TEST(JsonString, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(as_json_string("a\xff" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(as_json_string("\xC3"), "\"\xEF\xBF\xBD\"");  // cut off inside a character
  const auto parsed = nlohmann::json::parse(as_json_string("x\xC0\xAFy\xED\xA0\x80z"));
  EXPECT_TRUE(parsed.is_string());
}

TEST(JsonString, RoundTripsThroughAJsonParser) {
  const std::string text = "Hva betyr «dugnad»?\n\"Sitat\" \\ / <b> \x7f tab\t æøå ÆØÅ – 😀";
  EXPECT_EQ(nlohmann::json::parse(as_json_string(text)).get<std::string>(), text);
}

// ---- net::Deadline ----------------------------------------------------------------------------

struct DeadlineRun {
  asio::io_context io;
  int expired = 0;
  Clock::time_point expired_at{};
  Clock::time_point start = Clock::now();
  void run_for(std::chrono::milliseconds limit) {
    asio::steady_timer stop(io, limit);
    stop.async_wait([&](const boost::system::error_code&) { io.stop(); });
    io.run();
  }
  std::chrono::milliseconds when() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(expired_at - start);
  }
};

TEST(Deadline, ExpiresOnceWhenItPasses) {
  DeadlineRun r;
  net::Deadline deadline(r.io.get_executor(), [&] {
    ++r.expired;
    r.expired_at = Clock::now();
  });
  deadline.expires_after(50ms);
  r.run_for(300ms);
  EXPECT_EQ(r.expired, 1);
  EXPECT_TRUE(deadline.expired());
  EXPECT_GE(r.when().count(), 50);
  EXPECT_LT(r.when().count(), 250);
  deadline.reset();
  EXPECT_FALSE(deadline.expired());
}

TEST(Deadline, MovingItLaterOrEarlierIsHonoured) {
  DeadlineRun r;
  net::Deadline deadline(r.io.get_executor(), [&] {
    ++r.expired;
    r.expired_at = Clock::now();
  });
  deadline.expires_after(40ms);
  asio::steady_timer later(r.io, 20ms);
  later.async_wait([&](const boost::system::error_code&) { deadline.expires_after(150ms); });  // due at ~170 ms
  r.run_for(400ms);
  EXPECT_EQ(r.expired, 1);
  EXPECT_GE(r.when().count(), 165);

  DeadlineRun e;
  net::Deadline early(e.io.get_executor(), [&] {
    ++e.expired;
    e.expired_at = Clock::now();
  });
  early.expires_after(5s);
  early.expires_after(30ms);  // earlier than the armed timer: re-armed
  e.run_for(300ms);
  EXPECT_EQ(e.expired, 1);
  EXPECT_LT(e.when().count(), 250);
}

TEST(Deadline, ClearedOrDestroyedNeverExpires) {
  DeadlineRun r;
  net::Deadline cleared(r.io.get_executor(), [&] { ++r.expired; });
  cleared.expires_after(20ms);
  cleared.clear();
  auto destroyed = std::make_unique<net::Deadline>(r.io.get_executor(), [&] { ++r.expired; });
  destroyed->expires_after(20ms);
  destroyed.reset();
  r.run_for(150ms);
  EXPECT_EQ(r.expired, 0);
  EXPECT_FALSE(cleared.expired());
}

}  // namespace
}  // namespace voki::http
