// ORT: words neither dictionary knows, with suggestions from the analyser's dictionary; misspelt
// compounds, numbers and abbreviations written as in English or with needless stops; place names
// written small (CAP).
#include "feedback/rules/rule_helpers.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <unicode/unistr.h>

namespace voki::feedback {

using namespace rule_helpers;

namespace {

const std::u32string kAlphabet = U"abcdefghijklmnopqrstuvwxyzæøå";
bool is_vowel(char32_t c) { return std::u32string_view(U"aeiouyæøå").find(c) != std::u32string_view::npos; }
bool is_letter(char32_t c) { return kAlphabet.find(c) != std::u32string::npos; }

// How likely a respelling is as a learner's error, cheapest first. A learner-typical edit: a
// consonant doubled or undoubled, a sound spelt as in another word (skj/sj/kj, å/o, æ/e, ø/o...),
// a silent or linking letter (d, t, g, v, h, e, s) added or left out. Then any other single edit,
// a consonant for another consonant, and two edits of which the first is doubling or a sound.
enum Cost { kTypical = 2, kOneEdit = 3, kConsonant = 4, kTwoEdits = 5 };

// Respellings with their costs, in the order made, kept in one buffer: a word has thousands of
// them, and a string each cost an allocation and a free each.
class Respellings {
 public:
  struct Item {
    std::u32string_view text;  // valid while the list is neither added to nor moved
    int cost;
  };
  // `w` with `length` code points at `at` replaced by `with`.
  void add_edit(std::u32string_view w, std::size_t at, std::size_t length, std::u32string_view with, int cost) {
    const std::size_t offset = buffer_.size();
    buffer_.append(w.substr(0, at));
    buffer_.append(with);
    buffer_.append(w.substr(at + length));
    entries_.push_back({offset, buffer_.size() - offset, cost});
  }
  std::size_t size() const { return entries_.size(); }
  Item operator[](std::size_t i) const {
    return {std::u32string_view(buffer_).substr(entries_[i].offset, entries_[i].size), entries_[i].cost};
  }
  // Cheapest first; equal costs keep their order.
  void sort_by_cost() {
    const auto by_cost = [](const Entry& a, const Entry& b) { return a.cost < b.cost; };
    if (!std::is_sorted(entries_.begin(), entries_.end(), by_cost)) std::stable_sort(entries_.begin(), entries_.end(), by_cost);
  }

  class Iterator {
   public:
    Iterator(const Respellings& list, std::size_t i) : list_(list), i_(i) {}
    Item operator*() const { return list_[i_]; }
    Iterator& operator++() { ++i_; return *this; }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    const Respellings& list_;
    std::size_t i_;
  };
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, size()}; }

 private:
  struct Entry {
    std::size_t offset, size;
    int cost;
  };
  std::u32string buffer_;
  std::vector<Entry> entries_;
};

// The distinct texts among thousands of respellings: views into strings that outlive the set, in
// an open-addressing table, so that no text is copied and nothing is allocated per text.
class SeenTexts {
 public:
  explicit SeenTexts(std::size_t expected) : slots_(capacity_for(expected)) {}
  // False when the text was seen before.
  bool insert(std::u32string_view text) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    if (!place(slots_, text)) return false;
    ++size_;
    return true;
  }

 private:
  struct Slot {
    const char32_t* data = nullptr;  // nullptr: empty
    std::size_t size = 0;
  };
  static std::size_t capacity_for(std::size_t n) {
    std::size_t c = 16;
    while (c < n * 2) c *= 2;
    return c;
  }
  static bool place(std::vector<Slot>& slots, std::u32string_view text) {
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = std::hash<std::u32string_view>{}(text) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots[i];
      if (!slot.data) {
        slot = {text.data(), text.size()};
        return true;
      }
      if (std::u32string_view(slot.data, slot.size) == text) return false;
    }
  }
  void grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    for (const Slot& slot : slots_)
      if (slot.data) place(bigger, std::u32string_view(slot.data, slot.size));
    slots_.swap(bigger);
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

// Spellings of the same sound that learners confuse (both directions are listed where both occur).
const std::vector<std::pair<std::u32string, std::u32string>>& sound_pairs() {
  static const std::vector<std::pair<std::u32string, std::u32string>> pairs = {
      {U"sj", U"skj"}, {U"skj", U"sj"}, {U"kj", U"skj"}, {U"skj", U"kj"}, {U"sj", U"kj"}, {U"kj", U"sj"},
      {U"ch", U"sj"},  {U"ch", U"kj"},  {U"sh", U"sj"},  {U"gj", U"j"},   {U"j", U"gj"},   {U"hj", U"j"},
      {U"j", U"hj"},   {U"o", U"å"},    {U"å", U"o"},    {U"ø", U"o"},    {U"o", U"ø"},    {U"e", U"æ"},
      {U"æ", U"e"},    {U"a", U"å"},    {U"å", U"a"},    {U"æ", U"a"},    {U"a", U"æ"},    {U"ø", U"e"},
      {U"e", U"ø"},    {U"u", U"o"},    {U"o", U"u"},    {U"y", U"i"},    {U"i", U"y"},    {U"y", U"ø"},
      {U"ks", U"x"},   {U"x", U"ks"},   {U"c", U"k"},    {U"c", U"s"},    {U"w", U"v"},    {U"z", U"s"},
      {U"q", U"k"},    {U"ph", U"f"},   {U"th", U"t"},   {U"aa", U"å"},   {U"oe", U"ø"},   {U"ae", U"æ"},
      {U"ck", U"kk"},  {U"b", U"p"},    {U"p", U"b"},    {U"d", U"t"},    {U"t", U"d"},    {U"g", U"k"},
      {U"k", U"g"},    {U"lig", U"ig"}, {U"ig", U"lig"}, {U"ei", U"eg"}, {U"eg", U"ei"}};
  return pairs;
}

