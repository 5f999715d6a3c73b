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
  // In candidate mode: a span that CG-3 should disambiguate if it runs for another candidate
  // (so that the window stays as wide as before) but that alone is not worth a CG-3 run, because
  // the rule sees on the raw readings that it will stay silent there. Does nothing otherwise.
  void widen_window(std::size_t start, std::size_t end) const;
};

using RuleFunction = void (*)(const RuleContext&);

struct RuleInfo {
  const char* id;
  RuleFunction run;
  // Reads parts of speech or forms that are often ambiguous: its findings are only trusted on
  // readings CG-3 has disambiguated.
  bool needs_disambiguation;
};

// Every rule, in the order they run; an earlier finding wins over a later one on the same span.
const std::vector<RuleInfo>& all_rules();

// While alive, the rules on this thread look for candidates on undisambiguated readings: a
// condition on "every reading" holds when some reading meets it. The engine runs CG-3 only on
// sentences where a rule that needs disambiguation finds a candidate.
class CandidateScope {
 public:
  CandidateScope();
  ~CandidateScope();
  CandidateScope(const CandidateScope&) = delete;
  CandidateScope& operator=(const CandidateScope&) = delete;

 private:
  bool previous_;
};

// Individual rules (exposed for their unit tests).
void rule_spelling(const RuleContext& context);
void rule_real_words(const RuleContext& context);
void rule_final_punctuation(const RuleContext& context);
void rule_capital_start(const RuleContext& context);
void rule_capitals_inside(const RuleContext& context);
void rule_v2(const RuleContext& context);
void rule_adverb_subclause(const RuleContext& context);
void rule_question_order(const RuleContext& context);
void rule_subclause_order(const RuleContext& context);
void rule_adverb_main_clause(const RuleContext& context);
void rule_object_pronoun_order(const RuleContext& context);
void rule_adverb_nonfinite(const RuleContext& context);
void rule_verb_forms(const RuleContext& context);
void rule_present_r(const RuleContext& context);
void rule_coordinated_verb(const RuleContext& context);
void rule_something_adjective(const RuleContext& context);
void rule_agreement(const RuleContext& context);
void rule_definiteness(const RuleContext& context);
void rule_strong_adjective_definite(const RuleContext& context);
void rule_noun_phrase(const RuleContext& context);
void rule_determiner_agreement(const RuleContext& context);
void rule_double_definiteness(const RuleContext& context);
void rule_predicative(const RuleContext& context);
void rule_pronoun_case(const RuleContext& context);
void rule_plural_after_quantifier(const RuleContext& context);
void rule_past_tense_adverbial(const RuleContext& context);
void rule_noun_gender_ending(const RuleContext& context);
void rule_vaares(const RuleContext& context);
void rule_demonstrative_gender(const RuleContext& context);
void rule_article_dictionary(const RuleContext& context);
void rule_participle_alone(const RuleContext& context);
void rule_split_compound(const RuleContext& context);
void rule_split_words(const RuleContext& context);
void rule_written_apart(const RuleContext& context);
void rule_preposition(const RuleContext& context);
void rule_phrase_preposition(const RuleContext& context);
void rule_repeated_word(const RuleContext& context);
void rule_comma_subclause(const RuleContext& context);
void rule_comma_men(const RuleContext& context);
void rule_comma_fronted_infinitive(const RuleContext& context);
void rule_comma_insertion(const RuleContext& context);
void rule_question_mark(const RuleContext& context);
void rule_semicolon_full_stop(const RuleContext& context);
void rule_comma_main_clauses(const RuleContext& context);
void rule_comma_subject_clause(const RuleContext& context);
// Missing, superfluous and chosen words (missing_words.cpp, extra_words.cpp, collocations.cpp) and
// superfluous punctuation (punctuation_extra.cpp).
void rule_missing_formal_subject(const RuleContext& context);
void rule_missing_infinitive_marker(const RuleContext& context);
void rule_missing_ha(const RuleContext& context);
void rule_missing_som(const RuleContext& context);
void rule_missing_determiner(const RuleContext& context);
void rule_missing_reflexive(const RuleContext& context);
void rule_missing_copula(const RuleContext& context);
void rule_missing_stranded_preposition(const RuleContext& context);
void rule_og_saa(const RuleContext& context);
void rule_extra_at_question(const RuleContext& context);
void rule_extra_for_marker(const RuleContext& context);
void rule_verb_noun_preposition(const RuleContext& context);
void rule_sammen_for_samme(const RuleContext& context);
void rule_generic_man(const RuleContext& context);
void rule_missing_preposition(const RuleContext& context);
void rule_missing_preposition_object(const RuleContext& context);
void rule_quantifier(const RuleContext& context);
void rule_og_for_marker(const RuleContext& context);
void rule_place_adverb(const RuleContext& context);
void rule_indirect_if(const RuleContext& context);
void rule_now_when(const RuleContext& context);
void rule_when_past(const RuleContext& context);
void rule_ogsaa_heller(const RuleContext& context);
void rule_extra_til(const RuleContext& context);
void rule_extra_article_role(const RuleContext& context);
void rule_modal_marker(const RuleContext& context);
void rule_extra_at(const RuleContext& context);
void rule_extra_reflexive(const RuleContext& context);
void rule_extra_preposition(const RuleContext& context);
void rule_extra_for_manner(const RuleContext& context);
void rule_article_plural(const RuleContext& context);
void rule_extra_article_pair(const RuleContext& context);
void rule_extra_copula(const RuleContext& context);
void rule_stray_letter(const RuleContext& context);
void rule_verb_restart(const RuleContext& context);
void rule_subject_twice(const RuleContext& context);
void rule_double_subject(const RuleContext& context);
void rule_double_conjunction(const RuleContext& context);
void rule_double_possessive(const RuleContext& context);
void rule_two_infinitives(const RuleContext& context);
void rule_word_twice_in_clause(const RuleContext& context);
void rule_preposition_infinitive(const RuleContext& context);
void rule_missing_subject(const RuleContext& context);
void rule_missing_at_after_because_of(const RuleContext& context);
void rule_missing_formal_object(const RuleContext& context);
void rule_comma_after_phrase(const RuleContext& context);
void rule_comma_before_at(const RuleContext& context);
void rule_comma_before_object_at(const RuleContext& context);
void rule_comma_before_som(const RuleContext& context);
void rule_comma_before_last_item(const RuleContext& context);
void rule_comma_after_subjunction(const RuleContext& context);
void rule_comma_before_examples(const RuleContext& context);

}  // namespace voki::feedback
