// F: verb forms after modals, "å" and "har", and the present tense -r.
#include "feedback/rules/rule_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;

namespace {
bool reading_in(const std::vector<Reading>& readings, bool (*p)(const Reading&)) {
  return std::any_of(readings.begin(), readings.end(), p);
}
bool is_inf(const Reading& r) { return r.has("inf"); }
bool is_noun_or_adjective(const Reading& r) { return r.has("n") || r.has("adj") || r.has("np"); }
// The verb's participle; "opplevde" is also oppleve<adj><pp><pl>, which is no perfect form.
bool is_past_participle(const Reading& r) { return r.has("pp") && !r.has("adj"); }
bool is_other_pos(const Reading& r) { return !verb_any(r); }
// A present-tense verb right after "har/hadde" whose subject pronoun begins the clause: "jeg har
// spiser", "at vi har snakker". Not "det jeg har gjør meg glad" (the relative clause ends at "har")
// nor "er" and "har" themselves.
bool present_after_have(const Sentence& s, std::size_t have, const Word& verb) {
  if (have == 0 || !is_personal_subject_pronoun(s.words[have - 1])) return false;
  const std::size_t subject = have - 1;
  const bool clause_start = subject == first_word(s) || s.words[subject - 1].text == "," ||
                            lemma_in(s.words[subject - 1], {"at", "fordi", "når", "hvis", "og", "men", "dersom", "siden"});
  if (!clause_start || verb.unknown || verb.text.find(' ') != std::string::npos) return false;
  if (lemma_in(verb, {"er", "har", "blir", "kan", "vil", "skal", "må", "bør"})) return false;
  return every(verb, [](const Reading& r) { return r.has("vblex") && r.has("pres") && !r.has("pasv"); });
}
}  // namespace