// Doubled and undoubled consonants: the most frequent learner error.
void doubling(std::u32string_view w, Respellings& out, int cost) {
  for (std::size_t i = 1; i < w.size(); ++i)
    if (w[i] == w[i - 1] && !is_vowel(w[i])) out.add_edit(w, i, 1, {}, cost);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (is_vowel(w[i]) || !is_letter(w[i])) continue;
    if ((i + 1 < w.size() && w[i + 1] == w[i]) || (i > 0 && w[i - 1] == w[i])) continue;
    out.add_edit(w, i, 0, w.substr(i, 1), cost);
  }
}

// Doubling and confused sounds, also used as the first of two edits.
void doubling_and_sounds(std::u32string_view w, Respellings& out, int cost) {
  doubling(w, out, cost);
  for (const auto& [from, to] : sound_pairs())
    for (auto at = w.find(from); at != std::u32string_view::npos; at = w.find(from, at + 1))
      out.add_edit(w, at, from.size(), to, cost);
  if (w.size() > 1 && w[0] == U'v') out.add_edit(w, 0, 0, U"h", cost);  // hv- words: "vordan"
  if (w.size() > 2 && w[0] == U'h' && w[1] == U'v') out.add_edit(w, 0, 1, {}, cost);
}

// Silent and linking letters left out or added.
void silent_letters(std::u32string_view w, Respellings& out, int cost) {
  static const std::u32string silent = U"dtgvhes";
  for (std::size_t i = 0; i < w.size(); ++i)
    if (silent.find(w[i]) != std::u32string::npos) out.add_edit(w, i, 1, {}, cost);
  for (std::size_t i = 1; i <= w.size(); ++i)
    for (const char32_t& a : silent) out.add_edit(w, i, 0, std::u32string_view(&a, 1), cost);
}

// The respellings of `w` of one cost tier: typical edits, other single edits (a consonant for a
// consonant costs more), or two edits of which the first is doubling or a sound.
Respellings respellings(std::u32string_view w, int tier) {
  Respellings out;
  if (tier == kTypical) {
    doubling_and_sounds(w, out, kTypical);
    silent_letters(w, out, kTypical);
  } else if (tier == kOneEdit) {
    for (std::size_t i = 0; i < w.size(); ++i) out.add_edit(w, i, 1, {}, kOneEdit);
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
      if (w[i] == w[i + 1]) continue;
      const char32_t swapped[2] = {w[i + 1], w[i]};
      out.add_edit(w, i, 2, std::u32string_view(swapped, 2), kOneEdit);
    }
    for (std::size_t i = 0; i < w.size(); ++i)
      for (const char32_t& a : kAlphabet) {
        if (a == w[i]) continue;
        out.add_edit(w, i, 1, std::u32string_view(&a, 1), is_vowel(a) && is_vowel(w[i]) ? kOneEdit : kConsonant);
      }
    for (std::size_t i = 0; i <= w.size(); ++i)
      for (const char32_t& a : kAlphabet) out.add_edit(w, i, 0, std::u32string_view(&a, 1), kOneEdit);
  } else {
    // Two edits only in words of five to twenty letters; two silent letters added are not tried
    // (thousands of candidates for little).
    if (w.size() < 5 || w.size() > 20) return out;
    Respellings first;
    doubling_and_sounds(w, first, kTwoEdits);
    const std::size_t sounds = first.size();
    silent_letters(w, first, kTwoEdits);
    for (std::size_t k = 0; k < first.size(); ++k) {
      const std::u32string_view v = first[k].text;
      doubling_and_sounds(v, out, kTwoEdits);
      if (k < sounds) silent_letters(v, out, kTwoEdits);
      for (std::size_t i = 0; i < v.size(); ++i) {
        out.add_edit(v, i, 1, {}, kTwoEdits);
        if (!is_vowel(v[i])) continue;
        for (const char32_t& a : std::u32string_view(U"aeiouyæøå")) {
          if (a == v[i]) continue;
          out.add_edit(v, i, 1, std::u32string_view(&a, 1), kTwoEdits);
        }
      }
    }
  }
  // Only the single edits mix costs.
  out.sort_by_cost();
  return out;
}

// A word of the analyser's dictionary itself: not a compound it puts together, a name or an
// abbreviation.
bool dictionary_word(const std::vector<Reading>& readings) {
  return std::any_of(readings.begin(), readings.end(), [](const Reading& r) {
    return !r.compound && !r.has("np") && !r.has("abbr") && !r.has("acr");
  });
}

