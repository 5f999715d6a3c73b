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
  // Reached on dev.tsv: recall 0.255, false-flag rate 0.030, CAP 0.71, PUNCM 0.156 (see bench/feedback).
  // The first pass had recall 0.225 at 0.040 false flags; part of that recall was findings on the
  // wrong word (names, "osv.") that the second pass no longer makes.
  EXPECT_GE(result.recall(), 0.255 - 0.01);
  EXPECT_LE(result.false_flag_rate(), 0.028 + 0.01);
  const auto& ort = result.by_code.at("ORT");
  EXPECT_GE(double(ort.detected) / double(ort.total), 0.616 - 0.01);
  const auto& cap = result.by_code.at("CAP");
  EXPECT_GE(double(cap.detected) / double(cap.total), 0.71 - 0.01);
  const auto& puncm = result.by_code.at("PUNCM");
  EXPECT_GE(double(puncm.detected) / double(puncm.total), 0.156 - 0.01);
  // Missing, superfluous and chosen words, superfluous punctuation (reached: M 0.155, R 0.240,
  // W 0.104, PUNCR 0.183).
  for (const auto& [code, reached] : {std::pair{"M", 0.155}, {"R", 0.240}, {"W", 0.104}, {"PUNCR", 0.183}}) {
    const auto& c = result.by_code.at(code);
    EXPECT_GE(double(c.detected) / double(c.total), reached - 0.01) << code;
  }
}