// F: after a modal verb, after "å", and after "har/hadde": the right verb form.
void rule_verb_forms(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& head = s.words[i];
    // After a subject pronoun (or the pronoun "det") a modal is the verb even where CG-3 kept a
    // noun ("de bør", "det bør": a burden);
    // "trenger ikke" works like a modal ("du trenger ikke spør" → "spørre").
    const bool modal =
        (is_modal(head) && (some(head, [](const Reading& r) { return r.has("vblex") || r.has("vbmod"); }) ||
                            (i > 0 && is_subject_pronoun(s.words[i - 1]) && s.words[i - 1].lower != "de") ||
                            (i > 0 && lemma_in(s.words[i - 1], {"det", "dette"}) &&
                             every(s.words[i - 1], [](const Reading& r) { return r.has("prn"); })))) ||
        (lemma_in(head, {"trenger", "trengte"}) && some(head, verb_any) && is_word(at(s, i + 1)) &&
         (s.words[i + 1].lower == "ikke" ||
          (is_subject_pronoun(s.words[i + 1]) && is_word(at(s, i + 2)) && s.words[i + 2].lower == "ikke")));
    const bool marker = head.lower == "å" && head.any("part");
    const bool perfect = (head.lower == "har" || head.lower == "hadde") && some(head, verb_any);
    const bool bare_perfect = head.lower == "ha" && some(head, verb_any);  // "å ha studere", "kan ha gjør"
    if (!modal && !marker && !perfect && !bare_perfect) continue;
    std::size_t j = i + 1;
    // An inverted subject: "kan jeg", "må staten", "kan det"; only a finite verb after it is taken.
    bool inverted_subject = false;
    if (modal && j < s.words.size() && is_subject_pronoun(s.words[j])) ++j;
    else if (modal && j < s.words.size() &&
             (lemma_in(s.words[j], {"det", "den"}) ? every(s.words[j], [](const Reading& r) { return r.has("prn"); })
                                                    : !s.words[j].punct && every(s.words[j], [](const Reading& r) { return r.has("n") && r.has("def") && !r.has("gen"); }))) {
      ++j;
      inverted_subject = true;
      // "måtte foreldrene mine leser": the noun's possessive after it.
      if (j < s.words.size() && !lemma_in(s.words[j - 1], {"det", "den"}) &&
          lemma_in(s.words[j], {"min", "mi", "mitt", "mine", "din", "di", "ditt", "dine", "vår", "vårt", "våre", "hans", "hennes"}) &&
          every(s.words[j], [](const Reading& r) { return r.has("pos") || (r.has("prn") && r.has("pos")); }))
        ++j;
    } else if (modal && j + 1 < s.words.size() && lemma_in(s.words[j], {"en", "ei", "et"}) &&
               every(s.words[j], [](const Reading& r) { return r.has("det"); }) && !s.words[j + 1].unknown &&
               every(s.words[j + 1], [](const Reading& r) { return r.has("n") && r.has("sg") && r.has("ind") && !r.has("gen"); })) {
      j += 2;  // "bør en statsminister tar": the article and its noun
      inverted_subject = true;
    }
    // "vil heller ser", "kan kanskje hjelper": more adverbs between the modal and its verb.
    while (j < s.words.size() &&
           (is_clause_adverb(s.words[j]) ||
            ((modal || marker) && lemma_in(s.words[j], {"heller", "kanskje", "virkelig", "nok", "sikkert", "helst", "snart", "nesten",
                                                        "absolutt", "likevel", "da", "jo", "vel"}))))
      ++j;
    const Word* verb = at(s, j);
    if (!is_word(verb) || verb->unknown) continue;
    bool finite_only = every(*verb, finite) ||
                       (marker && some(*verb, finite) && none(*verb, [](const Reading& r) { return r.has("inf"); }));
    // CG-3 reads "må betaler" as a modal and a noun (a payer), or keeps the noun beside the verb
    // ("vil jeg også jobber"); right after a modal a word that is also a finite verb, and never an
    // infinitive, is that verb.
    Word raw;
    // A definite noun there is the subject ("Da kan landet være"), as is one before an infinitive.
    const Word* next = at(s, j + 1);
    if (modal && !inverted_subject && !finite_only && !candidate_mode() &&
        every(*verb, [](const Reading& r) { return (r.has("n") && !r.has("def")) || finite(r); }) &&
        some(*verb, [](const Reading& r) { return r.has("n"); }) &&
        !(next && some(*next, [](const Reading& r) { return r.has("inf"); }))) {
      raw = *verb;
      raw.readings = c.worker.lookup(verb->lower);
      if (some(raw, finite) && surely_none(raw, [](const Reading& r) { return r.has("inf"); })) {
        finite_only = true;
        verb = &raw;
      }
    }
    const auto dictionary = c.worker.lookup(verb->lower);
    // An imperative that is nothing else ("fortsett", "send", "hør"): the learner's stem form.
    const bool imperative_only = every(*verb, [](const Reading& r) { return r.has("vblex") && r.has("imp"); }) &&
                                 !dictionary.empty() && !reading_in(dictionary, is_inf) &&
                                 !reading_in(dictionary, is_noun_or_adjective) && !reading_in(dictionary, is_other_pos);
    if (inverted_subject && !finite_only) continue;
    // "kan ikke la henne": a finite form that is also an infinitive ("la": let, or laid) is fine.
    if ((modal || marker) && (finite_only || imperative_only)) {
      if (reading_in(dictionary, is_inf)) continue;
      auto form = regenerate(c.worker, *verb, [](const Reading& r) { return finite(r) || r.has("imp"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"pres", "pret", "imp"}, "inf"); });
      if (!form.empty())
        c.add(modal ? "modal-verb-form" : "infinitive-marker", "F", verb->start, verb->end, {form}, 0.8);
    } else if ((perfect || bare_perfect) &&
               ((every(*verb, [](const Reading& r) { return r.has("vblex") && r.has("inf"); }) &&
                 !reading_in(dictionary, [](const Reading& r) {
                   return r.has("det") || r.has("prn") || r.has("pr") || r.has("cnjsub") || r.has("cnjcoo");
                 })) ||
                imperative_only)) {
      auto form = regenerate(c.worker, *verb, [](const Reading& r) { return r.has("inf") || r.has("imp"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"inf", "imp"}, "pp"); });
      // "har bedre mulighet", "har like mye": before a noun or determiner a word that is also an
      // adjective or adverb is mostly one; on raw readings that alone is not worth a CG-3 run.
      const bool modifier = candidate_mode() && is_word(next) &&
                            some(*verb, [](const Reading& r) { return r.has("adj") || r.has("adv"); }) &&
                            some(*next, [](const Reading& r) { return r.has("n") || r.has("det") || r.has("adj"); });
      if (!form.empty() && modifier) c.widen_window(verb->start, verb->end);
      else if (!form.empty()) c.add("perfect-participle", "F", verb->start, verb->end, {form}, 0.75);
    } else if (perfect && every(*verb, [](const Reading& r) { return r.has("vblex") && r.has("pret"); }) &&
               !reading_in(dictionary, is_past_participle)) {
      // "har skrev" → "har skrevet"; a weak form in -de/-te is also an adjective ("har brukte
      // klær"), so only before a word that cannot begin a noun phrase.
      if (reading_in(dictionary, [](const Reading& r) { return r.has("adj"); }) &&
          !(next && (next->punct || none(*next, [](const Reading& r) {
                       return r.has("n") || r.has("adj") || r.has("det") || r.has("np") || r.has("num");
                     }))))
        continue;
      auto form = regenerate(c.worker, *verb, [](const Reading& r) { return r.has("pret"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"pret"}, "pp"); });
      if (!form.empty()) c.add("perfect-participle", "F", verb->start, verb->end, {form}, 0.75);
    } else if (perfect && j == i + 1 && present_after_have(s, i, *verb)) {
      // "jeg har spiser" → "spist".
      auto form = regenerate(c.worker, *verb, [](const Reading& r) { return r.has("pres"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"pres"}, "pp"); });
      if (!form.empty()) c.add("perfect-participle", "F", verb->start, verb->end, {form}, 0.75);
    }
  }
}

