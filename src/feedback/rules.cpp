#include "feedback/rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace voki::feedback {

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

namespace {

thread_local bool candidate_mode = false;

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

// Content words can be joined freely in Norwegian, and neither dictionary lists every compound.
// A word made of two known content words (optionally joined by -s- or -e-), each at least three
// letters, is accepted: "simkort", "arbeidsaktive", "bredbåndsforbindelse".
bool is_content(const std::vector<Reading>& readings) {
  return std::any_of(readings.begin(), readings.end(), [](const Reading& r) {
    return r.has("n") || r.has("adj") || r.has("vblex");
  });
}

bool is_open_compound(Worker& worker, const std::string& lower) {
  const std::u32string w = [&] {
    std::u32string out;
    for (std::size_t i = 0; i < lower.size();) {
      unsigned char c = static_cast<unsigned char>(lower[i]);
      int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
      for (int k = 1; k < len && i + k < lower.size(); ++k) cp = (cp << 6) | (lower[i + k] & 0x3F);
      out.push_back(cp);
      i += len;
    }
    return out;
  }();
  auto utf8 = [](const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
      if (c < 0x80) out += static_cast<char>(c);
      else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
      else { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    }
    return out;
  };
  if (w.size() < 7 || w.size() > 60) return false;
  for (std::size_t split = 3; split + 4 <= w.size(); ++split) {
    const auto right = worker.lookup(utf8(w.substr(split)));
    if (!std::any_of(right.begin(), right.end(), [](const Reading& r) { return r.has("n") || r.has("adj"); }))
      continue;
    std::u32string left = w.substr(0, split);
    if (is_content(worker.lookup(utf8(left)))) return true;
    if (left.size() > 4 && (left.back() == U's' || left.back() == U'e') &&
        is_content(worker.lookup(utf8(left.substr(0, left.size() - 1)))))
      return true;
  }
  return false;
}

}  // namespace

// ORT: a word neither hunspell nor the Apertium analyser knows. Proper nouns (capitalised inside a
// sentence) and words with digits are left alone.
void rule_spelling(const RuleContext& c) {
  const auto& words = c.sentence.words;
  // Words neither dictionary knows. Two of them side by side are more often a foreign phrase or
  // a name ("car sharing", "friend of") than two misspellings: then both are left alone.
  auto foreign = [&](std::size_t i) {
    const Word& w = words[i];
    return !w.punct && w.unknown && has_letter(w.text) && !has_digit(w.text) && !c.worker.spelled_right(w.text) &&
           !c.worker.spelled_right(w.lower);
  };
  auto neighbour = [&](std::size_t i, int step) -> std::optional<std::size_t> {
    for (std::size_t j = i; ; ) {
      if (step < 0 && j == 0) return std::nullopt;
      j = step < 0 ? j - 1 : j + 1;
      if (j >= words.size()) return std::nullopt;
      if (words[j].text == ",") continue;  // "People, funny, about, money"
      if (words[j].punct) return std::nullopt;
      return j;
    }
  };
  auto is_quote = [](const Word& w) {
    return w.punct && (w.text.find('"') != std::string::npos || w.text == "«" || w.text == "»" ||
                       w.text == "'" || w.text == "“" || w.text == "”");
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct || !has_letter(w.text) || has_digit(w.text)) continue;
    // Known as a word of the dictionary; a compound only the analyser's free decomposition finds
    // ("omsterke" = om+sterke) is not proof enough: then hunspell decides.
    const bool lexical = !w.unknown && std::any_of(w.readings.begin(), w.readings.end(),
                                                   [](const Reading& r) { return !r.compound; });
    if (lexical) continue;
    if (w.capitalised && !sentence_initial(c.sentence, i)) continue;
    if (!w.capitalised) {
      const auto name = c.worker.lookup(capitalise(w.text));
      // Only names hunspell also knows (Norge, Europa): the analyser lists many small places
      // ("Bode", "Engan") that are more often a misspelt common word.
      if (!name.empty() && std::all_of(name.begin(), name.end(), [](const Reading& r) {
            return r.has("np") && r.has("top") && r.lemma.find(' ') == std::string::npos;
          }) && c.worker.spelled_right(capitalise(w.text)) && !c.worker.spelled_right(w.text)) {
        c.add("capital-proper", "CAP", w.start, w.end, {capitalise(w.text)}, 0.75);
        continue;
      }
    }
    if (c.worker.spelled_right(w.text)) continue;
    if (w.capitalised && c.worker.spelled_right(w.lower)) continue;
    if (w.text.find('.') != std::string::npos) continue;  // abbreviations such as "f.eks", "p.g.a"
    if (w.text.size() > 1 && is_upper_initial(w.text.substr(1))) continue;  // all capitals: a name or acronym
    // Quoted words are often titles, names or words in another language.
    if ((i > 0 && is_quote(words[i - 1])) || (i + 1 < words.size() && is_quote(words[i + 1]))) continue;
    const auto before = neighbour(i, -1), after = neighbour(i, +1);
    if ((before && foreign(*before)) || (after && foreign(*after))) continue;
    if (is_open_compound(c.worker, w.lower)) continue;
    auto suggestions = c.worker.suggest(w.text);
    if (suggestions.size() > 3) suggestions.resize(3);
    // A capital word at the start may be a name ("Sindbad"): only flag it when hunspell offers a
    // word the analyser knows as a dictionary word, not a compound hunspell made up ("Sinkbad").
    if (w.capitalised && std::none_of(suggestions.begin(), suggestions.end(), [&](const std::string& s) {
          const auto readings = c.worker.lookup(to_lower(s));
          return std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return !r.compound; });
        }))
      continue;
    c.add("spelling", "ORT", w.start, w.end, std::move(suggestions), 0.8);
  }
}

