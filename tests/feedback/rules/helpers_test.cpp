// The shared rule machinery: candidate mode is scoped to its thread and nests.
#include <thread>

#include "feedback/analysis.h"
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

// A span that only widens CG-3's window is kept, without a rule id, in candidate mode alone.
TEST(RuleHelpers, WidenWindowOnlyInCandidateMode) {
  using namespace voki::feedback;
  Worker worker(ResourceFiles::load(ResourcePaths{}));
  auto sentences = worker.analyse("Hun jobber for kvinner.");
  ASSERT_FALSE(sentences.empty());
  std::vector<Finding> found;
  RuleContext context{worker, sentences[0], "Hun jobber for kvinner.", found};
  context.widen_window(11, 22);
  EXPECT_TRUE(found.empty());
  {
    CandidateScope scope;
    context.widen_window(11, 22);
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].rule.empty());
  EXPECT_EQ(found[0].start, 11u);
  EXPECT_EQ(found[0].end, 22u);
}

// Rules that only widen the window on function words still find the real errors.
TEST(RuleHelpers, WindowOnlyCandidatesKeepRealFindings) {
  using voki::feedback::testing::expect_finding;
  using voki::feedback::testing::expect_no_rule;
  expect_finding("Vi spilte på fotball banen i går.", "split-compound", "fotballbanen");
  expect_no_rule("Hun jobber for kvinner i byen.", "split-compound");
  expect_no_rule("Vi har trent to ganger i uka.", "plural-after-number");
}

}  // namespace