// F: a past participle cannot be the finite verb: "de vært glade" → "var" (or "har vært"), "jeg
// gjort det" → "gjorde". Right after a personal subject pronoun that begins the clause, a word that
// is a verb's participle and nothing else in the dictionary (not "brukt", also an adjective).
void rule_participle_alone(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& subject = s.words[i];
    if (!is_subject_pronoun(subject)) continue;
    const bool clause_start = i == first_word(s) || s.words[i - 1].text == "," ||
                              lemma_in(s.words[i - 1], {"at", "fordi", "når", "hvis", "og", "men", "dersom", "da", "som"});
    if (!clause_start) continue;
    const Word& verb = s.words[i + 1];
    if (verb.punct || verb.unknown || verb.text.find(' ') != std::string::npos) continue;
    const auto dictionary = c.worker.lookup(verb.lower);
    // The participle and its use as an adjective (gjøre<adj><pp>) only; "født" goes with "er/ble"
    // ("han født" lacks "er"), so the past tense would be no correction.
    if (dictionary.empty() || !std::all_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return r.has("compound-only-L") || r.has("compound-R") || ((r.has("vblex") || r.has("adj")) && r.has("pp"));
        }) ||
        std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) { return r.lemma == "føde"; }))
      continue;
    Word participle = verb;
    participle.readings.clear();
    for (const auto& r : dictionary)
      if (r.has("vblex") && r.has("pp") && !r.has("compound-R") && !r.has("compound-only-L")) participle.readings.push_back(r);
    auto past = regenerate(c.worker, participle, [](const Reading& r) { return r.has("pp"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"pp"}, "pret"); });
    if (past.empty()) continue;
    c.add("participle-alone", "F", verb.start, verb.end, {past, "har " + verb.text}, 0.7);
  }
}

namespace {
// Words after which a subject pronoun begins a subordinate clause (besides is_subjunction's).
bool clause_opener(const Word& w) {
  return lemma_in(w, {"som", "inntil", "ettersom", "hvor", "der", "hvordan", "hvorfor", "hva", "hvem", "slik at", "så lenge"});
}
// After a subjunction (not at the start of the sentence): a noun subject there takes a finite verb
// next, so a word CG-3 read as a noun or adjective ("at barna vise", "hvis foreldrene støtte") is
// still the verb.
bool after_subjunction(const Sentence& s, std::size_t i) {
  const Word* before = i > 0 ? &s.words[i - 1] : nullptr;
  return before && !before->punct && !lemma_in(*before, {"om", "som", "enn"}) &&
         (is_subjunction(*before) || surely_some(*before, [](const Reading& r) { return r.has("cnjsub"); }));
}
// A subject that starts a clause and takes a finite verb right after it: a subject pronoun after
// the start, a comma, a subjunction, "og" or "men"; a definite or plural noun (or a name) at the
// start of the sentence or after a subjunction; "som" after a noun or pronoun (a relative clause).
bool clause_subject(Worker& worker, const Sentence& s, std::size_t i) {
  const Word& w = s.words[i];
  const Word* before = i > 0 ? &s.words[i - 1] : nullptr;
  const bool start = i == first_word(s);
  if (is_subject_pronoun(w) || lemma_in(w, {"det", "den", "dette"})) {
    if (lemma_in(w, {"de", "det", "den", "dette"}) &&
        !every(w, [](const Reading& r) { return r.has("prn") && !r.has("det"); }))
      return false;  // "de" and "det" are also determiners
    // After "som" and the subjunctions ("mens vi", "inntil de", "der vi") a subordinate clause.
    // "alt de se", "det de hører": "de" begins a relative clause without "som".
    const bool relative = w.lower == "de" && before && lemma_in(*before, {"alt", "noe", "det", "hva"});
    return start || relative ||
           (before && (before->text == "," || is_subjunction(*before) || clause_opener(*before) || before->lower == "og" ||
                       before->lower == "men"));
  }
  if (w.lower == "som") {
    // The word before is a noun or pronoun; CG-3 sometimes reads a sentence-initial noun as an
    // imperative ("Folk som ..."), so the dictionary decides, unless it is surely a finite verb.
    if (!before || before->punct || surely_some(*before, [](const Reading& r) { return r.has("pr") || finite(r); }))
      return false;
    const auto dictionary = worker.lookup(before->lower);
    return std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) { return r.has("n") || r.has("prn"); });
  }
  // A noun subject: "Barna leker", "hvis eleven trenger hjelp".
  if (w.punct || w.unknown || has_digit(w.text)) return false;
  if (!(start || (before && (is_subjunction(*before) || surely_some(*before, [](const Reading& r) { return r.has("cnjsub"); })) &&
                  !lemma_in(*before, {"om", "som", "enn"}))))
    return false;
  return every(w, [](const Reading& r) { return (r.has("n") && (r.has("def") || r.has("pl"))) || r.has("np"); }) &&
         surely_none(w, [](const Reading& r) { return r.has("gen") || r.has("pr") || r.has("adv") || r.has("det") || verb_any(r); });
}
}  // namespace

