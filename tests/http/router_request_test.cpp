// Router, Request helpers and the JSON error shape.
#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "http/http.h"

namespace voki::http {
namespace {

using nlohmann::json;

// A handler that answers with its own name, so a match can be told apart.
Handler named(std::string name) {
  return [name](Request&) -> Task<Response> { co_return Response::json(200, name); };
}

// Runs a matched handler to completion and returns the body it produced.
std::string run(const Handler& handler, Request& request) {
  asio::io_context io;
  std::string body;
  asio::co_spawn(io, handler(request), [&](std::exception_ptr e, Response r) {
    if (e) std::rethrow_exception(e);
    body = r.body;
  });
  io.run();
  return body;
}

Router sample_router() {
  Router router;
  router.add("GET", "/api/bots", named("list bots"));
  router.add("POST", "/api/bots", named("create bot"));
  router.add("GET", "/api/bots/{}", named("one bot"));
  router.add("POST", "/api/conversations/{}/messages", named("post message"));
  router.add("DELETE", "/api/conversations/{}", named("delete conversation"));
  router.add("GET", "/api/classes/{}/members/{}", named("member"));
  return router;
}

struct Matched {
  std::string handler;  // "" when none
  bool path_known;
  std::vector<std::string> params;
};

Matched match(const Router& router, const std::string& method, const std::string& path) {
  std::vector<std::string> params;
  auto m = router.match(method, path, params);
  Matched out{"", m.path_known, params};
  if (m.handler) {
    Request req;
    out.handler = run(*m.handler, req);
  }
  return out;
}

TEST(Router, PicksTheRouteByMethodAndPath) {
  auto router = sample_router();
  EXPECT_EQ(match(router, "GET", "/api/bots").handler, "list bots");
  EXPECT_EQ(match(router, "POST", "/api/bots").handler, "create bot");
  EXPECT_EQ(match(router, "DELETE", "/api/conversations/c1").handler, "delete conversation");
}

TEST(Router, CapturesParameterSegmentsInOrder) {
  auto router = sample_router();
  auto m = match(router, "GET", "/api/bots/doctor-visit");
  EXPECT_EQ(m.handler, "one bot");
  EXPECT_EQ(m.params, std::vector<std::string>{"doctor-visit"});
  m = match(router, "POST", "/api/conversations/abc123/messages");
  EXPECT_EQ(m.handler, "post message");
  EXPECT_EQ(m.params, std::vector<std::string>{"abc123"});
  m = match(router, "GET", "/api/classes/k7/members/p9");
  EXPECT_EQ(m.handler, "member");
  EXPECT_EQ(m.params, (std::vector<std::string>{"k7", "p9"}));
}

TEST(Router, ParameterNeedsASegment) {
  auto router = sample_router();
  // "/api/bots/" has no id segment: it is the list route, never "one bot" with an empty id.
  EXPECT_NE(match(router, "GET", "/api/bots/").handler, "one bot");
  EXPECT_EQ(match(router, "POST", "/api/conversations/messages").handler, "");
}

TEST(Router, KnownPathWithOtherMethodIsPathKnown) {
  auto router = sample_router();
  auto m = match(router, "PUT", "/api/bots");
  EXPECT_EQ(m.handler, "");
  EXPECT_TRUE(m.path_known);  // the server answers 405
  m = match(router, "GET", "/api/conversations/c1/messages");
  EXPECT_EQ(m.handler, "");
  EXPECT_TRUE(m.path_known);
  // Methods are compared as sent (the server passes Beast's upper-case method string).
  m = match(router, "get", "/api/bots");
  EXPECT_EQ(m.handler, "");
  EXPECT_TRUE(m.path_known);
}

TEST(Router, UnknownPathIsNotPathKnown) {
  auto router = sample_router();
  for (const char* path : {"/api/nothing", "/api/bots/a/b", "/api", "/", "/api/classes/k7/members",
                           "/api/botsx", "/API/bots"}) {
    auto m = match(router, "GET", path);
    EXPECT_EQ(m.handler, "") << path;
    EXPECT_FALSE(m.path_known) << path;
  }
}

TEST(Router, HeadIsServedByGet) {
  auto router = sample_router();
  auto m = match(router, "HEAD", "/api/bots/x");
  EXPECT_EQ(m.handler, "one bot");
  EXPECT_EQ(m.params, std::vector<std::string>{"x"});
  // HEAD does not borrow other methods.
  m = match(router, "HEAD", "/api/conversations/c1");
  EXPECT_EQ(m.handler, "");
  EXPECT_TRUE(m.path_known);
}

TEST(Router, NoMatchLeavesParamsAlone) {
  auto router = sample_router();
  std::vector<std::string> params{"untouched"};
  router.match("GET", "/api/none/x", params);
  EXPECT_EQ(params, std::vector<std::string>{"untouched"});
}

TEST(Router, EmptyRouterMatchesNothing) {
  Router router;
  auto m = match(router, "GET", "/api/bots");
  EXPECT_EQ(m.handler, "");
  EXPECT_FALSE(m.path_known);
}

Request with_header(std::string name, std::string value) {
  Request r;
  r.headers.emplace_back(std::move(name), std::move(value));
  return r;
}

TEST(RequestHeader, FindsByLowerCaseNameAndMissingIsEmpty) {
  Request r;
  r.headers = {{"content-type", "application/json"}, {"x-one", "1"}, {"x-one", "2"}};
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("x-one"), "1");  // first wins
  EXPECT_EQ(r.header("x-missing"), "");
  EXPECT_EQ(r.header("Content-Type"), "");  // callers pass lower case, as documented
}

TEST(RequestCookie, FindsEachCookie) {
  auto r = with_header("cookie", "theme=dark; voki_session=abc123; lang=nb");
  EXPECT_EQ(r.cookie("theme"), "dark");
  EXPECT_EQ(r.cookie("voki_session"), "abc123");
  EXPECT_EQ(r.cookie("lang"), "nb");
}

TEST(RequestCookie, SpacesAroundPartsAreIgnored) {
  auto r = with_header("cookie", "  a=1 ;   b=2  ;c=3");
  EXPECT_EQ(r.cookie("a"), "1");
  EXPECT_EQ(r.cookie("b"), "2");
  EXPECT_EQ(r.cookie("c"), "3");
}

TEST(RequestCookie, MissingCookiesAndPrefixesAreEmpty) {
  EXPECT_EQ(Request{}.cookie("voki_session"), "");
  auto r = with_header("cookie", "voki_session_old=zzz; xvoki_session=yyy; voki=1");
  EXPECT_EQ(r.cookie("voki_session"), "");
  EXPECT_EQ(r.cookie("voki"), "1");
  EXPECT_EQ(r.cookie(""), "");
  EXPECT_EQ(with_header("cookie", "").cookie("a"), "");
  EXPECT_EQ(with_header("cookie", ";;;").cookie("a"), "");
  EXPECT_EQ(with_header("cookie", "novalue; a=1").cookie("novalue"), "");
}

TEST(RequestCookie, ValueKeepsEqualsSignsAndEmptyValues) {
  auto r = with_header("cookie", "t=YWJj==; e=; n=x");
  EXPECT_EQ(r.cookie("t"), "YWJj==");
  EXPECT_EQ(r.cookie("e"), "");
  EXPECT_EQ(r.cookie("n"), "x");
}

TEST(RequestCookie, NamesAreCaseSensitive) {
  auto r = with_header("cookie", "Session=a; session=b");
  EXPECT_EQ(r.cookie("session"), "b");
  EXPECT_EQ(r.cookie("Session"), "a");
}

Request with_query(std::string query) {
  Request r;
  r.query = std::move(query);
  return r;
}

TEST(RequestQuery, FindsParameters) {
  auto r = with_query("lang=nb&level=A2&limit=10");
  EXPECT_EQ(r.query_param("lang"), "nb");
  EXPECT_EQ(r.query_param("level"), "A2");
  EXPECT_EQ(r.query_param("limit"), "10");
  EXPECT_EQ(r.query_param("missing"), "");
  EXPECT_EQ(with_query("").query_param("lang"), "");
}

TEST(RequestQuery, PercentDecodesValues) {
  auto r = with_query("q=hei%20p%C3%A5%20deg&s=%2F%3F%26%3D&u=%c3%a6");
  EXPECT_EQ(r.query_param("q"), "hei på deg");
  EXPECT_EQ(r.query_param("s"), "/?&=");
  EXPECT_EQ(r.query_param("u"), "æ");
}

TEST(RequestQuery, BadPercentEncodingGivesEmpty) {
  auto r = with_query("a=%zz&b=%4&c=abc%&d=%00&e=ok");
  EXPECT_EQ(r.query_param("a"), "");
  EXPECT_EQ(r.query_param("b"), "");
  EXPECT_EQ(r.query_param("c"), "");
  EXPECT_EQ(r.query_param("d"), "");  // NUL is refused
  EXPECT_EQ(r.query_param("e"), "ok");
}

TEST(RequestQuery, EdgeCases) {
  auto r = with_query("flag&x=1&x=2&empty=&xname=no&=anon");
  EXPECT_EQ(r.query_param("flag"), "");
  EXPECT_EQ(r.query_param("x"), "1");  // first wins
  EXPECT_EQ(r.query_param("empty"), "");
  EXPECT_EQ(r.query_param("name"), "");
  EXPECT_EQ(r.query_param("xname"), "no");
  EXPECT_EQ(with_query("a=1&&b=2").query_param("b"), "2");
  EXPECT_EQ(with_query("a=1&").query_param("a"), "1");
  EXPECT_EQ(with_query("a=x=y").query_param("a"), "x=y");
}

TEST(ResponseError, JsonShape) {
  auto r = Response::error(404, "not_found", "No such API endpoint.");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_FALSE(r.stream);
  auto body = json::parse(r.body);
  EXPECT_EQ(body, json({{"error", {{"code", "not_found"}, {"message", "No such API endpoint."}}}}));
}

TEST(ResponseError, EscapesQuotesBackslashesAndControlCharacters) {
  const std::string message = "say \"hi\" \\ then\nnext\ttab\r\x01\x1f end";
  auto r = Response::error(400, "code\"with\\quote", message);
  auto body = json::parse(r.body);
  EXPECT_EQ(body["error"]["code"], "code\"with\\quote");
  EXPECT_EQ(body["error"]["message"], message);
  for (char c : r.body) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "raw control character in body";
}

TEST(ResponseError, NoMarkupCanCloseAScriptTag) {
  const std::string message = "</script><script>alert(1)</script> <!-- &";
  auto r = Response::error(400, "bad_request", message);
  EXPECT_EQ(r.body.find('<'), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find('>'), std::string::npos) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"]["message"], message);
}

TEST(ResponseError, NonAsciiTextIsKept) {
  const std::string message = "Vi fant ikke dette. لم نجد هذا. ትግርኛ";
  EXPECT_EQ(json::parse(Response::error(404, "not_found", message).body)["error"]["message"], message);
  EXPECT_EQ(json::parse(Response::error(400, "", "").body), json({{"error", {{"code", ""}, {"message", ""}}}}));
}

// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST(ResponseError, InvalidUtf8StillGivesValidJson) {
  // A message built from learner input or a library error may not be UTF-8; the body must still
  // be JSON a client can parse.
  auto r = Response::error(400, "bad_request", std::string("bad \xff\xfe byte \xc3"));
  EXPECT_TRUE(json::accept(r.body)) << r.body;
}

TEST(ResponseOther, JsonNoContentAndEventStream) {
  auto j = Response::json(201, "{\"id\":1}");
  EXPECT_EQ(j.status, 201);
  EXPECT_EQ(j.content_type, "application/json");
  EXPECT_EQ(j.body, "{\"id\":1}");
  auto n = Response::no_content();
  EXPECT_EQ(n.status, 204);
  EXPECT_TRUE(n.content_type.empty());
  EXPECT_TRUE(n.body.empty());
  auto s = Response::event_stream([](EventStream&) -> Task<void> { co_return; });
  EXPECT_EQ(s.status, 200);
  EXPECT_EQ(s.content_type.rfind("text/event-stream", 0), 0u);
  EXPECT_TRUE(static_cast<bool>(s.stream));
}

}  // namespace
}  // namespace voki::http
