#include "config/config.h"

#include <charconv>
#include <functional>
#include <vector>

#include <yaml-cpp/yaml.h>

extern char** environ;

namespace voki::config {

namespace {

int parse_int(const std::string& text, const std::string& what, int min, int max) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max)
    throw ConfigError(what + ": expected a whole number from " + std::to_string(min) + " to " +
                      std::to_string(max) + ", got '" + text + "'");
  return value;
}

bool parse_bool(const std::string& text, const std::string& what) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  throw ConfigError(what + ": expected true or false, got '" + text + "'");
}

// One table drives the file keys and the environment variables, so they cannot drift apart.
struct Setting {
  const char* key;  // dotted YAML path
  const char* env;
  std::function<void(Config&, const std::string& value, const std::string& what)> apply;
};

const std::vector<Setting>& settings() {
  static const std::vector<Setting> all = {
      {"host", "VOKI_HOST", [](Config& c, const std::string& v, const std::string&) { c.host = v; }},
      {"port", "VOKI_PORT",
       [](Config& c, const std::string& v, const std::string& w) {
         c.port = static_cast<std::uint16_t>(parse_int(v, w, 0, 65535));
       }},
      {"data_dir", "VOKI_DATA_DIR", [](Config& c, const std::string& v, const std::string&) { c.data_dir = v; }},
      {"bots_dir", "VOKI_BOTS_DIR", [](Config& c, const std::string& v, const std::string&) { c.bots_dir = v; }},
      {"web_root", "VOKI_WEB_ROOT", [](Config& c, const std::string& v, const std::string&) { c.web_root = v; }},
      {"log_level", "VOKI_LOG_LEVEL",
       [](Config& c, const std::string& v, const std::string& w) {
         static const char* levels[] = {"trace", "debug", "info", "warn", "error", "off"};
         for (auto* l : levels)
           if (v == l) {
             c.log_level = v;
             return;
           }
         throw ConfigError(w + ": expected trace, debug, info, warn, error or off, got '" + v + "'");
       }},
      {"db_threads", "VOKI_DB_THREADS",
       [](Config& c, const std::string& v, const std::string& w) { c.db_threads = parse_int(v, w, 1, 64); }},
      {"session_days", "VOKI_SESSION_DAYS",
       [](Config& c, const std::string& v, const std::string& w) { c.session_days = parse_int(v, w, 1, 3650); }},
      {"shutdown_grace_seconds", "VOKI_SHUTDOWN_GRACE",
       [](Config& c, const std::string& v, const std::string& w) {
         c.shutdown_grace_seconds = parse_int(v, w, 0, 3600);
       }},
      {"secure_cookies", "VOKI_SECURE_COOKIES",
       [](Config& c, const std::string& v, const std::string& w) { c.secure_cookies = parse_bool(v, w); }},
      {"feedback", "VOKI_FEEDBACK",
       [](Config& c, const std::string& v, const std::string& w) { c.feedback = parse_bool(v, w); }},
      {"llm.url", "VOKI_LLM_URL", [](Config& c, const std::string& v, const std::string&) { c.llm.url = v; }},
      {"llm.api_key", "VOKI_LLM_API_KEY",
       [](Config& c, const std::string& v, const std::string&) { c.llm.api_key = v; }},
      {"llm.model", "VOKI_LLM_MODEL", [](Config& c, const std::string& v, const std::string&) { c.llm.model = v; }},
      {"llm.timeout_seconds", "VOKI_LLM_TIMEOUT",
       [](Config& c, const std::string& v, const std::string& w) {
         c.llm.timeout_seconds = parse_int(v, w, 1, 3600);
       }},
      {"llm.verify_tls", "VOKI_LLM_VERIFY_TLS",
       [](Config& c, const std::string& v, const std::string& w) { c.llm.verify_tls = parse_bool(v, w); }},
  };
  return all;
}

void apply_node(Config& config, const YAML::Node& node, const std::string& prefix, const std::string& path) {
  for (const auto& item : node) {
    const int line = item.first.Mark().line + 1;
    if (!item.first.IsScalar())
      throw ConfigError(path + ":" + std::to_string(line) + ": a setting name must be a plain word");
    const std::string key = prefix + item.first.as<std::string>();
    const std::string where = path + ":" + std::to_string(line) + ": " + key;
    if (item.second.IsMap()) {
      apply_node(config, item.second, key + ".", path);
      continue;
    }
    const Setting* setting = nullptr;
    for (const auto& s : settings())
      if (key == s.key) setting = &s;
    if (!setting) throw ConfigError(where + ": unknown setting");
    if (!item.second.IsScalar()) throw ConfigError(where + ": expected a single value");
    setting->apply(config, item.second.as<std::string>(), where);
  }
}

}  // namespace

void apply_file(Config& config, const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    throw ConfigError(path + ": cannot read the configuration file");
  } catch (const YAML::Exception& e) {
    throw ConfigError(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  } catch (const std::exception&) {  // e.g. a folder: the stream fails with std::ios_failure
    throw ConfigError(path + ": cannot read the configuration file");
  }
  if (root.IsNull()) return;
  if (!root.IsMap()) throw ConfigError(path + ": expected key: value pairs");
  apply_node(config, root, "", path);
}

void apply_environment(Config& config, const std::map<std::string, std::string>& env) {
  for (const auto& s : settings()) {
    auto it = env.find(s.env);
    if (it != env.end()) s.apply(config, it->second, it->first);
  }
}

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (entry.rfind("VOKI_", 0) != 0) continue;
    auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

}  // namespace voki::config
