// The shipped catalogue in bots/: every file loads, and every bot is complete enough to be used
// offline (no language model) in all ten UI languages.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bots/bots.h"

using voki::bots::Bot;
using voki::bots::Catalogue;
using voki::bots::kLanguages;

namespace {

const std::string kBotsDir = std::string(VOKI_SOURCE_DIR) + "/bots";

const voki::bots::LoadResult& shipped() {
  static const voki::bots::LoadResult result = voki::bots::load_bots(kBotsDir);
  return result;
}

// The support languages every step should be explained in.
const std::set<std::string> kExplanationLanguages = {"en", "ar", "uk", "so", "ti", "prs", "pl", "tr"};

}  // namespace

TEST(ShippedCatalogue, EveryFileLoadsWithoutErrors) {
  std::string errors;
  for (const auto& error : shipped().errors) errors += voki::bots::to_string(error) + "\n";
  EXPECT_TRUE(shipped().errors.empty()) << errors;
  EXPECT_GE(shipped().bots.size(), 12u);
}

TEST(ShippedCatalogue, OrganisationsHaveTheRequiredBots) {
  const Catalogue catalogue(shipped().bots);
  for (const char* id : {"hos-legen", "i-butikken", "utviklingssamtale", "pa-nav", "forklar-meg", "skrivecoach",
                         "timeplanlegger"}) {
    EXPECT_NE(catalogue.find("oslo-vo", id), nullptr) << id;
  }
  for (const char* id : {"jobbintervju", "lunsjpraten", "forklar-meg", "soknadscoach", "skjemahjelp"}) {
    EXPECT_NE(catalogue.find("nav-jobbsjansen", id), nullptr) << id;
  }
  const Bot* planner = catalogue.find("oslo-vo", "timeplanlegger");
  ASSERT_NE(planner, nullptr);
  EXPECT_EQ(planner->audience, "teacher");
  EXPECT_EQ(catalogue.find("nav-jobbsjansen", "hos-legen"), nullptr);  // organisations stay apart
}

TEST(ShippedCatalogue, EveryBotIsNamedInAllTenLanguages) {
  for (const Bot& bot : shipped().bots) {
    for (auto language : kLanguages) {
      const std::string code(language);
      EXPECT_TRUE(bot.names.count(code)) << bot.organisation << "/" << bot.id << " name " << code;
      EXPECT_TRUE(bot.purposes.count(code)) << bot.organisation << "/" << bot.id << " purpose " << code;
    }
    EXPECT_FALSE(bot.avatar.empty()) << bot.id;
  }
}

TEST(ShippedCatalogue, EveryBotWorksOffline) {
  for (const Bot& bot : shipped().bots) {
    const std::string name = bot.organisation + "/" + bot.id;
    ASSERT_TRUE(bot.script.has_value()) << name;
    EXPECT_FALSE(bot.script->closing.empty()) << name;
    EXPECT_GE(bot.script->steps.size(), 5u) << name;
    EXPECT_LE(bot.script->steps.size(), 8u) << name;
    for (std::size_t i = 0; i < bot.script->steps.size(); ++i) {
      const auto& step = bot.script->steps[i];
      const std::string where = name + " step " + std::to_string(i + 1);
      EXPECT_FALSE(step.prompt.empty()) << where;
      EXPECT_FALSE(step.accepted.empty()) << where;
      EXPECT_EQ(step.hints.size(), 2u) << where;
      EXPECT_FALSE(step.model_answer.empty()) << where;
      for (const auto& language : kExplanationLanguages) {
        EXPECT_TRUE(step.explanation.count(language)) << where << " explain " << language;
      }
    }
    EXPECT_GE(bot.starters.size(), 3u) << name;
    EXPECT_LE(bot.starters.size(), 4u) << name;
    EXPECT_FALSE(bot.instruction.empty()) << name;
  }
}

TEST(ShippedCatalogue, WritingCoachesNeverWriteTheText) {
  // The promise to learners and teachers: coaches give starters and structure, not finished texts.
  const Catalogue catalogue(shipped().bots);
  for (auto [organisation, id] : {std::pair{"oslo-vo", "skrivecoach"}, std::pair{"nav-jobbsjansen", "soknadscoach"}}) {
    const Bot* coach = catalogue.find(organisation, id);
    ASSERT_NE(coach, nullptr) << id;
    EXPECT_NE(coach->instruction.find("Skriv aldri teksten"), std::string::npos) << id;
  }
}
