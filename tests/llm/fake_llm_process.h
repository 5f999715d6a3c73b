// Starts the real fake_llm executable for a test and talks to its /control and /stats endpoints.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace voki::llm::testing {

class FakeLlmProcess {
 public:
  // Starts `fake_llm --port 0 <extra_args>` and waits for "listening on PORT". Throws on failure.
  explicit FakeLlmProcess(const std::string& extra_args = "");
  ~FakeLlmProcess();
  FakeLlmProcess(const FakeLlmProcess&) = delete;
  FakeLlmProcess& operator=(const FakeLlmProcess&) = delete;

  unsigned short port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

  nlohmann::json control(const nlohmann::json& change);  // POST /control
  nlohmann::json stats();                                // GET /stats

 private:
  int pid_ = -1;
  unsigned short port_ = 0;
};

// A blocking HTTP/1.1 request to 127.0.0.1:port; returns the status and body.
struct HttpReply {
  int status = 0;
  std::string body;
};
HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body = "");

}  // namespace voki::llm::testing
