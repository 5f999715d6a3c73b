// The chunk reader against nlohmann's SAX parser, which it replaced on the hot path: the same
// verdict (valid JSON or not) and the same fields for hand-written and mutated inputs.
#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "llm/internal.h"

namespace voki::llm::detail {
namespace {

using json = nlohmann::json;

// ---- the previous implementation, kept as the reference ---------------------------------------
// The keys on the paths we read; every other key is `other`.
enum class Key : std::uint8_t { none, other, error, choices, delta, message, content, text, finish_reason, msg };

Key classify(std::string_view key, int depth) {
  if (depth == 1) {
    if (key == "error") return Key::error;
    if (key == "choices") return Key::choices;
    if (key == "message") return Key::msg;  // llama-server's `error:` payload has it at the top
    return Key::other;
  }
  if (key == "delta") return Key::delta;
  if (key == "message") return depth == 2 ? Key::msg : Key::message;  // error.message vs choice.message
  if (key == "content") return Key::content;
  if (key == "text") return Key::text;
  if (key == "finish_reason") return Key::finish_reason;
  return Key::other;
}

// SAX handler that keeps only the path from the root to the current value and picks out the few
// fields Voki needs. Deeper nesting than kMaxDepth is walked but never matched.
class ChunkHandler : public nlohmann::json_sax<json> {
 public:
  explicit ChunkHandler(CompletionChunk& chunk) : chunk_(chunk) {}

