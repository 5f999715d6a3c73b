#include "feedback/analysis.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <cg3.h>
#include <hunspell/hunspell.hxx>
#include <lttoolbox/alphabet.h>
#include <lttoolbox/file_utils.h>
#include <lttoolbox/node.h>
#include <lttoolbox/state.h>
#include <lttoolbox/trans_exe.h>
#include <lttoolbox/transducer.h>

#include <algorithm>
#include <iterator>
#include <list>
#include <unordered_set>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace voki::feedback {

bool Reading::has(std::string_view tag) const {
  // The rules ask this millions of times; tags are short and most differ in their first letter.
  for (const auto& t : tags)
    if (t.size() == tag.size() && (tag.empty() || (t[0] == tag[0] && std::memcmp(t.data(), tag.data(), tag.size()) == 0)))
      return true;
  return false;
}

bool Word::any(std::string_view tag) const {
  return std::any_of(readings.begin(), readings.end(), [&](const Reading& r) { return r.has(tag); });
}

bool Word::all(std::string_view tag) const {
  return !readings.empty() &&
         std::all_of(readings.begin(), readings.end(), [&](const Reading& r) { return r.has(tag); });
}

bool Word::lemma_is(std::string_view lemma) const {
  return std::any_of(readings.begin(), readings.end(),
                     [&](const Reading& r) { return r.lemma == lemma; });
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : c));
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out(text.size() * 4, '\0');
  std::size_t length = 0;
  for (const char32_t c : text) U8_APPEND_UNSAFE(out.data(), length, static_cast<UChar32>(c));
  out.resize(length);
  return out;
}

namespace {

// UTF-8 of `text` exactly as appending its characters to an icu::UnicodeString and calling
// toUTF8String() gives it, without the UTF-16 detour: a high surrogate code point followed by a
// low one joins with it (as the two UTF-16 units would), any other surrogate becomes U+FFFD.
void utf8_as_icu(std::u32string_view text, std::string& out) {
  out.assign(text.size() * 4, '\0');
  std::size_t length = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<UChar32>(text[i]);
    if (c < 0 || c > 0x10FFFF) continue;  // append() adds nothing
    if (U_IS_SURROGATE(c)) {
      if (U16_IS_LEAD(c) && i + 1 < text.size() && U16_IS_TRAIL(static_cast<UChar32>(text[i + 1]))) {
        c = U16_GET_SUPPLEMENTARY(c, static_cast<UChar32>(text[i + 1]));
        ++i;
      } else {
        c = 0xFFFD;
      }
    }
    U8_APPEND_UNSAFE(out.data(), length, c);
  }
  out.resize(length);
}

}  // namespace

std::string to_lower(std::string_view utf8) {
  // ASCII (most words) lower-cases letter by letter, as ICU does: no special casing for "nb".
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(utf8);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  static const icu::Locale norwegian("nb");  // built once: constructing a Locale per call was costly
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .toLower(norwegian)
      .toUTF8String(out);
  return out;
}

std::string capitalise(std::string_view utf8) {
  auto text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (text.isEmpty()) return std::string(utf8);
  const UChar32 first = text.char32At(0);
  icu::UnicodeString result;
  result.append(u_toupper(first));
  result.append(text, U16_LENGTH(first), text.length() - U16_LENGTH(first));
  std::string out;
  result.toUTF8String(out);
  return out;
}

bool is_upper_initial(std::string_view utf8) {
  if (utf8.empty()) return false;
  auto text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return u_isupper(text.char32At(0));
}

std::size_t count_code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

