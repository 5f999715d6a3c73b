// The shared rule machinery: candidate mode is scoped to its thread and nests.
#include <thread>

#include "feedback/rules.h"
#include "feedback/rules/rule_helpers.h"
#include "rules/rule_test_util.h"

namespace {

using voki::feedback::CandidateScope;
using voki::feedback::rule_helpers::candidate_mode;

TEST(RuleHelpers, CandidateModeIsScopedAndNests) {
  EXPECT_FALSE(candidate_mode());
  {
    CandidateScope outer;
    EXPECT_TRUE(candidate_mode());
    {
      CandidateScope inner;
      EXPECT_TRUE(candidate_mode());
    }
    EXPECT_TRUE(candidate_mode());
    bool other_thread = true;
    std::thread([&] { other_thread = candidate_mode(); }).join();
    EXPECT_FALSE(other_thread);
  }
  EXPECT_FALSE(candidate_mode());
}

}  // namespace