// Dictionary words close to a misspelt word, cheapest first, each also accepted by hunspell.
struct Neighbour {
  std::string word;
  int cost;
};
// Tier by tier (see Cost), costs from `min_cost` to `max_cost`, stopping at the first tier that gives a word: each
// candidate costs a walk of the analyser.
std::vector<Neighbour> dictionary_neighbours(Worker& worker, const std::string& lower, int min_cost,
                                             int max_cost, std::size_t limit = 3) {
  // Learners repeat their misspellings: the answer depends only on the word and the dictionaries,
  // so it is kept per thread (bounded).
  thread_local std::unordered_map<std::string, std::vector<Neighbour>> cache;
  const std::string key = lower + '\t' + std::to_string(min_cost) + std::to_string(max_cost) + std::to_string(limit);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::vector<Neighbour> result;
  const std::u32string w = to_u32(lower);
  if (w.size() >= 2 && w.size() <= 40) {
    // The views in `seen` and `texts` point into the tiers' candidates, kept until the end.
    std::vector<Respellings> tiers;
    tiers.reserve(3);  // one per tier: never moved, so that the views stay valid
    SeenTexts seen(4096);
    seen.insert(w);
    for (int tier : {kTypical, kOneEdit, kTwoEdits}) {
      if (tier > max_cost) break;
      if (tier == kTypical && min_cost > kTypical) continue;
      tiers.push_back(respellings(w, tier));
      std::vector<std::u32string_view> texts;
      std::vector<int> costs;
      for (const auto& c : tiers.back())
        if (c.cost >= min_cost && c.cost <= max_cost && c.text.size() > 1 && seen.insert(c.text)) {
          texts.push_back(c.text);
          costs.push_back(c.cost);
        }
      const auto readings = worker.lookup_many(texts);
      for (std::size_t k = 0; k < texts.size() && result.size() < limit; ++k) {
        if (!dictionary_word(readings[k])) continue;
        std::string text = to_utf8(texts[k]);
        if (worker.spelled_right(text)) result.push_back({std::move(text), costs[k]});
      }
      if (!result.empty()) break;
    }
  }
  if (cache.size() > 20000) cache.clear();
  cache.emplace(key, result);
  return result;
}

// Hunspell's words among the typical respellings (it knows compounds the analyser lacks,
// "internett"); only for suggestions, since hunspell also builds compounds no one would write.
std::vector<Neighbour> hunspell_neighbours(Worker& worker, const std::string& lower, std::size_t limit = 3) {
  std::vector<Neighbour> result;
  const std::u32string w = to_u32(lower);
  if (w.size() < 2 || w.size() > 40) return result;
  std::unordered_set<std::u32string> seen{w};
  for (const auto& c : respellings(w, kTypical)) {
    if (c.text.size() < 2 || !seen.emplace(c.text).second) continue;
    const std::string text = to_utf8(c.text);
    if (worker.spelled_right(text)) result.push_back({text, c.cost});
    if (result.size() == limit) break;
  }
  return result;
}

// A dictionary word that the word is with one consonant doubled or undoubled ("snile" → "snille"),
// for words hunspell accepts but the analyser does not know. Not a genitive (rare nouns' genitives
// are close to many words: "annens" → "anens"), nor "ss" undoubled where the second s begins a
// word ("retts|sikkerheten").
std::optional<std::string> doubled_consonant_of(Worker& worker, const std::string& lower) {
  const auto found = typical_respellings(
      worker, lower,
      [](const std::vector<Reading>& readings) {
        return std::none_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("gen"); });
      },
      3, true);
  const std::u32string w = to_u32(lower);
  for (const auto& candidate : found) {
    const std::u32string c = to_u32(candidate);
    std::size_t at = 0;
    while (at < c.size() && at < w.size() && c[at] == w[at]) ++at;
    const bool linking_s = c.size() < w.size() && at > 0 && w[at] == U's' && w[at - 1] == U's' &&
                           !worker.lookup(to_utf8(w.substr(at))).empty();
    if (!linking_s) return candidate;
  }
  return std::nullopt;
}

// Content words can be joined freely in Norwegian, and neither dictionary lists every compound.
// A word made of known content words, the last a noun or an adjective, is accepted when no
// dictionary word is close: "arbeidsaktive", "sosialliv", "bilregistreringskostnader". The joints
// that misspellings also happen to have are stricter: the first part has the form of a compound's
// first part; a last part of three letters follows a plain noun or adjective of four letters or
// more ("sosial|liv", "nyre|syk"); a first part that is itself a compound, or a part only hunspell
// knows, needs the linking -s- ("bil|registrerings|kostnader", "måteholds|perspektiv",
// "ansvars|berøvelse").

// The form a word has as the first part of a compound: a noun or an adjective in its base form, a
// verb's infinitive or stem ("sosial|liv", "skole|sekk", "vaske|maskin", "spar|konto"), not an
// inflected form ("sosialt|liv", "forende|rer").
bool compound_left(const std::vector<Reading>& readings, bool verbs = true) {
  return std::any_of(readings.begin(), readings.end(), [&](const Reading& r) {
    if (r.has("gen") || r.has("def") || r.has("pl") || r.has("pprs") || r.has("pp")) return false;
    if (r.has("n")) return r.has("sg") || r.has("sp");
    if (r.has("adj")) return !r.has("nt") || r.lemma.back() == 't';
    return verbs && r.has("vblex") && (r.has("inf") || r.has("imp"));
  });
}

