// The rules in the order they run.
#include "feedback/rules.h"

namespace voki::feedback {

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = {
      {"noun-gender-ending", rule_noun_gender_ending, false},
      {"spelling", rule_spelling, false},
      {"capital-start", rule_capital_start, false},
      {"capitals-inside", rule_capitals_inside, true},
      {"v2-word-order", rule_v2, false},
      {"question-word-order", rule_question_order, false},
      {"adverb-subclause", rule_adverb_subclause, true},
      {"subclause-word-order", rule_subclause_order, true},
      {"adverb-main-clause", rule_adverb_main_clause, true},
      {"object-pronoun-order", rule_object_pronoun_order, true},
      {"adverb-nonfinite", rule_adverb_nonfinite, true},
      {"verb-forms", rule_verb_forms, true},
      {"present-r", rule_present_r, true},
      {"past-tense-adverbial", rule_past_tense_adverbial, true},
      {"agreement", rule_agreement, true},
      {"plural-after-quantifier", rule_plural_after_quantifier, true},
      {"definiteness", rule_definiteness, true},
      {"noun-phrase", rule_noun_phrase, true},
      {"determiner-agreement", rule_determiner_agreement, true},
      {"determiner-vaares", rule_vaares, false},
      {"double-definiteness", rule_double_definiteness, true},
      {"predicative-agreement", rule_predicative, true},
      {"pronoun-case", rule_pronoun_case, false},
      {"split-compound", rule_split_compound, true},
      {"preposition", rule_preposition, false},
      {"repeated-word", rule_repeated_word, false},
      {"comma-subclause", rule_comma_subclause, false},
      {"comma-men", rule_comma_men, true},
      {"comma-main-clauses", rule_comma_main_clauses, false},
      {"final-punctuation", rule_final_punctuation, false},
  };
  return rules;
}

}  // namespace voki::feedback
