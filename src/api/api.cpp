#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include "api/api.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <unordered_map>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unicode/utf8.h>

#include "bots/bots.h"
#include "config/config.h"
#include "feedback/feedback.h"
#include "http/http.h"
#include "i18n/i18n.h"
#include "llm/chat_backend.h"
#include "llm/prompt.h"
#include "store/database.h"

namespace voki::api {

using json = nlohmann::json;
using http::Request;
using http::Response;

namespace {

constexpr std::string_view kCookie = "voki_session";
constexpr int kPromptHistory = 40;       // messages considered for a language model's prompt
constexpr int kDialogueHistory = 400;    // guided dialogues replay the whole conversation
constexpr int kMaxJoinFailures = 20;     // per address and window, against guessing codes
constexpr auto kJoinWindow = std::chrono::minutes(10);

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

std::string new_session_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

// Sessions are stored by hash, so a copy of the database does not hand out live sessions.
std::string token_hash(std::string_view token) {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return to_hex(hash, sizeof hash);
}

// Checks UTF-8 (ICU's decoder) and counts characters; false on invalid bytes.
bool utf8_length(std::string_view text, std::size_t& chars) {
  chars = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
    ++chars;
  }
  return true;
}

// Drops control characters other than newline and tab; trims surrounding white space.
std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\t') continue;
    if (c == 0x7f) continue;
    out += ch;
  }
  auto first = out.find_first_not_of(" \t\n\r");
  if (first == std::string::npos) return {};
  auto last = out.find_last_not_of(" \t\n\r");
  return out.substr(first, last - first + 1);
}

llm::Quick parse_quick(std::string_view q) {
  if (q == "simpler") return llm::Quick::simpler;
  if (q == "more") return llm::Quick::more;
  if (q == "my_language") return llm::Quick::my_language;
  return llm::Quick::none;
}

bool valid_level(std::string_view level) {
  return level == "A1" || level == "A2" || level == "B1" || level == "B2";
}

json participant_json(const store::Participant& p) {
  return {{"id", p.id},
          {"ui_language", p.ui_language},
          {"support_language", p.support_language},
          {"level", p.level}};
}

json message_json(const store::Message& m) {
  json feedback = json::array();
  if (!m.feedback_json.empty()) {
    feedback = json::parse(m.feedback_json, nullptr, false);
    if (feedback.is_discarded()) feedback = json::array();
  }
  return {{"id", m.id},
          {"role", m.role},
          {"text", m.text},
          {"quick", m.quick},
          {"status", m.status},
          {"created_at", m.created_at},
          {"feedback", std::move(feedback)}};
}

json conversation_summary(const store::Conversation& c) {
  return {{"id", c.id}, {"bot", c.bot_id}, {"created_at", c.created_at}, {"updated_at", c.updated_at}};
}

Response error(int status, std::string_view code, std::string_view lang) {
  return Response::error(status, code, i18n::message(code, lang));
}

// The participant behind the session cookie.
struct Caller {
  store::Participant participant;
};

}  // namespace

struct Api::Impl : std::enable_shared_from_this<Api::Impl> {
  Services services;
  std::unique_ptr<llm::ChatBackend> model;  // null when no language model is configured
  asio::thread_pool compute{1};             // feedback analysis runs here, off the I/O thread
  static constexpr int kComputeNice = 5;
  std::set<std::string> streaming;          // conversations with an answer under way (I/O thread only)
  std::size_t active = 0;
  // Small caches on the I/O thread (so no locks) that spare the database on every chat turn.
  // Sessions are re-read after kCacheTtl, so a session deleted by another server ends within it;
  // this server drops an entry at once on logout or settings change. A conversation's owner
  // never changes; deletion removes the entry.
  struct CachedSession {
    store::Participant participant;
    std::chrono::steady_clock::time_point cached_at;
  };
  std::unordered_map<std::string, CachedSession> session_cache;           // by token hash
  std::unordered_map<std::string, store::Conversation> conversation_cache;  // by id
  std::unordered_map<std::string, std::pair<std::string, std::chrono::steady_clock::time_point>> policy_cache;
  static constexpr auto kCacheTtl = std::chrono::seconds(60);
  static constexpr std::size_t kCacheMax = 50000;

