#include "fake_llm_process.h"

#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace voki::llm::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

FakeLlmProcess::FakeLlmProcess(const std::string& extra_args) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {FAKE_LLM_PATH, "--port", "0"};
  std::istringstream extra(extra_args);
  for (std::string arg; extra >> arg;) args.push_back(arg);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a test that was killed
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c = 0;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
  close(out[0]);
  unsigned port = 0;
  if (std::sscanf(line.c_str(), "listening on %u", &port) != 1 || port == 0 || port > 65535) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    throw std::runtime_error("fake_llm did not start: '" + line + "'");
  }
  port_ = static_cast<unsigned short>(port);
}

FakeLlmProcess::~FakeLlmProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
}

nlohmann::json FakeLlmProcess::control(const nlohmann::json& change) {
  const HttpReply reply = http_request(port_, "POST", "/control", change.dump());
  if (reply.status != 200) throw std::runtime_error("control failed: " + reply.body);
  return nlohmann::json::parse(reply.body);
}

nlohmann::json FakeLlmProcess::stats() {
  const HttpReply reply = http_request(port_, "GET", "/stats");
  if (reply.status != 200) throw std::runtime_error("stats failed: " + reply.body);
  return nlohmann::json::parse(reply.body);
}

HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body) {
  asio::io_context context;
  beast::tcp_stream stream(context);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  request.set(http::field::host, "127.0.0.1");
  request.set(http::field::content_type, "application/json");
  request.keep_alive(false);
  request.body() = body;
  request.prepare_payload();
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return {static_cast<int>(response.result_int()), response.body()};
}

}  // namespace voki::llm::testing