namespace {

const Word* at(const Sentence& s, std::size_t i) { return i < s.words.size() ? &s.words[i] : nullptr; }
bool is_word(const Word* w) { return w && !w->punct; }
bool lemma_in(const Word& w, std::initializer_list<std::string_view> lemmas) {
  return std::any_of(lemmas.begin(), lemmas.end(), [&](std::string_view l) { return w.lower == l; });
}
// A reading predicate over all readings: true when the word has readings and every one passes.
// In candidate mode (readings not yet disambiguated) "every" means "some": a rule then fires when
// any reading could make it fire, and CG-3 decides afterwards.
template <typename P>
bool every(const Word& w, P p) {
  if (candidate_mode) return std::any_of(w.readings.begin(), w.readings.end(), p);
  return !w.readings.empty() && std::all_of(w.readings.begin(), w.readings.end(), p);
}
template <typename P>
bool some(const Word& w, P p) {
  return std::any_of(w.readings.begin(), w.readings.end(), p);
}
// No reading passes; in candidate mode: not every reading passes (the others may be removed).
template <typename P>
bool none(const Word& w, P p) {
  if (candidate_mode) return w.readings.empty() || !std::all_of(w.readings.begin(), w.readings.end(), p);
  return std::none_of(w.readings.begin(), w.readings.end(), p);
}
// For conditions that make a rule stay silent: some reading passes, and in candidate mode every
// reading does (so that CG-3 cannot remove it), lest a candidate be missed.
template <typename P>
bool surely_some(const Word& w, P p) {
  if (candidate_mode) return !w.readings.empty() && std::all_of(w.readings.begin(), w.readings.end(), p);
  return std::any_of(w.readings.begin(), w.readings.end(), p);
}
template <typename P>
bool surely_none(const Word& w, P p) {
  return std::none_of(w.readings.begin(), w.readings.end(), p);
}
// Apertium tags the past tense <pret> ("gikk" = gå<vblex><pret>); modals and "være" are vblex too.
bool finite(const Reading& r) { return r.has("vblex") && (r.has("pres") || r.has("pret")); }
bool finite_verb(const Word& w) { return !w.punct && every(w, finite); }
bool verb_any(const Reading& r) { return r.has("vblex") || r.has("vbmod") || r.has("vbser") || r.has("vbhaver"); }
bool is_subject_pronoun(const Word& w) {
  return lemma_in(w, {"jeg", "du", "han", "hun", "vi", "dere", "de", "man"});
}
bool is_modal(const Word& w) {
  return lemma_in(w, {"kan", "vil", "skal", "må", "bør", "kunne", "ville", "skulle", "måtte", "burde"});
}
bool is_clause_adverb(const Word& w) {
  return lemma_in(w, {"ikke", "aldri", "alltid", "også", "ofte", "gjerne", "bare", "egentlig", "allerede", "fortsatt"});
}
const char* const kSubjunctions[] = {"fordi", "hvis", "når", "om", "dersom", "mens", "siden", "før", "selv om", "etter at", "at"};
bool is_subjunction(const Word& w) {
  return std::any_of(std::begin(kSubjunctions), std::end(kSubjunctions), [&](const char* s) { return w.lower == s; });
}
// Keeps the case of the first letter of `original` on `form`.
std::string like(const Word& original, const std::string& form) {
  return original.capitalised ? capitalise(form) : form;
}
// Generates `lemma<tags>` for the first reading of `w` that satisfies `p`, with the tags changed by
// `change`; "" when the generator has no form or the form equals the word.
template <typename P, typename C>
std::string regenerate(Worker& worker, const Word& w, P p, C change) {
  for (const auto& r : w.readings) {
    if (!p(r) || r.compound) continue;
    std::vector<std::string> tags = r.tags;
    change(tags);
    std::string analysis = r.lemma;
    for (const auto& t : tags) analysis += "<" + t + ">";
    if (auto form = worker.generate(analysis); form && to_lower(*form) != w.lower) return like(w, *form);
  }
  return {};
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
  // "f. eks.": the token follows a one-letter abbreviation.
  const std::string_view rest = before.substr(0, begin);
  if (rest.size() >= 3 && rest.ends_with(". ") && std::isalpha(static_cast<unsigned char>(rest[rest.size() - 3])) &&
      (rest.size() == 3 || rest[rest.size() - 4] == ' ' || rest[rest.size() - 4] == '('))
    return true;
  // Short words such as "her." or "meg." do end sentences; only abbreviations the analyser knows
  // with their full stop ("osv.", "ca.", "pga.") count.
  return !worker.lookup(to_lower(token) + ".").empty();
}

}  // namespace

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
  if (end.punct) return;
  // "osv.", "2000.": the analyser took the full stop into the token.
  if (end.text.back() == '.' || end.text.back() == '!' || end.text.back() == '?') return;
  if (std::count_if(words.begin(), words.end(), [](const Word& w) { return !w.punct; }) < 4) return;
  c.add("final-punctuation", "PUNCM", end.start, end.end, {end.text + "."}, 0.6);
}

