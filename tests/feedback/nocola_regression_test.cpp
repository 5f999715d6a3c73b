// Regression on the NoCoLA development set: fails if recall or the false-flag rate gets worse than
// the figures reached (by more than one point). Data: NoCoLA (Jentoft & Samuel, NoDaLiDa 2023), from
// the ASK learner corpus, MIT licence; path from env NOCOLA_DEV or the compile definition.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

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
  // Figures reached on dev.tsv (history in git log): recall 0.265, false flags 0.030, F 0.277,
  // INFL 0.566, ORT 0.622, CAP 0.726, PUNCM 0.223, O 0.412. Each may get worse by one point at most.
  EXPECT_GE(result.recall(), 0.265 - 0.01);
  EXPECT_LE(result.false_flag_rate(), 0.030 + 0.01);
  const auto& forms = result.by_code.at("F");
  EXPECT_GE(double(forms.detected) / double(forms.total), 0.277 - 0.01);
  const auto& inflection = result.by_code.at("INFL");
  EXPECT_GE(double(inflection.detected) / double(inflection.total), 0.566 - 0.01);
  const auto& ort = result.by_code.at("ORT");
  EXPECT_GE(double(ort.detected) / double(ort.total), 0.622 - 0.01);
  const auto& cap = result.by_code.at("CAP");
  EXPECT_GE(double(cap.detected) / double(cap.total), 0.726 - 0.01);
  const auto& puncm = result.by_code.at("PUNCM");
  EXPECT_GE(double(puncm.detected) / double(puncm.total), 0.223 - 0.01);
  const auto& order = result.by_code.at("O");
  EXPECT_GE(double(order.detected) / double(order.total), 0.412 - 0.01);
}