// F: the present tense ends in -r: "jeg snakke norsk" → "jeg snakker norsk", "hvis barna trenge
// hjelp" → "trenger", "de som bo her" → "bor".
void rule_present_r(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    if (!clause_subject(c.worker, s, i)) continue;
    // Before an object pronoun ("familiene klare seg", "som hjelpe oss") the word is the verb,
    // whatever CG-3 chose: its verb readings from the dictionary count.
    // "at vi ikke ta", "de bare gjenta": a clause adverb between the subject and the verb.
    std::size_t v = i + 1;
    while (v + 1 < s.words.size() && v < i + 3 && is_clause_adverb(s.words[v])) ++v;
    const bool object_follows = is_word(at(s, v + 1)) && is_object_pronoun(s.words[v + 1]);
    const Word* verb_word = &s.words[v];
    Word with_verb_readings;  // a copy only when its dictionary verb readings replace CG-3's choice
    const bool noun_subject = !is_subject_pronoun(s.words[i]) && !lemma_in(s.words[i], {"det", "den", "dette", "som"});
    const auto dictionary = c.worker.lookup(verb_word->lower);
    // After a subject pronoun that begins the clause the finite verb follows: a word the
    // dictionary has as an infinitive and never as a finite verb is that verb, whatever else CG-3
    // read it as ("hvis du ringe": also ring<adj>, "når vi flytte": also flyte<adj><pp>, "de
    // følge": also a noun). Not before a lone "r" ("jeg glede r meg": the ending written apart),
    // nor a noun before an indefinite noun (perhaps a compound written apart: "og de helse farer"),
    // nor before an infinitive ("han måte gå": a modal misspelt, the real-word rule's).
    const Word* after_verb = at(s, v + 1);
    auto indefinite_noun = [](const Reading& r) { return r.has("n") && r.has("ind"); };
    const bool pronoun_slot =
        is_subject_pronoun(s.words[i]) && !verb_word->punct &&
        std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) { return r.has("vblex") && r.has("inf"); }) &&
        std::none_of(dictionary.begin(), dictionary.end(), [](const Reading& r) { return verb_any(r) && finite(r); }) &&
        !(is_word(after_verb) &&
          (lemma_in(*after_verb, {"r", "er"}) || [&] {
             const auto next = c.worker.lookup(after_verb->lower);
             return !next.empty() && std::all_of(next.begin(), next.end(), [](const Reading& r) {
               return r.has("compound-only-L") || (r.has("vblex") && (r.has("inf") || r.has("imp")));
             });
           }() ||
           (std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) { return r.has("n"); }) &&
            [&] {
              const auto next = c.worker.lookup(after_verb->lower);
              return std::any_of(next.begin(), next.end(), indefinite_noun) &&
                     std::none_of(next.begin(), next.end(), [](const Reading& r) {
                       return r.has("pr") || r.has("det") || r.has("prn") || r.has("adv") || r.has("cnjcoo") || r.has("cnjsub");
                     });
            }())));
    const bool verb_slot = object_follows || (noun_subject && after_subjunction(s, i)) || pronoun_slot;
    if (verb_slot && !verb_word->punct && !verb_word->unknown && !candidate_mode()) {
      std::vector<Reading> verbs;
      for (const auto& r : dictionary)
        if (verb_any(r) && !r.has("compound-only-L")) verbs.push_back(r);
      // Not a word that may stand there as something else: "at barna ofte", "at folk flest".
      const bool other = std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
        return r.has("adv") || r.has("pr") || r.has("det") || r.has("prn") || r.has("cnjsub") || r.has("cnjcoo") || r.has("num");
      });
      if (!verbs.empty() && (object_follows || !other)) {
        with_verb_readings = *verb_word;
        with_verb_readings.readings = std::move(verbs);
        verb_word = &with_verb_readings;
      }
    }
    const Word& verb = *verb_word;
    if (verb.unknown || !every(verb, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")); })) continue;
    // "Det være seg", "se!", "de få" (the few); after a personal pronoun "se" and "få" are the verb.
    const bool pronoun = is_personal_subject_pronoun(s.words[i]);
    if ((verb.lower == "få" && !pronoun) || (verb.lower == "se" && !pronoun) ||
        (verb.lower == "være" && (!is_word(at(s, v + 1)) || s.words[v + 1].lower == "seg")))
      continue;
    // After the subjects other than the old pronoun list, only words that are verbs alone: an
    // "-e" word after a noun or "som" is mostly an adjective or a noun ("som store", "barna
    // lære"), and looking at those made a CG-3 run for most sentences.
    if (!pronoun && !verb_slot && !surely_none(verb, [](const Reading& r) { return !r.has("vblex"); })) continue;
    // A word that can also be a finite verb ("hører", "kom") is read as one after a subject
    // pronoun; without this the raw readings made a CG-3 run for most pronoun + verb pairs.
    if (!surely_none(verb, [](const Reading& r) { return verb_any(r) && (r.has("pres") || r.has("pret")); })) continue;
    auto form = regenerate(c.worker, verb, [](const Reading& r) { return r.has("inf") || r.has("imp"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"inf", "imp"}, "pres"); });
    // On raw readings, a subject that may be the infinitive marker ("Å lese bøker er ...") is
    // that marker, and a word after the subject that may be a possessive, pronoun or adverb
    // ("barna mine", "kona hans", "jeg nå") is one: alone that is not worth a CG-3 run.
    const bool marker_or_function_word =
        candidate_mode() && (some(s.words[i], [](const Reading& r) { return r.has("part"); }) ||
                             some(verb, [](const Reading& r) { return r.has("det") || r.has("prn") || r.has("adv"); }));
    if (!form.empty() && marker_or_function_word) c.widen_window(verb.start, verb.end);
    else if (!form.empty()) c.add("present-r", "F", verb.start, verb.end, {form}, 0.75);
  }
  // The verb before an inverted subject pronoun is finite: "I dag jobbe jeg" → "jobber", "Hva
  // gjøre du?" → "gjør". Not after "å", a modal or another verb ("vil gjerne hjelpe han"), not an
  // imperative at the start ("Hjelp du meg!").
  for (std::size_t v = 1; v + 1 < s.words.size(); ++v) {
    const Word& verb = s.words[v];
    const Word& subject = s.words[v + 1];
    if (verb.punct || verb.unknown || sentence_initial(s, v)) continue;
    if (!lemma_in(subject, {"jeg", "du", "vi", "man", "han", "hun"})) continue;
    if (!every(verb, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")); })) continue;
    if (lemma_in(verb, {"være", "se", "få", "ha", "la"})) continue;
    // Only words that are such verb forms alone in the dictionary.
    const auto dictionary = c.worker.lookup(verb.lower);
    if (dictionary.empty() ||
        std::any_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return !r.has("compound-only-L") && !(r.has("vblex") && (r.has("inf") || r.has("imp")));
        }))
      continue;
    const Word& before = s.words[v - 1];
    // ", leve man lenger" after a fronted subordinate clause ("Hvis man trener, lever man lenger"):
    // the comma closes the clause and the main clause's finite verb follows.
    if (before.text == "," && v >= 2 && is_subjunction(s.words[first_word(s)]) &&
        std::none_of(s.words.begin() + static_cast<std::ptrdiff_t>(first_word(s) + 1), s.words.begin() + static_cast<std::ptrdiff_t>(v - 1),
                     [](const Word& w) { return w.punct; })) {
      auto form = regenerate(c.worker, verb, [](const Reading& r) { return r.has("inf") || r.has("imp"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"inf", "imp"}, "pres"); });
      if (!form.empty()) c.add("present-r", "F", verb.start, verb.end, {form}, 0.75);
      continue;
    }
    if (before.punct || before.lower == "å" || is_modal(before) || is_clause_adverb(before) ||
        lemma_in(before, {"og", "eller", "men", "for", "til", "å", "ikke", "la", "lot", "hjelpe", "hjelper", "gjerne"}) ||
        some(before, [](const Reading& r) { return verb_any(r) || (r.has("prn") && r.has("pers")); }))
      continue;  // "vil jeg takke dere": the subject stands before
    auto form = regenerate(c.worker, verb, [](const Reading& r) { return r.has("inf") || r.has("imp"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"inf", "imp"}, "pres"); });
    if (!form.empty()) c.add("present-r", "F", verb.start, verb.end, {form}, 0.75);
  }
}


