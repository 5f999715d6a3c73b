// Regression on the NoCoLA development set: fails if recall or the false-flag rate gets worse than
// the figures reached (by more than one point). Data: NoCoLA (Jentoft & Samuel, NoDaLiDa 2023), from
// the ASK learner corpus, MIT licence; path from env NOCOLA_DEV or the compile definition.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <utility>

#include "feedback/cli.h"
#include "feedback/feedback.h"

namespace {
std::string dev_path() {
  if (const char* env = std::getenv("NOCOLA_DEV")) return env;
  return VOKI_NOCOLA_DEV;
}
}  // namespace

TEST(NocolaRegression, RecallAndFalseFlagsDoNotGetWorse) {
  const std::string path = dev_path();
  if (!std::ifstream(path)) GTEST_SKIP() << "NoCoLA dev set not found at " << path;
  auto engine = voki::feedback::load_engine();
  const auto result = voki::feedback::evaluate_nocola(*engine, path);
  std::cout << voki::feedback::eval_to_json(result) << '\n';
  // Figures reached on dev.tsv (history in git log): recall 0.401, false flags 0.030, F 0.368,
  // INFL 0.629, ORT 0.853, SPL 0.445, PART 0.564, CAP 0.785, PUNCM 0.356, PUNCR 0.274,
  // PUNC 0.575, O 0.491, R 0.357, M 0.184, W 0.178. Each may get worse by one point at most.
  EXPECT_GE(result.recall(), 0.401 - 0.01);
  EXPECT_LE(result.false_flag_rate(), 0.030 + 0.01);
  auto recall_of = [&](const char* code) {
    const auto& c = result.by_code.at(code);
    return double(c.detected) / double(c.total);
  };
  EXPECT_GE(recall_of("F"), 0.368 - 0.01);
  EXPECT_GE(recall_of("INFL"), 0.629 - 0.01);
  EXPECT_GE(recall_of("ORT"), 0.853 - 0.01);
  EXPECT_GE(recall_of("SPL"), 0.445 - 0.01);  // compounds written apart
  EXPECT_GE(recall_of("PART"), 0.564 - 0.01);  // words written together that belong apart ("idag")
  EXPECT_GE(recall_of("CAP"), 0.785 - 0.01);
  EXPECT_GE(recall_of("PUNCM"), 0.356 - 0.01);
  EXPECT_GE(recall_of("PUNCR"), 0.274 - 0.01);  // superfluous punctuation
  EXPECT_GE(recall_of("PUNC"), 0.575 - 0.01);   // wrong punctuation mark
  EXPECT_GE(recall_of("O"), 0.491 - 0.01);
  EXPECT_GE(recall_of("R"), 0.357 - 0.01);  // superfluous words
  EXPECT_GE(recall_of("M"), 0.184 - 0.01);  // missing words
  EXPECT_GE(recall_of("W"), 0.178 - 0.01);  // wrong words
}
