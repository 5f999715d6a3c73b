// Voki's configuration: defaults, then a YAML file, then VOKI_* environment variables, then
// command-line flags (each later source wins).
#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace voki::config {

struct LlmConfig {
  std::string url;      // OpenAI-compatible base URL, e.g. http://127.0.0.1:8081/v1; empty: none
  std::string api_key;  // never logged
  std::string model;
  int timeout_seconds = 60;  // to the first token
  bool verify_tls = true;
};

struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string data_dir = "var";
  std::string bots_dir = "bots";
  std::string web_root = "web/dist";
  std::string log_level = "info";
  int db_threads = 2;
  int session_days = 30;
  int shutdown_grace_seconds = 10;
  bool secure_cookies = false;  // set when Voki is served over HTTPS (behind a proxy)
  bool feedback = true;         // offline feedback engine in the chat
  LlmConfig llm;

  std::string database_path() const { return data_dir + "/voki.db"; }
};

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads a YAML file over `config` (unknown keys and bad values: ConfigError with the line).
void apply_file(Config& config, const std::string& path);
// Applies VOKI_* variables from `env` (name -> value); bad values: ConfigError naming the variable.
void apply_environment(Config& config, const std::map<std::string, std::string>& env);
// The process environment's VOKI_* variables.
std::map<std::string, std::string> process_environment();

}  // namespace voki::config
