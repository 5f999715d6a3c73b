// Reading OpenAI-style JSON chunks without a document tree or allocations, and parsing base URLs.
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "llm/internal.h"

namespace voki::llm::detail {
namespace {

// A strict JSON reader (RFC 8259: one value, whitespace around it, strings of valid UTF-8 with
// valid escapes) that decodes only the few strings Voki needs and allocates nothing else: it runs
// once per streamed token. Every value is read through, so anything that is not valid JSON is
// refused, however deep the mistake.
class ChunkReader {
 public:
  ChunkReader(std::string_view text, CompletionChunk& chunk)
      : p_(text.data()), end_(text.data() + text.size()), chunk_(chunk) {}

  bool read() {
    if (end_ - p_ >= 3 && std::string_view(p_, 3) == "\xEF\xBB\xBF") p_ += 3;  // a byte order mark, as nlohmann allows
    skip_space();
    if (!value(Role::root)) return false;
    skip_space();
    return p_ == end_;
  }

 private:
  // What the value being read is, judged from the path to it.
  enum class Role {
    skip,           // anything Voki does not read
    root,           // the top-level value
    error,          // root.error: a string, or an object with a message
    error_message,  // root.message (llama-server's error payload) or root.error.message
    choices,        // root.choices
    choice,         // root.choices[0]
    message,        // choices[0].delta or choices[0].message
    content,        // choices[0].text or choices[0].(delta|message).content
    finish_reason,  // choices[0].finish_reason
  };
  static constexpr int kMaxDepth = 512;

  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool value(Role role) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{':
        if (role == Role::error) chunk_.has_error = true;
        return object(role);
      case '[':
        return array(role);
      case '"': {
        std::string* out = nullptr;
        bool append = false;
        switch (role) {
          case Role::content: out = &chunk_.content, append = true; break;
          case Role::finish_reason: out = &chunk_.finish_reason; break;
          case Role::error: chunk_.has_error = true; out = &chunk_.error_message; break;
          case Role::error_message: out = &chunk_.error_message; break;
          default: break;
        }
        if (out && !append) out->clear();
        return string(out);
      }
      case 't': return literal("true", role);
      case 'f': return literal("false", role);
      case 'n': return literal("null", Role::skip);  // an error of null is no error
      default:
        if (!number()) return false;
        if (role == Role::error) chunk_.has_error = true;
        return true;
    }
  }

  bool literal(std::string_view word, Role role) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    if (role == Role::error) chunk_.has_error = true;
    return true;
  }

  bool number() {
    const char* start = p_;
    if (p_ != end_ && *p_ == '-') ++p_;
    if (p_ == end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    } else {
      return false;
    }
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    bool exponent = false;
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      exponent = true;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    // A number too large for a double is refused (as nlohmann does); only an exponent or some
    // 300 digits can get there, so the common short numbers are never converted.
    if (exponent || p_ - start > 300) return finite(std::string(start, p_));
    return true;
  }

  static bool finite(const std::string& number) {
    static const locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", nullptr);
    return std::isfinite(strtod_l(number.c_str(), nullptr, c_locale));
  }

  // Member roles inside an object that has `role`.
  static Role member_role(Role role, std::string_view key) {
    switch (role) {
      case Role::root:
        if (key == "error") return Role::error;
        if (key == "choices") return Role::choices;
        if (key == "message") return Role::error_message;
        return Role::skip;
      case Role::error:
        return key == "message" ? Role::error_message : Role::skip;
      case Role::choice:
        if (key == "text") return Role::content;
        if (key == "finish_reason") return Role::finish_reason;
        if (key == "delta" || key == "message") return Role::message;
        return Role::skip;
      case Role::message:
        return key == "content" ? Role::content : Role::skip;
      default:
        return Role::skip;
    }
  }

