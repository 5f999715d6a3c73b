// The rules in the order they run.
#include "feedback/rules.h"

namespace voki::feedback {

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> rules = {
      {"spelling", rule_spelling, false},
      {"capital-start", rule_capital_start, false},
      {"capitals-inside", rule_capitals_inside, true},
      {"v2-word-order", rule_v2, true},
      {"adverb-subclause", rule_adverb_subclause, true},
      {"verb-forms", rule_verb_forms, true},
      {"present-r", rule_present_r, true},
      {"agreement", rule_agreement, true},
      {"definiteness", rule_definiteness, true},
      {"noun-phrase", rule_noun_phrase, true},
      {"split-compound", rule_split_compound, true},
      {"preposition", rule_preposition, false},
      {"phrase-preposition", rule_phrase_preposition, false},
      {"repeated-word", rule_repeated_word, false},
      {"comma-subclause", rule_comma_subclause, true},
      {"comma-men", rule_comma_men, true},
      {"final-punctuation", rule_final_punctuation, false},
      {"missing-formal-subject", rule_missing_formal_subject, false},
      {"missing-infinitive-marker", rule_missing_infinitive_marker, true},
      {"missing-ha", rule_missing_ha, false},
      {"missing-som", rule_missing_som, false},
      {"missing-determiner", rule_missing_determiner, false},
      {"missing-reflexive", rule_missing_reflexive, false},
      {"missing-preposition", rule_missing_preposition, false},
      {"missing-preposition-object", rule_missing_preposition_object, false},
      {"quantifier", rule_quantifier, false},
      {"og-for-marker", rule_og_for_marker, false},
      {"place-adverb", rule_place_adverb, false},
      {"indirect-if", rule_indirect_if, false},
      {"now-when", rule_now_when, false},
      {"extra-til", rule_extra_til, false},
      {"extra-article", rule_extra_article_role, false},
      {"modal-marker", rule_modal_marker, false},
      {"extra-at", rule_extra_at, false},
      {"extra-reflexive", rule_extra_reflexive, false},
      {"extra-preposition", rule_extra_preposition, false},
      {"extra-for-manner", rule_extra_for_manner, false},
      {"article-plural", rule_article_plural, false},
      {"double-article", rule_extra_article_pair, false},
      {"extra-copula", rule_extra_copula, false},
      {"comma-after-phrase", rule_comma_after_phrase, false},
      {"comma-before-at", rule_comma_before_at, false},
      {"comma-before-som", rule_comma_before_som, false},
  };
  return rules;
}

}  // namespace voki::feedback