// CAP: a sentence starts with a capital letter, also after a full stop inside a line.
void rule_capital_start(const RuleContext& c) {
  const auto& words = c.sentence.words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct || w.capitalised || !has_letter(w.text) || has_digit(w.text)) continue;
    bool starts = i == first_word(c.sentence);
    if (!starts && i > 0 && words[i - 1].punct && (words[i - 1].text == "." || words[i - 1].text == "!" || words[i - 1].text == "?") &&
        i >= 2 && !words[i - 2].punct)
      starts = true;
    if (!starts) continue;
    // After "f. eks." or "o. l." a small letter is right: the full stop ends an abbreviation.
    if (ends_with_abbreviation(c.worker, text_before(c.text, w.start))) continue;
    if (!std::isalpha(static_cast<unsigned char>(w.text[0])) && !(w.text[0] & 0x80)) continue;
    if (w.unknown) continue;
    c.add("capital-start", "CAP", w.start, w.end, {capitalise(w.text)}, 0.8);
  }
}

// CAP: days, months, languages and nationalities, and function words, are written small inside a
// sentence; names of countries and places are written with a capital letter.
void rule_capitals_inside(const RuleContext& c) {
  static const std::vector<std::string_view> common = {
      "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "januar", "februar", "mars",
      "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember",
      "nordmann", "svenske", "danske", "engelskmann", "amerikaner", "somalier", "afghaner", "polakk",
      "tyrker", "ukrainer", "eritreer", "syrer", "iraker", "russer", "kineser", "pakistaner", "irakisk"};
  const auto& words = c.sentence.words;
  const std::size_t first = first_word(c.sentence);
  for (std::size_t i = first + 1; i < words.size(); ++i) {
    const Word& w = words[i];
    const Word& before = words[i - 1];
    if (w.punct || w.unknown || !has_letter(w.text)) continue;
    if (before.punct && (before.any("sent") || before.text == ":" || before.text == "\"" || before.text == "«" || before.text == "("))
      continue;
    if (w.capitalised) {
      if (surely_some(w, [](const Reading& r) { return r.has("np") || r.has("acr"); }) || w.text.size() < 2) continue;
      if (is_upper_initial(w.text.substr(1))) continue;  // acronyms such as "NAV"
      // "De", "Dem", "Deres": the polite form of address is written with a capital.
      if (lemma_in(w, {"de", "dem", "deres", "dere"})) continue;
      // A capital after a complete clause more often starts a new sentence whose full stop is
      // missing ("Han var streng Da jeg var liten"): then both repairs are offered.
      bool verb_before = false;
      for (std::size_t j = first; j + 1 < i; ++j) verb_before = verb_before || finite_verb(words[j]);
      const bool opener = some(w, [](const Reading& r) {
        return r.has("adv") || r.has("cnjsub") || r.has("prn") || r.has("det") || r.has("cnjcoo");
      });
      const bool name_follows = i + 1 < words.size() && !words[i + 1].punct && words[i + 1].capitalised;
      if (verb_before && opener && !before.punct && !name_follows) {
        c.add("missing-full-stop", "PUNCM", before.start, w.end,
              {before.text + ". " + w.text, before.text + " " + w.lower}, 0.6);
        continue;
      }
      const bool day_month_people = some(w, [&](const Reading& r) {
        return std::find(common.begin(), common.end(), r.lemma) != common.end();
      });
      const bool language = every(w, [](const Reading& r) {
        return (r.has("adj") || r.has("n")) && r.lemma.size() > 3 && r.lemma.ends_with("sk");
      });
      const bool function_word = every(w, [](const Reading& r) {
        return r.has("cnjsub") || r.has("cnjcoo") || r.has("pr") || r.has("prn") || r.has("det");
      });
      if (day_month_people || language || function_word) {
        c.add("capital-common", "CAP", w.start, w.end, {w.lower}, 0.75);
        continue;
      }
      // Any other word the dictionary knows only with a small letter ("Sport", "Viktigste").
      // Silent where a capital may mark a name: next to another capitalised word ("Røde Kors",
      // "Den Norske Kirke"), after a quote, dash or colon, in title case, and for shops, parties
      // and institutions whose names are also common words ("Meny", "Høyre", "Nav").
      // A definite noun with a capital is often a unique thing's name ("Rådhuset", "Bibelen",
      // "Staten"), where writers differ; "Internett" may be written either way.
      static const std::vector<std::string_view> names = {
          "meny", "spar", "extra", "joker", "obs", "bunnpris", "høyre", "venstre", "rødt", "sentrum", "gud",
          "nav", "internett", "kiwi"};
      if (std::find(names.begin(), names.end(), w.lower) != names.end()) continue;
      if (w.text.find('-') != std::string::npos) continue;  // "T-bane"
      if (some(w, [](const Reading& r) {
            return r.has("np") || r.has("acr") || r.has("abbr") || (r.has("n") && r.has("def"));
          }))
        continue;
      const bool capital_before = i > first + 1 && !before.punct && before.capitalised;
      const bool capital_after = i + 1 < words.size() && !words[i + 1].punct && words[i + 1].capitalised;
      if (capital_before || capital_after) continue;
      if (before.punct && before.text != ",") continue;
      std::size_t capitals = 0;
      for (std::size_t j = first + 1; j < words.size(); ++j)
        if (!words[j].punct && words[j].capitalised) ++capitals;
      if (capitals >= 3 || has_digit(w.text)) continue;
      c.add("capital-word", "CAP", w.start, w.end, {w.lower}, 0.6);
    } else if (every(w, [](const Reading& r) { return r.has("np") && r.has("top") && r.lemma.find(' ') == std::string::npos; }) &&
               c.worker.spelled_right(capitalise(w.text)) && !c.worker.spelled_right(w.text)) {
      c.add("capital-proper", "CAP", w.start, w.end, {capitalise(w.text)}, 0.75);
    }
  }
}

