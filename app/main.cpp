// voki: the one binary. Wires configuration, store, bots, language models, feedback and the
// HTTP server together; the components do the work.
#include <utility>  // before Asio (g++ 12 + Boost 1.74)

#include <csignal>
#include <filesystem>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "api/api.h"
#include "bots/bots.h"
#include "config/config.h"
#include "http/http.h"
#include "store/database.h"
#include "store/store.h"
#include "feedback/cli.h"
#include "feedback/feedback.h"

namespace {

using namespace voki;

struct DemoClass {
  const char* org_id;
  const char* org_name;
  const char* policy;
  const char* class_name;
  const char* code;
  const char* level;
};

const DemoClass kDemo[] = {
    {"oslo-vo", "Oslo voksenopplæring",
     "Du er en del av Oslo voksenopplærings læringsplattform for voksne som lærer norsk. "
     "Vær vennlig, tålmodig og respektfull. Bruk norsk bokmål. Hjelp deltakeren å lære, ikke gjør "
     "oppgavene for dem. Be aldri om personopplysninger som navn, fødselsnummer, adresse eller telefon. "
     "Hvis deltakeren skriver om krise, vold eller selvskading: svar kort og varmt, og vis til "
     "113 (akutt), 116 117 (legevakt) og 116 123 (Mental Helse).",
     "Norsk A2 – dagkurs (demo)", "DEMO-OSLO", "A2"},
    {"nav-jobbsjansen", "NAV Jobbsjansen",
     "Du er en del av NAVs Jobbsjansen-program for voksne som vil ut i arbeid. Hjelp deltakeren å "
     "øve på norsk for arbeidslivet: intervju, samtaler på jobben, skjema og beskjeder. Vær vennlig og "
     "konkret. Bruk norsk bokmål. Gi aldri råd om ytelser eller vedtak; vis til veilederen. Be aldri om "
     "personopplysninger. Ved krise: vis til 113, 116 117 og 116 123.",
     "Jobbsjansen – norsk for arbeid (demo)", "DEMO-NAV", "A2"},
};

// Seeds the demo organisations and classes when missing; returns the join codes.
std::vector<std::pair<std::string, std::string>> seed_demo(store::Store& s) {
  std::vector<std::pair<std::string, std::string>> codes;
  for (const auto& d : kDemo) {
    if (!s.organisation(d.org_id)) {
      store::Organisation org;
      org.id = d.org_id;
      org.name = d.org_name;
      org.policy = d.policy;
      s.put_organisation(org);
    }
    if (!s.class_by_code(d.code)) {
      store::ClassGroup group;
      group.organisation_id = d.org_id;
      group.name = d.class_name;
      group.join_code = d.code;
      group.level = d.level;
      s.create_class(group);
    }
    codes.emplace_back(d.org_name, d.code);
  }
  return codes;
}

void load_config(config::Config& cfg, const std::string& config_file) {
  std::string file = config_file;
  auto env = config::process_environment();
  if (file.empty() && env.count("VOKI_CONFIG")) file = env["VOKI_CONFIG"];
  if (!file.empty()) config::apply_file(cfg, file);
  config::apply_environment(cfg, env);
}

std::unique_ptr<store::Store> open_store(const config::Config& cfg) {
  std::filesystem::create_directories(cfg.data_dir);
  auto s = store::open_sqlite_store(cfg.database_path(), cfg.db_threads + 1);
  s->migrate();
  return s;
}

bots::Catalogue load_catalogue(const std::string& dir) {
  auto loaded = bots::load_bots(dir);
  for (const auto& e : loaded.errors)
    spdlog::warn("bot file {}:{}: {}", e.file, e.line, e.message);
  std::set<std::string> rejected;
  for (const auto& e : loaded.errors) rejected.insert(e.file);
  spdlog::info("loaded {} bot(s) from {} ({} file(s) rejected)", loaded.bots.size(), dir, rejected.size());
  return bots::Catalogue(std::move(loaded.bots));
}

int serve(config::Config cfg, bool demo) {
  auto owned_store = open_store(cfg);
  if (demo) {
    auto codes = seed_demo(*owned_store);
    std::cout << "Demo classes (join codes):\n";
    for (const auto& [org, code] : codes) std::cout << "  " << code << "  " << org << "\n";
  }
  auto catalogue = load_catalogue(cfg.bots_dir);

  std::unique_ptr<feedback::Engine> engine;
  if (cfg.feedback) {
    try {
      engine = feedback::load_engine();
    } catch (const std::exception& e) {
      spdlog::warn("offline feedback disabled: {}", e.what());
    }
  }
  const feedback::Engine* feedback_engine = engine.get();

  asio::io_context io(1);
  store::Database db(std::move(owned_store), cfg.db_threads);
  api::Api api(api::Services{db, catalogue, cfg, io.get_executor(), feedback_engine});
  http::Router router;
  api.add_routes(router);
  router.add("GET", "/api/health", [](http::Request&) -> Task<http::Response> {
    co_return http::Response::json(200, "{\"status\":\"ok\"}");
  });

  http::ServerOptions options;
  options.host = cfg.host;
  options.port = cfg.port;
  options.web_root = cfg.web_root;
  options.shutdown_grace = std::chrono::seconds(cfg.shutdown_grace_seconds);
  if (!std::filesystem::exists(std::filesystem::path(cfg.web_root) / "index.html"))
    spdlog::warn("no web app at {} (run `make build`); serving the API only", cfg.web_root);
  http::Server server(io, options, std::move(router));
  std::uint16_t port = 0;
  try {
    port = server.start();
  } catch (const std::exception& e) {
    spdlog::error("cannot listen on {}:{}: {}", cfg.host, cfg.port, e.what());
    return 1;
  }
  std::cout << "listening on http://" << (cfg.host == "0.0.0.0" ? "127.0.0.1" : cfg.host) << ":" << port
            << std::endl;
  spdlog::info("language model: {}", cfg.llm.url.empty() ? "none (guided dialogues)" : "configured");

  // Conversations older than the organisation's retention period are deleted, hourly.
  asio::co_spawn(
      io,
      [&db, &io]() -> Task<void> {
        asio::steady_timer timer(io);
        for (;;) {
          int deleted = co_await db.run([&](store::Store& s) {
            int n = 0;
            for (const auto& org : s.organisations())
              n += s.delete_conversations_before(org.id, store::now_ms() - std::int64_t(org.retention_days) * 86400000);
            return n;
          });
          if (deleted) spdlog::info("retention: deleted {} old conversation(s)", deleted);
          timer.expires_after(std::chrono::hours(1));
          boost::system::error_code ec;
          co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
          if (ec) co_return;
        }
      },
      asio::detached);

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (ec) return;
    spdlog::info("shutting down: finishing {} running answer(s)", api.active_streams());
    server.shutdown([&io] { io.stop(); });
  });
  std::signal(SIGPIPE, SIG_IGN);
  io.run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Voki: language bots, feedback and flexible-attendance tools for adult education"};
  app.require_subcommand(1);
  std::string config_file;
  app.add_option("-c,--config", config_file, "YAML configuration file (also VOKI_CONFIG)");

  config::Config cfg;
  bool demo = false;
  auto* serve_cmd = app.add_subcommand("serve", "Run the web server");
  // Flags override the file and the environment; their defaults are shown from Config.
  std::optional<std::string> host, data_dir, bots_dir, web_root, llm_url, llm_model, log_level;
  std::optional<int> port;
  serve_cmd->add_option("--host", host, "Address to listen on (VOKI_HOST, default 127.0.0.1)");
  serve_cmd->add_option("-p,--port", port, "Port (VOKI_PORT, default 8080; 0 picks one)")->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--data-dir", data_dir, "Folder for the database (VOKI_DATA_DIR, default ./var)");
  serve_cmd->add_option("--bots-dir", bots_dir, "Folder of bot definitions (VOKI_BOTS_DIR, default ./bots)");
  serve_cmd->add_option("--web-root", web_root, "Built web app (VOKI_WEB_ROOT, default ./web/dist)");
  serve_cmd->add_option("--llm-url", llm_url, "OpenAI-compatible base URL, e.g. http://127.0.0.1:8081/v1 (VOKI_LLM_URL)");
  serve_cmd->add_option("--llm-model", llm_model, "Default model name (VOKI_LLM_MODEL)");
  serve_cmd->add_option("--log-level", log_level, "trace, debug, info, warn, error (VOKI_LOG_LEVEL)");
  serve_cmd->add_flag("--demo", demo, "Seed the demo organisations and classes if missing");

  auto* migrate_cmd = app.add_subcommand("migrate", "Create or upgrade the database, then exit");
  migrate_cmd->add_option("--data-dir", data_dir, "Folder for the database (VOKI_DATA_DIR)");

  std::string new_org_id, new_org_name;
  int retention_days = 30;
  auto* org_cmd = app.add_subcommand("create-organisation", "Create an organisation (its bots go in bots/<id>/)");
  org_cmd->add_option("--id", new_org_id, "Short id: lower case letters, digits and dashes")->required()
      ->check([](const std::string& v) {
        bool ok = !v.empty() && v.size() <= 64;
        for (char c : v) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
        return ok ? std::string() : std::string("use a-z, 0-9 and '-', at most 64 characters");
      });
  org_cmd->add_option("--name", new_org_name, "Display name")->required();
  org_cmd->add_option("--retention-days", retention_days, "Delete conversations after this many days")
      ->check(CLI::Range(1, 3650));
  org_cmd->add_option("--data-dir", data_dir, "Folder for the database (VOKI_DATA_DIR)");

  std::string org_id, class_name, level = "A2";
  auto* class_cmd = app.add_subcommand("create-class", "Create a class with a random join code");
  class_cmd->add_option("--organisation", org_id, "Organisation id, e.g. oslo-vo")->required();
  class_cmd->add_option("--name", class_name, "Class name")->required();
  class_cmd->add_option("--level", level, "Default CEFR level")->check(CLI::IsMember({"A1", "A2", "B1", "B2"}));
  class_cmd->add_option("--data-dir", data_dir, "Folder for the database (VOKI_DATA_DIR)");

  bool as_json = false;
  std::string language = "nb", tsv;
  auto* feedback_cmd = app.add_subcommand("feedback", "Check Norwegian text from standard input");
  feedback_cmd->add_flag("--json", as_json, "Print findings as JSON");
  feedback_cmd->add_option("--language", language, "Support language for explanations");
  auto* eval_cmd = app.add_subcommand("eval-nocola", "Evaluate the feedback engine on a NoCoLA TSV file");
  eval_cmd->add_option("file", tsv, "TSV with header: sentence grammatical code")->required();
  eval_cmd->add_flag("--json", as_json, "Print one JSON object");

  CLI11_PARSE(app, argc, argv);

  try {
    load_config(cfg, config_file);
    if (host) cfg.host = *host;
    if (port) cfg.port = static_cast<std::uint16_t>(*port);
    if (data_dir) cfg.data_dir = *data_dir;
    if (bots_dir) cfg.bots_dir = *bots_dir;
    if (web_root) cfg.web_root = *web_root;
    if (llm_url) cfg.llm.url = *llm_url;
    if (llm_model) cfg.llm.model = *llm_model;
    if (log_level) {
      config::apply_environment(cfg, {{"VOKI_LOG_LEVEL", *log_level}});
    }
  } catch (const config::ConfigError& e) {
    std::cerr << "configuration error: " << e.what() << "\n";
    return 2;
  }
  // Logs go to standard error; standard output carries what scripts read (port, join codes).
  spdlog::set_default_logger(spdlog::stderr_color_mt("voki"));
  spdlog::set_level(spdlog::level::from_str(cfg.log_level));

  try {
    if (*serve_cmd) return serve(cfg, demo);
    if (*migrate_cmd) {
      auto s = open_store(cfg);
      std::cout << "database " << cfg.database_path() << " at schema version " << s->schema_version() << "\n";
      return 0;
    }
    if (*org_cmd) {
      auto s = open_store(cfg);
      store::Organisation org;
      if (auto existing = s->organisation(new_org_id)) org = *existing;
      org.id = new_org_id;
      org.name = new_org_name;
      org.retention_days = retention_days;
      s->put_organisation(org);
      std::cout << "organisation " << org.id << " saved\n";
      return 0;
    }
    if (*class_cmd) {
      auto s = open_store(cfg);
      if (!s->organisation(org_id)) {
        std::cerr << "no organisation '" << org_id << "'\n";
        return 1;
      }
      store::ClassGroup group;
      group.organisation_id = org_id;
      group.name = class_name;
      group.level = level;
      for (int attempt = 0;; ++attempt) {
        group.join_code = store::random_join_code();
        try {
          group = s->create_class(group);
          break;
        } catch (const store::ConflictError&) {
          if (attempt > 5) throw;
        }
      }
      std::cout << group.join_code << "\n";
      return 0;
    }
    if (*feedback_cmd) return ::run_feedback_cli(std::cin, std::cout, as_json, language);
    if (*eval_cmd) return ::run_eval_nocola(tsv, as_json, std::cout);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
