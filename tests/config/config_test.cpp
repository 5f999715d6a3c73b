// Configuration: defaults, YAML file, VOKI_* environment and their order.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "config/config.h"

namespace voki::config {
namespace {

namespace fs = std::filesystem;

// A YAML file in a fresh temporary folder, removed with the fixture.
class ConfigFile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           (std::string("voki_config_test_") + info->name() + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& text, const std::string& name = "voki.yaml") {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // The ConfigError message from applying `text`, or "" if it was accepted.
  std::string error_for(const std::string& text) {
    const auto path = write(text);
    Config c;
    try {
      apply_file(c, path);
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "";
  }

  fs::path dir_;
};

std::string env_error(const std::map<std::string, std::string>& env) {
  Config c;
  try {
    apply_environment(c, env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

TEST(ConfigDefaults, SafeLocalDefaults) {
  Config c;
  EXPECT_EQ(c.host, "127.0.0.1");  // not reachable from the network until asked
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.data_dir, "var");
  EXPECT_EQ(c.bots_dir, "bots");
  EXPECT_EQ(c.web_root, "web/dist");
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.db_threads, 2);
  EXPECT_EQ(c.session_days, 30);
  EXPECT_EQ(c.shutdown_grace_seconds, 10);
  EXPECT_FALSE(c.secure_cookies);
  EXPECT_TRUE(c.feedback);
  EXPECT_EQ(c.llm.url, "");  // no model: guided dialogues only
  EXPECT_EQ(c.llm.api_key, "");
  EXPECT_EQ(c.llm.model, "");
  EXPECT_EQ(c.llm.timeout_seconds, 60);
  EXPECT_TRUE(c.llm.verify_tls);
  EXPECT_EQ(c.database_path(), "var/voki.db");
}

TEST_F(ConfigFile, EveryKeyIsRead) {
  const auto path = write(
      "host: 0.0.0.0\n"
      "port: 9090\n"
      "data_dir: /srv/voki/data\n"
      "bots_dir: /srv/voki/bots\n"
      "web_root: /srv/voki/web\n"
      "log_level: debug\n"
      "db_threads: 4\n"
      "session_days: 7\n"
      "shutdown_grace_seconds: 3\n"
      "secure_cookies: true\n"
      "feedback: off\n"
      "llm:\n"
      "  url: http://127.0.0.1:8081/v1\n"
      "  api_key: \"sk-test-not-a-secret\"\n"
      "  model: test-model\n"
      "  timeout_seconds: 120\n"
      "  verify_tls: no\n");
  Config c;
  apply_file(c, path);
  EXPECT_EQ(c.host, "0.0.0.0");
  EXPECT_EQ(c.port, 9090);
  EXPECT_EQ(c.data_dir, "/srv/voki/data");
  EXPECT_EQ(c.bots_dir, "/srv/voki/bots");
  EXPECT_EQ(c.web_root, "/srv/voki/web");
  EXPECT_EQ(c.log_level, "debug");
  EXPECT_EQ(c.db_threads, 4);
  EXPECT_EQ(c.session_days, 7);
  EXPECT_EQ(c.shutdown_grace_seconds, 3);
  EXPECT_TRUE(c.secure_cookies);
  EXPECT_FALSE(c.feedback);
  EXPECT_EQ(c.llm.url, "http://127.0.0.1:8081/v1");
  EXPECT_EQ(c.llm.api_key, "sk-test-not-a-secret");
  EXPECT_EQ(c.llm.model, "test-model");
  EXPECT_EQ(c.llm.timeout_seconds, 120);
  EXPECT_FALSE(c.llm.verify_tls);
  EXPECT_EQ(c.database_path(), "/srv/voki/data/voki.db");
}

TEST_F(ConfigFile, KeysNotInTheFileKeepTheirValue) {
  const auto path = write("port: 9000\nllm:\n  model: m\n");
  Config c;
  c.host = "10.0.0.1";
  c.llm.url = "http://example.invalid/v1";
  apply_file(c, path);
  EXPECT_EQ(c.port, 9000);
  EXPECT_EQ(c.llm.model, "m");
  EXPECT_EQ(c.host, "10.0.0.1");
  EXPECT_EQ(c.llm.url, "http://example.invalid/v1");
  EXPECT_EQ(c.llm.timeout_seconds, 60);
}

TEST_F(ConfigFile, EmptyFileAndCommentsOnlyChangeNothing) {
  EXPECT_EQ(error_for(""), "");
  EXPECT_EQ(error_for("# nothing set yet\n"), "");
  Config c;
  apply_file(c, write("# only a comment\n"));
  EXPECT_EQ(c.port, Config{}.port);
}

TEST_F(ConfigFile, BooleanSpellings) {
  for (const char* yes : {"true", "yes", "on", "1"}) {
    Config c;
    apply_file(c, write(std::string("secure_cookies: ") + yes + "\n"));
    EXPECT_TRUE(c.secure_cookies) << yes;
  }
  for (const char* no : {"false", "no", "off", "0"}) {
    Config c;
    apply_file(c, write(std::string("feedback: ") + no + "\n"));
    EXPECT_FALSE(c.feedback) << no;
  }
}

TEST_F(ConfigFile, RangeLimitsAreInclusive) {
  Config c;
  apply_file(c, write("port: 0\ndb_threads: 64\nsession_days: 3650\nshutdown_grace_seconds: 0\n"));
  EXPECT_EQ(c.port, 0);
  EXPECT_EQ(c.db_threads, 64);
  EXPECT_EQ(c.session_days, 3650);
  EXPECT_EQ(c.shutdown_grace_seconds, 0);
  apply_file(c, write("port: 65535\ndb_threads: 1\nsession_days: 1\n"));
  EXPECT_EQ(c.port, 65535);
  EXPECT_EQ(c.db_threads, 1);
  EXPECT_EQ(c.session_days, 1);
}

TEST_F(ConfigFile, UnknownKeyNamesFileLineAndKey) {
  const auto path = write("host: 127.0.0.1\n\nprot: 8080\n");
  Config c;
  try {
    apply_file(c, path);
    FAIL() << "unknown key accepted";
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path + ":3:"), std::string::npos) << what;
    EXPECT_NE(what.find("prot"), std::string::npos) << what;
    EXPECT_NE(what.find("unknown setting"), std::string::npos) << what;
  }
}

TEST_F(ConfigFile, UnknownNestedKeyNamesItsDottedPathAndLine) {
  const auto path = write("llm:\n  url: http://127.0.0.1:1/v1\n  modle: x\n");
  const auto what = error_for("llm:\n  url: http://127.0.0.1:1/v1\n  modle: x\n");
  EXPECT_NE(what.find(path + ":3:"), std::string::npos) << what;
  EXPECT_NE(what.find("llm.modle"), std::string::npos) << what;
  // A section name that is not a section, and a section where a value belongs.
  EXPECT_NE(error_for("server:\n  port: 1\n").find("server.port"), std::string::npos);
  EXPECT_NE(error_for("host:\n  name: x\n").find("host.name"), std::string::npos);
}

TEST_F(ConfigFile, BadValuesNameFileLineKeyAndValue) {
  struct Case {
    const char* yaml;
    const char* line_and_key;
    const char* value;
  };
  const Case cases[] = {
      {"port: 70000\n", ":1: port", "70000"},
      {"host: h\nport: -1\n", ":2: port", "-1"},
      {"port: 80a\n", ":1: port", "80a"},
      {"port: \" 80\"\n", ":1: port", " 80"},
      {"port: 8.5\n", ":1: port", "8.5"},
      {"port: 99999999999999999999\n", ":1: port", "99999999999999999999"},
      {"log_level: loud\n", ":1: log_level", "loud"},
      {"log_level: INFO\n", ":1: log_level", "INFO"},
      {"secure_cookies: maybe\n", ":1: secure_cookies", "maybe"},
      {"feedback: 2\n", ":1: feedback", "2"},
      {"db_threads: 0\n", ":1: db_threads", "0"},
      {"db_threads: 65\n", ":1: db_threads", "65"},
      {"session_days: 0\n", ":1: session_days", "0"},
      {"shutdown_grace_seconds: 3601\n", ":1: shutdown_grace_seconds", "3601"},
      {"llm:\n  timeout_seconds: 0\n", ":2: llm.timeout_seconds", "0"},
      {"llm:\n  verify_tls: sometimes\n", ":2: llm.verify_tls", "sometimes"},
  };
  for (const auto& c : cases) {
    const auto path = (dir_ / "voki.yaml").string();
    const auto what = error_for(c.yaml);
    EXPECT_NE(what.find(path + c.line_and_key), std::string::npos) << c.yaml << " -> " << what;
    EXPECT_NE(what.find(std::string("'") + c.value + "'"), std::string::npos) << c.yaml << " -> " << what;
  }
}

TEST_F(ConfigFile, ListOrMapWhereAValueBelongsIsRefused) {
  const auto what = error_for("host: [a, b]\n");
  EXPECT_NE(what.find(":1: host"), std::string::npos) << what;
  EXPECT_NE(what.find("single value"), std::string::npos) << what;
  EXPECT_NE(error_for("llm:\n  model:\n    - a\n    - b\n").find(":2: llm.model"), std::string::npos);
}

TEST_F(ConfigFile, TopLevelNotAMapIsRefused) {
  EXPECT_NE(error_for("- port\n- host\n").find("key: value"), std::string::npos);
  EXPECT_NE(error_for("just a sentence\n").find("key: value"), std::string::npos);
}

TEST_F(ConfigFile, SyntaxErrorNamesFileAndLine) {
  const auto path = write("host: a\nport: 1\nllm: {url: x\n");
  const auto what = error_for("host: a\nport: 1\nllm: {url: x\n");
  EXPECT_EQ(what.rfind(path + ":", 0), 0u) << what;
  EXPECT_NE(what, "");
}

TEST_F(ConfigFile, MissingFileIsAConfigError) {
  Config c;
  const auto missing = (dir_ / "nope.yaml").string();
  try {
    apply_file(c, missing);
    FAIL() << "missing file accepted";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
}

// A folder given as the file (an easy slip with --config) is bad input like a missing file.
// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST_F(ConfigFile, FolderIsAConfigError) {
  Config c;
  try {
    apply_file(c, dir_.string());
    FAIL() << "a folder was accepted";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(dir_.string()), std::string::npos) << e.what();
  } catch (const std::exception& e) {
    FAIL() << "not a ConfigError: " << e.what();
  }
}

// Keys that are not plain names (a YAML sequence or map used as a key) are bad input like any
// other: apply_file promises ConfigError, not a yaml-cpp exception.
// Disabled until the bug it found in src/ is fixed (see the unit helper report).
TEST_F(ConfigFile, ComplexKeyIsAConfigError) {
  for (const char* yaml : {"[a, b]: 1\n", "? {x: 1}\n: 2\n", "llm:\n  [model]: x\n"}) {
    const auto path = write(yaml);
    Config c;
    try {
      apply_file(c, path);
      ADD_FAILURE() << "accepted: " << yaml;
    } catch (const ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not a ConfigError for " << yaml << ": " << e.what();
    }
  }
}

TEST(ConfigEnvironment, EveryVariableIsRead) {
  const std::map<std::string, std::string> env = {
      {"VOKI_HOST", "::1"},
      {"VOKI_PORT", "8181"},
      {"VOKI_DATA_DIR", "/tmp/d"},
      {"VOKI_BOTS_DIR", "/tmp/b"},
      {"VOKI_WEB_ROOT", "/tmp/w"},
      {"VOKI_LOG_LEVEL", "warn"},
      {"VOKI_DB_THREADS", "8"},
      {"VOKI_SESSION_DAYS", "90"},
      {"VOKI_SHUTDOWN_GRACE", "25"},
      {"VOKI_SECURE_COOKIES", "yes"},
      {"VOKI_FEEDBACK", "false"},
      {"VOKI_LLM_URL", "https://llm.example.invalid/v1"},
      {"VOKI_LLM_API_KEY", "test-key-0000"},
      {"VOKI_LLM_MODEL", "qwen-test"},
      {"VOKI_LLM_TIMEOUT", "5"},
      {"VOKI_LLM_VERIFY_TLS", "off"},
  };
  Config c;
  apply_environment(c, env);
  EXPECT_EQ(c.host, "::1");
  EXPECT_EQ(c.port, 8181);
  EXPECT_EQ(c.data_dir, "/tmp/d");
  EXPECT_EQ(c.bots_dir, "/tmp/b");
  EXPECT_EQ(c.web_root, "/tmp/w");
  EXPECT_EQ(c.log_level, "warn");
  EXPECT_EQ(c.db_threads, 8);
  EXPECT_EQ(c.session_days, 90);
  EXPECT_EQ(c.shutdown_grace_seconds, 25);
  EXPECT_TRUE(c.secure_cookies);
  EXPECT_FALSE(c.feedback);
  EXPECT_EQ(c.llm.url, "https://llm.example.invalid/v1");
  EXPECT_EQ(c.llm.api_key, "test-key-0000");
  EXPECT_EQ(c.llm.model, "qwen-test");
  EXPECT_EQ(c.llm.timeout_seconds, 5);
  EXPECT_FALSE(c.llm.verify_tls);
}

TEST(ConfigEnvironment, EmptyOrUnrelatedEnvironmentChangesNothing) {
  Config c;
  apply_environment(c, {});
  apply_environment(c, {{"HOME", "/root"}, {"PORT", "1"}, {"voki_port", "1"}});
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.host, "127.0.0.1");
}