// O: verb second. After a fronted adverb, adverbial phrase or subordinate clause the finite verb
// comes before the subject: "I dag jeg går" → "I dag går jeg".
void rule_v2(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  const Word* w0 = at(s, first);
  if (!is_word(w0)) return;
  std::size_t subject = 0;
  bool fronted_clause = false;  // a subordinate clause closed by a comma, rather than a phrase
  static const std::vector<std::string_view> no_inversion = {
      "ikke", "bare", "også", "kanskje", "jo", "altså", "heller", "bl.a.", "dessverre", "nok", "faktisk", "egentlig",
      "likevel", "derfor", "så", "da", "der", "her", "nå", "hvorfor", "hvordan", "hvor", "når", "hva", "hvem", "men", "og", "eller", "for"};
  const bool adverb = every(*w0, [](const Reading& r) { return r.has("adv"); }) &&
                      std::find(no_inversion.begin(), no_inversion.end(), w0->lower) == no_inversion.end();
  if (adverb) {
    subject = first + 1;
  } else if (every(*w0, [](const Reading& r) { return r.has("pr"); }) && w0->lower != "for") {
    // Prepositional phrase: preposition, up to three determiners/adjectives, then a noun or name.
    std::size_t i = first + 1;
    while (i < s.words.size() && i < first + 4 &&
           some(s.words[i], [](const Reading& r) { return r.has("det") || r.has("adj") || r.has("num"); }))
      ++i;
    const Word* head = at(s, i);
    if (!is_word(head) || !some(*head, [](const Reading& r) { return r.has("n") || r.has("np"); })) return;
    subject = i + 1;
  } else if (is_subjunction(*w0) && w0->lower != "at") {
    fronted_clause = true;
    // Fronted subordinate clause closed by a comma.
    std::size_t i = first + 1;
    while (i < s.words.size() && s.words[i].text != ",") {
      if (s.words[i].punct) return;
      ++i;
    }
    if (i - first < 3) return;
    subject = i + 1;
  } else {
    return;
  }
  const Word* subj = at(s, subject);
  const Word* verb = at(s, subject + 1);
  if (!is_word(subj) || !is_word(verb) || !is_subject_pronoun(*subj)) return;
  if (!every(*verb, finite)) return;
  // "På alle steder du drar, finner du ...": the fronted element goes on to a comma and the verb
  // comes second after it, so the order is right.
  for (std::size_t i = subject + 2; !fronted_clause && i + 2 < s.words.size(); ++i)
    if (s.words[i].text == "," && every(s.words[i + 1], finite) && is_subject_pronoun(s.words[i + 2])) return;
  c.add("v2-word-order", "O", subj->start, verb->end, {like(*subj, verb->lower) + " " + subj->lower}, 0.8);
}

