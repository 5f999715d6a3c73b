// libFuzzer target for the two hand-written parsers on the model stream's path (llm/internal.h):
// the event-stream parser must give the same events however the bytes are split into pieces, and
// the JSON chunk reader must accept exactly what nlohmann's strict parser accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "llm/internal.h"

namespace {

using voki::llm::detail::CompletionChunk;
using voki::llm::detail::parse_completion_chunk;
using voki::llm::detail::SseEvent;
using voki::llm::detail::SseParser;

struct Seen {
  std::string type, data, error;
  bool has_data, has_error;
  bool operator==(const Seen&) const = default;
};

struct Outcome {
  std::vector<Seen> events;
  bool too_long = false;
  bool operator==(const Outcome&) const = default;
};

// Feeds `stream` in pieces of the given sizes (cycled; 0 means the rest at once).
Outcome run(std::string_view stream, const std::vector<std::size_t>& sizes) {
  SseParser parser(256);  // small, so that the line limit is reached too
  Outcome out;
  auto keep = [&](const SseEvent& e) {
    out.events.push_back({std::string(e.type), std::string(e.data), std::string(e.error), e.has_data, e.has_error});
    return true;
  };
  std::size_t pos = 0, turn = 0;
  while (pos < stream.size()) {
    const std::size_t size = sizes.empty() || sizes[turn % sizes.size()] == 0 ? stream.size() - pos : sizes[turn % sizes.size()];
    ++turn;
    const std::string_view piece = stream.substr(pos, size);
    pos += piece.size();
    if (parser.feed(piece, keep) == SseParser::Status::line_too_long) {
      out.too_long = true;
      return out;
    }
  }
  parser.finish(keep);
  return out;
}

void check_chunk(std::string_view text) {
  CompletionChunk chunk;
  const bool ok = parse_completion_chunk(text, chunk);
  // nlohmann ends its input at a NUL byte outside a string; the reader refuses such input.
  if (text.find('\0') != std::string_view::npos) {
    if (ok && !nlohmann::json::accept(text.substr(0, text.find('\0')))) std::abort();
    return;
  }
  if (ok != nlohmann::json::accept(text)) std::abort();  // inputs are short: within both depth limits
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses how the rest is split: piece sizes 1..8 in a repeating pattern.
  const unsigned pattern = data[0];
  const std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<std::size_t> pieces = {1 + (pattern & 7u), 1 + ((pattern >> 3) & 7u), (pattern >> 6) == 0 ? 0 : 1 + (pattern >> 6)};

  const Outcome whole = run(stream, {});
  const Outcome split = run(stream, pieces);
  if (!(whole == split)) std::abort();

  check_chunk(stream);
  for (const auto& event : whole.events)
    if (event.has_data) check_chunk(event.data);
  return 0;
}