  bool null() override {
    begin_value();
    return true;
  }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool string(string_t& value) override {
    begin_value();
    switch (where()) {
      case Where::content:
        chunk_.content.append(value);
        break;
      case Where::finish_reason:
        chunk_.finish_reason = value;
        break;
      case Where::error:
        chunk_.has_error = true;
        chunk_.error_message = value;
        break;
      case Where::error_message:
        chunk_.error_message = value;
        break;
      case Where::nothing:
        break;
    }
    return true;
  }
  bool start_object(std::size_t) override {
    begin_value();
    if (where() == Where::error) chunk_.has_error = true;
    return push(false);
  }
  bool start_array(std::size_t) override {
    begin_value();
    return push(true);
  }
  bool end_object() override { return pop(); }
  bool end_array() override { return pop(); }
  bool key(string_t& key) override {
    if (depth_ <= kMaxDepth) stack_[depth_ - 1].key = classify(key, depth_);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  static constexpr int kMaxDepth = 4;
  struct Frame {
    bool array = false;
    Key key = Key::none;
    int index = -1;  // arrays: the element being read
  };
  enum class Where { nothing, content, finish_reason, error, error_message };

  bool scalar() {
    begin_value();
    if (where() == Where::error) chunk_.has_error = true;
    return true;
  }
  void begin_value() {
    if (depth_ > 0 && depth_ <= kMaxDepth && stack_[depth_ - 1].array) ++stack_[depth_ - 1].index;
  }
  bool push(bool array) {
    if (depth_ < kMaxDepth) stack_[depth_] = Frame{array, Key::none, -1};
    ++depth_;
    return depth_ < 512;  // refuse absurd nesting
  }
  bool pop() {
    --depth_;
    return true;
  }
  // Where the value that is just starting sits, judged from the path above it.
  Where where() const {
    if (depth_ == 0 || depth_ > kMaxDepth) return Where::nothing;
    const Frame& root = stack_[0];
    if (root.array) return Where::nothing;
    if (depth_ == 1) {
      if (root.key == Key::error) return Where::error;
      return root.key == Key::msg ? Where::error_message : Where::nothing;
    }
    if (root.key == Key::error) {
      return depth_ == 2 && !stack_[1].array && stack_[1].key == Key::msg ? Where::error_message
                                                                          : Where::nothing;
    }
    if (root.key != Key::choices || !stack_[1].array || stack_[1].index != 0) return Where::nothing;
    if (depth_ == 3 && !stack_[2].array) {
      if (stack_[2].key == Key::text) return Where::content;
      if (stack_[2].key == Key::finish_reason) return Where::finish_reason;
      return Where::nothing;
    }
    if (depth_ == 4 && !stack_[2].array && !stack_[3].array && stack_[3].key == Key::content &&
        (stack_[2].key == Key::delta || stack_[2].key == Key::message || stack_[2].key == Key::msg)) {
      return Where::content;
    }
    return Where::nothing;
  }

  CompletionChunk& chunk_;
  std::array<Frame, kMaxDepth> stack_{};
  int depth_ = 0;
};


bool reference_parse(std::string_view text, CompletionChunk& chunk) {
  chunk = CompletionChunk{};
  ChunkHandler handler(chunk);
  return json::sax_parse(text.begin(), text.end(), &handler, json::input_format_t::json, true);
}

// ---------------------------------------------------------------------------------------------

void expect_same(const std::string& text) {
  // nlohmann ends its input at a NUL byte outside a string ("1\0garbage" is 1 to it); the
  // reader refuses such input, which is no JSON.
  if (text.find('\0') != std::string::npos) {
    CompletionChunk mine, reference;
    if (!reference_parse(text, reference)) {
      EXPECT_FALSE(parse_completion_chunk(text, mine)) << text;
    }
    return;
  }
  CompletionChunk mine, reference;
  const bool ok = parse_completion_chunk(text, mine);
  const bool reference_ok = reference_parse(text, reference);
  ASSERT_EQ(ok, reference_ok) << "input: " << json(text).dump(-1, ' ', true, json::error_handler_t::replace);
  if (!ok) return;
  EXPECT_EQ(mine.content, reference.content) << text;
  EXPECT_EQ(mine.finish_reason, reference.finish_reason) << text;
  EXPECT_EQ(mine.has_error, reference.has_error) << text;
  EXPECT_EQ(mine.error_message, reference.error_message) << text;
}

const std::vector<std::string> kSamples = {
    R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":" hei"},"finish_reason":null}]})",
    R"({"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})",
    R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":3}})",
    R"({"choices":[{"text":"legacy","finish_reason":"length"}]})",
    R"({"choices":[{"message":{"role":"assistant","content":"whole answer"},"finish_reason":"stop"}]})",
    R"({"choices":[{"delta":{"content":"first"}},{"delta":{"content":"second"}}]})",
    R"({"error":{"message":"Rate limit","type":"requests","code":null}})",
    R"({"error":"model not found"})",
    R"({"error":null})",
    R"({"error":42})",
    R"({"error":[1,2]})",
    R"({"error":true})",
    R"({"code":500,"message":"llama failure","type":"server_error"})",
    R"({"message":{"nested":"x"}})",
    R"({"choices":{"0":{"delta":{"content":"not an array"}}}})",
    R"({"choices":[[{"delta":{"content":"array in array"}}]]})",
    R"({"choices":[{"delta":{"content":"a","content":"b"},"text":"c"}]})",
    R"({"choices":[{"delta":{"content":"\u00e6\u00f8\u00e5 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t"}}]})",
    R"({"ch\u006fices":[{"delt\u0061":{"c\u006fntent":"escaped keys"}}]})",
    R"({"choices":[{"delta":{"content":"blåbærsyltetøy – “sitat” 😀"}}]})",
    R"(  {"choices" : [ { "delta" : { "content" : "spaces" } } ] }  )",
    R"({"n":[-0,0.5,-12.5e+3,1E-2,1e999,123456789012345678901234567890]})",
    R"([{"choices":[{"delta":{"content":"root array"}}]}])",
    R"("just a string")",
    R"(3.14)",
    R"(true)",
    R"(null)",
    R"({})",
    R"([])",
    "\xEF\xBB\xBF{\"choices\":[{\"text\":\"bom\"}]}",
    // invalid
    R"({"choices": [)",
    R"(<html>)",
    R"({} trailing)",
    "",
    " ",
    R"({"a":01})",
    R"({"a":1.})",
    R"({"a":.5})",
    R"({"a":-})",
    R"({"a":1e})",
    R"({"a":tru})",
    R"({"a":nul})",
    R"({"a":"\x"})",
    R"({"a":"\u12"})",
    R"({"a":"\ud800"})",
    R"({"a":"\udc00"})",
    R"({"a":"\ud800\u0041"})",
    R"({a:1})",
    R"({"a":1,})",
    R"([1,2,])",
    R"({"a" 1})",
    R"({"a":1 "b":2})",
    "{\"a\":\"tab\there\"}",
    "{\"choices\":[{\"text\":\"\xC3\"}]}",
    "{\"choices\":[{\"text\":\"\xC0\xAF\"}]}",
    "{\"choices\":[{\"text\":\"\xED\xA0\x80\"}]}",
    "{\"choices\":[{\"text\":\"\xF4\x90\x80\x80\"}]}",
    "{\"choices\":[{\"text\":\"\xE2\x82\"}]}",
    "{\"choices\":[{\"text\":\"\xFF\"}]}",
};

TEST(ChunkReader, AgreesWithTheSaxParserOnSamples) {
  for (const auto& sample : kSamples) expect_same(sample);
}

// Strings are scanned eight bytes at a time: every byte that ends a plain run (quote, backslash,
// control character, non-ASCII byte, valid or not) at every offset from a word boundary, in a
// decoded and in a skipped string, and strings that end exactly at a word boundary.
TEST(ChunkReader, AgreesWithTheSaxParserWhereverASpecialByteFalls) {
  const std::vector<std::string> specials = {"\\\"", "\\\\", "\\n", "\\u00e5", "\x01", "\x1f", "\"",
                                             "\xC3\xA5", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "\x80", "\xFF",
                                             " ", "\x7F", "!", "#", "[", "]", "\x21", "\x5B", "\x5D"};
  for (const std::string& special : specials) {
    for (std::size_t before = 0; before <= 17; ++before) {
      for (std::size_t after : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{9}}) {
        const std::string text = std::string(before, 'a') + special + std::string(after, 'b');
        expect_same("{\"choices\":[{\"delta\":{\"content\":\"" + text + "\"}}]}");
        expect_same("{\"id\":\"" + text + "\",\"choices\":[{\"text\":\"x\"}]}");
      }
    }
  }
  for (std::size_t length = 0; length <= 24; ++length)
    expect_same("{\"choices\":[{\"text\":\"" + std::string(length, 'z') + "\"}]}");
}