TEST(ConfigEnvironment, BadValuesNameTheVariableAndValue) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"VOKI_PORT", "70000"},        {"VOKI_PORT", ""},
      {"VOKI_LOG_LEVEL", "loud"},    {"VOKI_DB_THREADS", "many"},
      {"VOKI_SESSION_DAYS", "-3"},   {"VOKI_SHUTDOWN_GRACE", "1e3"},
      {"VOKI_SECURE_COOKIES", "maybe"}, {"VOKI_FEEDBACK", "TRUE!"},
      {"VOKI_LLM_TIMEOUT", "0"},     {"VOKI_LLM_VERIFY_TLS", ""},
  };
  for (const auto& [name, value] : bad) {
    const auto what = env_error({{name, value}});
    EXPECT_EQ(what.rfind(name + ":", 0), 0u) << name << "=" << value << " -> " << what;
    EXPECT_NE(what.find("'" + value + "'"), std::string::npos) << what;
  }
  EXPECT_EQ(env_error({{"VOKI_PORT", " 8080"}}).rfind("VOKI_PORT:", 0), 0u);
}

TEST_F(ConfigFile, EnvironmentOverridesFile) {
  Config c;
  apply_file(c, write("port: 9000\nhost: 0.0.0.0\nllm:\n  model: from-file\n  verify_tls: true\n"));
  apply_environment(c, {{"VOKI_PORT", "9001"}, {"VOKI_LLM_MODEL", "from-env"}, {"VOKI_LLM_VERIFY_TLS", "0"}});
  EXPECT_EQ(c.port, 9001);
  EXPECT_EQ(c.llm.model, "from-env");
  EXPECT_FALSE(c.llm.verify_tls);
  EXPECT_EQ(c.host, "0.0.0.0");  // not in the environment: the file's value stays
}

TEST(ConfigEnvironment, ProcessEnvironmentHasOnlyVokiVariables) {
  ASSERT_EQ(::setenv("VOKI_TEST_ONLY_VARIABLE", "a=b", 1), 0);
  ASSERT_EQ(::setenv("NOT_VOKI_TEST_VARIABLE", "x", 1), 0);
  const auto env = process_environment();
  ::unsetenv("VOKI_TEST_ONLY_VARIABLE");
  ::unsetenv("NOT_VOKI_TEST_VARIABLE");
  auto it = env.find("VOKI_TEST_ONLY_VARIABLE");
  ASSERT_NE(it, env.end());
  EXPECT_EQ(it->second, "a=b");  // only the first '=' separates name and value
  EXPECT_EQ(env.count("NOT_VOKI_TEST_VARIABLE"), 0u);
  for (const auto& [name, value] : env) EXPECT_EQ(name.rfind("VOKI_", 0), 0u) << name;
}

}  // namespace
}  // namespace voki::config
