// Guided dialogue backend: replay of the history, tolerant matching, hints, quick choices, streaming.
#include <utility>  // g++ 12 with Boost 1.74 needs this before Asio.

#include <gtest/gtest.h>

#include <chrono>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "bots/bots.h"
#include "llm/chat_backend.h"
#include "llm/internal.h"

namespace voki::llm {
namespace {

using namespace std::chrono_literals;

bots::DialogueScript cafe_script() {
  bots::DialogueScript script;
  script.opening = "Hei! Velkommen til kafeen.";
  bots::DialogueStep order;
  order.prompt = "Hva vil du drikke?";
  order.accepted = {"Jeg vil ha en kaffe", "En te, takk"};
  order.hints = {"Du kan bestille kaffe eller te.", "Begynn med: Jeg vil ha ..."};
  order.model_answer = "Jeg vil ha en kaffe, takk.";
  order.explanation = {{"en", "The waiter asks what you want to drink."},
                       {"ar", "يسألك النادل ماذا تريد أن تشرب."},
                       {"nb", "Kelneren spør hva du vil drikke."}};
  order.on_accept = "Så fint!";
  bots::DialogueStep size;
  size.prompt = "Stor eller liten?";
  size.accepted = {"stor", "liten"};
  size.hints = {"Si stor eller liten."};
  size.model_answer = "Liten, takk.";
  size.explanation = {{"nb", "Vil du ha en stor eller en liten kopp?"}};
  bots::DialogueStep wish;
  wish.prompt = "Fortell meg om dagen din.";
  wish.accepted = {"*"};
  script.steps = {order, size, wish};
  script.closing = "Takk for besøket. Ha en fin dag!";
  return script;
}

struct Answer {
  ChatResult result;
  std::vector<std::string> pieces;
};

ChatMessage user(std::string text, Quick quick = Quick::none) { return {"user", std::move(text), quick}; }
ChatMessage bot(std::string text) { return {"assistant", std::move(text), Quick::none}; }

Answer answer(const std::vector<ChatMessage>& history, const std::string& support_language = "ar",
              std::size_t stop_after = 0, std::chrono::milliseconds delay = 0ms) {
  asio::io_context context;
  auto backend = make_dialogue_backend(context.get_executor(), cafe_script(), support_language, delay);
  ChatRequest request;
  request.messages.push_back({"system", "ignored", Quick::none});
  request.messages.insert(request.messages.end(), history.begin(), history.end());
  Answer out;
  asio::co_spawn(
      context,
      [&]() -> Task<void> {
        out.result = co_await backend->stream(request, [&](std::string_view piece) -> Task<bool> {
          out.pieces.emplace_back(piece);
          co_return stop_after == 0 || out.pieces.size() < stop_after;
        });
      },
      asio::detached);
  context.run();
  return out;
}

std::string text_of(const std::vector<ChatMessage>& history, const std::string& support_language = "ar") {
  return answer(history, support_language).result.text;
}

TEST(DialogueBackend, FirstTurnIsOpeningAndFirstPrompt) {
  EXPECT_EQ(text_of({}), "Hei! Velkommen til kafeen. Hva vil du drikke?");
}

TEST(DialogueBackend, LearnerWhoSpeaksFirstGetsTheOpeningNotAHint) {
  // A greeting that does not answer the first question: the learner has not seen it yet.
  EXPECT_EQ(text_of({user("Hei!")}), "Hei! Velkommen til kafeen. Hva vil du drikke?");
  EXPECT_EQ(text_of({user("", Quick::simpler)}), "Hei! Velkommen til kafeen. Hva vil du drikke?");
  // The next miss is the first one counted.
  EXPECT_EQ(text_of({user("Hei!"), bot("Hei! Velkommen til kafeen. Hva vil du drikke?"), user("hmm")}),
            "Nesten! Du kan bestille kaffe eller te.");
  // A first message that already answers the question is accepted.
  EXPECT_EQ(text_of({user("Jeg vil ha en kaffe")}), "Så fint! Stor eller liten?");
}

TEST(DialogueBackend, AcceptedAnswerAdvancesWithReaction) {
  EXPECT_EQ(text_of({bot("..."), user("Jeg vil ha en kaffe")}), "Så fint! Stor eller liten?");
}

TEST(DialogueBackend, DefaultPraiseWithoutOnAccept) {
  EXPECT_EQ(text_of({user("En te, takk"), user("stor")}), "Bra! Fortell meg om dagen din.");
}

TEST(DialogueBackend, TolerantToCasePunctuationAndSmallSlips) {
  for (const char* variant : {"JEG VIL HA EN KAFFE!!!", "jeg  vil ha en kaffe.", "Jeg vil ha en kafe",
                              "jeg vil ha en kaffi", "Hei, jeg vil ha en kaffe takk", "en te takk"}) {
    EXPECT_EQ(text_of({user(variant)}), "Så fint! Stor eller liten?") << variant;
  }
  EXPECT_EQ(text_of({user("En te, takk"), user("Stoor")}), "Bra! Fortell meg om dagen din.");
}

TEST(DialogueBackend, WrongAnswersGetHintsThenTheModelAnswer) {
  std::vector<ChatMessage> history = {bot("Hei! Velkommen til kafeen. Hva vil du drikke?"),
                                      user("Jeg liker fotball")};
  EXPECT_EQ(text_of(history), "Nesten! Du kan bestille kaffe eller te.");
  history.push_back(bot("..."));
  history.push_back(user("hmm"));
  EXPECT_EQ(text_of(history), "Prøv en gang til. Begynn med: Jeg vil ha ...");
  history.push_back(user("vet ikke"));
  EXPECT_EQ(text_of(history), "Du kan si: Jeg vil ha en kaffe, takk.");
  // After the model answer the step advances on the next turn, even if it is still not right.
  history.push_back(user("ok"));
  EXPECT_EQ(text_of(history), "Vi går videre. Stor eller liten?");
}

TEST(DialogueBackend, OpenQuestionAcceptsAnythingNonEmpty) {
  const std::vector<ChatMessage> base = {user("En te, takk"), user("liten")};
  auto history = base;
  history.push_back(user("Jeg var på jobb og så på TV."));
  EXPECT_EQ(text_of(history), "Bra! Takk for besøket. Ha en fin dag!");
  history = base;
  history.push_back(user("?!"));  // only punctuation: not an answer
  EXPECT_NE(text_of(history), "Bra! Takk for besøket. Ha en fin dag!");
}

TEST(DialogueBackend, AfterTheLastStepTheClosingRepeats) {
  EXPECT_EQ(text_of({user("En te, takk"), user("liten"), user("Fin dag"), user("Hei igjen")}),
            "Takk for besøket. Ha en fin dag!");
}

TEST(DialogueBackend, QuickSimplerGivesTheNextHintThenTheModelAnswer) {
  std::vector<ChatMessage> history = {bot("..."), user("", Quick::simpler)};
  EXPECT_EQ(text_of(history), "Du kan bestille kaffe eller te.");
  history.push_back(user("feil"));
  EXPECT_EQ(text_of(history), "Prøv en gang til. Begynn med: Jeg vil ha ...");
  history.push_back(user("", Quick::simpler));
  EXPECT_EQ(text_of(history), "Du kan si: Jeg vil ha en kaffe, takk.");
}

TEST(DialogueBackend, QuickMoreGivesModelAnswerAndPromptAndStaysOnStep) {
  std::vector<ChatMessage> history = {bot("..."), user("", Quick::more)};
  EXPECT_EQ(text_of(history), "Du kan si: Jeg vil ha en kaffe, takk.\nHva vil du drikke?");
  history.push_back(user("Jeg vil ha en kaffe takk"));
  EXPECT_EQ(text_of(history), "Så fint! Stor eller liten?");
}

TEST(DialogueBackend, QuickMyLanguageUsesSupportLanguageWithFallbacks) {
  const std::vector<ChatMessage> history = {bot("..."), user("", Quick::my_language)};
  EXPECT_EQ(text_of(history, "ar"), "يسألك النادل ماذا تريد أن تشرب.\nHva vil du drikke?");
  EXPECT_EQ(text_of(history, "so"), "The waiter asks what you want to drink.\nHva vil du drikke?");  // -> en
  // Step 2 has only "nb".
  EXPECT_EQ(text_of({user("En te, takk"), user("", Quick::my_language)}, "ar"),
            "Vil du ha en stor eller en liten kopp?\nStor eller liten?");
}

TEST(DialogueBackend, StreamsWordByWord) {
  const Answer out = answer({user("En te, takk")}, "ar", 0, 5ms);
  ASSERT_TRUE(out.result.ok);
  EXPECT_EQ(out.result.finish_reason, "stop");
  EXPECT_EQ(out.pieces, (std::vector<std::string>{"Så ", "fint! ", "Stor ", "eller ", "liten?"}));
}

TEST(DialogueBackend, WaitsBetweenWords) {
  const auto start = std::chrono::steady_clock::now();
  const Answer out = answer({}, "ar", 0, 20ms);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(out.pieces.size(), 8u);
  EXPECT_GE(elapsed, 7 * 20ms);
}

TEST(DialogueBackend, SinkReturningFalseStops) {
  const Answer out = answer({}, "ar", 2, 1ms);
  EXPECT_FALSE(out.result.ok);
  EXPECT_EQ(out.result.error_code, "cancelled");
  EXPECT_EQ(out.pieces.size(), 2u);
}

TEST(AnswerMatching, NormalisationKeepsNorwegianLetters) {
  EXPECT_EQ(detail::normalise_answer("  ÆRLIG, Øl og Å!  "), "ærlig øl og å");
  EXPECT_EQ(detail::normalise_answer("Blåbær"), detail::normalise_answer("BLA\u030ABÆR"));  // NFC
  EXPECT_EQ(detail::normalise_answer("?!..."), "");
}

TEST(AnswerMatching, EditDistanceCountsCodePoints) {
  EXPECT_EQ(detail::edit_distance("gå", "ga"), 1u);
  EXPECT_EQ(detail::edit_distance("kaffe", "kafe"), 1u);
  EXPECT_EQ(detail::edit_distance("", "abc"), 3u);
  EXPECT_EQ(detail::edit_distance("bord", "bord"), 0u);
}

TEST(AnswerMatching, RejectsDifferentAnswers) {
  EXPECT_FALSE(detail::answer_matches("ja", "jo"));        // too short for slips
  EXPECT_FALSE(detail::answer_matches("stor", "liten"));
  EXPECT_FALSE(detail::answer_matches("Jeg vil ha en øl", "Jeg vil ha en kaffe"));
  EXPECT_FALSE(detail::answer_matches("", "*"));
  EXPECT_TRUE(detail::answer_matches("x", "*"));
  EXPECT_TRUE(detail::answer_matches("Jeg heter Amina og kommer fra Syria", "Jeg heter Amina"));
  EXPECT_FALSE(detail::answer_matches(std::string(100000, 'a'), "Jeg heter Amina"));  // long input is fine
}

}  // namespace
}  // namespace voki::llm
