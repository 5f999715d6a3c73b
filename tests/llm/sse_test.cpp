// SSE parser, stream-chunk reader and base-URL parser.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "llm/internal.h"

namespace voki::llm::detail {
namespace {

struct Collected {
  std::string type;
  std::string data;
  std::string error;
  bool has_data = false;
  bool has_error = false;
  bool operator==(const Collected&) const = default;
};

std::vector<Collected> parse_in_pieces(const std::vector<std::string_view>& pieces, bool finish = true) {
  SseParser parser;
  std::vector<Collected> events;
  auto collect = [&](const SseEvent& e) {
    events.push_back({std::string(e.type), std::string(e.data), std::string(e.error), e.has_data, e.has_error});
    return true;
  };
  for (std::string_view piece : pieces) EXPECT_EQ(parser.feed(piece, collect), SseParser::Status::ok);
  if (finish) parser.finish(collect);
  return events;
}

const std::string kStream =
    ": keep-alive comment\r\n"
    "data: {\"a\":1}\r\n\r\n"
    "data:{\"b\":2}\n\n"
    "event: message\n"
    "data: line one\n"
    "data: line two\n"
    "id: 7\n"
    "retry: 100\n\n"
    "\n\n"  // blank lines without data dispatch nothing
    "error: {\"code\":500,\"message\":\"boom\"}\n\n"
    "data: [DONE]\r\n\r\n";

const std::vector<Collected> kExpected = {
    {"", "{\"a\":1}", "", true, false},
    {"", "{\"b\":2}", "", true, false},
    {"message", "line one\nline two", "", true, false},
    {"", "", "{\"code\":500,\"message\":\"boom\"}", false, true},
    {"", "[DONE]", "", true, false},
};

TEST(SseParser, WholeStreamGivesEveryEvent) { EXPECT_EQ(parse_in_pieces({kStream}), kExpected); }

TEST(SseParser, SplitAtEveryBytePositionGivesTheSameEvents) {
  for (std::size_t cut = 0; cut <= kStream.size(); ++cut) {
    const std::string_view all(kStream);
    EXPECT_EQ(parse_in_pieces({all.substr(0, cut), all.substr(cut)}), kExpected) << "cut at " << cut;
  }
}

TEST(SseParser, OneByteAtATime) {
  std::vector<std::string_view> bytes;
  for (std::size_t i = 0; i < kStream.size(); ++i) bytes.push_back(std::string_view(kStream).substr(i, 1));
  EXPECT_EQ(parse_in_pieces(bytes), kExpected);
}

TEST(SseParser, ThreeWaySplitsAroundCrLf) {
  const std::string_view all(kStream);
  for (std::size_t a = 0; a < 40; ++a) {
    for (std::size_t b = a; b < 60; ++b) {
      ASSERT_EQ(parse_in_pieces({all.substr(0, a), all.substr(a, b - a), all.substr(b)}), kExpected)
          << a << "," << b;
    }
  }
}

TEST(SseParser, BareCarriageReturnEndsLines) {
  const auto events = parse_in_pieces({"data: x\r\rdata: y\r", "\r"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].data, "x");
  EXPECT_EQ(events[1].data, "y");
}

TEST(SseParser, OnlyOneSpaceAfterColonIsRemoved) {
  const auto events = parse_in_pieces({"data:  two spaces\n\ndata\n\n"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].data, " two spaces");
  EXPECT_EQ(events[1].data, "");  // a field name alone is an empty value
  EXPECT_TRUE(events[1].has_data);
}

TEST(SseParser, FinishDispatchesAnEventWithoutBlankLine) {
  EXPECT_TRUE(parse_in_pieces({"data: {\"x\":1}"}, false).empty());
  const auto events = parse_in_pieces({"data: {\"x\":1}"}, true);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "{\"x\":1}");
}

TEST(SseParser, RejectsOverlongLinesAndData) {
  SseParser parser(64);
  auto ignore = [](const SseEvent&) { return true; };
  EXPECT_EQ(parser.feed(std::string(40, 'a'), ignore), SseParser::Status::ok);
  EXPECT_EQ(parser.feed(std::string(40, 'a'), ignore), SseParser::Status::line_too_long);

  SseParser many_lines(64);
  std::string stream;
  for (int i = 0; i < 10; ++i) stream += "data: 0123456789\n";  // short lines, long event
  EXPECT_EQ(many_lines.feed(stream, ignore), SseParser::Status::line_too_long);
}

TEST(SseParser, HandlerCanStopEarly) {
  SseParser parser;
  int seen = 0;
  parser.feed("data: 1\n\ndata: 2\n\n", [&](const SseEvent&) {
    ++seen;
    return false;
  });
  EXPECT_EQ(seen, 1);
}

TEST(CompletionChunk, ReadsDeltaContentAndFinishReason) {
  CompletionChunk chunk;
  ASSERT_TRUE(parse_completion_chunk(
      R"({"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hei på deg"},"finish_reason":null}]})",
      chunk));
  EXPECT_EQ(chunk.content, "Hei på deg");
  EXPECT_EQ(chunk.finish_reason, "");
  EXPECT_FALSE(chunk.has_error);

  ASSERT_TRUE(parse_completion_chunk(R"({"choices":[{"index":0,"delta":{},"finish_reason":"length"}]})", chunk));
  EXPECT_EQ(chunk.content, "");
  EXPECT_EQ(chunk.finish_reason, "length");
}

TEST(CompletionChunk, RoleOnlyDeltaHasNoContent) {
  CompletionChunk chunk;
  ASSERT_TRUE(parse_completion_chunk(R"({"choices":[{"delta":{"role":"assistant","content":""}}]})", chunk));
  EXPECT_TRUE(chunk.content.empty());
}

TEST(CompletionChunk, AcceptsTextAndWholeMessages) {
  CompletionChunk chunk;
  ASSERT_TRUE(parse_completion_chunk(R"({"choices":[{"text":"legacy"}]})", chunk));
  EXPECT_EQ(chunk.content, "legacy");
  ASSERT_TRUE(parse_completion_chunk(
      R"({"choices":[{"message":{"role":"assistant","content":"hele svaret"},"finish_reason":"stop"}]})", chunk));
  EXPECT_EQ(chunk.content, "hele svaret");
  EXPECT_EQ(chunk.finish_reason, "stop");
}

TEST(CompletionChunk, IgnoresOtherChoicesAndLookalikeKeys) {
  CompletionChunk chunk;
  ASSERT_TRUE(parse_completion_chunk(
      R"({"content":"no","x":{"delta":{"content":"no"}},"choices":[{"delta":{"content":"yes","extra":{"content":"no"}}},{"delta":{"content":"second"}}]})",
      chunk));
  EXPECT_EQ(chunk.content, "yes");
}

TEST(CompletionChunk, ReadsErrors) {
  CompletionChunk chunk;
  ASSERT_TRUE(parse_completion_chunk(R"({"error":{"message":"Rate limit","type":"requests","code":null}})", chunk));
  EXPECT_TRUE(chunk.has_error);
  EXPECT_EQ(chunk.error_message, "Rate limit");
  ASSERT_TRUE(parse_completion_chunk(R"({"error":"model not found"})", chunk));
  EXPECT_TRUE(chunk.has_error);
  EXPECT_EQ(chunk.error_message, "model not found");
  ASSERT_TRUE(parse_completion_chunk(R"({"code":500,"message":"llama failure","type":"server_error"})", chunk));
  EXPECT_FALSE(chunk.has_error);  // llama's `error:` payload is judged by the field, not the JSON
  EXPECT_EQ(chunk.error_message, "llama failure");
}

TEST(CompletionChunk, RejectsInvalidJson) {
  CompletionChunk chunk;
  EXPECT_FALSE(parse_completion_chunk("{\"choices\": [", chunk));
  EXPECT_FALSE(parse_completion_chunk("<html>", chunk));
  EXPECT_FALSE(parse_completion_chunk("{} trailing", chunk));
  EXPECT_FALSE(parse_completion_chunk("", chunk));
  EXPECT_FALSE(parse_completion_chunk(std::string(10000, '['), chunk));  // absurd nesting
}

TEST(BaseUrl, ParsesSchemesPortsAndPaths) {
  std::string error;
  auto url = parse_base_url("http://127.0.0.1:8081/v1/", error);
  ASSERT_TRUE(url) << error;
  EXPECT_FALSE(url->tls);
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, "8081");
  EXPECT_EQ(url->path, "/v1");
  EXPECT_EQ(url->host_header(), "127.0.0.1:8081");

  url = parse_base_url("https://api.openai.com/v1", error);
  ASSERT_TRUE(url) << error;
  EXPECT_TRUE(url->tls);
  EXPECT_EQ(url->port, "443");
  EXPECT_EQ(url->host_header(), "api.openai.com");

  url = parse_base_url("http://[::1]:11434", error);
  ASSERT_TRUE(url) << error;
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->path, "");
  EXPECT_EQ(url->host_header(), "[::1]:11434");
}

TEST(BaseUrl, RejectsBadUrls) {
  std::string error;
  for (const char* bad : {"ftp://x/v1", "127.0.0.1:8080", "http://", "http://[::1", "http://h:0/", "http://h:99999/",
                          "http://h:12ab/", "http://user:pw@h/", "http://h/v1?x=1"}) {
    error.clear();
    EXPECT_FALSE(parse_base_url(bad, error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

}  // namespace
}  // namespace voki::llm::detail
