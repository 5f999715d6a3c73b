// Guided dialogue without a language model: replays the learner's turns against the script to find
// the current step, then streams the bot's next line word by word.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bots/bots.h"
#include "llm/chat_backend.h"
#include "llm/internal.h"

namespace voki::llm {
namespace {

constexpr std::string_view kPraise = "Bra!";
constexpr std::string_view kAlmost = "Nesten!";
constexpr std::string_view kTryAgain = "Prøv en gang til.";
constexpr std::string_view kYouCanSay = "Du kan si:";
constexpr std::string_view kMoveOn = "Vi går videre.";
constexpr std::string_view kDefaultClosing = "Takk for nå!";

void append_sentence(std::string& out, std::string_view sentence) {
  if (sentence.empty()) return;
  if (!out.empty()) out += ' ';
  out += sentence;
}

// Where the learner is in the script, and what the bot says next.
class DialogueState {
 public:
  explicit DialogueState(const bots::DialogueScript& script, const std::string& support_language)
      : script_(script), support_language_(support_language) {}

  std::string opening() const {
    std::string line(script_.opening);
    if (!script_.steps.empty()) append_sentence(line, script_.steps.front().prompt);
    if (line.empty()) line = std::string(kDefaultClosing);
    return line;
  }

  // The bot has spoken in the conversation, so the learner has seen the opening and first question.
  void bot_turn_seen() { greeted_ = true; }

  // Applies one learner turn and returns the bot's answer to it.
  std::string answer(const ChatMessage& turn) {
    if (step_ >= script_.steps.size()) return closing();
    const bots::DialogueStep& step = script_.steps[step_];
    std::string line;
    if (!greeted_ && turn.quick != Quick::none) {
      greeted_ = true;
      return opening();
    }
    switch (turn.quick) {
      case Quick::simpler:
        return next_hint(step, /*after_miss=*/false);
      case Quick::more:
        append_sentence(line, kYouCanSay);
        append_sentence(line, model_answer(step));
        line += "\n";
        line += step.prompt;
        return line;
      case Quick::my_language:
        line = explanation(step);
        if (!line.empty()) line += "\n";
        line += step.prompt;
        return line;
      case Quick::none:
        break;
    }
    const bool accepted = std::any_of(step.accepted.begin(), step.accepted.end(), [&](const std::string& a) {
      return detail::answer_matches(turn.content, a);
    });
    // The learner speaks first (a greeting or a starter) and has not seen the first question yet:
    // answer with the opening and the question, unless they already answered it.
    const bool first_turn = !greeted_;
    greeted_ = true;
    if (first_turn && !accepted) return opening();
    if (accepted) {
      append_sentence(line, step.on_accept.empty() ? std::string(kPraise) : step.on_accept);
      advance(line);
      return line;
    }
    if (model_shown_) {  // the learner saw the model answer: move on rather than loop
      append_sentence(line, kMoveOn);
      advance(line);
      return line;
    }
    return next_hint(step, /*after_miss=*/true);
  }

 private:
  std::string closing() const {
    return script_.closing.empty() ? std::string(kDefaultClosing) : script_.closing;
  }

  void advance(std::string& line) {
    ++step_;
    hints_used_ = 0;
    model_shown_ = false;
    append_sentence(line, step_ < script_.steps.size() ? script_.steps[step_].prompt : closing());
  }

  static std::string model_answer(const bots::DialogueStep& step) {
    if (!step.model_answer.empty()) return step.model_answer;
    for (const std::string& accepted : step.accepted) {
      if (accepted != "*") return accepted;
    }
    return {};
  }

  std::string next_hint(const bots::DialogueStep& step, bool after_miss) {
    std::string line;
    if (hints_used_ < step.hints.size()) {
      if (after_miss) append_sentence(line, hints_used_ == 0 ? kAlmost : kTryAgain);
      append_sentence(line, step.hints[hints_used_++]);
      return line;
    }
    const std::string model = model_answer(step);
    if (model.empty()) {  // nothing to show: repeat the question
      append_sentence(line, kTryAgain);
      append_sentence(line, step.prompt);
      return line;
    }
    append_sentence(line, kYouCanSay);
    append_sentence(line, model);
    model_shown_ = true;
    return line;
  }

  std::string explanation(const bots::DialogueStep& step) const {
    for (const std::string& language : {support_language_, std::string("en"), std::string("nb")}) {
      if (language.empty()) continue;
      if (auto found = step.explanation.find(language); found != step.explanation.end()) return found->second;
    }
    return {};
  }

  const bots::DialogueScript& script_;
  const std::string& support_language_;
  std::size_t step_ = 0;
  std::size_t hints_used_ = 0;
  bool model_shown_ = false;
  bool greeted_ = false;  // the learner has seen the opening and the first question
};

class DialogueBackend final : public ChatBackend {
 public:
  DialogueBackend(asio::any_io_executor executor, const bots::DialogueScript& script,
                  std::string support_language, std::chrono::milliseconds word_delay)
      : executor_(std::move(executor)),
        script_(script),
        support_language_(std::move(support_language)),
        word_delay_(word_delay) {}

  Task<ChatResult> stream(const ChatRequest& request, TokenSink sink) override {
    ChatResult result;
    result.text = reply_for(request.messages);
    result.finish_reason = "stop";

    // One piece per word, each carrying the spaces/line breaks that follow it.
    asio::steady_timer timer(executor_);
    const std::string_view text = result.text;
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
      std::size_t end = text.find_first_of(" \n", pos);
      end = end == std::string_view::npos ? text.size() : text.find_first_not_of(" \n", end);
      if (end == std::string_view::npos) end = text.size();
      if (!first && word_delay_.count() > 0) {
        timer.expires_after(word_delay_);
        boost::system::error_code ec;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      }
      first = false;
      if (!co_await sink(text.substr(pos, end - pos))) {
        result.ok = false;
        result.error_code = "cancelled";
        result.error_message = "the client stopped the answer";
        result.finish_reason.clear();
        co_return result;
      }
      pos = end;
    }
    co_return result;
  }

 private:
  std::string reply_for(const std::vector<ChatMessage>& messages) const {
    DialogueState state(script_, support_language_);
    std::string reply = state.opening();
    for (const ChatMessage& message : messages) {
      if (message.role == "assistant") state.bot_turn_seen();
      if (message.role == "user") reply = state.answer(message);
    }
    return reply;
  }

  asio::any_io_executor executor_;
  bots::DialogueScript script_;  // a copy: the bot catalogue may be reloaded while we run
  std::string support_language_;
  std::chrono::milliseconds word_delay_;
};

}  // namespace

std::unique_ptr<ChatBackend> make_dialogue_backend(asio::any_io_executor executor,
                                                   const bots::DialogueScript& script,
                                                   std::string support_language,
                                                   std::chrono::milliseconds word_delay) {
  return std::make_unique<DialogueBackend>(std::move(executor), script, std::move(support_language),
                                           word_delay);
}

}  // namespace voki::llm
