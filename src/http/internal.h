// Parts of the http component shared by its sources and its unit tests; not for other components
// (they include http/http.h only).
#pragma once
#include <string>
#include <string_view>

namespace voki::http::detail {

// One server-sent event framed as one HTTP/1.1 chunk: "<size in hex>\r\n", "event: <event>\n", a
// "data: " line for every line of `data` (CR, LF and CRLF all end a line in SSE, so each starts a
// new data field and none can smuggle in another field), a blank line, "\r\n". Built in `buffer`,
// which is reused (no allocation once it has grown); returns the bytes to write, which point into
// `buffer`.
std::string_view sse_chunk(std::string& buffer, std::string_view event, std::string_view data);

}  // namespace voki::http::detail
