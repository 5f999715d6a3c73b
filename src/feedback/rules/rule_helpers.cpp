// Shared helpers of the rules (see rule_helpers.h).
#include "feedback/rules/rule_helpers.h"

#include <cstring>

namespace voki::feedback {

namespace {
thread_local bool candidate_mode_on = false;
}  // namespace

void RuleContext::add(const char* rule, const char* code, std::size_t start, std::size_t end,
                      std::vector<std::string> suggestions, double confidence) const {
  Finding f;
  f.start = start;
  f.end = end;
  f.code = code;
  f.rule = rule;
  f.suggestions = std::move(suggestions);
  f.confidence = confidence;
  findings.push_back(std::move(f));
}

void RuleContext::widen_window(std::size_t start, std::size_t end) const {
  if (!candidate_mode_on) return;
  Finding f;  // no rule id: the engine tells these apart by that
  f.start = start;
  f.end = end;
  findings.push_back(std::move(f));
}

CandidateScope::CandidateScope() : previous_(candidate_mode_on) { candidate_mode_on = true; }
CandidateScope::~CandidateScope() { candidate_mode_on = previous_; }

namespace rule_helpers {

bool candidate_mode() { return candidate_mode_on; }

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); });
}
bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Is word i the first word of a sentence (only punctuation such as quotes before it)?
bool sentence_initial(const Sentence& s, std::size_t i) {
  for (std::size_t j = 0; j < i; ++j) {
    const auto& w = s.words[j];
    if (!w.punct) return false;
  }
  return true;
}

const Word* at(const Sentence& s, std::size_t i) { return i < s.words.size() ? &s.words[i] : nullptr; }
bool is_word(const Word* w) { return w && !w->punct; }
bool lemma_in(const Word& w, std::initializer_list<std::string_view> lemmas) {
  // The rules ask this millions of times, mostly of words in no list: the length and the first
  // letter tell most apart without a call to compare.
  const std::string_view lower = w.lower;
  if (lower.empty()) return std::any_of(lemmas.begin(), lemmas.end(), [](std::string_view l) { return l.empty(); });
  for (const std::string_view l : lemmas)
    if (l.size() == lower.size() && l[0] == lower[0] && std::memcmp(l.data(), lower.data(), l.size()) == 0) return true;
  return false;
}
// Apertium tags the past tense <pret> ("gikk" = gå<vblex><pret>); modals and "være" are vblex too.
bool finite(const Reading& r) { return r.has("vblex") && (r.has("pres") || r.has("pret")); }
bool finite_verb(const Word& w) { return !w.punct && every(w, finite); }
bool verb_any(const Reading& r) { return r.has("vblex") || r.has("vbmod") || r.has("vbser") || r.has("vbhaver"); }
bool finite_on_raw_readings(const Word& w) {
  if (w.punct || w.readings.empty()) return false;
  bool any_finite = false;
  for (const auto& r : w.readings) {
    if (finite(r)) any_finite = true;
    else if (!(r.has("vblex") && r.has("imp")) && !(r.has("adj") && r.has("pp"))) return false;
  }
  return any_finite;
}
bool maybe_verb(const Word& w) {
  const auto& rs = w.readings;
  if (std::any_of(rs.begin(), rs.end(), [](const Reading& r) { return r.has("prn") || r.has("det"); })) return false;
  return std::any_of(rs.begin(), rs.end(), [](const Reading& r) { return verb_any(r) && !r.has("imp"); });
}
bool is_subject_pronoun(const Word& w) {
  return lemma_in(w, {"jeg", "du", "han", "hun", "vi", "dere", "de", "man"});
}
bool is_personal_subject_pronoun(const Word& w) { return is_subject_pronoun(w) && w.lower != "de"; }
bool is_object_pronoun(const Word& w) { return lemma_in(w, {"meg", "deg", "ham", "henne", "oss", "dem", "seg"}); }
bool is_reflexive_pronoun(const Word& w) { return lemma_in(w, {"seg", "meg", "deg", "oss", "dere"}); }
bool is_modal(const Word& w) {
  return lemma_in(w, {"kan", "vil", "skal", "må", "bør", "kunne", "ville", "skulle", "måtte", "burde"});
}
bool is_clause_adverb(const Word& w) {
  return lemma_in(w, {"ikke", "aldri", "alltid", "også", "ofte", "gjerne", "bare", "egentlig", "allerede", "fortsatt"});
}
bool is_subjunction(const Word& w) {
  // Asked a million times per 2,000 sentences: lemma_in compares lengths before letters.
  return lemma_in(w, {"fordi", "hvis", "når", "om", "dersom", "mens", "siden", "før", "selv om", "etter at", "at"});
}
std::string like(const Word& original, const std::string& form) {
  return original.capitalised ? capitalise(form) : form;
}
void replace_tag(std::vector<std::string>& tags, std::initializer_list<std::string_view> from, const std::string& to) {
  for (auto& t : tags)
    if (std::find(from.begin(), from.end(), t) != from.end()) t = to;
}
std::size_t first_word(const Sentence& s) {
  std::size_t i = 0;
  while (i < s.words.size() && s.words[i].punct) ++i;
  return i;
}

// The UTF-8 bytes of `text` before code point `cp`.
std::string_view text_before(std::string_view text, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == cp) return text.substr(0, i);
    ++seen;
  }
  return text;
}

// Does `before` end with an abbreviation and its full stop ("f. eks.", "p.g.a.", "o. l.", "osv.")?
// Then a small letter after it does not start a sentence. Short tokens (up to three letters) and
// tokens the analyser knows with their full stop count as abbreviations.
bool ends_with_abbreviation(Worker& worker, std::string_view before) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t' || before.back() == '\n' || before.back() == '\r'))
    before.remove_suffix(1);
  if (before.empty() || before.back() != '.') return false;
  before.remove_suffix(1);
  std::size_t begin = before.size();
  while (begin > 0 && before[begin - 1] != ' ' && before[begin - 1] != '.' && before[begin - 1] != '(' &&
         before[begin - 1] != '\n')
    --begin;
  const std::string_view token = before.substr(begin);
  if (token.empty()) return false;
  if (begin > 0 && before[begin - 1] == '.') return true;  // "p.g.a.", "d.v.s."
  if (has_digit(token)) return false;
  if (count_code_points(token) == 1) return true;  // "o. l.", "e. l."
  // "f eks.", "f.eks.": learners' spellings of "for eksempel".
  if (to_lower(token) == "eks") return true;
  // "f. eks.": the token follows a one-letter abbreviation.
  const std::string_view rest = before.substr(0, begin);
  if (rest.size() >= 3 && rest.ends_with(". ") && std::isalpha(static_cast<unsigned char>(rest[rest.size() - 3])) &&
      (rest.size() == 3 || rest[rest.size() - 4] == ' ' || rest[rest.size() - 4] == '('))
    return true;
  // Short words such as "her." or "meg." do end sentences; only abbreviations the analyser knows
  // with their full stop ("osv.", "ca.", "pga.") count.
  return !worker.lookup(to_lower(token) + ".").empty();
}

}  // namespace rule_helpers
}  // namespace voki::feedback