// F: two present-tense verbs joined by "og"/"eller": "sitter og mimre" → "mimrer", "leier eller
// kjøpe" → "kjøper". The first verb stands at most four words before "og", with no punctuation,
// verb or clause word between.
void rule_coordinated_verb(const RuleContext& c) {
  const auto& s = c.sentence;
  // An imperative-only form in a list after "å" or a modal: "å ringe, send sms" → "sende", "kan
  // lese og send svar" → "sende".
  for (std::size_t o = 2; o + 1 < s.words.size(); ++o) {
    if (!(lemma_in(s.words[o], {"og", "eller"}) || s.words[o].text == ",")) continue;
    const Word& second = s.words[o + 1];
    if (second.punct || second.unknown || second.text.find(' ') != std::string::npos) continue;
    const auto dictionary = c.worker.lookup(second.lower);
    if (dictionary.empty() || !std::all_of(dictionary.begin(), dictionary.end(), [](const Reading& r) {
          return r.has("compound-only-L") || (r.has("vblex") && r.has("imp"));
        }))
      continue;
    // The nearest word before that can be a verb in the dictionary (CG-3 may have seen only part
    // of the clause).
    std::size_t v = o;
    auto maybe_verb_word = [&](const Word& w) {
      const auto readings = c.worker.lookup(w.lower);
      return some(w, verb_any) || std::any_of(readings.begin(), readings.end(), verb_any);
    };
    while (v > 0 && o - v < 5 && !s.words[v - 1].punct && !maybe_verb_word(s.words[v - 1])) --v;
    if (v < 2 || o - v >= 5 || s.words[v - 1].punct) continue;
    const Word& first = s.words[v - 1];
    // Right after "å" or a modal the first word is the infinitive whatever CG-3 chose ("ringe" is
    // also an adjective, and "å" may lie outside the stretch CG-3 saw).
    const auto first_readings = c.worker.lookup(first.lower);
    if (std::none_of(first_readings.begin(), first_readings.end(), [](const Reading& r) { return r.has("vblex") && r.has("inf"); }) ||
        std::any_of(first_readings.begin(), first_readings.end(), finite))
      continue;
    // "kan man ikke ringe": an inverted subject pronoun and a clause adverb may stand between.
    std::size_t h = v - 2;
    if (h > 0 && is_clause_adverb(s.words[h])) --h;
    if (h > 0 && is_subject_pronoun(s.words[h])) --h;
    const Word& head = s.words[h];
    const bool marker = head.lower == "å" && head.any("part");
    const bool modal = is_modal(head) && some(head, verb_any);
    if (!marker && !modal) continue;
    auto form = regenerate(c.worker, second, [](const Reading& r) { return r.has("imp"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"imp"}, "inf"); });
    if (!form.empty()) c.add(marker ? "infinitive-marker" : "modal-verb-form", "F", second.start, second.end, {form}, 0.7);
  }
  for (std::size_t o = 2; o + 1 < s.words.size(); ++o) {
    if (!lemma_in(s.words[o], {"og", "eller"})) continue;
    const Word& second = s.words[o + 1];
    if (second.punct || second.unknown || second.text.find(' ') != std::string::npos) continue;
    // The nearest verb before "og"; the words between may be an object or an adverbial only.
    std::size_t v = o;
    bool blocked = false;
    while (v > 0 && o - v < 5) {
      const Word& w = s.words[v - 1];
      if (w.punct || is_subjunction(w) || clause_opener(w) || lemma_in(w, {"og", "eller", "men", "å", "enn", "så"}) ||
          surely_some(w, [](const Reading& r) { return r.has("cnjsub") || r.has("cnjcoo"); })) {
        blocked = true;
        break;
      }
      if (some(w, verb_any)) break;
      --v;
    }
    if (blocked || v == 0 || o - v >= 5) continue;
    const Word& first = s.words[v - 1];
    if (first.unknown || first.text.find(' ') != std::string::npos) continue;
    // A subject of its own after "og" ("og leser jeg") or a noun reading of the second word keeps
    // the clauses apart: only words that are verb forms alone in the dictionary count.
    const auto dictionary = c.worker.lookup(second.lower);
    const auto only_verb = [&](auto p) {
      return !dictionary.empty() && std::all_of(dictionary.begin(), dictionary.end(), [&](const Reading& r) {
        return r.has("compound-only-L") || (r.has("vblex") && p(r));
      });
    };
    // After "å" or a modal ("å lese og skriver") the second verb may belong to the finite verb
    // before them ("prøver å lese og forstår"): not checked. The first verb is finite, not one
    // that takes a bare infinitive ("kan", "la", "hjelper", "får"), nor one that takes "å" and is
    // often written with "og" ("prøver og finne" → "å finne", the og-for-marker rule's).
    if (is_modal(first) || lemma_in(first, {"la", "lar", "lot", "får", "fikk", "hjelper", "hjalp", "ser", "så", "hører", "hørte",
                                            "trenger", "trengte", "våger", "tør", "turte", "pleier", "pleide", "er", "var", "har",
                                            "hadde", "blir", "ble", "gjør", "gjorde", "synes", "syntes", "tror", "trodde"}))
      continue;
    if (!every(first, [](const Reading& r) { return r.has("vblex") && r.has("pres") && !r.has("pasv"); })) continue;
    static const std::vector<std::string_view> takes_marker = {
        "prøve", "begynne", "like", "elske", "hate", "ønske", "slutte", "glemme", "huske", "klare", "orke", "starte", "fortsette",
        "lære", "velge", "bestemme", "håpe", "love", "nekte", "unngå", "tenke", "planlegge", "slippe", "greie", "forsøke", "pleie"};
    if (some(first, [](const Reading& r) {
          return std::find(takes_marker.begin(), takes_marker.end(), r.lemma) != takes_marker.end();
        }))
      continue;
    if (!only_verb([](const Reading& r) { return r.has("inf") || r.has("imp"); })) continue;
    if (!every(second, [](const Reading& r) { return r.has("vblex") && (r.has("inf") || r.has("imp")); })) continue;
    // "og se", "og få": also common in fixed phrases ("vent og se").
    if (lemma_in(second, {"se", "få", "være", "ha"})) continue;
    auto form = regenerate(c.worker, second, [](const Reading& r) { return r.has("inf") || r.has("imp"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"inf", "imp"}, "pres"); });
    if (!form.empty()) c.add("present-r", "F", second.start, second.end, {form}, 0.7);
  }
}

