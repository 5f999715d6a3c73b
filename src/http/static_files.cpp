#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/http.h"

namespace voki::http {

namespace fs = std::filesystem;

namespace {

std::string_view content_type_for(const fs::path& path) {
  static const std::pair<std::string_view, std::string_view> types[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".webp", "image/webp"},
      {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
      {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}, {".map", "application/json"},
      {".wav", "audio/wav"}, {".mp3", "audio/mpeg"}, {".ogg", "audio/ogg"},
  };
  const std::string ext = path.extension().string();
  for (const auto& [e, type] : types)
    if (ext == e) return type;
  return "application/octet-stream";
}

bool has_extension(std::string_view path) {
  auto slash = path.rfind('/');
  auto last = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  return last.find('.') != std::string_view::npos;
}

// Path segments must be plain names: no "..", no hidden files, no backslashes.
bool safe_relative(std::string_view path) {
  std::size_t start = 0;
  while (start < path.size()) {
    auto slash = path.find('/', start);
    auto seg = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!seg.empty() && (seg[0] == '.' || seg.find('\\') != std::string_view::npos)) return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

}  // namespace

Response serve_static(const std::string& web_root, const Request& request) {
  std::string_view rel = request.path;
  while (!rel.empty() && rel.front() == '/') rel.remove_prefix(1);
  if (!safe_relative(rel)) return Response::error(404, "not_found", "Not found.");

  fs::path root(web_root);
  fs::path file = rel.empty() ? root / "index.html" : root / fs::path(std::string(rel));
  std::error_code ec;
  bool fallback = false;
  if (fs::is_directory(file, ec)) file /= "index.html";
  if (!fs::is_regular_file(file, ec)) {
    // The browser app routes on the client: unknown page paths get index.html.
    if (has_extension(rel)) return Response::error(404, "not_found", "Not found.");
    file = root / "index.html";
    fallback = true;
    if (!fs::is_regular_file(file, ec)) return Response::error(404, "not_found", "Not found.");
  }

  const auto size = fs::file_size(file, ec);
  const auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";

  Response res;
  res.status = 200;
  res.content_type = std::string(content_type_for(file));
  res.headers.emplace_back("ETag", etag);
  // Vite puts content-hashed files under assets/: they never change, so cache them for a year.
  // Only for a file really served from there: the index.html fallback must never be cached.
  const bool immutable = !fallback && rel.rfind("assets/", 0) == 0;
  res.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (file.extension() == ".html") {
    res.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  }
  if (request.header("if-none-match") == etag) {
    res.status = 304;
    res.content_type.clear();
    return res;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Response::error(404, "not_found", "Not found.");
  std::ostringstream data;
  data << in.rdbuf();
  res.body = std::move(data).str();
  return res;
}

}  // namespace voki::http