// O: in a subordinate clause "ikke" and other clause adverbs come before the finite verb:
// "fordi han kommer ikke" → "fordi han ikke kommer".
void rule_adverb_subclause(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    const Word& sub = s.words[i];
    if (!is_subjunction(sub) || sub.lower == "om") continue;
    const Word& subj = s.words[i + 1];
    const Word& verb = s.words[i + 2];
    const Word& adverb = s.words[i + 3];
    if (!is_subject_pronoun(subj) || !every(verb, finite) || !is_clause_adverb(adverb)) continue;
    if (adverb.lower == "bare" || adverb.lower == "også" || adverb.lower == "ofte") continue;
    // "at" clauses with main-clause order are common in speech, but written Bokmål wants the
    // adverb first; keep "at" only for "ikke".
    if (sub.lower == "at" && adverb.lower != "ikke") continue;
    c.add("adverb-subclause", "O", verb.start, adverb.end, {adverb.lower + " " + verb.text}, 0.75);
  }
}

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
    if (modal && !finite_only && !candidate_mode && every(*verb, [](const Reading& r) { return r.has("n") && !r.has("def"); }) &&
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

// F: the article and adjective agree with the noun's gender and number: "et stor hus" → "et stort
// hus", "en hus" → "et hus", "to bil" → "to biler", "mange bil" → "mange biler".
void rule_agreement(const RuleContext& c) {
  const auto& s = c.sentence;
  auto gender_of = [](const Reading& r) -> std::string {
    if (r.has("nt")) return "nt";
    if (r.has("m")) return "m";
    if (r.has("f")) return "f";
    return "";
  };
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& det = s.words[i];
    const bool indef_article = (det.lower == "en" || det.lower == "et" || det.lower == "ei") &&
                               some(det, [](const Reading& r) { return r.has("det") && r.has("qnt"); });
    static const std::vector<std::string_view> plural_words = {"to", "tre", "fire", "fem", "seks", "sju", "syv", "åtte", "ni", "ti",
                                                               "mange", "flere", "tolv", "tjue", "hundre"};
    const bool plural_det = std::find(plural_words.begin(), plural_words.end(), det.lower) != plural_words.end() ||
                            (has_digit(det.text) && det.text != "1" && det.text.find_first_not_of("0123456789") == std::string::npos);
    if (!indef_article && !plural_det) continue;
    if (i > 0 && (s.words[i - 1].lower == "på" || s.words[i - 1].lower == "en")) continue;  // "på en måte", "en og en"
    std::size_t j = i + 1;
    const Word* adjective = nullptr;
    if (j < s.words.size() && every(s.words[j], [](const Reading& r) { return r.has("adj"); })) adjective = &s.words[j++];
    const Word* noun = at(s, j);
    if (!is_word(noun) || noun->unknown || !every(*noun, [](const Reading& r) { return r.has("n"); })) continue;
    const Word* after = at(s, j + 1);
    if (after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
        surely_none(*after, [](const Reading& r) { return r.has("vblex") || r.has("pr") || r.has("cnjcoo"); }))
      continue;  // the noun may be the first part of a split compound
    if (indef_article) {
      if (!every(*noun, [](const Reading& r) { return r.has("sg") && r.has("ind"); })) continue;
      const auto first_noun = std::find_if(noun->readings.begin(), noun->readings.end(),
                                           [](const Reading& r) { return r.has("n"); });
      if (first_noun == noun->readings.end()) continue;
      const std::string gender = gender_of(*first_noun);
      if (gender.empty() || !every(*noun, [&](const Reading& r) { return gender_of(r) == gender; })) continue;
      const bool article_fits = (det.lower == "et") == (gender == "nt") || (det.lower == "ei" && gender == "f");
      if (!article_fits) {
        const std::string right = gender == "nt" ? "et" : "en";
        c.add("article-agreement", "F", det.start, det.end, {like(det, right)}, 0.7);
        continue;
      }
      if (adjective && gender == "nt" &&
          every(*adjective, [](const Reading& r) { return r.has("mf") && r.has("sg") && r.has("ind"); })) {
        auto form = regenerate(c.worker, *adjective, [](const Reading& r) { return r.has("mf"); },
                               [](std::vector<std::string>& t) { replace_tag(t, {"mf"}, "nt"); });
        if (!form.empty()) c.add("adjective-agreement", "F", adjective->start, adjective->end, {form}, 0.75);
      }
    } else {
      if (!every(*noun, [](const Reading& r) { return r.has("sg") && r.has("ind") && !r.has("sp"); })) continue;
      if (surely_some(*noun, [](const Reading& r) { return r.has("unc"); })) continue;
      if (det.lower == "noen" || det.lower == "mange" || det.lower == "flere") {
        // "noen/mange" + mass noun is fine only for uncountables we cannot see: require an -e/-er plural.
      }
      auto form = regenerate(c.worker, *noun, [](const Reading& r) { return r.has("sg"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"sg"}, "pl"); });
      if (!form.empty()) c.add("plural-after-number", "F", noun->start, noun->end, {form}, 0.7);
    }
  }
}