bool is_open_compound(Worker& worker, const std::u32string& w, bool inner = false) {
  if (w.size() < 6 || w.size() > 60) return false;
  auto hunspell_only = [&](const std::u32string& part, const std::vector<Reading>& readings) {
    return readings.empty() && part.size() >= 7 && worker.spelled_right(to_utf8(part));
  };
  for (std::size_t split = 3; split + 3 <= w.size(); ++split) {
    const std::u32string right_text = w.substr(split);
    const auto right = worker.lookup(to_utf8(right_text));
    const bool noun = std::any_of(right.begin(), right.end(), [](const Reading& r) { return r.has("n"); });
    const bool head = noun || std::any_of(right.begin(), right.end(), [](const Reading& r) { return r.has("adj"); });
    const std::u32string left = w.substr(0, split);
    if (right_text.size() == 3) {
      if (head && !inner && left.size() >= 4 && compound_left(worker.lookup(to_utf8(left)), false)) return true;
      continue;
    }
    if (head && compound_left(worker.lookup(to_utf8(left)))) return true;
    if (left.size() < 4 || (left.back() != U's' && left.back() != U'e')) continue;
    const std::u32string stem = left.substr(0, left.size() - 1);
    const auto stem_readings = worker.lookup(to_utf8(stem));
    if (head && compound_left(stem_readings)) return true;
    if (left.back() != U's' || inner) continue;
    if (head && (hunspell_only(stem, stem_readings) || is_open_compound(worker, stem, true))) return true;
    if (!head && hunspell_only(right_text, right) && compound_left(stem_readings, false)) return true;
  }
  return false;
}

// A compound of a noun and a noun of the dictionary itself of five letters or more, where the
// nearest dictionary word keeps the first noun and has another noun for the second ("snø|hatter",
// not "snø|hytter"): the edit would turn one word into another.
bool nouns_compound_beside(Worker& worker, const std::u32string& w, const std::u32string& neighbour) {
  auto plain_noun = [&](const std::u32string& part) {
    const auto readings = worker.lookup(to_utf8(part));
    return std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n") && !r.compound; });
  };
  for (std::size_t split = 3; split + 5 <= w.size() && split + 3 <= neighbour.size(); ++split) {
    if (w.compare(0, split, neighbour, 0, split) != 0) break;
    if (!plain_noun(w.substr(split)) || !plain_noun(neighbour.substr(split))) continue;
    const auto left = worker.lookup(to_utf8(w.substr(0, split)));
    if (dictionary_word(left) && compound_left(left, false) &&
        std::any_of(left.begin(), left.end(), [](const Reading& r) { return r.has("n"); }))
      return true;
  }
  return false;
}

// A first part ending in -dom, -else, -het, -ing, -nad, -sjon, -skap or -tet always takes the
// linking -s- ("ansettelses|forhold", "sikkerhets|belte").
bool takes_linking_s(const std::u32string& left) {
  static const std::vector<std::u32string> suffixes = {U"dom", U"else", U"het", U"ing", U"nad", U"sjon", U"skap", U"tet"};
  return left.size() >= 6 && std::any_of(suffixes.begin(), suffixes.end(), [&](const std::u32string& x) {
           return left.compare(left.size() - x.size(), x.size(), x) == 0;
         });
}

// A compound of a known first part and a last part that is a dictionary word once one consonant
// of it is doubled or undoubled ("strøm|brud" → "strømbrudd", "stress|fult" → "stressfullt"), or
// whose first part lacks its linking -s- ("ansettelse|forhold"). The corrected compound must be
// one hunspell accepts; the edit is in the last part, so that no other split makes it a word
// ("fisker|rester" is not "fiske|rester" misspelt).
std::optional<std::string> misspelt_compound(Worker& worker, const std::u32string& w, bool linking_only = false) {
  if (w.size() < 7 || w.size() > 40) return std::nullopt;
  for (std::size_t split = 3; split + 3 <= w.size(); ++split) {
    const std::u32string left = w.substr(0, split), right = w.substr(split);
    const auto left_readings = worker.lookup(to_utf8(left));
    if (!compound_left(left_readings)) continue;
    if (takes_linking_s(left) && right[0] != U's' && dictionary_word(worker.lookup(to_utf8(right))) &&
        std::any_of(left_readings.begin(), left_readings.end(), [](const Reading& r) { return r.has("n"); })) {
      const std::string joined = to_utf8(left + U"s" + right);
      if (worker.spelled_right(joined)) return joined;
    }
    if (linking_only || right.size() < 4) continue;
    Respellings respelt;
    doubling(right, respelt, kTypical);
    for (const auto& item : respelt) {
      const std::u32string_view r = item.text;
      // Not at the joint: "introduksjon|ssenter" is "introduksjons|senter".
      if (r.substr(0, 2) != std::u32string_view(right).substr(0, 2) || !dictionary_word(worker.lookup(to_utf8(r)))) continue;
      const std::string joined = to_utf8(left + std::u32string(r));
      if (worker.spelled_right(joined)) return joined;
    }
  }
  return std::nullopt;
}

// A word of up to three letters before a dictionary word of four or more is more often an
// acronym written small ("sim|kort", "gps|signal") than a misspelt first part: then hunspell's
// compounds that keep the last part and change the first ("stim|kort") are no suggestion, unless
// they only add to it ("top|stillinger" → "topp|stillinger").
bool acronym_compound(Worker& worker, const std::u32string& w, const std::u32string& neighbour) {
  for (std::size_t split = 2; split <= 3 && split + 4 <= w.size(); ++split) {
    const std::u32string head = w.substr(split);
    if (neighbour.size() > head.size() && neighbour.compare(neighbour.size() - head.size(), head.size(), head) == 0 &&
        neighbour.compare(0, split, w, 0, split) != 0 &&
        worker.lookup(to_utf8(w.substr(0, split))).empty() && dictionary_word(worker.lookup(to_utf8(head))))
      return true;
  }
  return false;
}