// Splits "a<n><m>" into lemma and tags; a '#' queue ("ta<vblex><inf># opp") is kept in the lemma.
void read_part(std::string_view part, Reading& reading) {
  const auto first_tag = part.find('<');
  std::string lemma(part.substr(0, first_tag));
  reading.tags.clear();
  std::size_t pos = first_tag;
  while (pos != std::string_view::npos && pos < part.size() && part[pos] == '<') {
    const auto close = part.find('>', pos);
    if (close == std::string_view::npos) break;
    reading.tags.emplace_back(part.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  if (pos != std::string_view::npos && pos < part.size()) lemma += part.substr(pos);
  reading.lemma = std::move(lemma);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("feedback: cannot read resource " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Characters with a meaning in Apertium's stream format, and control characters, are replaced by
// a space before analysis: they are never part of a word, and the replacement keeps offsets.
bool is_stream_special(UChar32 c) {
  switch (c) {
    case '^': case '$': case '/': case '\\': case '<': case '>': case '[': case ']':
    case '{': case '}': case '@': case '*': case '#': case '+': case '~': case '|':
      return true;
    default:
      return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
             (c >= 0xFFF0 && c <= 0xFFFF) || U_GET_GC_MASK(c) & U_GC_CO_MASK;
  }
}

struct RawUnit {
  std::string surface;
  std::size_t start = 0, end = 0;     // code points of the analysed characters
  bool unknown = false;               // the analyser did not know it
  std::vector<Reading> readings;      // parsed analyses
};

// Converts UTF-8 to the dictionary's Latin-1; false when a character has no Latin-1 form.
bool to_latin1(std::string_view utf8, std::string& out) {
  out.clear();
  for (char32_t c : to_u32(utf8)) {
    if (c > 0xFF) return false;
    out.push_back(static_cast<char>(c));
  }
  return true;
}

}  // namespace

Reading parse_analysis(std::string_view analysis) {
  Reading reading;
  reading.analysis = std::string(analysis);
  // Compounds ("skole<n>...<cmp>+sekk<n>...") and joined units: the last part carries the
  // grammar of the whole word; the lemma joins the parts' lemmas.
  std::string joined_lemma;
  std::size_t begin = 0;
  int parts = 0;
  while (true) {
    const auto plus = analysis.find('+', begin);
    const auto part = analysis.substr(begin, plus == std::string_view::npos ? analysis.npos : plus - begin);
    read_part(part, reading);
    ++parts;
    if (plus == std::string_view::npos) break;
    joined_lemma += reading.lemma;
    begin = plus + 1;
  }
  if (parts > 1) {
    reading.compound = true;
    reading.lemma = joined_lemma + reading.lemma;
  }
  return reading;
}

std::shared_ptr<const ResourceFiles> ResourceFiles::load(const ResourcePaths& paths) {
  auto files = std::make_shared<ResourceFiles>();
  files->paths = paths;
  files->analyser = read_file(paths.analyser);
  files->generator = read_file(paths.generator);
  for (const auto* path : {&paths.grammar, &paths.hunspell_aff, &paths.hunspell_dic}) {
    if (std::FILE* f = std::fopen(path->c_str(), "rb")) std::fclose(f);
    else throw std::runtime_error("feedback: cannot read resource " + *path);
  }
  return files;
}

namespace {

// A compiled lttoolbox transducer set walked directly with lttoolbox's State, word by word.
// FSTProcessor's stream API keeps state between calls (in lttoolbox 3.7 it lost words after a few
// thousand sentences and could crash on a leading quote), and needs a FILE per call; stepping
// the transducer ourselves over ICU tokens is stateless, thread-confined and fast.
// Analyses joined as lttoolbox gives them, "/a<n>/b<vblex>", split:: '\\' escapes, empty parts dropped.
std::vector<std::string> split_analyses(const UString& joined) {
  std::vector<std::string> result;
  std::string utf8;
  icu::UnicodeString(joined.data(), static_cast<int32_t>(joined.size())).toUTF8String(utf8);
  std::size_t begin = 0;
  while (begin < utf8.size()) {
    if (utf8[begin] == '/') { ++begin; continue; }
    auto slash = utf8.find('/', begin);
    while (slash != std::string::npos && slash > 0 && utf8[slash - 1] == '\\') slash = utf8.find('/', slash + 1);
    const std::string_view part = std::string_view(utf8).substr(begin, slash == std::string::npos ? std::string::npos : slash - begin);
    std::string clean;  // drop escapes
    clean.reserve(part.size());
    for (std::size_t i = 0; i < part.size(); ++i) {
      if (part[i] == '\\' && i + 1 < part.size()) ++i;
      clean += part[i];
    }
    if (!clean.empty()) result.push_back(std::move(clean));
    if (slash == std::string::npos) break;
    begin = slash + 1;
  }
  return result;
}

class Lexicon {
 public:
  explicit Lexicon(const std::string& bytes) {
    std::FILE* in = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
    if (!in) throw std::runtime_error("feedback: cannot open transducer");
    readTransducerSet(in, letters_, alphabet_, transducers_);
    std::fclose(in);
    if (transducers_.empty()) throw std::runtime_error("feedback: empty transducer");
    for (auto& [name, transducer] : transducers_) {
      root_.addTransition(0, 0, transducer.getInitial(), 0.0);
      finals_.insert(transducer.getFinals().begin(), transducer.getFinals().end());
    }
  }

  State initial() {
    State state;
    state.init(&root_);
    return state;
  }
  // Steps one input character, matching upper-case input against lower-case entries too. Each
  // upper-case letter can double the live paths (runs like "QQQQ…" grew to gigabytes), so a state
  // with more paths than any real word needs is dropped: the word counts as unknown.
  static void step(State& state, UChar32 c) {
    state.step_case(c, false);
    if (state.size() > kMaxPaths) state = State();
  }
  static constexpr std::size_t kMaxPaths = 512;
  void step_tag(State& state, std::string_view tag) {
    const auto symbol = alphabet_(icu::UnicodeString::fromUTF8("<" + std::string(tag) + ">").getTerminatedBuffer());
    state.step(symbol);
  }
  bool final(const State& state) const { return state.isFinal(finals_); }
  // The analyses ("a<n>...") of a final state, in dictionary case.
  std::vector<std::string> outputs(const State& state) const {
    const UString joined = state.filterFinals(finals_, alphabet_, escaped_);
    return split_analyses(joined);
  }

 private:
  std::set<UChar32> letters_;
  Alphabet alphabet_;
  std::map<UString, TransExe> transducers_;
  Node root_;
  std::map<Node*, double> finals_;
  std::set<UChar32> escaped_;
};

// The analyser's transducers in flat arrays, walked with the semantics of lttoolbox's State
// (step_case without case sensitivity, epsilonClosure, filterFinals with default options) but with
// each path's output kept as a link to the output it grew from: State copies every path's whole
// output at every character, which made the analyser's walks cost ~7,000 instructions a character.
// Paths, their order and duplicates are exactly State's, so the analyses and their order are too.
class Analyser {
 public:
  struct Path {
    std::int32_t node;
    std::int32_t output;  // index into the walk's outputs, -1 for none yet
  };
  // One walk: live paths; copies share the walk's outputs (one walk at a time per Analyser).
  struct Cursor {
    std::vector<Path> paths;
    std::size_t size() const { return paths.size(); }
  };

  explicit Analyser(const std::string& bytes) {
    std::FILE* in = fmemopen(const_cast<char*>(bytes.data()), bytes.size(), "rb");
    if (!in) throw std::runtime_error("feedback: cannot open transducer");
    std::set<UChar32> letters;
    std::map<UString, Transducer> transducers;
    readTransducerSet(in, letters, alphabet_, transducers);
    std::fclose(in);
    if (transducers.empty()) throw std::runtime_error("feedback: empty transducer");
    // Node numbers: each transducer's states after the previous ones; the root last, with an
    // epsilon to each transducer's initial state in the map's order (as Lexicon's root Node).
    std::vector<std::int32_t> initials;
    std::int32_t offset = 0;
    struct Raw { std::int32_t input, output, dest; double weight; };
    std::vector<std::vector<Raw>> raw;
    for (auto& [name, transducer] : transducers) {
      const auto states = static_cast<std::int32_t>(transducer.size());
      raw.resize(static_cast<std::size_t>(offset + states));
      final_weight_.resize(static_cast<std::size_t>(offset + states), 0.0);
      final_.resize(static_cast<std::size_t>(offset + states), false);
      for (auto& [source, arcs] : transducer.getTransitions())
        for (auto& [tag, target] : arcs) {
          const auto& [input, output] = alphabet_.decode(tag);
          raw[static_cast<std::size_t>(offset + source)].push_back({input, output, offset + target.first, target.second});
        }
      for (auto& [state, weight] : transducer.getFinals()) {
        final_weight_[static_cast<std::size_t>(offset + state)] = weight;
        final_[static_cast<std::size_t>(offset + state)] = true;
      }
      initials.push_back(offset + transducer.getInitial());
      offset += states;
    }
    root_ = offset;
    raw.emplace_back();
    final_weight_.push_back(0.0);
    final_.push_back(false);
    for (auto initial : initials) raw.back().push_back({0, 0, initial, 0.0});
    // Per node, its arcs grouped by input symbol in ascending order (Node's std::map), each group
    // in the order the arcs were read (Node::addTransition appends).
    node_begin_.reserve(raw.size() + 1);
    for (auto& arcs : raw) {
      node_begin_.push_back(static_cast<std::uint32_t>(groups_.size()));
      std::stable_sort(arcs.begin(), arcs.end(), [](const Raw& a, const Raw& b) { return a.input < b.input; });
      for (std::size_t k = 0; k < arcs.size(); ++k) {
        if (k == 0 || arcs[k].input != arcs[k - 1].input)
          groups_.push_back({arcs[k].input, static_cast<std::uint32_t>(arcs_.size())});
        arcs_.push_back({arcs[k].output, arcs[k].dest, arcs[k].weight});
      }
      arcs.clear();
      arcs.shrink_to_fit();
    }
    node_begin_.push_back(static_cast<std::uint32_t>(groups_.size()));
    groups_.push_back({0, static_cast<std::uint32_t>(arcs_.size())});  // end marker of the last group
  }

  Cursor initial() {
    outputs_.clear();
    Cursor cursor;
    cursor.paths.push_back({root_, -1});
    closure(cursor.paths);
    return cursor;
  }
  // One input character, upper case matching lower-case entries too (State::step_case(c, false)).
  // More live paths than any real word needs ("QQQQ…" doubles them at each capital): dead.
  void step(Cursor& cursor, UChar32 c) {
    step_into(cursor, c, scratch_);
    cursor.paths.swap(scratch_.paths);
  }
  // The same from `from` into `to`, whose storage is reused (walks step millions of times).
  void step_into(const Cursor& from, UChar32 c, Cursor& to) {
    to.paths.clear();
    const UChar32 lower = u_isupper(c) ? u_tolower(c) : c;
    if (c != 0 && lower != 0) {
      for (const auto& path : from.paths) {
        apply(path, c, to.paths);
        if (lower != c) apply(path, lower, to.paths);
      }
    }
    closure(to.paths);
    if (to.paths.size() > kMaxPaths) to.paths.clear();
  }
  static constexpr std::size_t kMaxPaths = 512;

  bool final(const Cursor& cursor) const {
    return std::any_of(cursor.paths.begin(), cursor.paths.end(), [&](const Path& p) { return is_final(p.node); });
  }
  // The analyses ("a<n>...") of the final paths, as State::filterFinals and then Lexicon::outputs.
  std::vector<std::string> outputs(const Cursor& cursor) const {
    std::vector<std::pair<UString, double>> response;
    std::vector<std::int32_t> chain;
    for (const auto& path : cursor.paths) {
      if (!is_final(path.node)) continue;
      chain.clear();
      for (auto o = path.output; o >= 0; o = outputs_[static_cast<std::size_t>(o)].parent) chain.push_back(o);
      UString text;
      double cost = final_weight_[static_cast<std::size_t>(path.node)];
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const auto& out = outputs_[static_cast<std::size_t>(*it)];
        alphabet_.getSymbol(text, out.symbol, false);
        cost += out.weight;
      }
      response.emplace_back(std::move(text), cost);
    }
    std::sort(response.begin(), response.end(),
              [](const std::pair<UString, double>& a, const std::pair<UString, double>& b) { return a.second < b.second; });
    // Duplicates dropped as with a std::set of the texts so far; finals are few, so a linear
    // search over those kept costs less than the set's nodes.
    std::vector<const UString*> kept;
    UString joined;
    for (const auto& entry : response) {
      const UString& text = entry.first;  // not a structured binding: clang 14 (fuzz build) cannot capture one
      if (response.size() > 1) {
        if (std::any_of(kept.begin(), kept.end(), [&](const UString* k) { return *k == text; })) continue;
        kept.push_back(&text);
      }
      joined += '/';
      joined += text;
    }
    return split_analyses(joined);
  }


 private:
  struct Arc { std::int32_t output, dest; double weight; };
  struct Group { std::int32_t input; std::uint32_t first_arc; };
  struct Output { std::int32_t parent, symbol; double weight; };
  bool is_final(std::int32_t node) const { return final_[static_cast<std::size_t>(node)]; }
  // The arcs of `node` on `input`: [first, last) in arcs_, empty when none.
  std::pair<std::uint32_t, std::uint32_t> arcs(std::int32_t node, std::int32_t input) const {
    const auto begin = groups_.begin() + node_begin_[static_cast<std::size_t>(node)];
    const auto end = groups_.begin() + node_begin_[static_cast<std::size_t>(node) + 1];
    const auto it = std::lower_bound(begin, end, input, [](const Group& g, std::int32_t i) { return g.input < i; });
    if (it == end || it->input != input) return {0, 0};
    return {it->first_arc, (it + 1)->first_arc};
  }
  // State::apply_into: a non-epsilon input always adds its output symbol (even epsilon) and weight.
  void apply(const Path& path, std::int32_t input, std::vector<Path>& into) {
    const auto [first, last] = arcs(path.node, input);
    for (auto a = first; a < last; ++a) {
      const Arc& arc = arcs_[a];
      outputs_.push_back({path.output, arc.output, arc.weight});
      into.push_back({arc.dest, static_cast<std::int32_t>(outputs_.size() - 1)});
    }
  }
  // State::epsilonClosure: over the growing list, duplicates kept; an epsilon output adds nothing.
  void closure(std::vector<Path>& paths) {
    for (std::size_t i = 0; i != paths.size(); ++i) {
      const auto [first, last] = arcs(paths[i].node, 0);
      for (auto a = first; a < last; ++a) {
        const Arc& arc = arcs_[a];
        std::int32_t output = paths[i].output;
        if (arc.output != 0) {
          outputs_.push_back({output, arc.output, arc.weight});
          output = static_cast<std::int32_t>(outputs_.size() - 1);
        }
        paths.push_back({arc.dest, output});
      }
    }
  }

  Alphabet alphabet_;
  std::vector<std::uint32_t> node_begin_;  // per node, its first group; one more at the end
  std::vector<Group> groups_;
  std::vector<Arc> arcs_;
  std::vector<double> final_weight_;
  std::vector<bool> final_;
  std::int32_t root_ = 0;
  std::vector<Output> outputs_;  // of the current walk
  Cursor scratch_;               // the next paths while step() builds them
};

std::once_flag cg3_once;

icu::UnicodeString u16(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

}  // namespace

namespace {

// What CG-3 kept of one stretch: for each word, the indices of the original readings it kept, each
// with the mapping tags (@...) CG-3 gave it. Words with fewer than two readings are left as they are.
struct Disambiguation {
  struct Kept { std::size_t reading; std::vector<std::string> mappings; };
  std::vector<std::vector<Kept>> words;  // empty inner vector: the word keeps its readings
};

// Least-recently-used map with a fixed capacity: a server runs for months, so every cache is bounded.
template <typename Value>
class LruCache {
 public:
  explicit LruCache(std::size_t capacity) : capacity_(capacity) {}
  const Value* find(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->second;
  }
  void put(std::string key, Value value) {
    if (index_.count(key)) return;
    order_.emplace_front(std::move(key), std::move(value));
    index_.emplace(order_.front().first, order_.begin());
    if (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

 private:
  std::size_t capacity_;
  std::list<std::pair<std::string, Value>> order_;
  std::unordered_map<std::string, typename std::list<std::pair<std::string, Value>>::iterator> index_;
};

}  // namespace

struct Worker::Impl {
  std::shared_ptr<const ResourceFiles> files;
  std::unique_ptr<Analyser> analyser;
  std::unique_ptr<Lexicon> generator;
  std::unique_ptr<icu::BreakIterator> word_breaks;
  cg3_grammar* grammar = nullptr;
  cg3_applicator* applicator = nullptr;
  // CG-3 (1.3.9) interns every tag text it is given, word forms and lemmas too, in the grammar's
  // tag table, which only freeing the grammar empties (300,000 tags took 65 MB). The texts given
  // so far are kept here with their tags; past kMaxTags, the grammar is loaded again (~0.1 s).
  // Results do not depend on what CG-3 saw before (the grammar has no variables).
  std::unordered_map<std::string, cg3_tag*> tags;
  static constexpr std::size_t kMaxTags = 100000;
  // CG-3 results by stretch (the same words with the same readings always give the same result);
  // ~1 KB an entry.
  LruCache<Disambiguation> disambiguated{4096};
  // Suggestions by misspelt word (each costs up to ~1,000 hunspell lookups).
  LruCache<std::vector<std::string>> suggested{4096};
  std::unique_ptr<Hunspell> hunspell;
  std::unique_ptr<icu::BreakIterator> sentences;
  std::unordered_map<std::string, std::optional<std::string>> generated;
  std::unordered_map<std::string, bool> spelled;
  std::unordered_map<std::string, std::vector<Reading>> looked_up;
  // Past walks of the analyser from a token: a walk reads only the characters up to where it
  // stopped and the token ends before that, so a later text that has the same ones gets the same
  // result without stepping the transducer. Bucketed by hashes of the token and what follows it
  // (see match()); replayable() compares everything the walk read, so a collision costs nothing.
  struct Walk {
    std::u32string read;             // characters from the first token's start to where the walk stopped
    std::vector<std::size_t> ends;   // ends of the tokens reached, relative to the first token's start
    bool died = false;               // stopped because no entry goes on (else: token limit or last token)
    std::size_t used = 0;
    bool unknown = true;             // what RawUnit::unknown is after this walk
    std::vector<Reading> readings;   // parsed once, copied to each unit
  };
  std::unordered_map<std::uint64_t, std::vector<Walk>> walks;
  std::size_t walk_count = 0;
  static constexpr std::size_t kMaxWalks = 50000, kMaxWalksPerToken = 32;  // ~600 bytes a walk
  std::string latin1;
  std::vector<std::size_t> token_cp_of;  // tokenise()'s buffers, kept for their storage
  std::vector<UChar> token_units;
  std::vector<Analyser::Cursor> lookup_states;  // lookup_many's walk, kept for its storage

  cg3_tag* tag(const std::string& utf8) {
    if (auto it = tags.find(utf8); it != tags.end()) return it->second;
    auto text = u16(utf8);
    cg3_tag* created = cg3_tag_create_u(applicator, text.getTerminatedBuffer());
    tags.emplace(utf8, created);
    return created;
  }
  void load_cg3() {
    tags.clear();
    if (applicator) cg3_applicator_free(applicator);
    applicator = nullptr;
    if (grammar) cg3_grammar_free(grammar);
    grammar = cg3_grammar_load(files->paths.grammar.c_str());
    if (!grammar) throw std::runtime_error("feedback: cannot load CG-3 grammar " + files->paths.grammar);
    applicator = cg3_applicator_create(grammar);
    if (!applicator) throw std::runtime_error("feedback: cannot create CG-3 applicator");
  }

  static constexpr std::size_t kMaxUnitTokens = 5;

  // Would the walk from token `first` read exactly what `w` read, and so stop the same way?
  static bool replayable(const Walk& w, const std::u32string& chars,
                         const std::vector<std::pair<std::size_t, std::size_t>>& tokens, std::size_t first) {
    const std::size_t begin = tokens[first].first;
    if (chars.size() - begin < w.read.size() || chars.compare(begin, w.read.size(), w.read) != 0) return false;
    const std::size_t reached = w.ends.size();
    if (tokens.size() - first < reached) return false;
    for (std::size_t k = 0; k < reached; ++k)
      if (tokens[first + k].second - begin != w.ends[k]) return false;
    if (w.died) {
      // It died inside the next token: that token must be there and reach as far.
      return reached < kMaxUnitTokens && first + reached < tokens.size() &&
             tokens[first + reached].second - begin >= w.read.size();
    }
    return reached == kMaxUnitTokens || first + reached == tokens.size();
  }

  // Longest match from token `first` over up to 5 tokens (multiwords such as "i dag", "på grunn
  // av", "e-post"); returns the number of tokens (at least one) and fills the unit's readings.
  std::size_t match(const std::u32string& chars, const std::vector<std::pair<std::size_t, std::size_t>>& tokens,
                    std::size_t first, RawUnit& unit) {
    const auto [token_begin, token_end] = tokens[first];
    // Bucket keys: the token and the character after it, and the token and the two characters
    // after it; a walk that read no further than one character past the token is in the first.
    auto next = [&](std::size_t k) -> std::uint64_t { return k < chars.size() ? chars[k] : 0; };
    const std::uint64_t short_key =
        (std::hash<std::u32string_view>{}(std::u32string_view(chars).substr(token_begin, token_end - token_begin)) ^
         next(token_end)) * 0x100000001b3ULL;
    const std::uint64_t long_key = (short_key ^ next(token_end + 1)) * 0x100000001b3ULL;
    for (const auto key : {short_key, long_key}) {
      const auto it = walks.find(key);
      if (it == walks.end()) continue;
      for (const auto& w : it->second) {
        if (replayable(w, chars, tokens, first)) {
          unit.unknown = w.unknown;
          unit.readings = w.readings;
          return w.used;
        }
      }
    }
    Walk walk;
    Analyser::Cursor state = analyser->initial();
    std::size_t used = 0;
    std::vector<std::string> analyses;
    std::size_t position = tokens[first].first;
    std::size_t t = first;
    for (; t < tokens.size() && t < first + kMaxUnitTokens; ++t) {
      for (; position < tokens[t].second && state.size() > 0; ++position)
        analyser->step(state, static_cast<UChar32>(chars[position]));
      if (state.size() == 0) {
        walk.died = true;
        break;
      }
      walk.ends.push_back(tokens[t].second - token_begin);
      if (analyser->final(state)) {
        // Entries that only exist as compound parts are not words of their own.
        std::vector<std::string> words;
        for (auto& a : analyser->outputs(state)) {
          if (a.find("<compound-only-L>") != std::string::npos || a.find("<compound-R>") != std::string::npos ||
              a.find("<cmp>") != std::string::npos)
            continue;
          words.push_back(std::move(a));
        }
        if (!words.empty()) {
          used = t - first + 1;
          analyses = std::move(words);
        }
      }
    }
    if (walk_count >= kMaxWalks) {
      walks.clear();
      walk_count = 0;
    }
    auto& list = walks[position - token_begin <= token_end - token_begin + 1 ? short_key : long_key];
    if (list.size() >= kMaxWalksPerToken) {
      walk_count -= list.size();
      list.clear();
    }
    walk.read.assign(chars, token_begin, position - token_begin);
    walk.used = used;
    // As an unknown word's "*": one analysis starting with '*' is no analysis.
    walk.unknown = used == 0 || (analyses.size() == 1 && !analyses[0].empty() && analyses[0][0] == '*');
    if (!walk.unknown)
      for (const auto& a : analyses) walk.readings.push_back(parse_analysis(a));
    unit.unknown = walk.unknown;
    unit.readings = walk.readings;
    list.push_back(std::move(walk));
    ++walk_count;
    return used;
  }

  std::vector<RawUnit> analyse_raw(const std::u32string& chars) {
    std::vector<RawUnit> units;
    std::vector<std::pair<std::size_t, std::size_t>> tokens;
    tokenise(chars, tokens);
    for (std::size_t i = 0; i < tokens.size();) {
      RawUnit unit;
      const std::size_t used = std::max<std::size_t>(1, match(chars, tokens, i, unit));
      unit.start = tokens[i].first;
      unit.end = tokens[i + used - 1].second;
      utf8_as_icu(std::u32string_view(chars).substr(unit.start, unit.end - unit.start), unit.surface);
      units.push_back(std::move(unit));
      i += used;
    }
    return units;
  }

  // ICU word boundaries; spaces are dropped, every other segment (words, numbers, punctuation) is
  // a token. Pairs are [start, end) in code points of `chars`.
  void tokenise(const std::u32string& chars, std::vector<std::pair<std::size_t, std::size_t>>& tokens) {
    // The UTF-16 text as UnicodeString::append(UChar32) builds it one character at a time (a
    // surrogate code point is one unit), written into one buffer: append cost ~140 instructions a
    // character.
    // A run of letters a-z, æ, ø, å (either case) is one word by Unicode's word rules (ALetter ×
    // ALetter), as the iterator says: the lookups of single words need no iterator.
    if (!chars.empty() && std::all_of(chars.begin(), chars.end(), [](char32_t c) {
          const char32_t l = c | 0x20;
          return (l >= U'a' && l <= U'z') || l == U'\u00e6' || l == U'\u00f8' || l == U'\u00e5';
        })) {
      tokens.emplace_back(0, chars.size());
      return;
    }
    std::vector<std::size_t>& cp_of = token_cp_of;
    std::vector<UChar>& units = token_units;
    cp_of.clear();
    units.clear();
    for (std::size_t i = 0; i < chars.size(); ++i) {
      const auto c = static_cast<std::uint32_t>(chars[i]);
      if (c <= 0xFFFF) {
        units.push_back(static_cast<UChar>(c));
        cp_of.push_back(i);
      } else if (c > 0x10FFFF) {
        cp_of.push_back(i);  // append() adds nothing, U16_LENGTH says two
        cp_of.push_back(i);
      } else {
        units.push_back(U16_LEAD(c));
        units.push_back(U16_TRAIL(c));
        cp_of.push_back(i);
        cp_of.push_back(i);
      }
    }
    cp_of.push_back(chars.size());
    const icu::UnicodeString text(units.data(), static_cast<int32_t>(units.size()));
    word_breaks->setText(text);
    int32_t begin = word_breaks->first();
    for (int32_t end = word_breaks->next(); end != icu::BreakIterator::DONE; begin = end, end = word_breaks->next()) {
      const std::size_t from = cp_of[static_cast<std::size_t>(begin)], to = cp_of[static_cast<std::size_t>(end)];
      if (from >= to || u_isspace(static_cast<UChar32>(chars[from]))) continue;
      tokens.emplace_back(from, to);
    }
  }

  void disambiguate(std::vector<Word>& words);
  Disambiguation run_cg3(const std::vector<Word>& words);
  std::vector<std::string> suggest_uncached(const std::string& word);
};

Worker::Worker(std::shared_ptr<const ResourceFiles> files) : impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.files = std::move(files);
  d.analyser = std::make_unique<Analyser>(d.files->analyser);
  d.generator = std::make_unique<Lexicon>(d.files->generator);
  UErrorCode word_status = U_ZERO_ERROR;
  d.word_breaks.reset(icu::BreakIterator::createWordInstance(icu::Locale("nb"), word_status));
  if (U_FAILURE(word_status)) throw std::runtime_error("feedback: ICU word iterator unavailable");

  std::call_once(cg3_once, [] { cg3_init(stdin, stdout, stderr); });
  d.load_cg3();


  d.hunspell = std::make_unique<Hunspell>(d.files->paths.hunspell_aff.c_str(),
                                          d.files->paths.hunspell_dic.c_str());
  UErrorCode status = U_ZERO_ERROR;
  d.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("nb"), status));
  if (U_FAILURE(status)) throw std::runtime_error("feedback: ICU sentence iterator unavailable");
}

Worker::~Worker() {
  if (impl_->applicator) cg3_applicator_free(impl_->applicator);
  if (impl_->grammar) cg3_grammar_free(impl_->grammar);
}

namespace {

// Everything run_cg3 reads of the words, so equal keys give equal results.
std::string stretch_key(const std::vector<Word>& words) {
  std::string key;
  for (const auto& word : words) {
    key += word.text;
    key += '\x1f';
    for (const auto& r : word.readings) {
      key += r.analysis;
      key += '\x1e';
      key += r.lemma;
      for (const auto& t : r.tags) {
        key += '\x1d';
        key += t;
      }
      key += '\x1c';
    }
    key += '\n';
  }
  return key;
}

}  // namespace

Disambiguation Worker::Impl::run_cg3(const std::vector<Word>& words) {
  if (tags.size() > kMaxTags) load_cg3();
  cg3_sentence* sentence = cg3_sentence_new(applicator);
  for (const auto& word : words) {
    cg3_cohort* cohort = cg3_cohort_create(sentence);
    cg3_cohort_setwordform(cohort, tag("\"<" + word.text + ">\""));
    if (word.readings.empty()) {
      cg3_reading* reading = cg3_reading_create(cohort);
      cg3_reading_addtag(reading, tag("\"" + word.text + "\""));
      cg3_reading_addtag(reading, tag("?"));
      cg3_cohort_addreading(cohort, reading);
    }
    for (const auto& r : word.readings) {
      cg3_reading* reading = cg3_reading_create(cohort);
      cg3_reading_addtag(reading, tag("\"" + r.lemma + "\""));
      for (const auto& t : r.tags) cg3_reading_addtag(reading, tag(t));
      cg3_cohort_addreading(cohort, reading);
    }
    cg3_sentence_addcohort(sentence, cohort);
  }
  cg3_sentence_runrules(applicator, sentence);

  Disambiguation result;
  result.words.resize(words.size());
  const std::size_t cohorts = cg3_sentence_numcohorts(sentence);
  std::size_t first = cohorts > words.size() ? cohorts - words.size() : 0;  // skip ">>>"
  std::string text, lemma;
  std::vector<std::string> cg_tags;
  for (std::size_t i = 0; i < words.size() && first + i < cohorts; ++i) {
    const Word& word = words[i];
    if (word.readings.size() < 2) continue;
    cg3_cohort* cohort = cg3_sentence_getcohort(sentence, first + i);
    auto& kept = result.words[i];
    const std::size_t n = cg3_cohort_numreadings(cohort);
    for (std::size_t j = 0; j < n; ++j) {
      cg3_reading* reading = cg3_cohort_getreading(cohort, j);
      lemma.clear();
      cg_tags.clear();
      for (std::size_t k = 0; k < cg3_reading_numtags(reading); ++k) {
        const UChar* raw = cg3_tag_gettext_u(cg3_reading_gettag(reading, k));
        text.clear();
        icu::UnicodeString(raw).toUTF8String(text);
        if (text.size() >= 2 && text.front() == '"' && text[1] == '<') continue;  // word form
        if (text.size() >= 2 && text.front() == '"') { lemma = text.substr(1, text.size() - 2); continue; }
        cg_tags.push_back(text);
      }
      // Keep the original reading (with its analysis string) that this CG reading came from.
      for (std::size_t o = 0; o < word.readings.size(); ++o) {
        const auto& original = word.readings[o];
        if (original.lemma != lemma) continue;
        bool same = std::all_of(original.tags.begin(), original.tags.end(), [&](const std::string& t) {
          return std::find(cg_tags.begin(), cg_tags.end(), t) != cg_tags.end();
        });
        if (same && std::none_of(kept.begin(), kept.end(), [&](const Disambiguation::Kept& k) {
              return word.readings[k.reading].analysis == original.analysis;
            })) {
          Disambiguation::Kept k{o, {}};
          // CG mapping tags (e.g. @SUBJ) are useful to the rules.
          for (const auto& t : cg_tags)
            if (!t.empty() && t.front() == '@') k.mappings.push_back(t);
          kept.push_back(std::move(k));
          break;
        }
      }
    }
  }
  cg3_sentence_free(sentence);
  return result;
}

void Worker::Impl::disambiguate(std::vector<Word>& words) {
  if (words.empty()) return;
  std::string key = stretch_key(words);
  const Disambiguation* found = disambiguated.find(key);
  Disambiguation computed;
  if (!found) {
    computed = run_cg3(words);
    found = &computed;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& kept = found->words[i];
    if (kept.empty()) continue;
    std::vector<Reading> readings;
    readings.reserve(kept.size());
    for (const auto& k : kept) {
      readings.push_back(words[i].readings[k.reading]);
      for (const auto& t : k.mappings) readings.back().tags.push_back(t);
    }
    words[i].readings = std::move(readings);
  }
  if (found == &computed) disambiguated.put(std::move(key), std::move(computed));
}

std::vector<Sentence> Worker::analyse(std::string_view utf8) {
  auto& d = *impl_;
  std::vector<Sentence> result;
  const auto text = u16(utf8);
  // Code-point index of every UTF-16 index.
  std::vector<std::size_t> cp_of(static_cast<std::size_t>(text.length()) + 1, 0);
  {
    std::size_t cp = 0;
    for (int32_t i = 0; i < text.length(); ++i) {
      cp_of[static_cast<std::size_t>(i)] = cp;
      if (!U16_IS_LEAD(text[i]) || i + 1 >= text.length() || !U16_IS_TRAIL(text[i + 1])) ++cp;
    }
    cp_of[static_cast<std::size_t>(text.length())] = cp;
  }
  d.sentences->setText(text);
  int32_t begin = d.sentences->first();
  for (int32_t end = d.sentences->next(); end != icu::BreakIterator::DONE;
       begin = end, end = d.sentences->next()) {
    // Sanitise, then analyse the sentence in one lttoolbox pass.
    std::u32string chars;
    for (int32_t i = begin; i < end;) {
      UChar32 c = text.char32At(i);
      i += U16_LENGTH(c);
      chars.push_back(is_stream_special(c) ? U' ' : static_cast<char32_t>(c));
    }
    if (std::all_of(chars.begin(), chars.end(), [](char32_t c) { return u_isspace(c); })) continue;

    Sentence sentence;
    sentence.start = cp_of[static_cast<std::size_t>(begin)];
    sentence.end = cp_of[static_cast<std::size_t>(end)];
    for (auto& unit : d.analyse_raw(chars)) {
      if (unit.start >= unit.end) continue;
      Word word;
      word.text = std::move(unit.surface);
      word.lower = to_lower(word.text);
      word.start = sentence.start + unit.start;
      word.end = sentence.start + unit.end;
      word.capitalised = u_isupper(static_cast<UChar32>(chars[unit.start]));
      word.punct = std::none_of(chars.begin() + static_cast<std::ptrdiff_t>(unit.start),
                                chars.begin() + static_cast<std::ptrdiff_t>(unit.end),
                                [](char32_t c) { return u_isalnum(static_cast<UChar32>(c)); });
      word.unknown = unit.unknown;
      word.readings = std::move(unit.readings);
      sentence.words.push_back(std::move(word));
    }
    result.push_back(std::move(sentence));
  }
  return result;
}

void Worker::disambiguate(Sentence& sentence) { impl_->disambiguate(sentence.words); }

void Worker::disambiguate(Sentence& sentence, std::size_t first, std::size_t end) {
  end = std::min(end, sentence.words.size());
  if (first == 0 && end == sentence.words.size()) return disambiguate(sentence);
  if (first >= end) return;
  std::vector<Word> stretch(std::make_move_iterator(sentence.words.begin() + static_cast<std::ptrdiff_t>(first)),
                            std::make_move_iterator(sentence.words.begin() + static_cast<std::ptrdiff_t>(end)));
  impl_->disambiguate(stretch);
  std::move(stretch.begin(), stretch.end(), sentence.words.begin() + static_cast<std::ptrdiff_t>(first));
}

std::optional<std::string> Worker::generate(const std::string& analysis) {
  auto& d = *impl_;
  if (auto it = d.generated.find(analysis); it != d.generated.end()) return it->second;
  // Generation is analysis backwards: step the lemma's characters, then each tag symbol.
  std::string out;
  {
    const Reading parsed = parse_analysis(analysis);
    State state = d.generator->initial();
    if (!parsed.compound) {
      for (char32_t c : to_u32(parsed.lemma)) state.step(static_cast<int>(c));
      for (const auto& t : parsed.tags) d.generator->step_tag(state, t);
      if (state.size() > 0 && d.generator->final(state)) {
        auto forms = d.generator->outputs(state);
        if (!forms.empty()) out = forms.front();
      }
    }
  }
  std::optional<std::string> form;
  if (!out.empty() && out.find_first_of("#@*/<>^$") == std::string::npos) form = out;
  if (d.generated.size() > 100000) d.generated.clear();
  d.generated.emplace(analysis, form);
  return form;
}

bool Worker::spelled_right(const std::string& word) {
  auto& d = *impl_;
  if (auto it = d.spelled.find(word); it != d.spelled.end()) return it->second;
  bool right = true;
  if (to_latin1(word, d.latin1) && d.latin1.size() < 100) right = d.hunspell->spell(d.latin1);
  if (d.spelled.size() > 200000) d.spelled.clear();
  d.spelled.emplace(word, right);
  return right;
}

// Hunspell's own suggest() takes 70-250 ms per word with the nb_NO compounding rules, far too
// slow for instant feedback; instead every spelling one edit away (and the learner-typical double
// edits below) is checked with spell(), which takes microseconds, and ranked by how typical the
// edit is for learners.
std::vector<std::string> Worker::suggest(const std::string& word) {
  auto& d = *impl_;
  if (const auto* known = d.suggested.find(word)) return *known;
  auto result = d.suggest_uncached(word);
  d.suggested.put(word, result);
  return result;
}

std::vector<std::string> Worker::Impl::suggest_uncached(const std::string& word) {
  auto& d = *this;
  std::vector<std::string> result;
  std::u32string w = to_u32(to_lower(word));
  if (w.size() < 2 || w.size() > 30) return result;
  static const std::u32string alphabet = U"abcdefghijklmnopqrstuvwxyzæøå";
  static const std::u32string vowels = U"aeiouyæøå";
  auto is_vowel = [](char32_t c) { return vowels.find(c) != std::u32string::npos; };
  // Learner-typical spellings of sounds: skj/sj/kj, hv/v, gj/j, å/o.
  static const std::vector<std::pair<std::u32string, std::u32string>> sounds = {
      {U"sj", U"skj"}, {U"skj", U"sj"}, {U"kj", U"skj"}, {U"sj", U"kj"}, {U"v", U"hv"}, {U"j", U"gj"},
      {U"j", U"hj"}, {U"o", U"å"}, {U"å", U"o"}, {U"e", U"æ"}, {U"ks", U"x"}, {U"x", U"ks"}};
  // The candidates of one cost, in the order the edits are listed: deletions (undoubling is the
  // most typical), transpositions, substitutions (vowel for vowel is typical), insertions
  // (doubling is the most typical), sounds. Built one cost at a time, cheapest first.
  auto candidates_of_cost = [&](int cost) {
    std::vector<std::u32string> out;
    for (std::size_t i = 0; i < w.size(); ++i)
      if ((i > 0 && w[i - 1] == w[i] ? 1 : 3) == cost) out.push_back(w.substr(0, i) + w.substr(i + 1));
    for (std::size_t i = 0; cost == 2 && i + 1 < w.size(); ++i) {
      if (w[i] == w[i + 1]) continue;
      std::u32string c = w;
      std::swap(c[i], c[i + 1]);
      out.push_back(std::move(c));
    }
    for (std::size_t i = 0; cost != 1 && i < w.size(); ++i) {
      for (char32_t a : alphabet) {
        if (a == w[i] || (is_vowel(a) && is_vowel(w[i]) ? 2 : 3) != cost) continue;
        std::u32string c = w;
        c[i] = a;
        out.push_back(std::move(c));
      }
    }
    for (std::size_t i = 0; cost != 2 && i <= w.size(); ++i) {
      for (char32_t a : alphabet)
        if (((i > 0 && w[i - 1] == a) || (i < w.size() && w[i] == a) ? 1 : 3) == cost)
          out.push_back(w.substr(0, i) + a + w.substr(i));
    }
    for (const auto& [from, to] : sounds) {
      if (cost != 1) break;
      for (auto at = w.find(from); at != std::u32string::npos; at = w.find(from, at + 1))
        out.push_back(w.substr(0, at) + to + w.substr(at + from.size()));
    }
    return out;
  };
  std::unordered_set<std::u32string> seen;  // ~1,000 candidates a word: a linear search was quadratic
  const bool capital = is_upper_initial(word);
  for (int cost = 1; cost <= 3 && result.size() < 3; ++cost) {
    // Each candidate costs a hunspell lookup (with nb_NO's compounding, the bulk of the time):
    // once a cost tier has given a suggestion, the more costly tiers are not tried.
    if (!result.empty()) break;
    for (auto& c : candidates_of_cost(cost)) {
      if (c.empty() || !seen.insert(c).second) continue;
      // The dictionary is Latin-1: a candidate with another character cannot be in it.
      d.latin1.clear();
      if (std::any_of(c.begin(), c.end(), [](char32_t ch) { return ch > 0xFF; })) continue;
      for (char32_t ch : c) d.latin1.push_back(static_cast<char>(ch));
      if (!d.hunspell->spell(d.latin1)) continue;
      icu::UnicodeString u;
      for (char32_t ch : c) u.append(static_cast<UChar32>(ch));
      std::string utf8;
      u.toUTF8String(utf8);
      result.push_back(capital ? capitalise(utf8) : utf8);
      if (result.size() == 3) break;
    }
  }
  return result;
}

std::vector<Reading> Worker::lookup(const std::string& word) {
  // The compound and name checks look up many substrings of the same words; each lookup runs the
  // ICU word iterator and the transducer, so results are cached (bounded).
  auto& cache = impl_->looked_up;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  auto readings = lookup_uncached(word);
  if (cache.size() > 100000) cache.clear();
  cache.emplace(word, readings);
  return readings;
}

std::vector<Reading> Worker::lookup_uncached(const std::string& word) {
  std::vector<Reading> readings;
  const std::u32string chars = to_u32(word);
  for (char32_t c : chars) {
    if (is_stream_special(static_cast<UChar32>(c)) || u_isspace(static_cast<UChar32>(c))) return readings;
  }
  auto units = impl_->analyse_raw(chars);
  if (units.size() != 1 || units[0].surface != word) return readings;
  if (units[0].unknown) return readings;
  readings = std::move(units[0].readings);
  return readings;
}

bool Worker::analyser_knows(const std::string& word) { return !lookup(word).empty(); }

namespace {

// Sorts `order` (indices into `words`) lexicographically, the first `depth` characters being
// equal: a three-way radix quicksort, which compares each shared prefix once, where std::sort
// compared it again in every comparison (the respellings of a word share most of their letters).
void sort_by_text(const std::vector<std::u32string_view>& words, std::size_t* order, std::size_t n, std::size_t depth) {
  // The character at `depth`, or 0 past the end (so a word sorts before its extensions).
  const auto at = [&](std::size_t i) -> std::uint32_t { return depth < words[i].size() ? words[i][depth] + 1 : 0; };
  while (n > 1) {
    if (n < 8) {
      std::sort(order, order + n, [&](std::size_t a, std::size_t b) { return words[a].substr(depth) < words[b].substr(depth); });
      return;
    }
    const std::uint32_t pivot = at(order[n / 2]);
    // order[0, lt) < pivot, [lt, i) == pivot, [gt, n) > pivot.
    std::size_t lt = 0, i = 0, gt = n;
    while (i < gt) {
      const std::uint32_t c = at(order[i]);
      if (c < pivot) std::swap(order[lt++], order[i++]);
      else if (c > pivot) std::swap(order[i], order[--gt]);
      else ++i;
    }
    sort_by_text(words, order, lt, depth);
    sort_by_text(words, order + gt, n - gt, depth);
    if (pivot == 0) return;  // the equal part ended at depth: all the same word
    order += lt;
    n = gt - lt;
    ++depth;
  }
}

}  // namespace

std::vector<std::vector<Reading>> Worker::lookup_many(const std::vector<std::u32string_view>& chars) {
  auto& d = *impl_;
  std::vector<std::vector<Reading>> result(chars.size());
  std::vector<std::size_t> order(chars.size());
  for (std::size_t i = 0; i < chars.size(); ++i) order[i] = i;
  // The order only decides how many steps the walk below shares (its results do not depend on
  // it): alphabetical, so that neighbours share the longest prefixes.
  sort_by_text(chars, order.data(), order.size(), 0);
  // states[k] (k < depth) is the state after the first k characters of the previous word (the
  // walk stops where the transducer has no path); the cursors past depth keep their storage.
  std::vector<Analyser::Cursor>& states = d.lookup_states;
  if (states.empty()) states.emplace_back();
  states[0] = d.analyser->initial();
  std::size_t depth = 1;
  const std::u32string_view* previous = nullptr;
  for (const std::size_t i : order) {
    const std::u32string_view& w = chars[i];
    std::size_t common = 0;
    if (previous)
      while (common < previous->size() && common < w.size() && (*previous)[common] == w[common]) ++common;
    depth = std::min(depth, common + 1);
    previous = &w;
    while (depth <= w.size() && states[depth - 1].size() > 0) {
      if (states.size() == depth) states.emplace_back();
      d.analyser->step_into(states[depth - 1], static_cast<UChar32>(w[depth - 1]), states[depth]);
      ++depth;
    }
    if (w.empty() || depth != w.size() + 1 || !d.analyser->final(states[depth - 1])) continue;
    for (const auto& a : d.analyser->outputs(states[depth - 1])) {
      if (a.find("<compound-only-L>") != std::string::npos || a.find("<compound-R>") != std::string::npos ||
          a.find("<cmp>") != std::string::npos)
        continue;
      result[i].push_back(parse_analysis(a));
    }
  }
  return result;
}

std::string compare_analyser_with_lttoolbox(const ResourceFiles& files, const std::vector<std::string>& texts) {
  Lexicon reference(files.analyser);
  Analyser analyser(files.analyser);
  for (const auto& text : texts) {
    State state = reference.initial();
    Analyser::Cursor cursor = analyser.initial();
    const auto chars = to_u32(text);
    for (std::size_t i = 0; i < chars.size() && state.size() > 0; ++i) {
      Lexicon::step(state, static_cast<UChar32>(chars[i]));
      analyser.step(cursor, static_cast<UChar32>(chars[i]));
      const std::string where = "\"" + text + "\" at character " + std::to_string(i) + ": ";
      if (state.size() != cursor.size())
        return where + std::to_string(state.size()) + " paths in lttoolbox, " + std::to_string(cursor.size());
      if (reference.final(state) != analyser.final(cursor)) return where + "finality differs";
      if (reference.final(state) && reference.outputs(state) != analyser.outputs(cursor)) return where + "analyses differ";
    }
  }
  return "";
}

}  // namespace voki::feedback
