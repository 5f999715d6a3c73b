// Internal to the rules (src/feedback/rules/*.cpp): what several rules read of a sentence. Each rule
// file includes only this header.
#pragma once
#include <algorithm>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feedback/rules.h"

namespace voki::feedback::rule_helpers {

// True while a CandidateScope is alive on this thread (see rules.h).
bool candidate_mode();

bool has_letter(std::string_view s);
bool has_digit(std::string_view s);
// Is word i the first word of a sentence (only punctuation such as quotes before it)?
bool sentence_initial(const Sentence& s, std::size_t i);
const Word* at(const Sentence& s, std::size_t i);  // nullptr past the end
bool is_word(const Word* w);                       // a word, not punctuation
bool lemma_in(const Word& w, std::initializer_list<std::string_view> lemmas);  // by lower-cased surface form

// A reading predicate over all readings: true when the word has readings and every one passes.
// In candidate mode (readings not yet disambiguated) "every" means "some": a rule then fires when
// any reading could make it fire, and CG-3 decides afterwards.
template <typename P>
bool every(const Word& w, P p) {
  if (candidate_mode()) return std::any_of(w.readings.begin(), w.readings.end(), p);
  return !w.readings.empty() && std::all_of(w.readings.begin(), w.readings.end(), p);
}
template <typename P>
bool some(const Word& w, P p) {
  return std::any_of(w.readings.begin(), w.readings.end(), p);
}
// No reading passes; in candidate mode: not every reading passes (the others may be removed).
template <typename P>
bool none(const Word& w, P p) {
  if (candidate_mode()) return w.readings.empty() || !std::all_of(w.readings.begin(), w.readings.end(), p);
  return std::none_of(w.readings.begin(), w.readings.end(), p);
}
// For conditions that make a rule stay silent: some reading passes, and in candidate mode every
// reading does (so that CG-3 cannot remove it), lest a candidate be missed.
template <typename P>
bool surely_some(const Word& w, P p) {
  if (candidate_mode()) return !w.readings.empty() && std::all_of(w.readings.begin(), w.readings.end(), p);
  return std::any_of(w.readings.begin(), w.readings.end(), p);
}
template <typename P>
bool surely_none(const Word& w, P p) {
  return std::none_of(w.readings.begin(), w.readings.end(), p);
}

// Apertium tags the past tense <pret> ("gikk" = gå<vblex><pret>); modals and "være" are vblex too.
bool finite(const Reading& r);
bool finite_verb(const Word& w);
bool verb_any(const Reading& r);
// On raw readings: a finite verb whose other readings are only its imperative or its participle
// used as an adjective ("begynte" is also begynne<adj><pp>, "kom" also komme<vblex><imp>).
bool finite_on_raw_readings(const Word& w);
// Could be a verb: some verb reading (imperatives aside), unless the word is also a pronoun or
// determiner ("meg" is also mige<vblex><pret>, "min" mine<vblex><imp>).
bool maybe_verb(const Word& w);
bool is_subject_pronoun(const Word& w);
// A subject pronoun other than "de", which learners also write for "dem" and "det".
bool is_personal_subject_pronoun(const Word& w);
bool is_object_pronoun(const Word& w);  // meg, deg, ham, henne, oss, dem, seg
bool is_reflexive_pronoun(const Word& w);  // seg, meg, deg, oss, dere
bool is_modal(const Word& w);
bool is_clause_adverb(const Word& w);
bool is_subjunction(const Word& w);

// Keeps the case of the first letter of `original` on `form`.
std::string like(const Word& original, const std::string& form);
// Generates `lemma<tags>` for the first reading of `w` that satisfies `p`, with the tags changed by
// `change`; "" when the generator has no form or the form equals the word.
template <typename P, typename C>
std::string regenerate(Worker& worker, const Word& w, P p, C change) {
  for (const auto& r : w.readings) {
    if (!p(r) || r.compound) continue;
    std::vector<std::string> tags = r.tags;
    change(tags);
    // A multiword verb ("skriver om" = skrive<vblex><pres># om) inflects its first part only.
    const auto hash = r.lemma.find('#');
    std::string analysis = r.lemma.substr(0, hash);
    std::string tail = hash == std::string::npos ? "" : r.lemma.substr(hash + 1);
    // CG-3 may hand the unit back without its "#" part: keep the words after the first.
    if (const auto space = w.text.find(' '); tail.empty() && space != std::string::npos) tail = w.text.substr(space);
    for (const auto& t : tags) analysis += "<" + t + ">";
    if (auto form = worker.generate(analysis); form && to_lower(*form + tail) != w.lower) return like(w, *form + tail);
  }
  return {};
}
void replace_tag(std::vector<std::string>& tags, std::initializer_list<std::string_view> from, const std::string& to);
std::size_t first_word(const Sentence& s);  // index of the first word that is not punctuation

// The two or three words of a fixed expression written as one ("tilslutt" → "til slutt"), which
// the written-apart rule corrects and the spelling rule leaves to it.
std::optional<std::string> written_apart_form(const std::string& lower);

// Dictionary words one learner-typical edit from `lower` (a doubled or single consonant, a sound
// spelt as in other words, a silent letter; see spelling.cpp; only the first with
// `doubling_only`), cheapest first, whose readings pass `fits` and that hunspell accepts: for
// existing words written in place of another ("skall" → "skal").
std::vector<std::string> typical_respellings(Worker& worker, const std::string& lower,
                                             const std::function<bool(const std::vector<Reading>&)>& fits,
                                             std::size_t limit = 3, bool doubling_only = false);

// The UTF-8 bytes of `text` before code point `cp`.
std::string_view text_before(std::string_view text, std::size_t cp);
// Does `before` end with an abbreviation and its full stop ("f. eks.", "p.g.a.", "o. l.", "osv.")?
bool ends_with_abbreviation(Worker& worker, std::string_view before);

}  // namespace voki::feedback::rule_helpers