// F: double definiteness: "det store hus" → "det store huset"; a possessive before the noun takes
// the indefinite form: "min bilen" → "min bil".
void rule_definiteness(const RuleContext& c) {
  const auto& s = c.sentence;
  // "den store hus" without the noun's article is accepted formal style ("de olympiske leker"), so
  // only the possessive case is checked.
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& pos = s.words[i];
    if (!lemma_in(pos, {"min", "mitt", "mine", "din", "ditt", "dine", "vår", "vårt", "våre", "sin", "sitt", "sine"})) continue;
    if (!every(pos, [](const Reading& r) { return r.has("pos"); })) continue;
    const Word& noun = s.words[i + 1];
    if (noun.unknown || !every(noun, [](const Reading& r) { return r.has("n") && r.has("def"); })) continue;
    auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                           [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
    if (!form.empty()) c.add("possessive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
  }
}

namespace {
// The gender, number and definiteness an attributive adjective takes before this noun reading:
// "stor bil" mf/sg/ind, "stort hus" nt/sg/ind, "store biler" un/pl/ind, "den store bilen" un/sp/def.
std::array<std::string, 3> adjective_slot(const Reading& noun, bool definite_context) {
  if (definite_context) return {"un", "sp", "def"};
  if (noun.has("pl")) return {"un", "pl", "ind"};
  return {noun.has("nt") ? "nt" : "mf", "sg", "ind"};
}
bool adjective_fits(const Reading& adjective, const std::array<std::string, 3>& slot) {
  if (slot[2] == "def") return adjective.has("def");
  if (slot[1] == "pl") return adjective.has("pl") || adjective.has("sp");
  return adjective.has("sg") && adjective.has("ind") && (adjective.has(slot[0]) || adjective.has("un"));
}
// "dagens", "årets": genitives the analyser lists as adjectives.
bool genitive(const Word& w) {
  return w.any("gen") || lemma_in(w, {"dagens", "gårsdagens", "morgendagens", "årets", "fjorårets"});
}
bool definite_determiner(const Word& w) {
  if (lemma_in(w, {"dagens", "gårsdagens", "morgendagens", "årets", "fjorårets"})) return true;
  if (lemma_in(w, {"min", "mitt", "mine", "din", "ditt", "dine", "vår", "vårt", "våre", "sin", "sitt", "sine", "hans",
                   "hennes", "deres"}))
    return every(w, [](const Reading& r) { return r.has("pos") || r.has("det"); });
  if (lemma_in(w, {"den", "det", "de", "denne", "dette", "disse"}))
    return every(w, [](const Reading& r) { return r.has("det") && !r.has("expl"); });
  return every(w, [](const Reading& r) { return (r.has("n") || r.has("np")) && r.has("gen"); });
}
}  // namespace

// F: the adjective before a noun agrees with it: "en stort nyhet" → "en stor nyhet", "negative
// betydning" → "negativ betydning", "religiøs sanger" → "religiøse sanger", "min store interesse"
// keeps "store"; and after a genitive the noun is indefinite: "dagens samfunnet" → "dagens samfunn".
void rule_noun_phrase(const RuleContext& c) {
  const auto& s = c.sentence;
  // Words that inflect in their own way or are not plain attributive adjectives here.
  static const std::vector<std::string_view> special = {
      "hel", "halv", "første", "andre", "annen", "siste", "neste", "samme", "eneste", "egen", "all", "liten",
      "mye", "mange", "få", "noen", "ingen", "hver", "flere", "fler", "dagens", "gårsdagens", "morgendagens"};
  for (std::size_t j = 1; j < s.words.size(); ++j) {
    const Word& noun = s.words[j];
    if (noun.punct || noun.unknown || (noun.capitalised && j != first_word(s))) continue;
    if (!every(noun, [](const Reading& r) { return r.has("n") && !r.has("gen"); })) continue;
    const Word* after = at(s, j + 1);
    if (after && !after->punct && surely_some(*after, [](const Reading& r) { return r.has("n"); }) &&
        surely_none(*after, [](const Reading& r) { return r.has("vblex") || r.has("pr") || r.has("cnjcoo"); }))
      continue;  // the noun may be the first part of a split compound
    // The adjectives right before the noun (at most two), then what stands before them.
    std::size_t k = j;
    // Adjective readings (an adverb reading may stand beside them: "stort"); a word that can be a
    // determiner or number ("mange", "en") is never taken for one, even before CG-3.
    auto attributive = [](const Word& w) {
      return !w.punct && !genitive(w) &&
             every(w, [](const Reading& r) { return (r.has("adj") && !r.has("comp")) || r.has("adv"); }) &&
             some(w, [](const Reading& r) { return r.has("adj"); }) &&
             surely_none(w, [](const Reading& r) { return r.has("det") || r.has("num") || r.has("prn"); });
    };
    while (k > 0 && j - k < 2 && attributive(s.words[k - 1])) --k;
    if (k == 0) continue;
    const Word& before = s.words[k - 1];
    bool definite = definite_determiner(before);
    if (k == j && !(definite && genitive(before))) continue;
    // "en times fysisk aktivitet": a genitive of measure after an article keeps the indefinite.
    if (definite && genitive(before) && k >= 2 && (lemma_in(s.words[k - 2], {"en", "ei", "et"}) || s.words[k - 2].any("num")))
      continue;
    // "den", "det" and "de" are also pronouns ("gjorde den stort inntrykk", "er det stor press"):
    // as determiners they share the noun's gender and number, and the noun is definite.
    if (definite && lemma_in(before, {"den", "det", "de", "denne", "dette", "disse"})) {
      const bool plural = lemma_in(before, {"de", "disse"}), neuter = lemma_in(before, {"det", "dette"});
      if (!every(noun, [&](const Reading& r) {
            return r.has("def") && (plural ? r.has("pl") : r.has("sg") && (neuter ? r.has("nt") : !r.has("nt")));
          }))
        continue;
    }
    // After a verb an adjective may be an adverb ("snakker godt norsk"); after "og" the phrase
    // began earlier ("barnas mentale og fysiske utvikling").
    const bool indefinite_start =
        lemma_in(before, {"en", "ei", "et"}) || before.any("pr") || before.any("num") || before.any("cnjsub") ||
        lemma_in(before, {"mange", "flere", "noen", "ingen", "alle", "to", "tre", "fire"});
    if (!definite && !indefinite_start) continue;
    if (definite && every(noun, [](const Reading& r) { return r.has("def"); }) &&
        genitive(before)) {
      auto form = regenerate(c.worker, noun, [](const Reading& r) { return r.has("def"); },
                             [](std::vector<std::string>& t) { replace_tag(t, {"def"}, "ind"); });
      if (!form.empty()) c.add("genitive-definiteness", "F", noun.start, noun.end, {form}, 0.7);
      continue;
    }
    if (!definite && !every(noun, [](const Reading& r) { return r.has("ind"); })) continue;
    // One slot the noun's readings agree on (before CG-3: any slot may make a candidate).
    std::vector<std::array<std::string, 3>> slots;
    for (const auto& r : noun.readings)
      if (r.has("n")) {
        auto slot = adjective_slot(r, definite);
        if (std::find(slots.begin(), slots.end(), slot) == slots.end()) slots.push_back(slot);
      }
    if (slots.empty() || (!candidate_mode && slots.size() > 1)) continue;
    // CG-3 sometimes keeps the wrong homonym ("sider": cider, not sides): any reading the
    // dictionary has for the noun that the adjective fits is enough to stay silent.
    const auto dictionary = c.worker.lookup(noun.lower);
    for (std::size_t a = k; a < j; ++a) {
      const Word& adjective = s.words[a];
      // The first of two adjectives may be an adverb: "spesifikt norske", "relativt god", "veldig få".
      if (a + 1 < j && (lemma_in(adjective, {"veldig", "svært", "ganske"}) ||
                        some(adjective, [](const Reading& r) { return r.has("nt") && r.has("sg") && r.has("ind"); })))
        continue;
      if (adjective.unknown || std::any_of(adjective.readings.begin(), adjective.readings.end(), [&](const Reading& r) {
            return std::find(special.begin(), special.end(), r.lemma) != special.end() || r.compound;
          }))
        break;
      const auto& slot = slots.front();
      if (std::any_of(slots.begin(), slots.end(), [&](const auto& sl) {
            return some(adjective, [&](const Reading& r) { return adjective_fits(r, sl); });
          }))
        continue;
      if (std::any_of(dictionary.begin(), dictionary.end(), [&](const Reading& n) {
            return n.has("n") && some(adjective, [&](const Reading& r) { return adjective_fits(r, adjective_slot(n, definite)); });
          }))
        continue;
      auto form = regenerate(c.worker, adjective, [](const Reading& r) { return r.has("adj"); },
                             [&](std::vector<std::string>& t) {
                               replace_tag(t, {"mf", "nt", "un"}, slot[0]);
                               replace_tag(t, {"sg", "pl", "sp"}, slot[1]);
                               replace_tag(t, {"ind", "def"}, slot[2]);
                             });
      if (!form.empty()) c.add("adjective-agreement", "F", adjective.start, adjective.end, {form}, 0.7);
      break;
    }
  }
}

// SPL: a compound written as two words, when the joined word is in the dictionary as a noun:
// "fotball banen" → "fotballbanen". Never the other way round.
void rule_split_compound(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct || a.unknown || b.unknown || a.capitalised || b.capitalised) continue;
    if (has_digit(a.text) || has_digit(b.text) || count_code_points(b.text) < 2) continue;  // "100- års", "garderobe r"
    if (b.start != a.end + 1) continue;  // exactly one space between
    if (!every(a, [](const Reading& r) { return r.has("n") && r.has("sg") && r.has("ind"); })) continue;
    if (!every(b, [](const Reading& r) { return r.has("n"); })) continue;
    const std::string joined = a.lower + b.lower;
    const auto readings = c.worker.lookup(joined);
    if (readings.empty() || !std::all_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n") && !r.compound; }))
      continue;
    if (i > 0 && surely_some(s.words[i - 1], [](const Reading& r) { return r.has("vblex"); }) &&
        surely_none(s.words[i - 1], [](const Reading& r) { return r.has("det") || r.has("pr"); }))
      continue;  // "gir barn mat": two objects
    c.add("split-compound", "SPL", a.start, b.end, {a.text + b.lower}, 0.7);
  }
}