  bool object(Role role) {
    if (++depth_ >= kMaxDepth) return false;
    ++p_;  // '{'
    skip_space();
    if (p_ != end_ && *p_ == '}') {
      ++p_;
      --depth_;
      return true;
    }
    const bool keys_matter = role == Role::root || role == Role::error || role == Role::choice || role == Role::message;
    while (true) {
      if (p_ == end_ || *p_ != '"') return false;
      std::string_view key;
      if (keys_matter) {
        // Keys are short and almost never escaped: compared in place, decoded only if escaped.
        const char* start = p_ + 1;
        key_.clear();
        if (!string(&key_)) return false;
        const std::string_view raw(start, static_cast<std::size_t>(p_ - 1 - start));
        key = raw.find('\\') == std::string_view::npos ? raw : std::string_view(key_);
      } else if (!string(nullptr)) {
        return false;
      }
      skip_space();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip_space();
      if (!value(keys_matter ? member_role(role, key) : Role::skip)) return false;
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip_space();
        continue;
      }
      if (*p_ != '}') return false;
      ++p_;
      --depth_;
      return true;
    }
  }

  bool array(Role role) {
    if (++depth_ >= kMaxDepth) return false;
    ++p_;  // '['
    skip_space();
    if (p_ != end_ && *p_ == ']') {
      ++p_;
      --depth_;
      return true;
    }
    for (int index = 0;; ++index) {
      if (!value(role == Role::choices && index == 0 ? Role::choice : Role::skip)) return false;
      skip_space();
      if (p_ == end_) return false;
      if (*p_ == ',') {
        ++p_;
        skip_space();
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      --depth_;
      return true;
    }
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hex_digit(p_[i]);
      if (d < 0) return false;
      out = out * 16 + static_cast<unsigned>(d);
    }
    p_ += 4;
    return true;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // Length of the valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF)
  // that starts with the non-ASCII byte at p_, or 0.
  std::size_t utf8_sequence() const {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(p_[i]); };
    const std::size_t left = static_cast<std::size_t>(end_ - p_);
    const unsigned char lead = b(0);
    auto tail = [&](std::size_t i) { return i < left && b(i) >= 0x80 && b(i) <= 0xBF; };
    if (lead >= 0xC2 && lead <= 0xDF) return tail(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
      if (left < 2) return 0;
      const unsigned char second = b(1);
      const bool ok = lead == 0xE0 ? second >= 0xA0 && second <= 0xBF
                      : lead == 0xED ? second >= 0x80 && second <= 0x9F
                                     : second >= 0x80 && second <= 0xBF;
      return ok && tail(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      if (left < 2) return 0;
      const unsigned char second = b(1);
      const bool ok = lead == 0xF0 ? second >= 0x90 && second <= 0xBF
                      : lead == 0xF4 ? second >= 0x80 && second <= 0x8F
                                     : second >= 0x80 && second <= 0xBF;
      return ok && tail(2) && tail(3) ? 4 : 0;
    }
    return 0;
  }

  // The first byte from p on that ends a plain run in a string ('"', '\\', a control character or
  // a non-ASCII byte), or end. Eight bytes at a time: this scan is most of the work per token
  // (the ids, model names and keys of every chunk are strings read through).
  static const char* plain_run_end(const char* p, const char* end) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (std::endian::native == std::endian::little && end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
      // High bit of a byte set where that byte is '"', '\\', below 0x20 or 0x80 and above. The
      // subtractions borrow across bytes only above a byte that is already flagged, so the
      // lowest flagged byte is exact.
      const std::uint64_t special = (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                                     ((w - ones * 0x20) & ~w) | w) & highs;
      if (special != 0) return p + (std::countr_zero(special) >> 3);
      p += 8;
    }
    while (p != end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      ++p;
    }
    return p;
  }

  // Reads a string (p_ at its opening quote); decodes it onto *out when out is not null.
  bool string(std::string* out) {
    ++p_;  // '"'
    while (true) {
      const char* run = p_;
      p_ = plain_run_end(p_, end_);
      if (out) out->append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // control characters must be escaped
      if (c >= 0x80) {
        const std::size_t n = utf8_sequence();
        if (n == 0) return false;
        if (out) out->append(p_, n);
        p_ += n;
        continue;
      }
      // An escape.
      if (++p_ == end_) return false;
      const char e = *p_++;
      char simple = 0;
      switch (e) {
        case '"': simple = '"'; break;
        case '\\': simple = '\\'; break;
        case '/': simple = '/'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate without its high half
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          if (out) append_utf8(*out, cp);
          continue;
        }
        default:
          return false;
      }
      if (out) *out += simple;
    }
  }

  const char* p_;
  const char* end_;
  CompletionChunk& chunk_;
  std::string key_;  // an escaped key, decoded
  int depth_ = 0;
};

}  // namespace

bool parse_completion_chunk(std::string_view text, CompletionChunk& chunk) {
  chunk.content.clear();
  chunk.finish_reason.clear();
  chunk.has_error = false;
  chunk.error_message.clear();
  return ChunkReader(text, chunk).read();
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
