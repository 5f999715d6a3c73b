// serve_static: the web app's files from a temporary folder.
#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "http/http.h"

namespace voki::http {
namespace {

namespace fs = std::filesystem;

std::string header_of(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return {};
}

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            (std::string("voki_static_test_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "assets");
    fs::create_directories(root_ / "help");
    fs::create_directories(root_ / ".git");
    write("index.html", "<!doctype html><title>Voki</title>");
    write("assets/index-3f9a1c.js", "console.log('voki')");
    write("assets/index-3f9a1c.css", "body{}");
    write("logo.svg", "<svg/>");
    write("icon.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
    write("font.woff2", "wOF2");
    write("site.webmanifest", "{}");
    write("data.bin", "raw");
    write("help/index.html", "<p>help</p>");
    write(".env", "SECRET=generated-test-value");
    write(".git/config", "[core]");
    write("assets/.hidden.js", "hidden");
    // A file beside the web root that traversal must not reach.
    std::ofstream(root_.string() + "-secret.txt") << "outside";
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove(root_.string() + "-secret.txt");
  }

  void write(const std::string& rel, const std::string& content) {
    std::ofstream(root_ / rel, std::ios::binary) << content;
  }

  Response get(const std::string& path, const std::string& if_none_match = "") {
    Request r;
    r.method = "GET";
    r.path = path;
    r.target = path;
    if (!if_none_match.empty()) r.headers.emplace_back("if-none-match", if_none_match);
    return serve_static(root_.string(), r);
  }

  fs::path root_;
};

TEST_F(StaticFiles, RootServesIndexHtml) {
  auto r = get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>Voki</title>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header_of(r, "Cache-Control"), "no-cache");  // always revalidated: it names the assets
  EXPECT_EQ(get("/index.html").body, r.body);
}

TEST_F(StaticFiles, ContentTypes) {
  const std::pair<const char*, const char*> cases[] = {
      {"/assets/index-3f9a1c.js", "text/javascript; charset=utf-8"},
      {"/assets/index-3f9a1c.css", "text/css; charset=utf-8"},
      {"/logo.svg", "image/svg+xml"},
      {"/icon.png", "image/png"},
      {"/font.woff2", "font/woff2"},
      {"/site.webmanifest", "application/manifest+json"},
      {"/data.bin", "application/octet-stream"},
  };
  for (const auto& [path, type] : cases) {
    auto r = get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.content_type, type) << path;
  }
}

TEST_F(StaticFiles, BinaryContentIsExact) {
  EXPECT_EQ(get("/icon.png").body, std::string("\x89PNG\r\n\x1a\n\0\0", 10));
}

TEST_F(StaticFiles, HashedAssetsAreImmutableOtherFilesRevalidate) {
  EXPECT_EQ(header_of(get("/assets/index-3f9a1c.js"), "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header_of(get("/logo.svg"), "Cache-Control"), "no-cache");
  EXPECT_EQ(header_of(get("/"), "Cache-Control"), "no-cache");
}

TEST_F(StaticFiles, CspOnHtmlOnly) {
  const auto csp = header_of(get("/"), "Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
  EXPECT_NE(header_of(get("/help/index.html"), "Content-Security-Policy"), "");
  EXPECT_EQ(header_of(get("/assets/index-3f9a1c.js"), "Content-Security-Policy"), "");
  EXPECT_EQ(header_of(get("/logo.svg"), "Content-Security-Policy"), "");
}

TEST_F(StaticFiles, EtagAndIfNoneMatch) {
  auto first = get("/assets/index-3f9a1c.js");
  const auto etag = header_of(first, "ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_EQ(header_of(get("/assets/index-3f9a1c.js"), "ETag"), etag);  // stable
  EXPECT_NE(header_of(get("/logo.svg"), "ETag"), etag);

  auto cached = get("/assets/index-3f9a1c.js", etag);
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());
  EXPECT_EQ(header_of(cached, "ETag"), etag);
  EXPECT_EQ(header_of(cached, "Cache-Control"), "public, max-age=31536000, immutable");

  auto stale = get("/assets/index-3f9a1c.js", "\"0-0\"");
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.body, "console.log('voki')");
}

TEST_F(StaticFiles, EtagChangesWhenTheFileChanges) {
  const auto before = header_of(get("/logo.svg"), "ETag");
  write("logo.svg", "<svg viewBox='0 0 1 1'/>");
  auto after = get("/logo.svg", before);
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(header_of(after, "ETag"), before);
  EXPECT_EQ(after.body, "<svg viewBox='0 0 1 1'/>");
}

TEST_F(StaticFiles, FolderServesItsIndex) {
  auto r = get("/help");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<p>help</p>");
  EXPECT_EQ(get("/help/").body, "<p>help</p>");
}

TEST_F(StaticFiles, SpaFallbackForPagePathsWithoutExtension) {
  for (const char* path : {"/chat/abc123", "/join", "/settings/language", "/assets"}) {
    auto r = get(path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, "<!doctype html><title>Voki</title>") << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << path;
    EXPECT_NE(header_of(r, "Content-Security-Policy"), "") << path;
  }
}

TEST_F(StaticFiles, MissingFilesWithExtensionAre404) {
  for (const char* path : {"/missing.js", "/assets/index-000000.js", "/favicon.ico", "/chat/a.b"}) {
    auto r = get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.content_type, "application/json") << path;
    EXPECT_NE(r.body.find("\"not_found\""), std::string::npos) << path;
  }
}

// index.html served in place of a missing file under assets/ must not be cached for a year: the
// next deployment changes index.html, and the browser would keep the old page at that URL.
// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST_F(StaticFiles, SpaFallbackIsNeverCachedAsImmutable) {
  auto r = get("/assets/some-page");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<!doctype html><title>Voki</title>");
  EXPECT_EQ(header_of(r, "Cache-Control"), "no-cache");
}

TEST_F(StaticFiles, TraversalAndHiddenFilesAreRefused) {
  const std::string outside = "/../" + root_.filename().string() + "-secret.txt";
  for (const std::string& path :
       {outside, std::string("/assets/../../") + root_.filename().string() + "-secret.txt", std::string("/.."),
        std::string("/../"), std::string("/.env"), std::string("/.git/config"), std::string("/.git"),
        std::string("/assets/.hidden.js"), std::string("/assets/..\\..\\x.txt"), std::string("/./index.html")}) {
    auto r = get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("outside"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("[core]"), std::string::npos) << path;
  }
}

TEST_F(StaticFiles, AbsoluteLookingPathsStayInsideTheRoot) {
  auto r = get("//etc/hostname");
  EXPECT_EQ(r.status, 200);  // a page path inside the root: the app's index
  EXPECT_EQ(r.body, "<!doctype html><title>Voki</title>");
  EXPECT_EQ(get("//etc/passwd.txt").status, 404);
}

TEST_F(StaticFiles, NoIndexHtmlMeans404) {
  fs::remove(root_ / "index.html");
  EXPECT_EQ(get("/").status, 404);
  EXPECT_EQ(get("/chat/abc").status, 404);
  EXPECT_EQ(get("/logo.svg").status, 200);
}

TEST_F(StaticFiles, MissingRootMeans404) {
  Request r;
  r.method = "GET";
  r.path = "/";
  EXPECT_EQ(serve_static((root_ / "nope").string(), r).status, 404);
}

}  // namespace
}  // namespace voki::http
