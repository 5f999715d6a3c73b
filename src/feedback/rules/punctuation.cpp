// PUNCM: the final full stop; commas after fronted subordinate clauses, before "men" and between
// main clauses.
#include "feedback/rules/clause_helpers.h"
#include <cstdio>

namespace voki::feedback {

using namespace rule_helpers;
using namespace clause_helpers;

// PUNCM: a text of three words or more that does not end with a full stop, ? or !.
void rule_final_punctuation(const RuleContext& c) {
  const auto& words = c.sentence.words;
  if (words.size() < 4) return;
  // Only the last sentence of the text.
  std::size_t last = c.sentence.end;
  std::string tail;
  {
    std::size_t cp = 0;
    for (std::size_t i = 0; i < c.text.size(); ++i) {
      if ((static_cast<unsigned char>(c.text[i]) & 0xC0) != 0x80) ++cp;
      if (cp > last) tail += c.text[i];
    }
  }
  if (tail.find_first_not_of(" \t\r\n") != std::string::npos) return;
  const Word& end = words.back();
  if (end.punct) {
    // "... i vanskelige situasjoner»", "(for eksempel på grunn av krig)": the full stop goes after
    // the closing quote or bracket, unless the quote or bracket ends with its own mark. A short
    // quote in capitals is a title ("boka «Naiv Super»"): left alone.
    if (end.text != "\"" && end.text != "»" && end.text != ")") return;
    if (words.size() < 2) return;
    const Word& inside = words[words.size() - 2];
    if (inside.punct || inside.text.back() == '.' || inside.text.back() == '!' || inside.text.back() == '?') return;
    std::size_t open = words.size() - 2;
    while (open > 0 && !(words[open].punct && (words[open].text == "\"" || words[open].text == "«" || words[open].text == "("))) --open;
    bool title = words.size() - 2 - open <= 3;
    for (std::size_t k = open + 1; k + 1 < words.size() && title; ++k) title = words[k].capitalised;
    if (title) return;
    if (std::count_if(words.begin(), words.end(), [](const Word& w) { return !w.punct; }) < 4) return;
    c.add("final-punctuation", "PUNCM", end.start, end.end, {end.text + "."}, 0.6);
    return;
  }
  // "osv.", "2000.": the analyser took the full stop into the token.
  if (end.text.back() == '.' || end.text.back() == '!' || end.text.back() == '?') return;
  if (std::count_if(words.begin(), words.end(), [](const Word& w) { return !w.punct; }) < 4) return;
  c.add("final-punctuation", "PUNCM", end.start, end.end, {end.text + "."}, 0.6);
}

// PUNC: a semicolon before a capitalised word that is not a name ends a sentence: "vi bor i; Vi
// har ..." → "vi bor i. Vi har ...". (A name after it keeps its capital: "; Oslo ...".)
void rule_semicolon_full_stop(const RuleContext& c) {
  const auto& words = c.sentence.words;
  for (std::size_t i = first_word(c.sentence) + 1; i + 1 < words.size(); ++i) {
    if (!is_punct(&words[i], ";")) continue;
    const Word& next = words[i + 1];
    if (next.punct || !next.capitalised || next.unknown || next.text.size() < 2 || is_upper_initial(next.text.substr(1))) continue;
    if (!some(next, [](const Reading& r) {
          return r.has("prn") || r.has("adv") || r.has("det") || r.has("cnjsub") || r.has("cnjcoo") || r.has("pr") || finite(r);
        }))
      continue;
    c.add("missing-full-stop", "PUNC", words[i].start, words[i].end, {"."}, 0.6);
  }
}

namespace {
// A subject can start here: a pronoun, a noun or name, or a determiner ("alle lærere", "noen").
bool starts_subject(const Word& w) {
  return !w.punct && !could_be_finite(w) &&
         (pronoun_subject(w) || some(w, [](const Reading& r) { return r.has("n") || r.has("np") || r.has("det") || r.has("prn"); }));
}
// Does a clause of its own start at word i inside the subordinate clause ("når jeg sier at det
// er ...", "som har ...")? Then its subject and verb come after. "om", "enn", "før" ... are also
// prepositions or adverbs: only with a subject after them.
bool inner_clause_starts(const Sentence& s, std::size_t i) {
  const Word& w = s.words[i];
  const Word* next = at(s, i + 1);
  if (!is_word(next)) return false;
  // "som", "hva" and "hvem" may be the subject ("som bor der"); "der" before a verb is the adverb
  // ("de som bor der kjenner ...").
  if (lemma_in(w, {"som", "hva", "hvem"})) return pronoun_subject(*next) || likely_finite(*next);
  if (lemma_in(w, {"at", "hvor", "der"})) return pronoun_subject(*next) || starts_subject(*next);
  if (lemma_in(w, {"hvordan", "hvorfor", "hvilken", "hvilket", "hvilke", "hvis", "når", "fordi", "mens", "dersom", "selv om",
                   "ettersom"}))
    return starts_subject(*next);
  // Also prepositions or adverbs ("om kvelden", "før krigen", "enn i fjor"): only before a pronoun.
  if (lemma_in(w, {"om", "før", "da", "enn", "siden"})) return pronoun_subject(*next);
  return false;
}
// A noun phrase subject can start here: a noun or determiner that is not also a preposition,
// adverb or conjunction ("nesten" is also a noun to the analyser).
bool noun_subject(const Word& w) {
  return starts_subject(w) && !is_object_pronoun(w) && !some(w, [](const Reading& r) {
    return r.has("pr") || r.has("adv") || r.has("cnjsub") || r.has("cnjcoo");
  });
}
// "naturen-så": a word and a conjunction written together with a dash; a comma there would split
// the word.
bool dash_joined(const Word& w) {
  const auto dash = w.text.rfind('-');
  if (dash == std::string::npos) return false;
  const std::string tail = to_lower(w.text.substr(dash + 1));
  return tail.empty() || tail == "så" || tail == "da" || tail == "og" || tail == "men";
}
// subjunction_length, with subjunctions that open a clause only before a main clause: "etter
// hvert som", "i tilfelle", "gitt at", "uansett hvor/hva/om", and a comparative "som" before a
// pronoun ("Som vi vet(,) har ...").
std::size_t fronted_subjunction_length(const Sentence& s, std::size_t p) {
  if (const std::size_t n = subjunction_length(s, p); n > 0) return n;
  const Word& w = s.words[p];
  const Word* next = at(s, p + 1);
  if (w.punct || !is_word(next)) return 0;
  if (w.lower == "i tilfelle") return 1;
  if ((w.lower == "etter hvert" && next->lower == "som") || (w.lower == "gitt" && next->lower == "at")) return 2;
  if (w.lower == "uansett" && (next->lower.starts_with("hv") || next->lower == "om")) return 2;
  if (w.lower == "som" && p == first_word(s) && is_subject_pronoun(*next)) return 1;
  return 0;
}
// Is the comma at k the first mark of the sentence, after a fronted phrase of one to five words
// with no verb or subjunction ("I hjemlandet mitt, da ...", "For mennesker med ..., som ...")?
// Then a clause set off after it is an insertion, and the main clause's verb follows it.
bool after_fronted_phrase(const Sentence& s, std::size_t k) {
  std::size_t first = first_word(s);
  if (first + 1 < k && lemma_in(s.words[first], {"men", "og"})) ++first;
  if (k <= first || k - first > 5 || !is_punct(&s.words[k], ",")) return false;
  for (std::size_t i = first; i < k; ++i) {
    const Word& w = s.words[i];
    // ("for" is also the past of "fare": a preposition or adverb reading wins; after a
    // preposition or determiner a verb homonym is the noun: "på landet".)
    const bool noun_after_modifier = i > first && some(w, noun_or_name) &&
                                     some(s.words[i - 1], [](const Reading& r) { return r.has("pr") || r.has("det") || r.has("adj"); });
    if (w.punct || w.unknown || (likely_finite(w) && !noun_after_modifier) || is_subjunction(w) || subjunction_length(s, i) > 0 ||
        lemma_in(w, {"som", "at", "å", "og", "eller", "hvor", "der", "så"}) ||
        some(w, [](const Reading& r) { return r.has("cnjsub"); }) ||
        (some(w, [](const Reading& r) { return r.has("vblex") && r.has("inf"); }) &&
         !some(w, [](const Reading& r) { return r.has("adv") || r.has("pr"); })))
      return false;
  }
  // It starts with a preposition or an adverb ("I Oslo", "Selv på kjøkkenet"); a subject first
  // ("Vi, som ...") would be followed by the main verb alone.
  return some(s.words[first], [](const Reading& r) { return r.has("pr") || r.has("adv"); });
}
// A word the analyser does not know, of letters only, at least four of them: mostly a compound
// noun or a name ("arbeiderklassen", "organdonasjon").
bool unknown_word(const Word& w) {
  if (!w.unknown || w.punct || w.text.size() < 4) return false;
  return std::all_of(w.text.begin(), w.text.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || ch == '-';
  });
}
bool comparative(const Word& w) {
  return is_word(&w) && (some(w, [](const Reading& r) { return r.has("comp"); }) ||
                         lemma_in(w, {"eldre", "yngre", "mere", "lenger", "lengre", "færre", "verre"}));
}
// "Jo mer vi leser(,) desto mer lærer vi": the clause with the first "jo" is a subordinate clause;
// the comma goes before the second "jo", "desto" or "dess". Returns whether a finding was added.
bool comma_before_desto(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  if (first + 1 >= s.words.size() || s.words[first].lower != "jo" || !comparative(s.words[first + 1])) return false;
  for (std::size_t i = first + 2; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.punct) return false;
    if (lemma_in(w, {"jo", "desto", "dess"}) && comparative(s.words[i + 1])) {
      const Word& before = s.words[i - 1];
      c.add("comma-subclause", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
      return true;
    }
  }
  return false;
}
}  // namespace

