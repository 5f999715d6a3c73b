// Parts of the llm component that are shared by its sources and its unit tests; not for other
// components (they include llm/chat_backend.h and llm/prompt.h only).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace voki::llm::detail {

// ---------------------------------------------------------------------------------------------
// Server-sent events. Beast has no SSE support and the format is small, so this is a hand-written
// incremental parser (WHATWG "event stream interpretation"): bytes arrive in arbitrary pieces, a
// line may be split across pieces, lines end in LF, CRLF or CR, `:` starts a comment, `data:`
// lines accumulate (joined with LF) until a blank line dispatches the event. llama-server's
// non-standard `error: {...}` field is kept as its own member.
struct SseEvent {
  std::string_view type;   // the `event:` field, empty when absent
  std::string_view data;   // `data:` lines joined with '\n'
  std::string_view error;  // llama-server's `error:` field
  bool has_data = false;
  bool has_error = false;
};

class SseParser {
 public:
  enum class Status { ok, line_too_long };

  explicit SseParser(std::size_t max_line = 1 << 20) : max_line_(max_line) {}

  // Feeds the next piece of the stream; calls `on_event(const SseEvent&)` for every complete
  // event, which returns false to stop early (feed then returns ok and drops the rest of `bytes`).
  template <class OnEvent>
  Status feed(std::string_view bytes, OnEvent&& on_event);

  // End of stream: an event still missing its blank line is dispatched (lenient, as some servers
  // close right after the last `data:` line).
  template <class OnEvent>
  void finish(OnEvent&& on_event);

 private:
  enum class LineResult { ok, too_long, stop };
  template <class OnEvent>
  LineResult process_line(std::string_view line, OnEvent& on_event);
  template <class OnEvent>
  bool dispatch(OnEvent& on_event);

  std::size_t max_line_;
  std::string line_;  // an unfinished line carried over from the previous piece
  std::string data_;
  std::string type_;
  std::string error_;
  bool has_data_ = false;
  bool has_error_ = false;
  bool skip_lf_ = false;  // the previous piece ended in CR: a leading LF belongs to it
};

// The first CR or LF at or after `pos`, or npos. Two vectorised memchr scans (the LF, then a CR
// before it); find_first_of("\r\n") calls memchr on the two-character set once per byte, a
// visible cost for every streamed token.
inline std::size_t find_line_end(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::string_view::npos;
  const char* begin = text.data() + pos;
  const auto* lf = static_cast<const char*>(std::memchr(begin, '\n', text.size() - pos));
  const std::size_t span = lf ? static_cast<std::size_t>(lf - begin) : text.size() - pos;
  if (const auto* cr = static_cast<const char*>(std::memchr(begin, '\r', span))) return static_cast<std::size_t>(cr - text.data());
  return lf ? static_cast<std::size_t>(lf - text.data()) : std::string_view::npos;
}

template <class OnEvent>
SseParser::Status SseParser::feed(std::string_view bytes, OnEvent&& on_event) {
  std::size_t pos = 0;
  if (skip_lf_ && !bytes.empty()) {
    skip_lf_ = false;
    if (bytes.front() == '\n') pos = 1;
  }
  while (pos < bytes.size()) {
    const std::size_t end = find_line_end(bytes, pos);
    if (end == std::string_view::npos) {
      if (line_.size() + (bytes.size() - pos) > max_line_) return Status::line_too_long;
      line_.append(bytes.substr(pos));
      return Status::ok;
    }
    std::string_view line = bytes.substr(pos, end - pos);
    if (!line_.empty()) {
      if (line_.size() + line.size() > max_line_) return Status::line_too_long;
      line_.append(line);
      line = line_;
    } else if (line.size() > max_line_) {
      return Status::line_too_long;
    }
    pos = end + 1;
    if (bytes[end] == '\r') {
      if (pos < bytes.size()) {
        if (bytes[pos] == '\n') ++pos;
      } else {
        skip_lf_ = true;
      }
    }
    const LineResult result = process_line(line, on_event);
    line_.clear();
    if (result == LineResult::too_long) return Status::line_too_long;
    if (result == LineResult::stop) return Status::ok;
  }
  return Status::ok;
}

