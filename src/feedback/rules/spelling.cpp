// ORT: words neither dictionary knows, with hunspell suggestions; place names written small (CAP).
#include "feedback/rules/rule_helpers.h"

#include <string>

namespace voki::feedback {

using namespace rule_helpers;

namespace {

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

}  // namespace voki::feedback