// W: fixed prepositions after common adjectives and verbs: "interessert for" → "interessert i".
void rule_preposition(const RuleContext& c) {
  struct Collocation { std::string_view head; std::vector<std::string_view> wrong; std::string_view right; };
  static const std::vector<Collocation> table = {
      {"interessert", {"for", "på", "om", "av"}, "i"}, {"avhengig", {"på", "fra", "om"}, "av"},
      {"gift", {"på", "til"}, "med"}, {"forelsket", {"på", "med"}, "i"}, {"fornøyd", {"på", "av", "over"}, "med"},
      {"redd", {"av", "på"}, "for"}, {"flink", {"på", "med"}, "til"}, {"drømmer", {"på"}, "om"},
      {"venter", {"for"}, "på"}, {"vente", {"for"}, "på"}, {"ventet", {"for"}, "på"},
      {"stolt", {"på", "av", "om"}, "av"}, {"ansvarlig", {"på", "av", "om"}, "for"},
      {"lytte", {"på"}, "til"}, {"lytter", {"på"}, "til"}, {"glad", {"på"}, "i"}};
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    for (const auto& col : table) {
      if (s.words[i].lower != col.head) continue;
      const Word& prep = s.words[i + 1];
      if (std::find(col.wrong.begin(), col.wrong.end(), prep.lower) == col.wrong.end()) continue;
      if (col.head == "stolt" && prep.lower == "av") continue;
      c.add("preposition", "W", prep.start, prep.end, {std::string(col.right)}, 0.65);
    }
  }
}

