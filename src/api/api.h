// Voki's JSON API for participants: join a class with a code, list bots, chat with streaming
// answers and feedback. Routes are added to an http::Router.
#pragma once
#include <memory>

#include "net/asio.h"

namespace voki::http {
class Router;
}
namespace voki::store {
class Database;
}
namespace voki::bots {
class Catalogue;
}
namespace voki::config {
struct Config;
}
namespace voki::feedback {
class Engine;
}

namespace voki::api {

struct Services {
  store::Database& db;
  const bots::Catalogue& bots;
  const config::Config& config;
  asio::any_io_executor executor;              // the I/O executor the server runs on
  const feedback::Engine* feedback = nullptr;  // offline feedback; null when disabled
};

class Api {
 public:
  explicit Api(Services services);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  void add_routes(http::Router& router);
  // Answers being streamed right now (for graceful shutdown and the benchmark).
  std::size_t active_streams() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

// Maximum length of one chat message, in characters (longer: HTTP 413).
constexpr std::size_t kMaxMessageChars = 4000;

}  // namespace voki::api
