// CAP: capital letters at the start of a sentence and inside it.
#include "feedback/rules/clause_helpers.h"

namespace voki::feedback {

using namespace rule_helpers;
using clause_helpers::likely_finite;

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
    // "(genetisk?) passe": a question mark inside brackets ends no sentence.
    {
      const std::string_view before = text_before(c.text, w.start);
      const std::size_t last = before.find_last_not_of(" \t\r\n");
      if (last != std::string_view::npos && last >= 1 && before[last] == ')' && (before[last - 1] == '?' || before[last - 1] == '!'))
        continue;
    }
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
  // An expression of several words the analyser reads as one, with a capital inside: "og At",
  // "De Fleste".
  auto inner_capital = [&](std::size_t i) {
    const Word& w = words[i];
    if (w.punct || w.text.find(' ') == std::string::npos || some(w, [](const Reading& r) { return r.has("np") || r.has("acr"); }))
      return false;
    std::string lowered = w.text.substr(0, w.text.find(' '));
    bool capital_inside = false;
    for (std::size_t from = w.text.find(' '); from != std::string::npos;) {
      const std::size_t next_space = w.text.find(' ', from + 1);
      const std::string part = w.text.substr(from + 1, next_space == std::string::npos ? std::string::npos : next_space - from - 1);
      const bool capital = is_upper_initial(part) && !(part.size() > 1 && is_upper_initial(part.substr(1)));
      capital_inside = capital_inside || capital;
      lowered += " " + (capital ? to_lower(part) : part);
      from = next_space;
    }
    if (!capital_inside || (i + 1 < words.size() && !words[i + 1].punct && words[i + 1].capitalised)) return false;
    c.add("capital-common", "CAP", w.start, w.end, {lowered}, 0.75);
    return true;
  };
  // A name of several words that the dictionary writes small ("annen verdenskrig"), written with
  // a capital inside it, or at its start inside the sentence: "etter Annen verdenskrig".
  auto small_name = [&](std::size_t i) {
    const Word& w = words[i];
    if (w.punct || w.text.find(' ') == std::string::npos || w.readings.empty() ||
        !some(w, [](const Reading& r) { return r.has("np"); }))
      return false;
    const std::string lowered = to_lower(w.text);
    const bool small = every(w, [&](const Reading& r) { return r.lemma == to_lower(r.lemma); }) &&
                       some(w, [&](const Reading& r) { return r.lemma == lowered; });
    if (!small) return false;
    const std::string expected = i == first ? capitalise(lowered) : lowered;
    if (w.text == expected || (i + 1 < words.size() && !words[i + 1].punct && words[i + 1].capitalised)) return false;
    c.add("capital-common", "CAP", w.start, w.end, {expected}, 0.75);
    return true;
  };
  if (first < words.size() && !small_name(first)) inner_capital(first);
  // A month after the day's number and its full stop is a date, not a new sentence: "den 14. Mai"
  // → "14. mai" (the analyser ends a sentence after the ordinal).
  if (first < words.size() && words[first].capitalised && !is_upper_initial(words[first].text.substr(1))) {
    static const std::vector<std::string_view> months = {"januar", "februar", "mars", "april", "mai", "juni", "juli",
                                                         "august", "september", "oktober", "november", "desember"};
    const Word& w = words[first];
    const std::string_view before = text_before(c.text, w.start);
    const std::size_t last = before.find_last_not_of(" ");
    if (std::find(months.begin(), months.end(), w.lower) != months.end() && last != std::string_view::npos && last >= 1 &&
        last + 1 < before.size() && before[last] == '.') {
      std::size_t digits = 0;
      while (digits < last && digits < 3 && std::isdigit(static_cast<unsigned char>(before[last - 1 - digits]))) ++digits;
      const bool alone = digits == last || (digits < last && before[last - 1 - digits] == ' ');
      if (digits >= 1 && digits <= 2 && alone) c.add("capital-common", "CAP", w.start, w.end, {w.lower}, 0.75);
    }
  }
  for (std::size_t i = first + 1; i < words.size(); ++i) {
    const Word& w = words[i];
    const Word& before = words[i - 1];
    if (w.punct || w.unknown || !has_letter(w.text)) continue;
    if (before.punct && (before.any("sent") || before.text == ":" || before.text == "\"" || before.text == "«" || before.text == "("))
      continue;
    if (small_name(i) || inner_capital(i)) continue;
    if (w.capitalised) {
      // "Vi", "I" and "Man" are also place names to the analyser; between two small words they are
      // the pronoun or preposition.
      // "De" before "som" or before an adjective or noun is the pronoun or determiner, not the
      // polite form of address.
      const Word* after = i + 1 < words.size() ? &words[i + 1] : nullptr;
      const bool determiner_de = w.lower == "de" && after && !after->punct &&
                                 (after->lower == "som" || (some(*after, [](const Reading& r) { return r.has("adj") || r.has("n"); }) &&
                                                            !some(*after, finite)));
      const bool function_word_form =
          (determiner_de ||
           lemma_in(w, {"i", "vi", "jeg", "man", "det", "den", "dette", "disse", "på", "etter", "når", "hvis", "men", "og", "der"})) &&
          !before.punct && after && !after->punct && !after->capitalised;
      // Holidays and months are also persons' names to the analyser ("Jul", "Mai"); alone among
      // small words they are the common nouns.
      static const std::vector<std::string_view> seasons = {"jul", "påske", "pinse", "januar", "februar", "mars", "april",
                                                            "mai", "juni", "juli", "august", "september", "oktober",
                                                            "november", "desember"};
      if (std::find(seasons.begin(), seasons.end(), w.lower) != seasons.end() && !before.punct && !before.capitalised &&
          !(i + 1 < words.size() && !words[i + 1].punct && words[i + 1].capitalised) && !is_upper_initial(w.text.substr(1))) {
        c.add("capital-common", "CAP", w.start, w.end, {w.lower}, 0.75);
        continue;
      }
      if (!function_word_form &&
          (surely_some(w, [](const Reading& r) { return r.has("np") || r.has("acr"); }) || w.text.size() < 2))
        continue;
      if (w.text.size() > 1 && is_upper_initial(w.text.substr(1))) continue;  // acronyms such as "NAV"
      // "De", "Dem", "Deres": the polite form of address is written with a capital.
      if (lemma_in(w, {"de", "dem", "deres", "dere"}) && !determiner_de) continue;
      // "Det historiske museum", "Den norske kirke", "Det Norske Teatret": names of institutions
      // open with "Det" or "Den" and a weak adjective, then an indefinite or capitalised noun.
      if (lemma_in(w, {"det", "den"}) && i + 2 < words.size() && !words[i + 1].punct && !words[i + 2].punct &&
          some(words[i + 1], [](const Reading& r) { return r.has("adj") && (r.has("def") || r.has("pl")); }) &&
          !some(words[i + 1], [](const Reading& r) { return r.has("n") || finite(r); }) &&
          (words[i + 2].capitalised || every(words[i + 2], [](const Reading& r) { return r.has("n") && r.has("ind"); })))
        continue;
      // A capital after a complete clause more often starts a new sentence whose full stop is
      // missing ("Han var streng Da jeg var liten"): then both repairs are offered.
      bool verb_before = false;
      // Words outside CG-3's stretch keep all their readings: a verb reading is enough here.
      for (std::size_t j = first; j + 1 < i && !verb_before; ++j) verb_before = likely_finite(words[j]);
      const bool opener = function_word_form || some(w, [](const Reading& r) {
        return r.has("adv") || r.has("cnjsub") || r.has("prn") || r.has("det") || r.has("cnjcoo");
      });
      const bool name_follows = i + 1 < words.size() && !words[i + 1].punct && words[i + 1].capitalised;
      // "Nora i Et dukkehjem": an article with a capital right after a preposition inside the
      // sentence opens a title ("I En by ..." at the start is a slip).
      const bool title_after_preposition = lemma_in(w, {"en", "et", "ei"}) && i > first + 1 &&
                                           every(before, [](const Reading& r) { return r.has("pr"); });
      if (title_after_preposition) continue;
      if (verb_before && opener && !before.punct && !name_follows) {
        c.add("missing-full-stop", "PUNCM", before.start, w.end,
              {before.text + ". " + w.text, before.text + " " + w.lower}, 0.6);
        continue;
      }
      // Otherwise as before: a word that may be a name is left alone.
      if (function_word_form && (surely_some(w, [](const Reading& r) { return r.has("np") || r.has("acr"); }) || w.text.size() < 2))
        continue;
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
      // After a word for a work, the capital starts its title ("i diktet sitt Privat huskeregel",
      // "i romanen Sult").
      {
        std::size_t k = i - 1;
        if (k > first && clause_helpers::possessive(words[k])) --k;
        if (some(words[k], [](const Reading& r) {
              static const std::vector<std::string_view> works = {"dikt", "bok", "roman", "film", "sang", "artikkel", "novelle",
                                                                  "avis", "serie", "program", "tittel", "skuespill", "fortelling",
                                                                  "eventyr", "album", "låt", "maleri", "tidsskrift"};
              return r.has("n") && std::find(works.begin(), works.end(), r.lemma) != works.end();
            }))
          continue;
      }
      // After a title of address the capital marks a name ("Frøken Detektiv", "Tante Grønn").
      if (lemma_in(before, {"herr", "fru", "frøken", "doktor", "kong", "dronning", "prins", "prinsesse", "professor", "kaptein",
                            "tante", "onkel"}))
        continue;
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

}  // namespace voki::feedback