// PUNCM: a comma after a fronted subordinate clause: "Når jeg kommer hjem spiser jeg" → "Når jeg
// kommer hjem, spiser jeg". The main clause starts with its finite verb followed by its subject
// (verb second), which no word order inside the subordinate clause has; the verb is read from
// every reading, as CG-3 often takes such a verb for a noun ("bor", "ringer").
void rule_comma_subclause(const RuleContext& c) {
  if (comma_before_desto(c)) return;
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t p = first; p < s.words.size(); ++p) {
    // At the start, after "men", "og", "fordi", "at", or after a comma or colon ("I fjor, da jeg
    // var syk(,) fikk jeg ...").
    const Word& opener = s.words[p - (p != first)];
    // An adverb that narrows the clause may come first: "Først når ...", "Men også hvis ...".
    const bool narrowing = p != first && lemma_in(opener, {"også", "bare", "først", "særlig", "spesielt", "nettopp", "kun"}) &&
                           (p - 1 == first || (p - 2 == first && lemma_in(s.words[first], {"men", "og"})));
    if (p != first && !narrowing && !lemma_in(opener, {"men", "og", "fordi", "at"}) &&
        !(opener.punct && (opener.text == "," || opener.text == ":" || opener.text == ";")))
      continue;
    // "og at" is one token to the analyser: no fronted clause.
    if (s.words[p].lower.starts_with("og ") || s.words[p].lower.starts_with("men ") || s.words[p].lower.starts_with("eller ")) continue;
    // After a comma the clause may also end the sentence ("..., mens noen har hatt ..."): only a
    // pronoun after the verb shows the main clause there.
    const bool after_comma = p != first && opener.punct;
    // "I hjemlandet mitt, da jeg var liten(,) var barneoppdragelsen ...", "I Oslo, hvor jeg bor(,)
    // har vi ...": a clause inserted after a fronted phrase; the main clause's verb and subject
    // must come after it, whatever the subject.
    const bool insertion = after_comma && after_fronted_phrase(s, p - 1);
    std::size_t n = fronted_subjunction_length(s, p);
    if (n == 0 && insertion && lemma_in(s.words[p], {"hvor", "der", "som"})) n = 1;
    std::size_t i = p + n;
    // "..., som trenger nye organer(,) er dette ...": "som" is the inserted clause's subject.
    if (insertion && s.words[p].lower == "som" && i < s.words.size() && likely_finite(s.words[i])) i = p;
    // 0: a subordinate clause; 1: a relative clause in a fronted phrase; 2: in the subject.
    int relative = 0;
    if (n == 0) {
      // A relative clause inside the fronted element: "I byen hvor jeg bor er det ...", "De som bor
      // der har vi ...". Its own verb comes first, then the main clause's verb and subject.
      // (Also after "Men" or "Og" at the start: "Men for de som bor der er det ...".)
      if (p != first && !(p == first + 1 && lemma_in(s.words[first], {"men", "og"}))) continue;
      std::size_t e = prepositional_phrase_end(s, p);
      // "For barn som vokser opp her er det ...": "for" and a noun or "de" before "som" (the
      // phrase reader leaves "for" alone, as it is also "because").
      if (e == p && s.words[p].lower == "for" && p + 1 < s.words.size()) {
        e = lemma_in(s.words[p + 1], {"de", "dem", "alle"}) ? p + 2 : noun_phrase_end(s, p + 1);
        if (e == p + 1) e = p;
      }
      relative = 1;
      if (e == p) e = noun_phrase_end(s, p), relative = 2;
      if (e == p && lemma_in(s.words[p], {"de", "den", "det", "alle", "noen", "mange"})) e = p + 1;
      if (e == p || e >= s.words.size() || !lemma_in(s.words[e], {"som", "hvor", "der"})) continue;
      i = e + 1;
      // "som" may be the subject of its clause ("de som bor der").
      if (i < s.words.size() && s.words[e].lower == "som" && likely_finite(s.words[i])) --i;
    }
    if (const Word* x = at(s, i); is_word(x) && x->lower == "ikke") ++i;
    // "Når det gjelder barn er ...": writers differ on a comma after this fixed phrase and a short
    // phrase; after three words or more ("Når det gjelder prisen på boliger er ...") it is wanted.
    // The phrase has no verb of its own: the first verb is the main clause's.
    const bool gjelder = s.words[p].lower == "når det gjelder";
    if (gjelder && relative != 0) continue;
    const std::size_t phrase_start = i;
    // "Da kom han", "Før var det": the word after is a verb, so "da" and "før" are adverbs.
    if (i >= s.words.size() || (!starts_subject(s.words[i]) && s.words[i].lower != "som" && !unknown_word(s.words[i]))) continue;
    bool clause_verb = gjelder;
    for (++i; i + 1 < s.words.size(); ++i) {
      const Word& w = s.words[i];
      const Word& before = s.words[i - 1];
      const Word& next = s.words[i + 1];
      // "Hvis det var en annen person, som ikke ..., ville han ...": a relative clause set off
      // inside the subordinate clause; its own verb comes first.
      if (w.text == "," && lemma_in(next, {"som"}) && !before.punct) {
        clause_verb = false;
        ++i;
        continue;
      }
      if (w.punct) break;  // a comma of its own; a later clause may still lack one
      if (inner_clause_starts(s, i)) {
        clause_verb = false;
        continue;
      }
      if (!clause_verb) {
        // "private skoler": after an adjective or determiner a verb homonym is a noun. After "tror",
        // "synes" ... followed by a subject, the next verb belongs to a clause without "at".
        // A word that can only be a verb is one there too ("de etterlatte tillater").
        clause_verb = likely_finite(w) &&
                      !(!finite_on_raw_readings(w) && some(before, [](const Reading& r) { return r.has("adj") || r.has("det"); }) &&
                        !some(before, [](const Reading& r) { return r.has("prn"); }) &&
                        !lemma_in(before, {"alt", "alle", "noen", "mange", "begge", "ingen", "flere", "de fleste", "noe"})) &&
                      !(takes_bare_clause(w) && starts_subject(next));
        continue;
      }
      // "Hvis du vil så kan vi", "Hvis vi bor her da har vi": "så" or "da" takes up the clause
      // before the main clause's verb and subject; the comma goes before it.
      if (lemma_in(w, {"så", "da"}) && !before.punct && likely_finite(next) && i + 2 < s.words.size() &&
          (pronoun_subject(s.words[i + 2]) || noun_subject(s.words[i + 2])) && !lemma_in(before, {"og", "eller", "men", "ikke"}) &&
          !dash_joined(before)) {
        c.add("comma-subclause", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
        return;
      }
      if (!likely_finite(w)) continue;
      // After a relative clause in the subject, a verb and a pronoun that can only be a subject
      // ("De som bor der kjenner jeg"); "har det" would be verb and object.
      if (relative == 2 && !lemma_in(next, {"jeg", "du", "vi", "man"})) continue;
      if (relative == 1 && !pronoun_subject(next)) continue;
      const bool pronoun_next = pronoun_subject(next);
      if (!pronoun_next && ((after_comma && !insertion) || !(noun_subject(next) || (unknown_word(next) && !next.capitalised)))) continue;
      // "et stadig mer utviklet samfunn": a participle before its noun. ("var" is rarely the
      // adjective.)
      if (!pronoun_next && w.lower != "var" && some(w, [](const Reading& r) { return r.has("adj"); })) continue;
      if (gjelder && i - phrase_start < 3) break;
      // "og lager", "jeg kan": the verb of a second clause or of a clause without "at".
      // ("ble krevet": after an auxiliary the participle, which may look like a past tense.)
      if (lemma_in(before, {"er", "var", "har", "hadde", "blir", "ble", "og", "eller", "men", "så", "mer", "mest", "mindre", "minst", "veldig", "svært", "meget", "litt",
                            "helt", "ganske", "nokså", "stadig", "enda", "like", "for"}) ||
          is_subject_pronoun(before) || dash_joined(before)) {
        if (takes_bare_clause(w) && starts_subject(next)) clause_verb = false;
        continue;
      }
      c.add("comma-subclause", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
      return;
    }
  }
}

// PUNC: a direct question ends with a question mark: "Hvem har skylden." → "Hvem har skylden?".
// The sentence (or what follows a colon: "Spørsmålet er: Hva skjer nå.") opens with a question
// word and a finite verb, which no statement does. ("Hvor" is left alone: "Hvor er det fint her."
// is an exclamation.)
void rule_question_mark(const RuleContext& c) {
  const auto& s = c.sentence;
  if (s.words.size() < 4 || !is_punct(&s.words.back(), ".")) return;
  std::size_t start = first_word(s);
  for (std::size_t i = start; i + 1 < s.words.size(); ++i)
    if (is_punct(&s.words[i], ":")) start = i + 1;
  if (is_word(at(s, start)) && lemma_in(s.words[start], {"men", "og", "så"})) ++start;
  const Word* wh = at(s, start);
  const Word* verb = at(s, start + 1);
  if (!is_word(wh) || !is_word(verb) || !lemma_in(*wh, {"hvem", "hva", "hvorfor", "hvordan", "hvilken", "hvilket", "hvilke"})) return;
  // "Hva som skjer ...", "Hvordan folk feirer jul(,) kan variere": a clause used as a subject.
  // ("får" is also a noun: before a pronoun that can only be the subject it is the verb.)
  const Word* after = at(s, start + 2);
  const bool subject_after = is_word(after) && is_subject_pronoun(*after);
  if (!likely_finite(*verb) || (!subject_after && some(*verb, [](const Reading& r) { return r.has("n") || r.has("adj"); }))) return;
  // "Hvordan vi vokste opp, spiller en rolle": a comma and a verb after it show a main clause.
  for (std::size_t i = start + 2; i + 1 < s.words.size(); ++i)
    if (is_punct(&s.words[i], ",") && could_be_finite(s.words[i + 1])) return;
  const Word& stop = s.words.back();
  c.add("question-mark", "PUNC", stop.start, stop.end, {"?"}, 0.6);
}

// PUNCM: a comma after a fronted infinitive phrase of means or manner, before the main clause's
// verb and subject: "Ved å spise mindre salt beskytter vi nyrene" → "salt, beskytter vi",
// "I stedet for å kjøre bil tar vi bussen". (After "For å ..." and "Etter å ha ..." writers differ
// too much to correct it; after a bare infinitive, "Ved å flytte mister man ...", the comma is
// optional.)
void rule_comma_fronted_infinitive(const RuleContext& c) {
  const auto& s = c.sentence;
  std::size_t p = first_word(s);
  if (is_word(at(s, p)) && lemma_in(s.words[p], {"men", "og", "bare", "kun"})) ++p;
  const Word* lead = at(s, p);
  if (!is_word(lead)) return;
  std::size_t i = p + 1;  // the "å"
  if (lemma_in(*lead, {"i stedet", "istedet", "i steden"}) && is_word(at(s, i)) && s.words[i].lower == "for") ++i;
  else if (!lemma_in(*lead, {"ved", "uten", "istedenfor", "i stedet for", "istedet for"})) return;
  if (!is_word(at(s, i)) || s.words[i].lower != "å") return;
  const Word* infinitive = at(s, i + 1);
  if (!is_word(infinitive) || !some(*infinitive, [](const Reading& r) { return r.has("vblex") && r.has("inf"); })) return;
  for (std::size_t k = i + 2; k + 1 < s.words.size(); ++k) {
    const Word& w = s.words[k];
    // A comma of its own, or a clause inside the phrase whose verb would come next.
    if (w.punct && w.text != "(" && w.text != ")") return;
    if (w.punct) continue;
    if (is_subjunction(w) || lemma_in(w, {"som", "at", "hva", "hvem", "hvor", "hvordan", "når", "der"})) return;
    const Word& next = s.words[k + 1];
    // The main clause: a finite verb and a pronoun that can only be its subject.
    if (likely_finite(w) && is_subject_pronoun(next) &&
        !some(w, [](const Reading& r) { return r.has("adj"); })) {
      const Word& before = s.words[k - 1];
      // "Ved å flytte mister man ...": after a bare infinitive the phrase is short, and the comma is
      // optional.
      if (before.punct || k == i + 2) return;
      c.add("comma-fronted-infinitive", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
      return;
    }
  }
}

// PUNCM: the comma that closes a phrase set off at the start of the sentence, before the main
// clause's verb: "Vi, foreldrene(,) er på jobb", "Nå, etter krigen(,) er det roligere", "Barna,
// særlig de minste(,) trenger søvn". The comma before the phrase shows that the writer sets it
// off; the phrase has no verb, and the verb after it is the main clause's (after a fronted adverb
// with its subject after it).
namespace {
// "Derfor hvis vi ..., ser vi ..." → "Derfor, hvis vi ...,": a conditional clause inserted after
// a fronted adverb or phrase, closed by its comma before the main clause's verb and subject. (After
// a noun "hvor", "når" and "da" open restrictive clauses without commas: "I en tid hvor ...",
// "Tidlig om morgenen når ...": only "hvis", "dersom" and "selv om" are taken.)
bool comma_before_inserted_condition(const RuleContext& c) {
  const auto& s = c.sentence;
  std::size_t first = first_word(s);
  if (is_word(at(s, first)) && lemma_in(s.words[first], {"men", "og"})) ++first;
  for (std::size_t p = first + 1; p < s.words.size() && p <= first + 4; ++p) {
    const Word& w = s.words[p];
    if (w.punct) return false;
    if (!lemma_in(w, {"hvis", "dersom", "selv om"}) && !(w.lower == "selv" && is_word(at(s, p + 1)) && s.words[p + 1].lower == "om"))
      continue;
    // The fronted part: no verb, no subject pronoun; an adverb or a prepositional phrase.
    for (std::size_t i = first; i < p; ++i) {
      const Word& f = s.words[i];
      // ("på den andre siden": after a determiner or adjective "siden" is the noun.)
      const bool noun = i > first && some(f, noun_or_name) &&
                        some(s.words[i - 1], [](const Reading& r) { return r.has("pr") || r.has("det") || r.has("adj"); });
      if (f.unknown || is_subject_pronoun(f) || lemma_in(f, {"at", "som", "og", "eller", "det"}) ||
          (!noun && (likely_finite(f) || is_subjunction(f))))
        return false;
    }
    // ("Men også hvis ...", "Bare hvis ...": an adverb that narrows the clause belongs to it.)
    const bool adverb = p == first + 1 && every(s.words[first], [](const Reading& r) { return r.has("adv"); }) &&
                        !lemma_in(s.words[first], {"også", "bare", "kun", "særlig", "spesielt", "nettopp", "først", "selv", "i hvert fall",
                                                   "iallfall", "især", "akkurat", "enda", "ikke"});
    const bool phrase = prepositional_phrase_end(s, first) == p || (p == first + 2 && s.words[first].lower == "for" && s.words[first + 1].lower == "eksempel");
    if (!adverb && !phrase) return false;
    // The clause's subject, then its comma, then the main clause's verb and subject.
    const Word* subject = at(s, p + 1 + (w.lower == "selv"));
    if (!is_word(subject) || !(pronoun_subject(*subject) || starts_subject(*subject))) return false;
    for (std::size_t k = p + 2; k + 2 < s.words.size(); ++k) {
      if (!s.words[k].punct || s.words[k].text == "\"" || s.words[k].text == "«" || s.words[k].text == "»") continue;
      if (s.words[k].text != "," || !likely_finite(s.words[k + 1]) ||
          !(pronoun_subject(s.words[k + 2]) || noun_subject(s.words[k + 2])))
        return false;
      const Word& before = s.words[p - 1];
      c.add("comma-insertion", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
      return true;
    }
    return false;
  }
  return false;
}
}  // namespace

// "Hvis det regner for eksempel, tar vi bussen" → "regner, for eksempel, tar vi": "for eksempel"
// closed by a comma after a clause is set off on both sides. Only where the main clause's verb
// and subject, or "men", follow (in "Et råd til noen som bor i byen for eksempel, er ..." the
// comma belongs elsewhere).
bool comma_before_for_example(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = first_word(s) + 2; i + 2 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.lower != "for eksempel" || !is_punct(&s.words[i + 1], ",")) continue;
    const Word& before = s.words[i - 1];
    if (before.punct || some(before, [](const Reading& r) { return r.has("pr") || r.has("det") || r.has("cnjcoo") || r.has("cnjsub"); }))
      continue;
    const Word& next = s.words[i + 2];
    const Word* subject = at(s, i + 3);
    if (!(next.lower == "men" || (likely_finite(next) && is_word(subject) && pronoun_subject(*subject)))) continue;
    c.add("comma-insertion", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return true;
  }
  return false;
}

// "Alle barn uansett hvor de bor, har rett til skole" → "barn, uansett hvor de bor, har": an
// "uansett" phrase or clause after the fronted subject, closed by its comma before the main
// clause's verb, is set off on both sides. Before it no verb but that of a "som" clause ("Alle som
// bor her uansett ...").
bool comma_before_closed_uansett(const RuleContext& c) {
  const auto& s = c.sentence;
  std::size_t first = first_word(s);
  if (is_word(at(s, first)) && lemma_in(s.words[first], {"men", "og", "bare"})) ++first;
  bool relative = false;
  for (std::size_t p = first; p + 3 < s.words.size() && p < first + 10; ++p) {
    const Word& w = s.words[p];
    if (w.punct || w.unknown) return false;
    if (w.lower == "som") relative = true;
    if (w.lower != "uansett" && !w.lower.starts_with("uansett ")) {
      // ("alle mynter": after a determiner or adjective a verb homonym is the noun; "å kunne": after
      // "å" the infinitive.)
      const Word* prev = p > first ? &s.words[p - 1] : nullptr;
      const bool noun = prev && some(w, noun_or_name) &&
                        some(*prev, [](const Reading& r) { return r.has("pr") || r.has("det") || r.has("adj"); });
      if (is_subjunction(w) || lemma_in(w, {"at", "og", "eller", "men"}) ||
          (!relative && !noun && likely_finite(w) && !(prev && prev->lower == "å")))
        return false;
      continue;
    }
    if (p == first) return false;
    for (std::size_t k = p + 1; k + 1 < s.words.size() && k < p + 12; ++k) {
      if (!s.words[k].punct || s.words[k].text == "\"" || s.words[k].text == "«" || s.words[k].text == "»") continue;
      const Word& verb = s.words[k + 1];
      if (s.words[k].text != "," || k == p + 1 || !likely_finite(verb) ||
          some(verb, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("adv"); }))
        return false;
      const Word& before = s.words[p - 1];
      c.add("comma-insertion", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
      return true;
    }
    return false;
  }
  return false;
}

void rule_comma_insertion(const RuleContext& c) {
  if (comma_before_inserted_condition(c) || comma_before_for_example(c) || comma_before_closed_uansett(c)) return;
  const auto& s = c.sentence;
  std::size_t first = first_word(s);
  if (is_word(at(s, first)) && lemma_in(s.words[first], {"men", "og"})) ++first;
  std::size_t k = first;
  while (k < s.words.size() && !s.words[k].punct) ++k;
  if (k == first || k + 2 >= s.words.size() || s.words[k].text != ",") return;
  const Word& start = s.words[k + 1];
  if (start.punct) return;
  // What stands before the comma: a fronted adverbial, or the subject.
  const bool adverbial = after_fronted_phrase(s, k);
  const bool pronoun_head = k == first + 1 && is_subject_pronoun(s.words[first]) && s.words[first].lower != "det";
  const bool noun_head = !adverbial && !pronoun_head && noun_phrase_end(s, first) == k && !some(s.words[first], [](const Reading& r) {
    return r.has("pr") || r.has("adv") || r.has("cnjsub") || r.has("cnjcoo");
  });
  const bool contrast = lemma_in(start, {"derimot", "imidlertid", "derfor", "altså", "likevel", "dessverre", "heldigvis"});
  const bool unknown_head = k == first + 1 && s.words[first].unknown && contrast;
  if (!adverbial && !pronoun_head && !noun_head && !unknown_head) return;
  // The phrase: an adverb that narrows or contrasts, a prepositional phrase, "uansett ..." or
  // "samt ...", or after a pronoun a noun phrase in apposition ("Vi, foreldrene").
  const bool narrowing = lemma_in(start, {"særlig", "spesielt", "blant annet", "for eksempel", "også", "især"});
  const bool preposition = every(start, [](const Reading& r) { return r.has("pr"); }) || lemma_in(start, {"uansett", "samt"});
  const bool apposition = pronoun_head && every(start, [](const Reading& r) { return (r.has("n") && r.has("def")) || r.has("det"); });
  if (!contrast && !narrowing && !(preposition && (adverbial || noun_head)) && !apposition) return;
  if (!adverbial && preposition && !lemma_in(start, {"uansett", "samt"})) return;  // "Mannen, på sin side" ...
  for (std::size_t j = k + 2; j + 1 < s.words.size() && j < k + 10; ++j) {
    const Word& w = s.words[j];
    const Word& before = s.words[j - 1];
    if (w.punct || w.unknown || lemma_in(w, {"og", "eller", "men", "som", "at", "å"}) || is_subjunction(w)) return;
    if (!likely_finite(w)) continue;
    // After a preposition, determiner or adjective a verb homonym is a noun ("etter krigen").
    if (some(w, noun_or_name) && some(before, [](const Reading& r) { return r.has("pr") || r.has("det") || r.has("adj"); })) continue;
    if (before.punct || some(before, [](const Reading& r) { return r.has("pr") || r.has("det"); })) return;
    const Word& next = s.words[j + 1];
    // After a fronted adverbial the subject follows the verb.
    if (adverbial && !(pronoun_subject(next) || noun_subject(next))) return;
    if (some(w, [](const Reading& r) { return r.has("adj") || r.has("n"); }) && !lemma_in(w, {"var", "er", "har", "kan", "må", "vil", "skal"}))
      return;
    c.add("comma-insertion", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return;
  }
}

namespace {
// Does a subject with a relative or "at" clause start at p, and is the comma after the clause
// missing? Then adds the finding.
bool comma_after_subject_clause(const RuleContext& c, std::size_t p) {
  const auto& s = c.sentence;
  if (const Word* w = at(s, p); is_word(w) && lemma_in(*w, {"men", "og", "så"})) ++p;
  const Word* head = at(s, p);
  // "Vi som voksne må ...", "Jeg som lærer ...": after a personal pronoun "som" is mostly "as".
  if (!is_word(head) || (is_subject_pronoun(*head) && head->lower != "de")) return false;
  std::size_t i;  // where the subordinate clause's subject or verb starts
  if (head->lower == "at") {
    i = p + 1;
  } else {
    // ("jeg" is also a noun to the analyser: "Det jeg" is no noun phrase.)
    const Word* second = at(s, p + 1);
    std::size_t e = is_word(second) && is_subject_pronoun(*second) ? p : noun_phrase_end(s, p);
    const bool quantifier = lemma_in(*head, {"alle", "mange", "noen", "andre", "flere", "de fleste", "begge", "ingen"});
    // "Alle personer som ...": "alle" is also a noun (an avenue) to the analyser, "Den" a name.
    if ((quantifier || lemma_in(*head, {"den", "denne", "disse"})) && e == p + 1) {
      if (const std::size_t longer = noun_phrase_end(s, p + 1); longer > p + 1) e = longer;
    }
    const bool pronoun_head = e == p && lemma_in(*head, {"det", "de", "den", "dette", "noe", "alt", "alle", "noen", "mange", "ingen"});
    if (pronoun_head) e = p + 1;
    // "Alle de som ...", "mange av dem som ...".
    if (quantifier && e == p + 1 && is_word(at(s, e)) && lemma_in(s.words[e], {"de", "dem"}) && !pronoun_head) e = p + 2;
    if (quantifier && pronoun_head && is_word(at(s, e)) && lemma_in(s.words[e], {"de"})) e = p + 2;
    const Word* r = at(s, e);
    if (e == p || !is_word(r)) return false;
    if (r->lower == "som") {
      i = e + 1;
    } else if (!pronoun_head && lemma_in(*r, {"til", "for", "om", "på"}) && is_word(at(s, e + 1)) && s.words[e + 1].lower == "at") {
      // "Grunnen til at vi flytter(,) er ...": an "at" clause after the noun's preposition.
      i = e + 2;
    } else if ((!pronoun_head || head->lower == "alt") && lemma_in(*r, {"jeg", "vi", "man", "du", "en"}) && is_word(at(s, e + 1)) &&
               likely_finite(s.words[e + 1]) &&
               (head->lower == "alt" || some(s.words[e - 1], [](const Reading& rd) { return rd.has("def"); }) ||
                lemma_in(*head, {"den", "det", "denne", "dette", "disse", "de"}))) {
      // "Den boka vi leste(,) var ...", "Alt en trenger(,) er ...": a relative clause without
      // "som" after a definite noun. (After "Det" alone, "Det vi feirer er ...", the clause's end is
      // less certain: left alone.)
      i = e;
    } else if (pronoun_head && head->lower == "det" && r->lower == "at") {
      // "Det at vi flytter ...". (Without "som", "Det vi feirer er ...", the clause's end is less
      // certain: left alone.)
      i = e + 1;
    } else {
      return false;
    }
  }
  // The subordinate clause's own verb, after its subject and a few adverbs.
  const std::size_t limit = i + 5;
  for (; i < s.words.size() && i < limit; ++i) {
    if (s.words[i].punct || lemma_in(s.words[i], {"og", "eller", "men"})) return false;
    if (likely_finite(s.words[i])) break;
  }
  if (i >= s.words.size() || i >= limit) return false;
  bool clause_verb = !(takes_bare_clause(s.words[i]) && is_word(at(s, i + 1)) && starts_subject(s.words[i + 1]));
  for (++i; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    const Word& next = s.words[i + 1];
    if (w.punct) return false;
    if (inner_clause_starts(s, i)) {
      clause_verb = false;
      continue;
    }
    if (!clause_verb) {
      clause_verb = likely_finite(w) && !(takes_bare_clause(w) && starts_subject(next));
      continue;
    }
    // "Alt som trengs og all informasjon kan ...": a second subject joined to the first; "En
    // person som dør eller er syk kan ...": two verbs, where writers often see one unit. Left alone.
    if (lemma_in(w, {"og", "eller"})) return false;
    // The main verb: "være", "bli", "ha", a modal, "gjøre" or "få" (in this place a verb, though
    // "var" and "får" are also nouns). A lexical verb may still be
    // the subordinate clause's, after a clause without "at" ("en løsning som jeg ser ofte
    // fungerer godt, er ...").
    if (!could_be_finite(w) || is_subjunction(w) ||
        !lemma_in(w, {"er", "var", "blir", "ble", "har", "hadde", "kan", "kunne", "må", "måtte", "skal", "skulle", "vil", "ville", "bør",
                      "burde", "gjør", "gjorde", "får", "fikk"}))
      continue;
    // "Det jeg synes er ...": the verb right after "synes" belongs to the clause without "at";
    // "som er interesserte": after a verb a participle.
    // ("Det han tror er at ...": "er at" after it is the main clause's, "what he believes is that".)
    const bool is_that = lemma_in(w, {"er", "var"}) && next.lower == "at";
    if ((takes_bare_clause(before) && !is_that) ||
        (could_be_finite(before) && some(w, [](const Reading& r) { return r.has("adj") && r.has("pp"); })))
      continue;
    // "som bor her og jobber der", "som jeg kan": a second verb of the clause, or the verb of a
    // clause without "at".
    if (lemma_in(before, {"og", "eller", "men", "som", "å", "ikke", "så"}) ||
        is_subject_pronoun(before) || dash_joined(before) || before.punct) {
      if (takes_bare_clause(w) && starts_subject(next)) clause_verb = false;
      continue;
    }
    c.add("comma-subject-clause", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return true;
  }
  return false;
}
// "Det å motta et organ kan redde liv" → "Det å motta et organ, kan": a subject "det å" with an
// infinitive phrase of two words or more after the infinitive, closed before the main clause's
// verb (a form of "være", "bli", "ha", a modal, or a word that can only be a finite verb). A short
// phrase ("Det å være kjent har ...") is left alone, and so is one with a clause or "og" inside it,
// whose end is less certain.
bool comma_after_det_infinitive(const RuleContext& c) {
  const auto& s = c.sentence;
  std::size_t p = first_word(s);
  if (is_word(at(s, p)) && lemma_in(s.words[p], {"men", "og"})) ++p;
  if (!is_word(at(s, p)) || !is_word(at(s, p + 1)) || s.words[p].lower != "det" || s.words[p + 1].lower != "å") return false;
  std::size_t i = p + 2;
  if (is_word(at(s, i)) && s.words[i].lower == "ikke") ++i;  // "Det å ikke ha jobb ..."
  const Word* infinitive = at(s, i);
  if (!is_word(infinitive) || !some(*infinitive, [](const Reading& r) { return verb_any(r) && r.has("inf"); })) return false;
  for (std::size_t k = i + 1; k + 1 < s.words.size() && k < i + 12; ++k) {
    const Word& w = s.words[k];
    if (w.punct && w.text != "\"" && w.text != "«" && w.text != "»") return false;
    if (w.punct) continue;
    if (is_subjunction(w) || subjunction_length(s, k) > 0 ||
        lemma_in(w, {"at", "som", "og", "eller", "men", "hva", "hvem", "hvor", "hvordan", "hvorfor", "der"}))
      return false;
    const bool main_verb = lemma_in(w, {"er", "var", "blir", "ble", "har", "hadde", "kan", "kunne", "må", "måtte", "skal", "skulle", "vil",
                                        "ville", "bør", "burde", "gjør", "gjorde", "gir", "ga", "krever", "krevde", "betyr", "betydde"}) ||
                           finite_verb(w);
    if (!main_verb) continue;
    const Word& before = s.words[k - 1];
    // ("å være kjent har": one word after the infinitive; "som å ha": after "å" the infinitive.)
    if (k < i + 3 || before.punct || lemma_in(before, {"å", "ikke", "til"})) return false;
    c.add("comma-subject-clause", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return true;
  }
  return false;
}
}  // namespace

// PUNCM: a comma after a subordinate clause inside a fronted subject, before the main clause's
// verb: "Det som er viktig er ..." → "Det som er viktig, er ...", "De som bor der vet ...", "Det
// at vi flytter gjør ...". The relative or "at" clause has its own verb first; the next verb
// that is surely a verb (no noun or adjective reading) and follows a word that can end the
// clause is the main clause's.
void rule_comma_subject_clause(const RuleContext& c) {
  if (comma_after_det_infinitive(c)) return;
  const auto& s = c.sentence;
  for (std::size_t p = first_word(s); p < s.words.size(); ++p) {
    // At the start, or as the subject of an "at" clause when a pronoun heads it ("Jeg vet at de som
    // bor her(,) liker ..."; after a noun writers more often leave the comma out).
    if (p != first_word(s) &&
        (s.words[p - 1].lower != "at" || !lemma_in(s.words[p], {"det", "de", "den", "alle", "alt", "noe", "noen", "ingen"})))
      continue;
    if (comma_after_subject_clause(c, p)) return;
  }
}

namespace {
// "Vi flyttet hit i fjor og vi håper at det går bra" → "i fjor, og vi håper at": a second main
// clause with its own subject and a verb of saying or thinking that opens an "at" clause or a
// question ("og jeg vet hva de ønsker", "og det betyr at"), or a formal "det" with an adjective
// and its infinitive ("og det er lett å ..."), after a first main clause that starts the sentence.
// (After a first clause that follows a comma, "A, B og C" lists clauses and wants no comma before
// "og"; without the clause after the verb writers and annotators differ too much on short pairs
// of clauses.)
bool og_reporting_clause(const Sentence& s, std::size_t clause_start, std::size_t og) {
  std::size_t start = first_word(s);
  if (is_word(at(s, start)) && lemma_in(s.words[start], {"men", "og"})) ++start;
  if (clause_start > start) return false;
  const Word* subject = at(s, og + 1);
  const Word* verb = at(s, og + 2);
  if (!is_word(subject) || !is_word(verb) || !(is_subject_pronoun(*subject) || subject->lower == "det"))
    return false;
  if (!likely_finite(*verb) || some(*verb, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("adv"); })) return false;
  std::size_t k = og + 3;  // "og vi tror også at"
  // "og det er vanskelig å finne ...", "og det var klart at ...": a formal subject with its
  // adjective and infinitive or "at" clause.
  if (subject->lower == "det" && lemma_in(*verb, {"er", "var", "blir", "ble"})) {
    while (k < og + 5 && is_word(at(s, k)) &&
           (lemma_in(s.words[k], {"veldig", "ikke", "ganske", "svært", "helt", "litt", "nokså", "så", "også", "alltid", "ofte", "jo"}) ||
            every(s.words[k], [](const Reading& r) { return r.has("adv"); })))
      ++k;
    return is_word(at(s, k)) && is_word(at(s, k + 1)) && some(s.words[k], [](const Reading& r) { return r.has("adj"); }) &&
           !could_be_finite(s.words[k]) && lemma_in(s.words[k + 1], {"å", "at"});
  }
  if (is_modal(*verb) && is_word(at(s, k)) &&
      lemma_in(s.words[k], {"tro", "si", "tenke", "håpe", "mene", "vite", "føle", "forstå", "skjønne", "merke"})) {
    ++k;  // "og man skulle tro at", "og jeg kan si at": a modal before the infinitive
  } else if (!takes_bare_clause(*verb) && !lemma_in(*verb, {"betyr", "betydde", "viser", "viste", "skjer", "hender", "gjør", "gjorde"})) {
    return false;
  }
  if (is_word(at(s, k)) && every(s.words[k], [](const Reading& r) { return r.has("adv"); })) ++k;
  // "at", or a question word ("og jeg vet hva de ønsker").
  return is_word(at(s, k)) &&
         lemma_in(s.words[k], {"at", "hva", "hvordan", "hvorfor", "hvem", "hvor", "hvilke", "hvilken", "hvilket"});
}
// "Du må skynde deg ellers kommer du for sent" → "deg, ellers kommer du": "ellers" (otherwise)
// before a verb and its subject opens a main clause of its own, whatever clause stands before it
// ("Det er viktig at barna leser ellers glemmer de ..."). After a verb, a conjunction or "som"
// it is the adverb ("har ellers vært", "som ellers vil bli", "og ellers i livet").
bool comma_before_ellers(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = first_word(s) + 1; i + 2 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    // ("venner", "lunger": a noun that is also a verb.)
    if (w.lower != "ellers" || before.punct || (could_be_finite(before) && !some(before, noun_or_name)) || dash_joined(before) ||
        some(before, [](const Reading& r) { return r.has("cnjcoo") || r.has("cnjsub") || r.has("pr"); }) ||
        lemma_in(before, {"som", "at", "ikke", "og", "eller", "men"}))
      continue;
    // "ellers kommer du", "ellers så dør han", "ellers blir livet kjedelig".
    std::size_t v = i + 1;
    if (s.words[v].lower == "så") ++v;
    const Word* verb = at(s, v);
    const Word* subject = at(s, v + 1);
    // ("dør", "føler" are also nouns: then only before a pronoun that can only be the subject.)
    if (!is_word(verb) || !is_word(subject) || !likely_finite(*verb) ||
        some(*verb, [](const Reading& r) { return r.has("adj") || r.has("adv"); }) ||
        !(pronoun_subject(*subject) || noun_subject(*subject)) ||
        (some(*verb, noun_or_name) && !is_subject_pronoun(*subject)))
      continue;
    c.add("comma-main-clauses", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return true;
  }
  return false;
}
// "Jeg tror at alle har ønsker så jeg er ikke et unntak" → "ønsker, så jeg er ikke": after "så",
// a subject, its verb and then "ikke" show a main clause (in a subordinate clause "ikke" comes
// before the verb), whatever clause stands before it.
bool comma_before_main_clause_with_ikke(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = first_word(s) + 1; i + 3 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    if (w.lower != "så" || before.punct || dash_joined(before) || is_subject_pronoun(before) ||
        some(before, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo") || r.has("cnjsub") || r.has("det") || r.has("prn"); }) ||
        (could_be_finite(before) && !some(before, noun_or_name)))
      continue;
    const Word& subject = s.words[i + 1];
    const Word& verb = s.words[i + 2];
    if (!is_personal_subject_pronoun(subject) || !likely_finite(verb) ||
        some(verb, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("adv"); }) || s.words[i + 3].lower != "ikke")
      continue;
    c.add("comma-main-clauses", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return true;
  }
  return false;
}
// "Jeg var glad når jeg kom hjem for da kunne vi ..." → "hjem, for da kunne vi": "for" with a
// fronted adverb, then a verb and its subject, is the conjunction before a main clause (the
// preposition takes no "da"), whatever clause stands before it.
bool comma_before_for_adverb_clause(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = first_word(s) + 1; i + 3 < s.words.size(); ++i) {
    const Word& before = s.words[i - 1];
    // (An object pronoun ends the clause before it: "besøkte henne for da ...".)
    if (s.words[i].lower != "for" || before.punct || dash_joined(before) ||
        (!is_object_pronoun(before) && some(before, [](const Reading& r) { return r.has("cnjcoo") || r.has("cnjsub") || r.has("pr"); })) ||
        lemma_in(before, {"og", "eller", "men", "som", "at"}))
      continue;
    const Word& adverb = s.words[i + 1];
    const Word& verb = s.words[i + 2];
    const Word& subject = s.words[i + 3];
    // (A modal past such as "kunne" is also an infinitive and an adjective to the analyser.)
    const bool modal_past = lemma_in(verb, {"kunne", "skulle", "ville", "måtte", "burde"});
    if (!lemma_in(adverb, {"da", "nå", "derfor", "ellers", "dessuten", "plutselig"}) ||
        (!modal_past && (!likely_finite(verb) || some(verb, [](const Reading& r) { return r.has("n") || r.has("adj") || r.has("adv"); }))) ||
        !(is_personal_subject_pronoun(subject) || subject.lower == "det"))
      continue;
    c.add("comma-main-clauses", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return true;
  }
  return false;
}
}  // namespace

// PUNCM: a comma between two main clauses joined by "og", "for" or "så" where the second one
// shows that it is a main clause: "Vi bor her og da er det" → "her, og da er det" (a fronted
// adverb or phrase and the verb before the subject), "Han kom ikke for han var syk" → "ikke, for
// han var syk".
void rule_comma_main_clauses(const RuleContext& c) {
  if (comma_before_ellers(c) || comma_before_main_clause_with_ikke(c) || comma_before_for_adverb_clause(c)) return;
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  // The first clause must be a main clause of its own: not a fronted subordinate clause.
  if (is_word(at(s, first)) && (subjunction_length(s, first) > 0 || lemma_in(s.words[first], {"at", "som"}))) return;
  bool verb_before = false;
  std::size_t clause_start = first;
  for (std::size_t i = first + 1; i + 3 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    if (w.punct) {
      verb_before = false;  // (the loop stops three words before the end, so i + 3 exists)
      clause_start = i + 1;
      continue;
    }
    if (lemma_in(w, {"at", "som", "hvis", "når", "fordi", "mens", "hva", "hvem", "hvordan", "selv om"})) {
      return;  // a subordinate clause first: the "og" may join two of them
    }
    // "om", "der" and "hvor" open a clause only with a subject after them ("om kvelden", "der er");
    // after "om" a noun is its object.
    if (const Word* next = at(s, i + 1); is_word(next) && ((lemma_in(w, {"hvor", "der"}) && starts_subject(*next)) ||
                                                          (w.lower == "om" && pronoun_subject(*next))))
      return;
    if (!verb_before) {
      verb_before = could_be_finite(w) && !some(w, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo"); });
      continue;
    }
    if (before.punct) continue;
    const Word& a = s.words[i + 1];
    const Word& b = s.words[i + 2];
    if (w.lower == "og") {
      // "og når vi kom hjem, spiste vi": a second main clause that opens with a subordinate clause
      // (its comma and the inverted verb and subject after it show the main clause).
      if (const std::size_t n = subjunction_length(s, i + 1); n > 0 && is_word(at(s, i + 1 + n)) && starts_subject(s.words[i + 1 + n])) {
        for (std::size_t k = i + 2 + n; k + 2 < s.words.size(); ++k) {
          if (!s.words[k].punct) continue;
          const Word& verb = s.words[k + 1];
          if (s.words[k].text == "," && likely_finite(verb) && pronoun_subject(s.words[k + 2])) {
            c.add("comma-main-clauses", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
            return;
          }
          break;
        }
        continue;
      }
      if (og_reporting_clause(s, clause_start, i)) {
        c.add("comma-main-clauses", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
        return;
      }
      // "og da er det", "og i dag finnes det", "og så gikk jeg"
      std::size_t v = i + 2;
      const bool adverb = lemma_in(a, {"da", "så", "der", "her", "nå", "derfor", "dermed", "deretter", "etterpå", "likevel",
                                       "ellers", "plutselig", "samtidig", "i dag", "i går", "i morgen", "til slutt", "i tillegg",
                                       "dessuten", "heldigvis", "dessverre", "selvfølgelig", "senere", "snart", "endelig"}) ||
                           // multiword adverbs: "noen ganger", "av og til"
                           (a.lower.find(' ') != std::string::npos && every(a, [](const Reading& r) { return r.has("adv"); }));
      // A fronted object or time phrase ("og det liker jeg", "og hver dag går vi"): only before a
      // pronoun that can be nothing but the subject.
      bool fronted_noun_phrase = false;
      if (!adverb) {
        v = prepositional_phrase_end(s, i + 1);
        if (v == i + 1) {
          v = lemma_in(a, {"det", "dette"}) ? i + 2 : noun_phrase_end(s, i + 1);
          if (v == i + 1) continue;
          fronted_noun_phrase = true;
        }
      }
      const Word* verb = at(s, v);
      const Word* subject = at(s, v + 1);
      if (!is_word(verb) || !is_word(subject) || !could_be_finite(*verb) || !pronoun_subject(*subject)) continue;
      if (fronted_noun_phrase && !is_personal_subject_pronoun(*subject)) continue;
      // ("treffer vi": before a pronoun that is only a subject a noun homonym is the verb.)
      if (some(*verb, [](const Reading& r) { return r.has("pr") || r.has("adj"); }) ||
          (some(*verb, [](const Reading& r) { return r.has("n"); }) && !lemma_in(*subject, {"jeg", "du", "vi", "man", "dere"})))
        continue;
    } else if (w.lower == "for" || w.lower == "så" || w.lower == "eller") {
      // "for han var syk", "så vi gikk hjem", "eller vi kan ...": the conjunction, a subject-only
      // pronoun, a verb. "for det var ...": "det" only before "er" or "var" ("for det" is also
      // "for it"); after "eller" also "de" ("eller de vil ...", not "eller de som ...").
      // "så det ikke er så dyrt": the clause may have "ikke" before its verb.
      const Word& verb = w.lower == "så" && b.lower == "ikke" ? s.words[i + 3] : b;
      const bool subject = is_personal_subject_pronoun(a) ||
                           (a.lower == "det" && lemma_in(verb, {"er", "var"})) ||
                           (w.lower == "eller" && a.lower == "de" && likely_finite(b));
      if (!subject || !could_be_finite(verb) || some(verb, [](const Reading& r) { return r.has("pr"); })) continue;
      // "glad for han kom", "redd for vi": after an adjective "for" wants an "at" clause.
      if (w.lower == "for" && some(before, [](const Reading& r) { return r.has("adj"); }) &&
          !some(before, [](const Reading& r) { return r.has("n"); }))
        continue;
    } else {
      continue;
    }
    c.add("comma-main-clauses", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return;
  }
}

// PUNCM: a comma before "som for eksempel" after a definite noun: "alt i byen som for eksempel
// kino og kafeer" → "byen, som for eksempel kino". The definite noun is already known; the
// examples after it add to it and are set off. (After an indefinite noun, "land som for eksempel
// Norge", they often tell which ones are meant: left alone.)
void rule_comma_before_examples(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = first_word(s) + 1; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    const Word& next = s.words[i + 1];
    if (w.lower != "som" || before.punct || next.punct) continue;
    if (next.lower != "for eksempel" && !next.lower.starts_with("f.eks") && !next.lower.starts_with("f. eks")) continue;
    if (before.unknown || could_be_finite(before) || !some(before, [](const Reading& r) { return r.has("n") && r.has("def"); }) ||
        some(before, [](const Reading& r) { return r.has("pr") || r.has("adv") || r.has("prn") || r.has("det"); }))
      continue;
    c.add("comma-before-examples", "PUNCM", before.start, before.end, {before.text + ","}, 0.65);
    return;
  }
}

// PUNCM: a comma before "men": "Den er liten men sterk" → "Den er liten, men sterk".
void rule_comma_men(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  // "Sist men ikke minst, må vi ...": the fixed phrase is set off by commas on both sides; where
  // the comma after it is there, the one before "men" is missing too. (Bare, or before a colon,
  // it is left alone.)
  for (std::size_t i = first; i + 5 < s.words.size(); ++i) {
    if (s.words[i].lower == "sist" && s.words[i + 1].lower == "men" && s.words[i + 2].lower == "ikke" &&
        s.words[i + 3].lower == "minst" && is_punct(&s.words[i + 4], ","))
      c.add("comma-men", "PUNCM", s.words[i].start, s.words[i].end, {s.words[i].text + ","}, 0.7);
    // "Sist, men ikke minst(,) må vi ...": and the comma after it before the verb.
    if (s.words[i].lower == "sist" && is_punct(&s.words[i + 1], ",") && s.words[i + 2].lower == "men" &&
        s.words[i + 3].lower == "ikke" && s.words[i + 4].lower == "minst" && likely_finite(s.words[i + 5]))
      c.add("comma-men", "PUNCM", s.words[i + 4].start, s.words[i + 4].end, {s.words[i + 4].text + ","}, 0.7);
  }
  for (std::size_t i = first + 1; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    const Word& after = s.words[i + 1];
    if (w.lower != "men" || after.punct) continue;
    if (before.punct) {
      // "noe som er «inn» men en vanlig ting" → "«inn», men": after a closing quote the comma
      // follows it (a quote that closes: a word before it and an opening quote earlier).
      if ((before.text != "»" && before.text != "\"") || i < 3 || s.words[i - 2].punct) continue;
      const std::string open = before.text == "»" ? "«" : "\"";
      bool opened = false;
      for (std::size_t k = first; k + 2 < i; ++k) {
        if (is_punct(&s.words[k], open)) opened = open == "«" || !opened;
        else if (is_punct(&s.words[k], "»")) opened = false;
      }
      if (!opened || !every(w, [](const Reading& r) { return r.has("cnjcoo"); })) continue;
      c.add("comma-men", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
      continue;
    }
    // "livet sitt men ...": a possessive after its definite noun ends the noun phrase, and "men"
    // after it is the conjunction (the disambiguator takes it for the noun after the possessive).
    const bool postposed_possessive = possessive(before) && i >= 2 && !s.words[i - 2].punct &&
                                      some(s.words[i - 2], [](const Reading& r) { return r.has("n") && r.has("def"); });
    // "et men" (a harm) is a noun; "og men" is a slip of another kind.
    if (!every(w, [](const Reading& r) { return r.has("cnjcoo"); }) && !postposed_possessive) continue;
    // "det men" ends a clause with the pronoun ("Jeg liker det men ..."); other determiners and
    // prepositions want their noun.
    const bool pronoun_before = lemma_in(before, {"det", "dette", "den"}) && some(before, [](const Reading& r) { return r.has("prn"); });
    if (some(before, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo"); }) ||
        (!pronoun_before && !postposed_possessive && some(before, [](const Reading& r) { return r.has("det"); })))
      continue;
    if (before.lower == "sist") continue;  // "sist men ikke minst", a fixed expression
    c.add("comma-men", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
  }
}

}  // namespace voki::feedback