template <class OnEvent>
void SseParser::finish(OnEvent&& on_event) {
  if (!line_.empty()) {
    const std::string last = std::move(line_);
    line_.clear();
    if (process_line(last, on_event) != LineResult::ok) return;
  }
  dispatch(on_event);
}

template <class OnEvent>
SseParser::LineResult SseParser::process_line(std::string_view line, OnEvent& on_event) {
  if (line.empty()) return dispatch(on_event) ? LineResult::ok : LineResult::stop;
  if (line.front() == ':') return LineResult::ok;  // comment / keep-alive
  std::string_view field = line;
  std::string_view value;
  if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    field = line.substr(0, colon);
    value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (data_.size() + value.size() + 1 > max_line_) return LineResult::too_long;
    if (has_data_) data_.push_back('\n');
    data_.append(value);
    has_data_ = true;
  } else if (field == "event") {
    type_.assign(value);
  } else if (field == "error") {
    if (error_.size() + value.size() + 1 > max_line_) return LineResult::too_long;
    if (has_error_) error_.push_back('\n');
    error_.append(value);
    has_error_ = true;
  }  // `id`, `retry` and unknown fields are ignored, as the spec says.
  return LineResult::ok;
}

template <class OnEvent>
bool SseParser::dispatch(OnEvent& on_event) {
  if (!has_data_ && !has_error_) {
    type_.clear();
    return true;
  }
  SseEvent event{type_, data_, error_, has_data_, has_error_};
  const bool keep_going = on_event(static_cast<const SseEvent&>(event));
  data_.clear();
  type_.clear();
  error_.clear();
  has_data_ = has_error_ = false;
  return keep_going;
}

// ---------------------------------------------------------------------------------------------
// One JSON object of an OpenAI-style answer (a stream chunk, a whole non-streamed answer or an
// error body), read by a small strict JSON reader that builds no document tree and allocates
// nothing beyond these strings: it runs for every streamed token.
struct CompletionChunk {
  std::string content;  // choices[0].delta.content, choices[0].text or choices[0].message.content
  std::string finish_reason;
  bool has_error = false;
  std::string error_message;  // error.message, or error itself when it is a string
};

// Parses `json` into `chunk` (its strings are reused, keeping their capacity). Returns false when
// `json` is not one valid JSON value.
bool parse_completion_chunk(std::string_view json, CompletionChunk& chunk);

// ---------------------------------------------------------------------------------------------
struct BaseUrl {
  bool tls = false;
  std::string host;  // without brackets for IPv6 literals
  std::string port;  // "80"/"443" when not given
  std::string path;  // prefix without trailing '/', e.g. "/v1"
  std::string host_header() const;  // host[:port], brackets for IPv6, port only when not default
};

// Accepts http:// and https:// URLs with an optional port and path; nullopt (with `error` set)
// for anything else.
std::optional<BaseUrl> parse_base_url(std::string_view url, std::string& error);

// ---------------------------------------------------------------------------------------------
// Learner text reduced for comparison: NFC, case-folded, punctuation and symbols become spaces,
// runs of spaces collapse, letters (æ, ø, å included) and digits are kept. UTF-8.
std::string normalise_answer(std::string_view text);

// Levenshtein distance in code points between two UTF-8 strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Whether `learner` counts as the accepted answer `accepted` (see make_dialogue_backend).
bool answer_matches(std::string_view learner, std::string_view accepted);

// Whether `code` looks like a language tag (letters, '-' and '_', at most 16): anything else
// never reaches a prompt.
bool is_language_code(const std::string& code);
// The name of a language for a prompt, e.g. "ar" -> "arabisk (Arabic)"; the code when ICU does not
// know it; empty when `code` is not a language tag.
std::string language_name_for_prompt(const std::string& code);
// Norwegian name only, e.g. "ar" -> "arabisk" (same fallbacks).
std::string language_name_norwegian(const std::string& code);

}  // namespace voki::llm::detail