TEST(ChunkReader, NestingLimitMatches) {
  for (int depth : {500, 510, 511, 512, 513, 600, 10000}) {
    expect_same(std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'));
    std::string objects;
    for (int i = 0; i < depth; ++i) objects += "{\"a\":";
    objects += "1";
    objects += std::string(static_cast<std::size_t>(depth), '}');
    expect_same(objects);
  }
}

// Random edits of valid chunks: flipped, inserted and deleted bytes, chosen from JSON's own
// alphabet and from UTF-8 lead and continuation bytes, so that most results are near-valid.
TEST(ChunkReader, AgreesWithTheSaxParserOnMutatedChunks) {
  std::minstd_rand rng(20240611);
  const std::string alphabet = "{}[]\":,\\/ubfnrt0123456789.eE+-aclsx \t\n\r";
  const std::array<char, 10> high = {'\xC3', '\xA5', '\xE2', '\x80', '\x9C', '\xF0', '\x9F', '\x98', '\xED', '\xBF'};
  auto pick = [&]() -> char {
    const unsigned roll = rng() % 10;
    if (roll < 7) return alphabet[rng() % alphabet.size()];
    if (roll < 9) return high[rng() % high.size()];
    return static_cast<char>(rng() % 256);
  };
  int valid = 0;
  for (int i = 0; i < 40000; ++i) {
    std::string text = kSamples[rng() % 30];  // the valid ones
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = pick(); break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), pick()); break;
        default: text.erase(at, 1 + rng() % 3); break;
      }
    }
    CompletionChunk chunk;
    if (parse_completion_chunk(text, chunk)) ++valid;
    expect_same(text);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(valid, 10);  // some edits leave valid JSON, whose fields are compared too
}

// Random valid chunks built from the keys that matter, nested in every way, with strings of
// escapes and non-ASCII text, written compactly, pretty-printed or with every non-ASCII
// character escaped: the fields must come out the same.
json random_value(std::minstd_rand& rng, int depth);

std::string random_text(std::minstd_rand& rng) {
  static const std::vector<std::string> pieces = {"hei", " ", "blåbær", "\"", "\\", "\n", "\t", "/", "<", "😀", "–",
                                                  "\u0001", std::string(1, '\0'), "æøå", "ÆØÅ", "a"};
  std::string out;
  const int n = static_cast<int>(rng() % 5);
  for (int i = 0; i < n; ++i) out += pieces[rng() % pieces.size()];
  return out;
}

json random_object(std::minstd_rand& rng, int depth) {
  static const std::vector<std::string> keys = {"choices", "delta", "content", "text", "message", "error",
                                                "finish_reason", "index", "role", "id", "Content", "x"};
  json object = json::object();
  const int n = static_cast<int>(rng() % 5);
  for (int i = 0; i < n; ++i) object[keys[rng() % keys.size()]] = random_value(rng, depth + 1);
  return object;
}

json random_value(std::minstd_rand& rng, int depth) {
  const unsigned roll = rng() % (depth > 5 ? 5 : 8);
  switch (roll) {
    case 0: return random_text(rng);
    case 1: return nullptr;
    case 2: return static_cast<int>(rng() % 1000) - 500;
    case 3: return (rng() % 2) == 0;
    case 4: return static_cast<double>(rng() % 100000) / 7.0;
    case 5:
    case 6: return random_object(rng, depth);
    default: {
      json array = json::array();
      const int n = static_cast<int>(rng() % 3);
      for (int i = 0; i < n; ++i) array.push_back(random_value(rng, depth + 1));
      return array;
    }
  }
}

TEST(ChunkReader, AgreesWithTheSaxParserOnGeneratedChunks) {
  std::minstd_rand rng(7);
  int with_content = 0, with_error = 0;
  for (int i = 0; i < 20000; ++i) {
    json chunk = random_object(rng, 0);
    if (rng() % 2 == 0) {  // the usual shape, with random parts
      json choice = random_object(rng, 2);
      choice["delta"] = random_object(rng, 3);
      if (rng() % 3 != 0) choice["delta"]["content"] = random_text(rng);
      chunk["choices"] = json::array({choice});
      if (rng() % 3 == 0) chunk["choices"].push_back(random_object(rng, 2));
    }
    std::string text;
    switch (rng() % 3) {
      case 0: text = chunk.dump(); break;
      case 1: text = chunk.dump(2); break;
      default: text = chunk.dump(-1, ' ', true); break;  // \uXXXX escapes for all non-ASCII
    }
    CompletionChunk parsed;
    ASSERT_TRUE(parse_completion_chunk(text, parsed)) << text;
    if (!parsed.content.empty()) ++with_content;
    if (parsed.has_error) ++with_error;
    expect_same(text);
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(with_content, 1000);
  EXPECT_GT(with_error, 100);
}

}  // namespace
}  // namespace voki::llm::detail
