#include <cstring>

#include "http/internal.h"

namespace voki::http::detail {

std::string_view sse_chunk(std::string& buffer, std::string_view event, std::string_view data) {
  // Room for the size line in front: at most 8 hex digits (a chunk below 4 GiB) and CRLF. The
  // frame is built behind it and the size written right-aligned once it is known.
  constexpr std::size_t kHead = 10;
  buffer.resize(kHead);
  buffer += "event: ";
  buffer += event;
  buffer += '\n';
  std::size_t start = 0;
  while (true) {
    // Not find_first_of("\r\n"): that calls memchr once per byte, on every event.
    auto nl = start;
    while (nl < data.size() && data[nl] != '\n' && data[nl] != '\r') ++nl;
    if (nl == data.size()) nl = std::string_view::npos;
    buffer += "data: ";
    buffer.append(data.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    buffer += '\n';
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    if (data[nl] == '\r' && start < data.size() && data[start] == '\n') ++start;
  }
  buffer += '\n';
  std::size_t size = buffer.size() - kHead;
  char digits[8];
  std::size_t count = 0;
  do {
    digits[7 - count++] = "0123456789abcdef"[size & 15];
    size >>= 4;
  } while (size != 0 && count < 8);
  const std::size_t begin = kHead - 2 - count;
  std::memcpy(buffer.data() + begin, digits + 8 - count, count);
  buffer[kHead - 2] = '\r';
  buffer[kHead - 1] = '\n';
  buffer += "\r\n";
  return std::string_view(buffer).substr(begin);
}

}  // namespace voki::http::detail