  template <typename Map>
  static void cache_put(Map& map, const std::string& key, typename Map::mapped_type value) {
    if (map.size() >= kCacheMax) map.clear();  // bounded memory; entries are cheap to refill
    map.insert_or_assign(key, std::move(value));
  }

  std::optional<store::Participant> cached_participant(const std::string& hash) {
    auto it = session_cache.find(hash);
    if (it == session_cache.end()) return std::nullopt;
    if (std::chrono::steady_clock::now() - it->second.cached_at > kCacheTtl) {
      session_cache.erase(it);
      return std::nullopt;
    }
    return it->second.participant;
  }

  void remember_participant(const std::string& hash, const store::Participant& p) {
    cache_put(session_cache, hash, CachedSession{p, std::chrono::steady_clock::now()});
  }

  std::mutex join_mutex;
  std::unordered_map<std::string, std::pair<int, std::chrono::steady_clock::time_point>> join_failures;

  explicit Impl(Services s) : services(std::move(s)) {
    // The analysis is background work beside a streaming answer: when the CPU is short it yields
    // to the I/O thread, which relays every token of every open answer (Linux: per-thread nice).
    // SCHED_BATCH as well: a woken batch thread never preempts the running one, so starting an
    // analysis right before the model request cannot hold up that request or the first token
    // on a busy core; the thread still gets its (nice 5) share of the CPU.
    asio::post(compute, [] {
      pthread_setname_np(pthread_self(), "voki-feedback");  // for top, perf and /proc
      sched_param param{};
      pthread_setschedparam(pthread_self(), SCHED_BATCH, &param);
      setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kComputeNice);
    });
    const auto& llm_config = services.config.llm;
    if (!llm_config.url.empty()) {
      llm::OpenAiConfig c;
      c.base_url = llm_config.url;
      c.api_key = llm_config.api_key;
      c.model = llm_config.model;
      c.first_token_timeout = std::chrono::seconds(llm_config.timeout_seconds);
      c.verify_tls = llm_config.verify_tls;
      model = llm::make_openai_backend(services.executor, std::move(c));
    }
  }

  ~Impl() { compute.join(); }

  std::string request_language(const Request& req) {
    // Before a participant exists: the UI language the app sends, else Bokmål.
    std::string lang(req.header("x-voki-language"));
    return i18n::is_supported(lang) ? lang : "nb";
  }

  Task<std::optional<Caller>> authenticate(const Request& req) {
    std::string token = req.cookie(kCookie);
    if (token.size() != 64) co_return std::nullopt;
    auto hash = token_hash(token);
    if (auto cached = cached_participant(hash)) co_return Caller{std::move(*cached)};
    auto participant = co_await services.db.run([&](store::Store& s) -> std::optional<store::Participant> {
      auto id = s.session_participant(hash, store::now_ms());
      if (!id) return std::nullopt;
      return s.participant(*id);
    });
    if (!participant) co_return std::nullopt;
    remember_participant(hash, *participant);
    co_return Caller{std::move(*participant)};
  }

  std::optional<json> parse_body(const Request& req) {
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return std::nullopt;
    return body;
  }

  bool join_blocked(const std::string& address) {
    std::lock_guard lock(join_mutex);
    auto it = join_failures.find(address);
    if (it == join_failures.end()) return false;
    if (std::chrono::steady_clock::now() - it->second.second > kJoinWindow) {
      join_failures.erase(it);
      return false;
    }
    return it->second.first >= kMaxJoinFailures;
  }

  void join_failed(const std::string& address) {
    std::lock_guard lock(join_mutex);
    auto now = std::chrono::steady_clock::now();
    auto& entry = join_failures[address];
    if (entry.first == 0 || now - entry.second > kJoinWindow) entry = {0, now};
    ++entry.first;
    if (join_failures.size() > 100000) join_failures.clear();  // bounded memory under attack
  }

  // ---- handlers --------------------------------------------------------------------------

  Task<Response> join(Request& req) {
    const std::string lang = request_language(req);
    auto body = parse_body(req);
    if (!body || !(*body)["code"].is_string()) co_return error(400, "bad_request", lang);
    std::string code = (*body)["code"].get<std::string>();
    if (code.size() > 64) co_return error(404, "unknown_code", lang);
    // Phones drop the dash: "abcd efgh" and "ABCDEFGH" mean "ABCD-EFGH".
    std::erase_if(code, [](char c) { return c == ' '; });
    if (code.size() == 8 && code.find('-') == std::string::npos) code.insert(4, "-");
    if (join_blocked(req.remote_address))
      co_return error(429, "too_many_attempts", lang);

    std::string ui_language = lang;
    if ((*body)["ui_language"].is_string() && i18n::is_supported((*body)["ui_language"].get<std::string>()))
      ui_language = (*body)["ui_language"].get<std::string>();
    std::string existing_hash;
    if (auto token = req.cookie(kCookie); token.size() == 64) existing_hash = token_hash(token);
    const std::string new_token = new_session_token();
    const auto expires = store::now_ms() + std::int64_t(services.config.session_days) * 86400000;

    struct Joined {
      store::ClassGroup group;
      store::Organisation org;
      store::Participant participant;
      bool reused = false;
    };
    auto joined = co_await services.db.run([&](store::Store& s) -> std::optional<Joined> {
      auto group = s.class_by_code(code);
      if (!group) return std::nullopt;
      auto org = s.organisation(group->organisation_id);
      if (!org) return std::nullopt;
      // The same device joining the same class again keeps its participant and conversations.
      if (!existing_hash.empty()) {
        if (auto id = s.session_participant(existing_hash, store::now_ms())) {
          if (auto p = s.participant(*id); p && p->class_id == group->id)
            return Joined{*group, *org, *p, true};
        }
      }
      store::Participant p;
      p.organisation_id = group->organisation_id;
      p.class_id = group->id;
      p.ui_language = ui_language;
      // Someone who reads the app in their own language wants explanations in it too.
      if (ui_language != "nb" && ui_language != "nn") p.support_language = ui_language;
      p.level = group->level;
      p = s.create_participant(p);
      s.create_session(token_hash(new_token), p.id, expires);
      return Joined{*group, *org, p, false};
    });
    if (!joined) {
      join_failed(req.remote_address);
      co_return error(404, "unknown_code", lang);
    }
    json out = {{"participant", participant_json(joined->participant)},
                {"class", {{"id", joined->group.id}, {"name", joined->group.name}, {"level", joined->group.level}}},
                {"organisation", {{"id", joined->org.id}, {"name", joined->org.name}}}};
    auto res = Response::json(200, out.dump());
    if (!joined->reused) {
      std::string cookie = std::string(kCookie) + "=" + new_token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                           std::to_string(services.config.session_days * 86400);
      if (services.config.secure_cookies) cookie += "; Secure";
      res.headers.emplace_back("Set-Cookie", cookie);
    }
    co_return res;
  }

  Task<Response> me(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    auto p = caller->participant;
    auto info = co_await services.db.run([&](store::Store& s) {
      return std::make_pair(s.class_by_id(p.class_id), s.organisation(p.organisation_id));
    });
    json out = {{"participant", participant_json(p)}};
    if (info.first)
      out["class"] = {{"id", info.first->id}, {"name", info.first->name}, {"level", info.first->level}};
    if (info.second) out["organisation"] = {{"id", info.second->id}, {"name", info.second->name}};
    co_return Response::json(200, out.dump());
  }

  Task<Response> update_me(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    auto p = caller->participant;
    auto body = parse_body(req);
    if (!body) co_return error(400, "bad_request", p.ui_language);
    for (auto& [key, value] : body->items()) {
      if (!value.is_string()) co_return error(400, "bad_request", p.ui_language);
      const auto v = value.get<std::string>();
      if (key == "ui_language" && i18n::is_supported(v)) {
        p.ui_language = v;
      } else if (key == "support_language" && (v.empty() || i18n::is_supported(v))) {
        p.support_language = v;
      } else if (key == "level" && valid_level(v)) {
        p.level = v;
      } else {
        co_return Response::error(400, "bad_request", "Unknown setting or value: " + key);
      }
    }
    co_await services.db.run([&](store::Store& s) { s.update_participant(p); });
    for (auto& [hash, entry] : session_cache)  // every device of this participant sees the change
      if (entry.participant.id == p.id) entry.participant = p;
    co_return Response::json(200, participant_json(p).dump());
  }

  Task<Response> logout(Request& req) {
    std::string token = req.cookie(kCookie);
    if (token.size() == 64) {
      auto hash = token_hash(token);
      session_cache.erase(hash);
      co_await services.db.run([&](store::Store& s) { s.delete_session(hash); });
    }
    auto res = Response::no_content();
    res.headers.emplace_back("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    co_return res;
  }

  Task<Response> languages(Request&) {
    json out = json::array();
    for (const auto& l : i18n::languages())
      out.push_back({{"code", l.code},
                     {"name", l.native_name},
                     {"english_name", l.english_name},
                     {"dir", l.rtl ? "rtl" : "ltr"},
                     {"support", l.full_support ? "full" : "partial"}});
    co_return Response::json(200, out.dump());
  }

  Task<Response> list_bots(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    const auto& p = caller->participant;
    json out = json::array();
    for (const bots::Bot* bot : services.bots.for_organisation(p.organisation_id)) {
      if (bot->audience != "participant") continue;
      out.push_back({{"id", bot->id},
                     {"name", bot->name(p.ui_language)},
                     {"purpose", bot->purpose(p.ui_language)},
                     {"avatar", bot->avatar},
                     {"level_min", bot->level_min},
                     {"level_max", bot->level_max},
                     {"starters", bot->starters},
                     {"mode", bot->mode == bots::Mode::dialogue ? "dialogue" : "llm"},
                     {"available", bot_available(*bot)}});
    }
    co_return Response::json(200, out.dump());
  }

  bool bot_available(const bots::Bot& bot) const {
    return bot.mode == bots::Mode::dialogue ? bot.script.has_value() : (model || bot.script.has_value());
  }

  Task<Response> create_conversation(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    const auto p = caller->participant;
    auto body = parse_body(req);
    if (!body || !(*body)["bot"].is_string()) co_return error(400, "bad_request", p.ui_language);
    const std::string bot_id = (*body)["bot"].get<std::string>();
    const bots::Bot* bot = services.bots.find(p.organisation_id, bot_id);
    if (!bot || bot->audience != "participant")
      co_return Response::error(404, "unknown_bot", i18n::message("not_found", p.ui_language));
    auto conv = co_await services.db.run([&](store::Store& s) {
      return s.create_conversation(p.id, p.organisation_id, bot_id);
    });
    co_return Response::json(201, json{{"id", conv.id}, {"bot", conv.bot_id}}.dump());
  }

  Task<Response> list_conversations(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    const auto id = caller->participant.id;
    auto list = co_await services.db.run([&](store::Store& s) { return s.conversations_of(id); });
    json out = json::array();
    for (const auto& c : list) out.push_back(conversation_summary(c));
    co_return Response::json(200, out.dump());
  }

  // The conversation if it belongs to the caller; a stranger's looks like a missing one (404).
  Task<std::optional<store::Conversation>> owned_conversation(const Caller& caller, const std::string& id) {
    if (id.size() > 64) co_return std::nullopt;
    std::optional<store::Conversation> conv;
    if (auto it = conversation_cache.find(id); it != conversation_cache.end()) {
      conv = it->second;
    } else {
      conv = co_await services.db.run([&](store::Store& s) { return s.conversation(id); });
      if (conv) cache_put(conversation_cache, id, *conv);
    }
    if (!conv || conv->participant_id != caller.participant.id) co_return std::nullopt;
    co_return conv;
  }

  Task<Response> get_conversation(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    auto conv = co_await owned_conversation(*caller, req.params.at(0));
    if (!conv) co_return error(404, "not_found", caller->participant.ui_language);
    const auto id = conv->id;
    auto messages = co_await services.db.run([&](store::Store& s) { return s.messages(id, kDialogueHistory); });
    json out = conversation_summary(*conv);
    out["messages"] = json::array();
    for (const auto& m : messages) out["messages"].push_back(message_json(m));
    co_return Response::json(200, out.dump());
  }

  Task<Response> delete_conversation(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    auto conv = co_await owned_conversation(*caller, req.params.at(0));
    if (!conv) co_return error(404, "not_found", caller->participant.ui_language);
    if (streaming.count(conv->id)) co_return error(409, "busy", caller->participant.ui_language);
    BusyMark deleting(shared_from_this(), conv->id);  // a message arriving now gets 409
    const auto id = conv->id;
    conversation_cache.erase(id);
    co_await services.db.run([&](store::Store& s) { s.delete_conversation(id); });
    co_return Response::no_content();
  }

  Task<std::vector<feedback::Finding>> analyse(std::string text, std::string language) {
    const feedback::Engine* engine = services.feedback;
    feedback::Options options;
    options.language = std::move(language);
    // Captures by reference: this coroutine stays suspended until the work is done (and g++ 12
    // mishandles by-value captures of lambdas created inside co_await).
    co_return co_await asio::co_spawn(
        compute, [&]() -> Task<std::vector<feedback::Finding>> { co_return engine->check(text, options); },
        asio::use_awaitable);
  }

  struct PendingFeedback {
    explicit PendingFeedback(asio::any_io_executor ex) : wake(std::move(ex)) {}
    bool ready = false;
    bool sent = false;
    std::vector<feedback::Finding> findings;
    asio::steady_timer wake;  // cancelled when the findings are ready
  };
  std::size_t feedback_in_flight = 0;  // I/O thread only
  static constexpr std::size_t kMaxFeedbackInFlight = 64;

  // Starts the analysis of a learner message on the compute pool; the findings are stored with
  // the message when ready, whether or not the learner is still connected. Returns null when
  // there is nothing to analyse, or when the analysis queue is full (feedback is skipped rather
  // than letting work pile up under load).
  std::shared_ptr<PendingFeedback> start_feedback(const store::Message& message, llm::Quick quick,
                                                  const std::string& language) {
    if (!services.feedback || quick != llm::Quick::none) return nullptr;
    if (feedback_in_flight >= kMaxFeedbackInFlight) {
      spdlog::warn("feedback skipped for one message: {} analyses already queued", feedback_in_flight);
      return nullptr;
    }
    ++feedback_in_flight;
    auto pending = std::make_shared<PendingFeedback>(services.executor);
    const feedback::Engine* engine = services.feedback;
    feedback::Options options;
    options.language = language;
    auto self = shared_from_this();
    asio::co_spawn(
        compute,
        [engine, text = message.text, options]() -> Task<std::vector<feedback::Finding>> {
          co_return engine->check(text, options);
        },
        asio::bind_executor(services.executor, [self, pending, id = message.id](std::exception_ptr error,
                                                                                std::vector<feedback::Finding> found) {
          --self->feedback_in_flight;
          if (error) {
            try {
              std::rethrow_exception(error);
            } catch (const std::exception& e) {
              spdlog::warn("feedback failed: {}", e.what());
            }
          } else {
            // A chat turn is not a finished text: a missing full stop is no error there.
            std::erase_if(found, [](const feedback::Finding& f) { return f.rule == "final-punctuation"; });
            pending->findings = std::move(found);
          }
          pending->ready = true;
          pending->wake.cancel();
          if (pending->findings.empty()) return;
          auto stored = feedback::findings_to_json(pending->findings);
          asio::co_spawn(
              self->services.executor,
              [self, id, stored]() -> Task<void> {
                store::MessageWrite write;
                write.kind = store::MessageWrite::Kind::set_feedback;
                write.message.id = id;
                write.message.feedback_json = stored;
                co_await self->services.db.write_soon(std::move(write));
              },
              asio::detached);
        }));
    return pending;
  }

  Task<Response> check_text(Request& req) {
    auto caller = co_await authenticate(req);
    if (!caller) co_return error(401, "unauthenticated", request_language(req));
    const auto& p = caller->participant;
    auto body = parse_body(req);
    if (!body || !(*body)["text"].is_string()) co_return error(400, "bad_request", p.ui_language);
    std::string text = (*body)["text"].get<std::string>();
    std::size_t chars = 0;
    if (!utf8_length(text, chars)) co_return error(400, "bad_request", p.ui_language);
    if (chars > feedback::kMaxTextChars) co_return error(413, "too_long", p.ui_language);
    std::string language = p.support_language.empty() ? p.ui_language : p.support_language;
    if ((*body)["language"].is_string() && i18n::is_supported((*body)["language"].get<std::string>()))
      language = (*body)["language"].get<std::string>();
    if (!services.feedback)
      co_return Response::error(503, "feedback_unavailable", "The feedback engine is not enabled.");
    auto findings = co_await analyse(text, language);
    co_return Response::json(200, "{\"findings\":" + feedback::findings_to_json(findings) + "}");
  }

  Task<Response> post_message(Request& req) {
    // One database round trip finds the caller and their conversation.
    std::string token = req.cookie(kCookie);
    if (token.size() != 64) co_return error(401, "unauthenticated", request_language(req));
    const std::string hash = token_hash(token);
    const std::string& conversation_id = req.params.at(0);
    struct Found {
      std::optional<store::Participant> participant;
      std::optional<store::Conversation> conversation;
    };
    Found found;
    found.participant = cached_participant(hash);
    if (auto it = conversation_cache.find(conversation_id); it != conversation_cache.end())
      found.conversation = it->second;
    if (!found.participant || !found.conversation) {
      const bool need_participant = !found.participant;
      found = co_await services.db.run([&](store::Store& s) {
        Found f = found;
        if (need_participant) {
          auto id = s.session_participant(hash, store::now_ms());
          if (id) f.participant = s.participant(*id);
        }
        if (f.participant && !f.conversation && conversation_id.size() <= 64)
          f.conversation = s.conversation(conversation_id);
        return f;
      });
      if (found.participant && need_participant) remember_participant(hash, *found.participant);
      if (found.conversation) cache_put(conversation_cache, conversation_id, *found.conversation);
    }
    if (!found.participant) co_return error(401, "unauthenticated", request_language(req));
    if (found.conversation && found.conversation->participant_id != found.participant->id)
      found.conversation.reset();  // someone else's: looks like a missing one
    const store::Participant p = std::move(*found.participant);
    const std::string& lang = p.ui_language;
    auto body = parse_body(req);
    if (!body) co_return error(400, "bad_request", lang);

    llm::Quick quick = llm::Quick::none;
    std::string quick_name;
    std::string text;
    if (body->contains("quick")) {
      if (!(*body)["quick"].is_string()) co_return error(400, "bad_request", lang);
      quick_name = (*body)["quick"].get<std::string>();
      quick = parse_quick(quick_name);
      if (quick == llm::Quick::none) co_return error(400, "bad_request", lang);
      text = std::string(i18n::quick_choice_text(quick_name));
    } else {
      if (!(*body)["text"].is_string()) co_return error(400, "bad_request", lang);
      const auto& raw = (*body)["text"].get_ref<const std::string&>();
      std::size_t chars = 0;
      if (!utf8_length(raw, chars)) co_return error(400, "bad_request", lang);
      if (chars > kMaxMessageChars) co_return error(413, "too_long", lang);
      text = clean_text(raw);
      if (text.empty()) co_return error(400, "empty_message", lang);
    }

    if (!found.conversation) co_return error(404, "not_found", lang);
    const store::Conversation conv = std::move(*found.conversation);
    const bots::Bot* bot = services.bots.find(conv.organisation_id, conv.bot_id);
    if (!bot) co_return error(404, "not_found", lang);
    // Checked and marked with no suspension in between, so two requests cannot both pass.
    if (streaming.count(conv.id)) co_return error(409, "busy", lang);
    auto self = shared_from_this();
    // Marks the conversation busy for as long as the response exists, even if the client leaves
    // before the stream starts.
    auto busy = std::make_shared<BusyMark>(self, conv.id);

    // The learner's message is stored before any model is called, so it is never lost.
    store::Message user;
    user.conversation_id = conv.id;
    user.role = "user";
    user.text = text;
    user.quick = quick_name;
    const bool use_dialogue = bot->mode == bots::Mode::dialogue || !model;
    const int history_limit = use_dialogue ? kDialogueHistory : kPromptHistory;
    struct Stored {
      store::Message saved;
      std::vector<store::Message> history;
      std::string policy;
    };
    std::optional<std::string> policy;
    if (auto it = policy_cache.find(conv.organisation_id);
        it != policy_cache.end() && std::chrono::steady_clock::now() - it->second.second < kCacheTtl)
      policy = it->second.first;
    const bool need_policy = !use_dialogue && !policy;
    // Stored with the other messages written meanwhile (one transaction); the history, which
    // ends with it, is read right after that commit on the same database thread.
    std::optional<Stored> stored(std::in_place);
    std::function<void(store::Store&)> read_context = [&](store::Store& s) {
      stored->history = s.messages(conv.id, history_limit);
      if (need_policy)
        if (auto org = s.organisation(conv.organisation_id)) stored->policy = org->policy;
    };
    store::MessageWrite write_user;
    write_user.message = std::move(user);
    try {
      stored->saved = co_await services.db.write(std::move(write_user), std::move(read_context));
    } catch (const store::ConflictError&) {
      stored.reset();  // the conversation was deleted meanwhile
    }
    if (!stored) {
      conversation_cache.erase(conv.id);
      co_return error(404, "not_found", lang);
    }
    if (need_policy) {
      cache_put(policy_cache, conv.organisation_id, std::make_pair(stored->policy, std::chrono::steady_clock::now()));
    } else if (policy) {
      stored->policy = *policy;
    }

    co_return Response::event_stream(
        [self, busy, p, conv, bot, quick, stored = std::move(*stored), use_dialogue](http::EventStream& events) mutable -> Task<void> {
          bool failed = false;
          try {
            co_await self->answer(events, p, conv, *bot, stored.saved, stored.history, stored.policy, quick,
                                  use_dialogue);
          } catch (const std::exception& e) {
            spdlog::error("answer failed: {}", e.what());
            failed = true;
          }
          if (failed)
            co_await events.send("error", Response::error(500, "internal", i18n::message("internal", p.ui_language)).body);
        });
  }

  struct BusyMark {
    std::shared_ptr<Impl> impl;
    std::string conversation;
    BusyMark(std::shared_ptr<Impl> i, std::string c) : impl(std::move(i)), conversation(std::move(c)) {
      impl->streaming.insert(conversation);
      ++impl->active;
    }
    ~BusyMark() {
      impl->streaming.erase(conversation);
      --impl->active;
    }
  };

  Task<void> answer(http::EventStream& events, const store::Participant& p, const store::Conversation& conv,
                    const bots::Bot& bot, const store::Message& saved, std::vector<store::Message>& history,
                    const std::string& policy, llm::Quick quick, bool use_dialogue) {
    if (!co_await events.send("message", message_json(saved).dump())) co_return;

    // No support language chosen: the UI language is the best guess at the learner's own.
    const std::string support = p.support_language.empty() ? p.ui_language : p.support_language;
    // Feedback is analysed beside the model, never before it: its event goes out before the next
    // delta once it is ready (or before `done`), so the analysis does not delay the first token.
    auto pending = start_feedback(saved, quick, support);
    auto flush_feedback = [&]() -> Task<bool> {
      if (!pending || !pending->ready || pending->sent) co_return true;
      pending->sent = true;
      if (pending->findings.empty()) co_return true;
      // Ids are hex, so they need no escaping; the findings are JSON already.
      co_return co_await events.send(
          "feedback", "{\"message\":\"" + saved.id + "\",\"findings\":" + feedback::findings_to_json(pending->findings) + "}");
    };

    std::vector<llm::ChatMessage> turns;
    turns.reserve(history.size());
    // The history is moved, not copied, into the prompt, and each copy of the prompt is dropped
    // once the next one is made: an open stream then holds the prompt about once (up to ~10 KB
    // for a long conversation), not four times.
    for (auto& m : history) {
      if (m.role != "user" && m.role != "assistant") continue;
      if (m.role == "assistant" && m.status == "failed" && m.text.empty()) continue;
      turns.push_back({std::move(m.role), std::move(m.text), parse_quick(m.quick)});
    }
    std::vector<store::Message>().swap(history);

    std::unique_ptr<llm::ChatBackend> dialogue;
    llm::ChatBackend* backend = nullptr;
    llm::ChatRequest request;
    if (use_dialogue) {
      if (!bot.script) {
        co_await events.send("error", Response::error(503, "no_model", i18n::message("no_model", p.ui_language)).body);
        co_return;
      }
      dialogue = llm::make_dialogue_backend(services.executor, *bot.script, support);
      backend = dialogue.get();
      request.messages = std::move(turns);
    } else {
      backend = model.get();
      llm::PromptInput input;
      input.organisation_policy = policy;
      input.bot_name = bot.name("nb");
      input.bot_instruction = bot.instruction;
      input.level = p.level;
      input.support_language = support;
      input.history = std::move(turns);
      request.messages = llm::build_prompt(input);
      input = {};
      request.model = bot.model;
    }

    std::string answer_text;
    std::string delta;  // {"text": piece}, built in place: reused for every piece
    auto add_piece = [&](std::string_view piece) {
      answer_text += piece;
      delta.assign("{\"text\":");
      http::append_json_string(delta, piece);
      delta += '}';
    };
    // Once per answer: the feedback event goes out before the next delta.
    auto feedback_then_delta = [&](std::string_view piece) -> Task<bool> {
      if (!co_await flush_feedback()) co_return false;
      pending.reset();  // sent: no look-up of it for the remaining tokens
      add_piece(piece);
      co_return co_await events.send("delta", delta);
    };
    // Not a coroutine itself: it hands back send()'s awaitable, one coroutine frame less for
    // every token. `piece` is used before it returns; `delta` lives in this frame.
    auto sink = [&](std::string_view piece) -> Task<bool> {
      if (pending && pending->ready) return feedback_then_delta(piece);
      add_piece(piece);
      return events.send("delta", delta);
    };
    llm::ChatResult result = co_await backend->stream(request, sink);
    if (pending && !pending->ready) {  // a short answer: wait (bounded) for the analysis
      pending->wake.expires_after(std::chrono::seconds(10));
      boost::system::error_code ec;
      co_await pending->wake.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    co_await flush_feedback();

    store::Message reply;
    reply.conversation_id = conv.id;
    reply.role = "assistant";
    reply.text = answer_text;
    if (result.ok) {
      reply.status = "complete";
    } else if (result.error_code == "cancelled") {
      reply.status = "stopped";
    } else {
      reply.status = "failed";
      spdlog::warn("language model failed for conversation {}: {} ({})", conv.id, result.error_code,
                   result.error_message);
    }
    if (!reply.text.empty() || result.ok) {
      // Shares a transaction with the next write (or waits a few ms for one): `done` follows
      // the commit, and one wakeup of a database thread serves several writes.
      store::MessageWrite write_reply;
      write_reply.message = std::move(reply);
      reply = co_await services.db.write_soon(std::move(write_reply));
    }
    if (result.ok) {
      co_await events.send("done", message_json(reply).dump(-1, ' ', false, json::error_handler_t::replace));
    } else if (result.error_code != "cancelled") {
      co_await events.send("error", Response::error(502, "model_unavailable",
                                                    i18n::message("model_unavailable", p.ui_language)).body);
    }
  }
};

Api::Api(Services services) : impl_(std::make_shared<Impl>(std::move(services))) {}
Api::~Api() = default;

std::size_t Api::active_streams() const { return impl_->active; }

void Api::add_routes(http::Router& router) {
  auto impl = impl_;
  auto bind = [impl](Task<Response> (Impl::*fn)(Request&)) {
    return [impl, fn](Request& req) -> Task<Response> {
      // Bodies of state-changing calls must be JSON: a cross-site form cannot send that
      // without a CORS preflight, which Voki never grants.
      if ((req.method == "POST" || req.method == "PATCH") && !req.body.empty() &&
          req.header("content-type").rfind("application/json", 0) != 0)
        co_return Response::error(415, "unsupported_media_type", "Send JSON (Content-Type: application/json).");
      co_return co_await ((*impl).*fn)(req);
    };
  };
  router.add("POST", "/api/join", bind(&Impl::join));
  router.add("GET", "/api/me", bind(&Impl::me));
  router.add("PATCH", "/api/me", bind(&Impl::update_me));
  router.add("POST", "/api/logout", bind(&Impl::logout));
  router.add("GET", "/api/languages", bind(&Impl::languages));
  router.add("GET", "/api/bots", bind(&Impl::list_bots));
  router.add("POST", "/api/conversations", bind(&Impl::create_conversation));
  router.add("GET", "/api/conversations", bind(&Impl::list_conversations));
  router.add("GET", "/api/conversations/{}", bind(&Impl::get_conversation));
  router.add("DELETE", "/api/conversations/{}", bind(&Impl::delete_conversation));
  router.add("POST", "/api/conversations/{}/messages", bind(&Impl::post_message));
  router.add("POST", "/api/feedback", bind(&Impl::check_text));
}

}  // namespace voki::api
