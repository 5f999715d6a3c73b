// Reading OpenAI-style JSON chunks without a document tree, and parsing base URLs.
#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "llm/internal.h"

namespace voki::llm::detail {
namespace {

using json = nlohmann::json;

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

}  // namespace

bool parse_completion_chunk(std::string_view text, CompletionChunk& chunk) {
  chunk.content.clear();
  chunk.finish_reason.clear();
  chunk.has_error = false;
  chunk.error_message.clear();
  ChunkHandler handler(chunk);
  return json::sax_parse(text.begin(), text.end(), &handler, json::input_format_t::json, true);
}

std::string BaseUrl::host_header() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  std::string out = ipv6 ? "[" + host + "]" : host;
  if (port != (tls ? "443" : "80")) out += ":" + port;
  return out;
}

std::optional<BaseUrl> parse_base_url(std::string_view url, std::string& error) {
  BaseUrl result;
  if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else if (url.starts_with("https://")) {
    url.remove_prefix(8);
    result.tls = true;
  } else {
    error = "base URL must start with http:// or https://";
    return std::nullopt;
  }
  const std::size_t slash = url.find_first_of("/?#");
  std::string_view authority = url.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : url.substr(slash);
  if (authority.find('@') != std::string_view::npos) {
    error = "user information in the base URL is not supported (use api_key)";
    return std::nullopt;
  }
  std::string_view port;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      error = "unterminated IPv6 literal in base URL";
      return std::nullopt;
    }
    result.host = std::string(authority.substr(1, close - 1));
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') {
        error = "unexpected text after IPv6 literal in base URL";
        return std::nullopt;
      }
      port = rest.substr(1);
    }
  } else {
    const std::size_t colon = authority.find(':');
    result.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (result.host.empty()) {
    error = "base URL has no host";
    return std::nullopt;
  }
  if (path.find_first_of("?#") != std::string_view::npos) {
    error = "query or fragment in the base URL is not supported";
    return std::nullopt;
  }
  if (port.empty()) {
    result.port = result.tls ? "443" : "80";
  } else {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) {
      error = "invalid port in base URL";
      return std::nullopt;
    }
    result.port = std::to_string(value);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  result.path = std::string(path);
  return result;
}

}  // namespace voki::llm::detail
