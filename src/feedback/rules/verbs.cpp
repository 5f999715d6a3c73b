// F: verb forms after modals, "å" and "har", and the present tense -r.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

// F: after a modal verb, after "å", and after "har/hadde": the right verb form.
void rule_verb_forms(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& head = s.words[i];
    const bool modal = is_modal(head) && some(head, [](const Reading& r) { return r.has("vblex") || r.has("vbmod"); });
    const bool marker = head.lower == "å" && head.any("part");
    const bool perfect = (head.lower == "har" || head.lower == "hadde") && some(head, verb_any);
    if (!modal && !marker && !perfect) continue;
    std::size_t j = i + 1;
    if (modal && j < s.words.size() && is_subject_pronoun(s.words[j])) ++j;
    while (j < s.words.size() && is_clause_adverb(s.words[j])) ++j;
    const Word* verb = at(s, j);
    if (!is_word(verb) || verb->unknown) continue;
    bool finite_only = every(*verb, finite) ||
                       (marker && some(*verb, finite) && none(*verb, [](const Reading& r) { return r.has("inf"); }));
    // CG-3 reads "må betaler" as a modal and a noun (a payer); right after a modal a word that
    // is also a finite verb, and never an infinitive, is that verb.
    Word raw;
    // A definite noun there is the subject ("Da kan landet være"), as is one before an infinitive.
    const Word* next = at(s, j + 1);
    if (modal && !finite_only && !candidate_mode() && every(*verb, [](const Reading& r) { return r.has("n") && !r.has("def"); }) &&
        !(next && some(*next, [](const Reading& r) { return r.has("inf"); }))) {
      raw = *verb;
      raw.readings = c.worker.lookup(verb->lower);
      if (some(raw, finite) && surely_none(raw, [](const Reading& r) { return r.has("inf"); })) {
        finite_only = true;
        verb = &raw;
      }
    }
    if ((modal || marker) && finite_only) {
      auto form = regenerate(c.worker, *verb, finite, [](std::vector<std::string>& t) {
        replace_tag(t, {"pres", "pret"}, "inf");
      });
      if (!form.empty())
        c.add(modal ? "modal-verb-form" : "infinitive-marker", "F", verb->start, verb->end, {form}, 0.8);
    } else if (perfect && every(*verb, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")); })) {
      auto form = regenerate(c.worker, *verb, [](const Reading& r) { return r.has("inf"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"inf"}, "pp"); });
      if (!form.empty()) c.add("perfect-participle", "F", verb->start, verb->end, {form}, 0.75);
    }
  }
}

// F: the present tense ends in -r: "jeg snakke norsk" → "jeg snakker norsk".
void rule_present_r(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& subj = s.words[i];
    if (!is_subject_pronoun(subj) || subj.lower == "de") continue;
    const bool clause_start = i == first_word(s) || (i > 0 && (s.words[i - 1].text == "," || is_subjunction(s.words[i - 1]) ||
                                                                s.words[i - 1].lower == "og" || s.words[i - 1].lower == "men"));
    if (!clause_start) continue;
    const Word& verb = s.words[i + 1];
    if (verb.unknown || !every(verb, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")); })) continue;
    if (verb.lower == "være") continue;
    // A word that can also be a finite verb ("hører", "kom") is read as one after a subject
    // pronoun; without this the raw readings made a CG-3 run for most pronoun + verb pairs.
    if (!surely_none(verb, [](const Reading& r) { return verb_any(r) && (r.has("pres") || r.has("pret")); })) continue;
    auto form = regenerate(c.worker, verb, [](const Reading& r) { return r.has("inf"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"inf"}, "pres"); });
    if (!form.empty()) c.add("present-r", "F", verb.start, verb.end, {form}, 0.75);
  }
}

}  // namespace voki::feedback