// R: the same word twice in a row: "jeg jeg" → "jeg".
void rule_repeated_word(const RuleContext& c) {
  const auto& s = c.sentence;
  for (std::size_t i = 0; i + 1 < s.words.size(); ++i) {
    const Word& a = s.words[i];
    const Word& b = s.words[i + 1];
    if (a.punct || b.punct || a.lower != b.lower || has_digit(a.text)) continue;
    if (lemma_in(a, {"det", "den", "de", "som", "at", "der", "her", "så", "bare", "veldig", "mer", "mange", "lenge", "ha", "hadde"})) continue;
    c.add("repeated-word", "R", a.start, b.end, {b.text}, 0.8);
  }
}

namespace {
bool is_subject_word(const Word& w) {
  return is_subject_pronoun(w) || lemma_in(w, {"det", "den", "dette", "disse"});
}
// A subject can start here: a pronoun, a noun or name, or a determiner ("alle lærere").
bool starts_subject(const Word& w) {
  return !w.punct && (is_subject_word(w) || some(w, [](const Reading& r) { return r.has("n") || r.has("np") || r.has("det"); }));
}
}  // namespace

// PUNCM: a comma after a fronted subordinate clause: "Når jeg kommer hjem spiser jeg" → "Når jeg
// kommer hjem, spiser jeg".
void rule_comma_subclause(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  const Word* sub = at(s, first);
  if (!is_word(sub) || sub->lower == "at" || sub->lower == "om") return;
  // "da" is also an adverb ("Da gikk jeg"); the pattern below (subject, verb, then verb and
  // subject) only fits the subjunction.
  if (!is_subjunction(*sub) && !(sub->lower == "da" && some(*sub, [](const Reading& r) { return r.has("cnjsub"); })))
    return;
  // Subordinate clause: subjunction, subject, finite verb; then the main clause starts with the
  // next finite verb followed by its subject (verb second).
  std::size_t i = first + 1;
  if (i >= s.words.size() || !starts_subject(s.words[i])) return;
  bool clause_verb = false;
  for (++i; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    if (w.punct || w.lower == "og" || w.lower == "eller" || w.lower == "men" || w.lower == "som" || w.lower == "at" ||
        is_subjunction(w))
      return;
    if (!clause_verb) {
      if (finite_verb(w)) clause_verb = true;
      continue;
    }
    if (finite_verb(w) && starts_subject(s.words[i + 1]) && !s.words[i - 1].punct) {
      // Both clauses' verbs must be disambiguated: the candidate covers the whole stretch.
      if (candidate_mode) {
        c.add("comma-subclause", "PUNCM", s.words[first].start, s.words[i + 1].end, {}, 0.7);
        return;
      }
      c.add("comma-subclause", "PUNCM", s.words[i - 1].start, s.words[i - 1].end, {s.words[i - 1].text + ","}, 0.7);
      return;
    }
  }
}

// PUNCM: a comma before "men": "Den er liten men sterk" → "Den er liten, men sterk".
void rule_comma_men(const RuleContext& c) {
  const auto& s = c.sentence;
  const std::size_t first = first_word(s);
  for (std::size_t i = first + 1; i + 1 < s.words.size(); ++i) {
    const Word& w = s.words[i];
    const Word& before = s.words[i - 1];
    const Word& after = s.words[i + 1];
    if (w.lower != "men" || before.punct || after.punct) continue;
    // "et men" (a harm) is a noun; "og men" is a slip of another kind.
    if (!every(w, [](const Reading& r) { return r.has("cnjcoo"); })) continue;
    if (some(before, [](const Reading& r) { return r.has("pr") || r.has("cnjcoo") || r.has("det"); })) continue;
    if (before.lower == "sist") continue;  // "sist men ikke minst", a fixed expression
    c.add("comma-men", "PUNCM", before.start, before.end, {before.text + ","}, 0.7);
  }
}

CandidateScope::CandidateScope() : previous_(candidate_mode) { candidate_mode = true; }
CandidateScope::~CandidateScope() { candidate_mode = previous_; }

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
      {"repeated-word", rule_repeated_word, false},
      {"comma-subclause", rule_comma_subclause, true},
      {"comma-men", rule_comma_men, true},
      {"final-punctuation", rule_final_punctuation, false},
  };
  return rules;
}

}  // namespace voki::feedback