// A verb joined to its particle, which Norwegian writes as one word in many verbs the dictionaries
// do not list: "avstøte", "oppspore", "innhente".
bool particle_verb(Worker& worker, const std::u32string& w) {
  static const std::vector<std::u32string> particles = {U"av",   U"opp",   U"inn",  U"ut",  U"over", U"under",
                                                        U"fra",  U"til",   U"mot",  U"med", U"om",   U"bort",
                                                        U"fram", U"frem",  U"ned",  U"etter", U"sammen", U"gjennom"};
  for (const auto& p : particles) {
    if (w.size() < p.size() + 5 || w.compare(0, p.size(), p) != 0) continue;
    const auto verb = worker.lookup(to_utf8(w.substr(p.size())));
    if (std::any_of(verb.begin(), verb.end(), [](const Reading& r) { return r.has("vblex") && !r.compound; }))
      return true;
  }
  return false;
}

// A place of the analyser's dictionary that hunspell also knows, one learner-typical edit (or one
// vowel) from a capitalised word neither dictionary knows, spelt as in another language or
// misspelt: "Iraq" → "Irak", "Rome" → "Roma"; or a title that is a definite noun ("Bibilen" →
// "Bibelen"). Not persons' names: many are spelt in many ways
// ("Eldstad").
std::optional<std::string> name_neighbour(Worker& worker, const std::string& lower) {
  const std::u32string w = to_u32(lower);
  if (w.size() < 4 || w.size() > 30) return std::nullopt;
  std::unordered_set<std::u32string> seen{w};
  for (int tier : {kTypical, kOneEdit}) {
    std::vector<std::u32string> texts;
    for (const auto& c : respellings(w, tier))
      if (c.cost == tier && c.text.size() > 2 && seen.emplace(c.text).second) texts.emplace_back(c.text);
    for (const auto& t : texts) {
      const std::string name = capitalise(to_utf8(t));
      const auto readings = worker.lookup(name);
      const bool place =
          !readings.empty() &&
          std::all_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("np") && !r.has("ant"); }) &&
          std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("top"); });
      // A title that is a definite noun written with a capital: "Bibelen", "Koranen".
      const bool title =
          t.size() >= 6 && !readings.empty() &&
          std::all_of(readings.begin(), readings.end(), [](const Reading& r) {
            return (r.has("n") && r.has("sg") && r.has("def")) || (r.has("np") && r.has("al"));
          }) &&
          std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n"); });
      if (!place && !title) continue;
      if (worker.spelled_right(name)) return name;
    }
  }
  return std::nullopt;
}

// A place after a point of the compass written as one word: Norwegian writes "Vest-Tyskland",
// "Sør-Afrika", "Nord-Amerika" with a hyphen and a capital. Only for words the analyser lacks
// ("Vestlandet", "Nordland" are names of their own; hunspell accepts "Vesttyskland" as a compound).
std::optional<std::string> compass_place(Worker& worker, const std::string& text) {
  for (const std::string prefix : {"Nord", "Sør", "Øst", "Vest"}) {
    if (text.size() < prefix.size() + 4 || text.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string place = capitalise(text.substr(prefix.size()));
    const auto readings = worker.lookup(place);
    if (std::any_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("np") && r.has("top"); }) &&
        worker.spelled_right(place))
      return prefix + "-" + place;
  }
  return std::nullopt;
}

// Adjectives negated with u- ("umaterialistisk"), or with in-/im-/il-/ir- where the adjective is
// of Latin origin ("inautentisk", "inaktiv"): the adjective without the prefix.
std::optional<std::u32string> negated_adjective(Worker& worker, const std::u32string& w) {
  auto adjective = [&](const std::u32string& base, bool latin) {
    const auto readings = worker.lookup(to_utf8(base));
    return std::any_of(readings.begin(), readings.end(), [&](const Reading& r) {
      if (!r.has("adj") || r.compound) return false;
      if (!latin) return true;
      static const std::vector<std::u32string> endings = {U"isk", U"iv", U"ent", U"ant", U"ell", U"al", U"ær",
                                                          U"abel", U"ibel", U"ert", U"ær", U"ibel", U"ivt"};
      const std::u32string lemma = to_u32(r.lemma);
      return std::any_of(endings.begin(), endings.end(), [&](const std::u32string& e) {
        return lemma.size() > e.size() && lemma.compare(lemma.size() - e.size(), e.size(), e) == 0;
      });
    });
  };
  if (w.size() >= 6 && w[0] == U'u' && adjective(w.substr(1), false)) return w.substr(1);
  if (w.size() >= 8 && w[0] == U'i' && std::u32string_view(U"nmlr").find(w[1]) != std::u32string_view::npos &&
      adjective(w.substr(2), true))
    return w.substr(2);
  return std::nullopt;
}

// A compound hunspell builds whose last part the analyser's dictionary has, with that same last
// part, under another joint: the first part without a linking -s- or -i- or its last two letters,
// or with a linking -e- or -s- ("hjemme|land" → "hjemland", "verdi|settes" → "verdsettes",
// "dans|kurs" → "dansekurs"). The dictionary's compound is the word the learner meant; a new
// compound that differs only at the joint from a listed one is rarely another word. The new first
// part is a word itself ("overstå|ende" is not "overs|ende"); the letters left out do not begin
// the last part ("hoved|årsaken" is not "hoved|saken"), and an -s- before s- stays
// ("retts|sikkerhet"). A linking -e- is not left out: both forms are often right ("jul(e)aften").
std::optional<std::string> relinked_compound(Worker& worker, const std::u32string& w) {
  if (w.size() < 8 || w.size() > 40) return std::nullopt;
  for (std::size_t split = 4; split + 4 <= w.size(); ++split) {
    const std::u32string left = w.substr(0, split), right = w.substr(split);
    if (!dictionary_word(worker.lookup(to_utf8(right)))) continue;
    std::vector<std::u32string> firsts = {left + U"e", left + U"s"};
    if ((left.back() == U's' && right[0] != U's') || left.back() == U'i') firsts.push_back(left.substr(0, split - 1));
    if (split >= 5 && !dictionary_word(worker.lookup(to_utf8(left.substr(split - 2) + right))))
      firsts.push_back(left.substr(0, split - 2));
    for (const auto& first : firsts) {
      if (first.size() < 3 || !dictionary_word(worker.lookup(to_utf8(first)))) continue;
      const std::string joined = to_utf8(first + right);
      const auto readings = worker.lookup(joined);
      if (dictionary_word(readings) && worker.spelled_right(joined)) return joined;
    }
  }
  return std::nullopt;
}

