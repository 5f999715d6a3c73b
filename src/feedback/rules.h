// Internal to voki_feedback: the rules. Each rule reads one analysed sentence and adds findings;
// explanations are filled in afterwards from the rule id (see explanations.h).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "feedback/analysis.h"
#include "feedback/feedback.h"

namespace voki::feedback {

struct RuleContext {
  Worker& worker;
  const Sentence& sentence;
  std::string_view text;  // the whole input, UTF-8 (for context such as quotes)
  std::vector<Finding>& findings;

  void add(const char* rule, const char* code, std::size_t start, std::size_t end,
           std::vector<std::string> suggestions, double confidence) const;
};

using RuleFunction = void (*)(const RuleContext&);

struct RuleInfo {
  const char* id;
  RuleFunction run;
};

// Every rule, in the order they run; an earlier finding wins over a later one on the same span.
const std::vector<RuleInfo>& all_rules();

// Individual rules (exposed for their unit tests).
void rule_spelling(const RuleContext& context);

}  // namespace voki::feedback
