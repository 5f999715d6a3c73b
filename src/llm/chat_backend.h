// Language-model backends: anything that turns a chat prompt into a stream of text.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "net/asio.h"

namespace voki::bots {
struct DialogueScript;
}

namespace voki::llm {

// Quick choices under an answer: the learner asks for a simpler answer, more, or an
// explanation in their support language.
enum class Quick { none, simpler, more, my_language };

struct ChatMessage {
  std::string role;  // "system", "user" or "assistant"
  std::string content;
  Quick quick = Quick::none;  // for user turns sent with a quick choice (not sent upstream)
};

struct ChatRequest {
  std::string model;                  // empty: the backend's default
  std::vector<ChatMessage> messages;  // assembled by build_prompt()
  double temperature = 0.7;
  int max_tokens = 512;
};

struct ChatResult {
  bool ok = true;
  // On failure: a stable code ("upstream_unavailable", "upstream_error", "upstream_timeout",
  // "upstream_bad_response", "cancelled") and a technical message (never shown to learners,
  // never containing chat text).
  std::string error_code;
  std::string error_message;
  std::string text;            // everything streamed
  std::string finish_reason;   // "stop", "length", ...
};

// Receives each piece of text as it arrives. Returns false to stop the stream (the client left).
using TokenSink = std::function<Task<bool>(std::string_view piece)>;

class ChatBackend {
 public:
  virtual ~ChatBackend() = default;
  // Streams the answer to `sink`; completes when the answer is done, failed or was stopped.
  virtual Task<ChatResult> stream(const ChatRequest& request, TokenSink sink) = 0;
};

struct OpenAiConfig {
  std::string base_url;  // e.g. http://127.0.0.1:8081/v1 or https://api.openai.com/v1
  std::string api_key;   // sent as "Authorization: Bearer ..." when not empty
  std::string model;     // default model
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds first_token_timeout{60000};
  std::chrono::milliseconds idle_timeout{30000};  // max gap between chunks
  bool verify_tls = true;
};

// OpenAI-compatible /chat/completions with stream: true, over HTTP or HTTPS.
std::unique_ptr<ChatBackend> make_openai_backend(asio::any_io_executor executor, OpenAiConfig config);

// Guided dialogue: follows the script; works out where the learner is from the history in
// ChatRequest::messages (user/assistant turns; system messages are ignored). The special user
// turns with a quick choice ask for a simpler line (next hint), more (the model answer) or the
// explanation in `support_language`. Lines are streamed word by word, `word_delay` apart.
std::unique_ptr<ChatBackend> make_dialogue_backend(
    asio::any_io_executor executor, const bots::DialogueScript& script, std::string support_language,
    std::chrono::milliseconds word_delay = std::chrono::milliseconds(15));

}  // namespace voki::llm