// A word hunspell accepts but the analyser does not know: hunspell's compounding and its list of
// rare words accept many misspellings. Flagged when it is one doubled or single consonant from a
// dictionary word, or, when it is no compound of known words, no genitive and no first part of a
// compound ("barne" of "barnehage"), a letter or a sound short of one ("fornøy" → "fornøyd",
// "mosken" → "moskeen", "maximalt" → "maksimalt").
std::optional<std::string> misspelling_hunspell_accepts(Worker& worker, const std::string& lower) {
  if (auto near = doubled_consonant_of(worker, lower)) return near;
  const std::u32string w = to_u32(lower);
  if (auto fixed = misspelt_compound(worker, w, true)) return fixed;
  if (auto fixed = relinked_compound(worker, w)) return fixed;
  if (w.size() < 4 || is_open_compound(worker, w)) return std::nullopt;
  if (w.back() == U's' || w.back() == U'e') {
    const auto stem = worker.lookup(to_utf8(w.substr(0, w.size() - 1)));
    if (std::any_of(stem.begin(), stem.end(), [&](const Reading& r) {
          return w.back() == U's' || (r.has("n") && !r.compound);
        }))
      return std::nullopt;
  }
  const auto found = typical_respellings(
      worker, lower,
      [](const std::vector<Reading>& readings) {
        return std::none_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("gen"); });
      },
      3, false);
  // A letter left out is the learner's error, seldom one too many: a shorter word is not offered
  // ("mangt" is no misspelt "mant"), and a longer one goes first ("bild" → "bilde", not "bilt").
  std::optional<std::string> best;
  std::size_t best_size = 0;
  for (const auto& candidate : found) {
    const std::u32string c = to_u32(candidate);
    if (c.size() < w.size() || c.size() <= best_size) continue;
    best = candidate;
    best_size = c.size();
  }
  return best;
}

// Abbreviations Norwegian writes without inner full stops ("osv.", "dvs.", "mht."), and "f.eks."
// written without its stops. Not "p.g.a.", which is widely accepted beside "pga.".
std::optional<std::string> standard_abbreviation(const std::string& lower) {
  static const std::unordered_map<std::string, std::string> forms = {
      {"o.s.v", "osv"}, {"d.v.s", "dvs"}, {"m.h.t", "mht"}, {"f.ks", "f.eks"}, {"feks", "f.eks"}};
  const auto it = forms.find(lower);
  return it == forms.end() ? std::nullopt : std::optional<std::string>(it->second);
}

// A number with commas between groups of three digits, as English writes thousands ("57,000",
// "2,000,000"): Norwegian uses the comma for decimals and a space between thousands ("57 000").
// One group counts only when it ends in "00" (decimals are seldom written with trailing zeros).
std::optional<std::string> english_thousands(const std::string& text) {
  const auto comma = text.find(',');
  if (comma == std::string::npos || comma == 0 || comma > 3) return std::nullopt;
  std::string spaced = text.substr(0, comma);
  std::size_t groups = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char ch = text[at];
    if (ch == ',') {
      if (at + 4 > text.size() || (at + 4 < text.size() && text[at + 4] != ',')) return std::nullopt;
      ++groups;
      spaced += ' ';
    } else if (ch < '0' || ch > '9') {
      return std::nullopt;
    } else if (at > comma) {
      spaced += ch;
    }
  }
  if (groups == 1 && text.compare(text.size() - 2, 2, "00") != 0) return std::nullopt;
  return spaced;
}

// A number joined to a word: "9åringer", "10kroning" need a hyphen or a space ("9-åringer", "4
// timer"); in "80-talet" the word after the hyphen is misspelt ("80-tallet"). Words of four letters
// or more only, so that units ("10km", "5kg") stay alone.
std::vector<std::string> number_word(Worker& worker, const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits == text.size()) return {};
  const std::string number = text.substr(0, digits);
  const bool hyphen = text[digits] == '-';
  const std::string word = text.substr(digits + (hyphen ? 1 : 0));
  if (!has_letter(word) || has_digit(word) || count_code_points(word) < 4 || word.find('-') != std::string::npos ||
      is_upper_initial(word))
    return {};
  const auto readings = worker.lookup(word);
  if (!hyphen) {
    if (!dictionary_word(readings) ||
        std::none_of(readings.begin(), readings.end(), [](const Reading& r) { return r.has("n") || r.has("adj"); }))
      return {};
    return {number + "-" + word, number + " " + word};
  }
  if (!readings.empty() || worker.spelled_right(word) || is_open_compound(worker, to_u32(word))) return {};
  std::vector<std::string> suggestions;
  for (const auto& n : dictionary_neighbours(worker, word, kTypical, kTypical)) suggestions.push_back(number + "-" + n.word);
  return suggestions;
}

}  // namespace