namespace {

// Words that end a clause for the past-time check.
bool clause_boundary(const Word& w) {
  if (w.punct) return true;
  return lemma_in(w, {"og", "men", "eller", "at", "som", "fordi", "når", "hvis", "mens", "så", "da", "der", "hvor", "selv om",
                      "dersom", "enn", "hvordan", "hva", "hvem", "hvorfor", "inntil", "etter at", "før"}) ||
         surely_some(w, [](const Reading& r) { return r.has("cnjsub") || r.has("cnjcoo"); });
}

// A time adverbial that places the clause in the past: "i går", "i fjor", "forrige uke", "for to år
// siden", "for lenge siden". Returns one past its last word, or 0.
std::size_t past_adverbial(const Sentence& s, std::size_t i) {
  const Word& w = s.words[i];
  if (w.punct) return 0;
  // "siden i fjor", "fra i går": the time reaches up to now.
  if (i > 0 && lemma_in(s.words[i - 1], {"siden", "fra", "til", "etter", "før", "innen", "fram til", "frem til"})) return 0;
  if (lemma_in(w, {"i går", "i fjor", "i forgårs", "i forfjor"})) return i + 1;
  if (w.lower == "i" && i + 1 < s.words.size() && lemma_in(s.words[i + 1], {"går", "fjor", "forgårs", "forfjor"}))
    return i + 2;
  if (w.lower == "forrige" && is_word(at(s, i + 1)) &&
      lemma_in(s.words[i + 1], {"uke", "måned", "år", "helg", "sommer", "vinter", "høst", "vår", "gang", "mandag", "tirsdag",
                                "onsdag", "torsdag", "fredag", "lørdag", "søndag", "århundre", "tiår", "semester", "uka"}))
    return i + 2;
  if (w.lower == "for") {
    // "for (ca.) 2/to/mange/noen/lenge (år/uker) siden": amounts and time words only.
    for (std::size_t j = i + 1; j < s.words.size() && j <= i + 5; ++j) {
      const Word& x = s.words[j];
      if (x.lower == "siden") return j > i + 1 ? j + 1 : 0;
      const bool amount = has_digit(x.text) || lemma_in(x, {"ca", "ca.", ".", "cirka", "omtrent", "lenge", "mange", "noen", "få", "en",
                                                            "ei", "et", "to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte",
                                                            "ni", "ti", "tjue", "hundre", "tusen", "par", "halvt", "drøyt", "over"}) ||
                          lemma_in(x, {"år", "uke", "uker", "dag", "dager", "måned", "måneder", "time", "timer", "minutter",
                                       "tiår", "århundre", "århundrer", "generasjoner", "sekunder", "døgn", "uka"});
      if (!amount) return 0;
    }
  }
  return 0;
}

}  // namespace

// F: a present-tense verb in a clause with a past time adverbial: "I går går jeg på kino" → "gikk",
// "Vi bor i Bergen for to år siden" → "bodde", "Jeg har kjøpt den for to år siden" → "kjøpte".
void rule_past_tense_adverbial(const RuleContext& c) {
  const auto& s = c.sentence;
  // Quoted speech and reported thought may mix tenses.
  if (std::any_of(s.words.begin(), s.words.end(), [](const Word& w) { return w.text == "\"" || w.text == "«" || w.text == "»"; }))
    return;
  // "Da han blir voksen, dro han": a fronted "da"-clause before a main clause in the past tense
  // tells of the past too. The clause: "Da", a subject pronoun, perhaps a clause adverb, a present
  // verb; the main clause's verb right after the comma is in the past.
  if (const std::size_t d = first_word(s); d + 3 < s.words.size() && s.words[d].lower == "da" &&
                                           is_subject_pronoun(s.words[d + 1])) {
    std::size_t v = d + 2;
    if (is_clause_adverb(s.words[v])) ++v;
    const Word& verb = s.words[v];
    std::size_t comma = v + 1;
    while (comma < s.words.size() && !s.words[comma].punct) ++comma;
    const Word* main_verb = at(s, comma + 1);
    if (!verb.punct && !verb.unknown && verb.text.find(' ') == std::string::npos && comma < s.words.size() &&
        s.words[comma].text == "," && is_word(main_verb) &&
        every(verb, [](const Reading& r) { return r.has("vblex") && r.has("pres") && !r.has("pasv"); }) &&
        // "flyttet" is also the participle, which cannot stand there alone.
        some(*main_verb, [](const Reading& r) { return r.has("vblex") && r.has("pret"); }) &&
        every(*main_verb, [](const Reading& r) { return r.has("pret") || r.has("pp"); })) {
      auto form = regenerate(c.worker, verb, [](const Reading& r) { return r.has("pres"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"pres"}, "pret"); });
      if (!form.empty()) c.add("past-tense-adverbial", "F", verb.start, verb.end, {form}, 0.7);
    }
  }
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const std::size_t end = past_adverbial(s, i);
    if (end == 0) continue;
    std::size_t from = i, to = end;
    while (from > 0 && !clause_boundary(s.words[from - 1])) --from;
    while (to < s.words.size() && !clause_boundary(s.words[to])) ++to;
    for (std::size_t v = from; v < to; ++v) {
      if (v >= i && v < end) continue;
      const Word& verb = s.words[v];
      if (verb.punct || verb.unknown || verb.text.find(' ') != std::string::npos) continue;
      if (!every(verb, [](const Reading& r) { return r.has("vblex") && r.has("pres") && !r.has("pasv"); })) continue;
      const Word* next = at(s, v + 1);
      const bool participle_next =
          is_word(next) && every(*next, [](const Reading& r) { return r.has("vblex") && r.has("pp"); });
      if (lemma_in(verb, {"har"})) {
        // "har kjøpt" → "kjøpte"; "har" with its participle further on is left alone.
        if (!participle_next) {
          if (std::any_of(s.words.begin() + static_cast<std::ptrdiff_t>(v + 1), s.words.begin() + static_cast<std::ptrdiff_t>(to),
                          [](const Word& w) { return w.any("pp"); }))
            continue;
        } else {
          auto form = regenerate(c.worker, *next, [](const Reading& r) { return r.has("pp"); },
                                 [](std::vector<std::string>& t) { replace_tag(t, {"pp"}, "pret"); });
          if (!form.empty()) c.add("past-tense-adverbial", "F", verb.start, next->end, {like(verb, form)}, 0.7);
          continue;
        }
      }
      // "er født", "er kommet": "være" with a participle is the usual form.
      if (lemma_in(verb, {"er"}) && is_word(next) && some(*next, [](const Reading& r) { return r.has("pp") || r.has("adj"); }))
        continue;
      auto form = regenerate(c.worker, verb, [](const Reading& r) { return r.has("pres"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"pres"}, "pret"); });
      if (!form.empty()) c.add("past-tense-adverbial", "F", verb.start, verb.end, {form}, 0.7);
    }
  }
}

}  // namespace voki::feedback