std::vector<std::string> rule_helpers::typical_respellings(
    Worker& worker, const std::string& lower, const std::function<bool(const std::vector<Reading>&)>& fits,
    std::size_t limit, bool doubling_only) {
  std::vector<std::string> result;
  const std::u32string w = to_u32(lower);
  if (w.size() < 2 || w.size() > 40) return result;
  Respellings candidates;
  if (doubling_only) doubling(w, candidates, kTypical);
  else candidates = respellings(w, kTypical);
  SeenTexts seen(candidates.size() + 1);
  seen.insert(w);
  std::vector<std::u32string_view> texts;  // views into `candidates`
  for (const auto& c : candidates)
    if (c.text.size() > 1 && seen.insert(c.text)) texts.push_back(c.text);
  const auto readings = worker.lookup_many(texts);
  for (std::size_t k = 0; k < texts.size() && result.size() < limit; ++k) {
    if (!dictionary_word(readings[k]) || !fits(readings[k])) continue;
    std::string text = to_utf8(texts[k]);
    if (worker.spelled_right(text)) result.push_back(std::move(text));
  }
  return result;
}

// ORT: a word neither hunspell nor the Apertium analyser knows, unless it is a new compound or
// derivation of known words with no dictionary word close by; or a word only hunspell's
// compounding accepts, one doubled consonant from a dictionary word. Proper nouns (capitalised
// inside a sentence), words of names and titles, and words with digits are left alone.
void rule_spelling(const RuleContext& c) {
  const auto& words = c.sentence.words;
  // Words neither dictionary knows. Two of them side by side are more often a foreign phrase or
  // a name ("car sharing", "friend of") than two misspellings: then both are left alone.
  // A word hunspell accepts but the analyser lacks counts too when it is no compound of known words
  // ("street dance").
  auto foreign = [&](std::size_t i) {
    const Word& w = words[i];
    if (w.punct || !w.unknown || !has_letter(w.text) || has_digit(w.text)) return false;
    if (!c.worker.spelled_right(w.text) && !c.worker.spelled_right(w.lower)) return true;
    return count_code_points(w.lower) >= 4 && !is_open_compound(c.worker, to_u32(w.lower));
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
                       w.text == "'" || w.text == "“" || w.text == "”" || w.text == "`" || w.text == "´");
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.punct) continue;
    if (const auto number = english_thousands(w.text)) {
      c.add("spelling", "ORT", w.start, w.end, {*number}, 0.7);
      continue;
    }
    if (has_digit(w.text)) {
      if (auto suggestions = number_word(c.worker, w.text); !suggestions.empty())
        c.add("spelling", "ORT", w.start, w.end, std::move(suggestions), 0.7);
      continue;
    }
    if (!has_letter(w.text)) continue;
    if (written_apart_form(w.lower)) continue;  // the written-apart rule's
    if (const auto abbreviation = standard_abbreviation(w.lower)) {
      // The analyser leaves the last full stop to the next token.
      const bool stop_follows = i + 1 < words.size() && words[i + 1].text == "." && words[i + 1].start == w.end;
      c.add("spelling", "ORT", w.start, w.end, {*abbreviation + (stop_follows ? "" : ".")}, 0.7);
      continue;
    }
    // Known as a word of the dictionary; a compound only the analyser's free decomposition finds
    // ("omsterke" = om+sterke) is not proof enough: then hunspell decides.
    const bool lexical = !w.unknown && std::any_of(w.readings.begin(), w.readings.end(),
                                                   [](const Reading& r) { return !r.compound; });
    if (lexical) continue;
    if (w.capitalised) {
      if (const auto place = compass_place(c.worker, w.text)) {
        c.add("spelling", "ORT", w.start, w.end, {*place}, 0.7);
        continue;
      }
    }
    if (w.capitalised && !sentence_initial(c.sentence, i)) {
      // A place, not a person's name: no other name beside it ("Anne Karin Eldstad").
      // A sentence's first word that is a common word of the dictionary is no name ("I Kuranen").
      auto name_beside = [&](std::size_t j) {
        return j < words.size() && !words[j].punct && words[j].capitalised &&
               !(sentence_initial(c.sentence, j) && !words[j].unknown &&
                 std::any_of(words[j].readings.begin(), words[j].readings.end(),
                             [](const Reading& r) { return !r.has("np") && !r.has("acr"); }));
      };
      if (w.unknown && !c.worker.spelled_right(w.text) && w.text.find('.') == std::string::npos &&
          !is_upper_initial(w.text.substr(1)) && !name_beside(i - 1) && !name_beside(i + 1))
        if (const auto name = name_neighbour(c.worker, w.lower)) c.add("spelling", "ORT", w.start, w.end, {*name}, 0.6);
      continue;
    }
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
    if (c.worker.spelled_right(w.text) || (w.capitalised && c.worker.spelled_right(w.lower))) {
      // Hunspell's compounding accepts many misspellings ("overasker" = over+asker); a word the
      // analyser does not know, one doubled or single consonant from a dictionary word, is one.
      // Not next to a word neither dictionary knows: then both are more often a foreign phrase.
      const auto before = neighbour(i, -1), after = neighbour(i, +1);
      if ((before && foreign(*before)) || (after && foreign(*after))) continue;
      if (const auto near = misspelling_hunspell_accepts(c.worker, w.lower))
        c.add("spelling", "ORT", w.start, w.end, {w.capitalised ? capitalise(*near) : *near}, 0.7);
      continue;
    }
    if (w.text.find('.') != std::string::npos) continue;  // abbreviations such as "f.eks", "p.g.a"
    if (w.text.size() > 1 && is_upper_initial(w.text.substr(1))) continue;  // all capitals: a name or acronym
    // Quoted words are often titles, names or words in another language: only a small letter word
    // one learner-typical edit from a dictionary word counts ("kallt" → "kalt").
    if ((i > 0 && is_quote(words[i - 1])) || (i + 1 < words.size() && is_quote(words[i + 1]))) {
      // Not with letters Norwegian words rarely have ("wai", "car-sharing").
      if (w.text != w.lower || w.lower.find_first_of("cqwxz") != std::string::npos ||
          (i + 1 < words.size() && words[i + 1].text == "-"))
        continue;
      const auto typical = dictionary_neighbours(c.worker, w.lower, kTypical, kTypical);
      if (!typical.empty()) {
        std::vector<std::string> suggestions;
        for (const auto& n : typical) suggestions.push_back(n.word);
        c.add("spelling", "ORT", w.start, w.end, std::move(suggestions), 0.7);
      }
      continue;
    }
    const auto before = neighbour(i, -1), after = neighbour(i, +1);
    if ((before && foreign(*before)) || (after && foreign(*after))) continue;
    // Next to a capitalised word that is no common word of the dictionary, the word is part of a
    // name or a title: "Walt Disney", "War child" (an organisation). Not next to a place or a
    // person the analyser knows: "i Bergen ellr Oslo", "profeta Muhammed".
    auto name_part = [&](std::size_t j) {
      const Word& n = words[j];
      if (!n.capitalised || (j < i && sentence_initial(c.sentence, j))) return false;
      if (n.readings.empty()) return true;
      const bool name = std::all_of(n.readings.begin(), n.readings.end(), [](const Reading& r) { return r.has("np"); });
      const bool place = std::any_of(n.readings.begin(), n.readings.end(),
                                     [](const Reading& r) { return r.has("top") || r.has("ant"); });
      return name && (w.capitalised || !place);
    };
    if ((i > 0 && !words[i - 1].punct && name_part(i - 1)) ||
        (i + 1 < words.size() && !words[i + 1].punct && (w.capitalised || !sentence_initial(c.sentence, i)) &&
         name_part(i + 1)))
      continue;
    const std::u32string lower = to_u32(w.lower);
    // Adjectives in -sk that are not -isk take -t in the neuter ("groteskt", "friskt"); the
    // analyser lists some without it.
    if (lower.size() > 5 && lower.compare(lower.size() - 3, 3, U"skt") == 0 &&
        lower.compare(lower.size() - 4, 4, U"iskt") != 0) {
      const std::string base = to_utf8(lower.substr(0, lower.size() - 1));
      const auto readings = c.worker.lookup(base);
      if (std::any_of(readings.begin(), readings.end(), [&](const Reading& r) { return r.has("adj") && r.lemma == base; }))
        continue;
    }
    // A misspelling is more likely than a new compound, a derived adjective or a name when a
    // dictionary word is one edit away (a prefixed adjective's own base does not count).
    auto neighbours = dictionary_neighbours(c.worker, w.lower, kTypical, kOneEdit);
    if (const auto base = negated_adjective(c.worker, lower)) {
      const std::string base_text = to_utf8(*base);
      if (std::all_of(neighbours.begin(), neighbours.end(), [&](const Neighbour& n) { return n.word == base_text; }))
        continue;
    }
    if ((neighbours.empty() || neighbours.front().cost > kTypical) && particle_verb(c.worker, lower)) continue;
    // Two nouns joined are a compound, not a misspelling, when the nearest dictionary word is no
    // learner-typical respelling and only puts another noun in the second's place.
    if (!neighbours.empty() && neighbours.front().cost > kTypical &&
        nouns_compound_beside(c.worker, lower, to_u32(neighbours.front().word)))
      continue;
    const bool close = !neighbours.empty();
    if (!close && is_open_compound(c.worker, lower)) {
      if (const auto fixed = misspelt_compound(c.worker, lower))
        c.add("spelling", "ORT", w.start, w.end, {w.capitalised ? capitalise(*fixed) : *fixed}, 0.7);
      continue;
    }
    if (!close && !w.capitalised) {
      neighbours = hunspell_neighbours(c.worker, w.lower);
      if (std::any_of(neighbours.begin(), neighbours.end(),
                      [&](const Neighbour& n) { return acronym_compound(c.worker, lower, to_u32(n.word)); }))
        continue;
    }
    if (neighbours.empty()) neighbours = dictionary_neighbours(c.worker, w.lower, kConsonant, kTwoEdits);
    // A capital word at the start may be a name ("Sindbad"): it is only flagged with a dictionary
    // word one edit away, or two in longer words.
    if (w.capitalised && (neighbours.empty() || (neighbours.front().cost > kConsonant && lower.size() < 7))) continue;
    std::vector<std::string> suggestions;
    for (const auto& n : neighbours) suggestions.push_back(w.capitalised ? capitalise(n.word) : n.word);
    if (suggestions.empty()) {
      suggestions = c.worker.suggest(w.text);
      if (suggestions.size() > 3) suggestions.resize(3);
    }
    c.add("spelling", "ORT", w.start, w.end, std::move(suggestions), 0.8);
  }
}

}  // namespace voki::feedback
