// Internal to voki_feedback: the linguistic pipeline (ICU tokens, lttoolbox analysis, CG-3
// disambiguation, lttoolbox generation, hunspell) and the per-sentence data the rules read.
#pragma once
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace voki::feedback {

struct Reading {
  std::string lemma;              // dictionary form, e.g. "gå"
  std::vector<std::string> tags;  // Apertium tags without brackets, e.g. {"vblex","pres"}
  std::string analysis;           // lttoolbox analysis as written, e.g. "gå<vblex><pres>"
  bool compound = false;          // analysed as a compound of several parts
  bool has(std::string_view tag) const;
};

// One lexical unit of the analyser (a word, a multiword such as "i dag", or punctuation).
struct Word {
  std::string text;   // surface form, UTF-8
  std::string lower;  // lower-cased surface form
  std::size_t start = 0, end = 0;  // code-point span in the whole input text
  std::vector<Reading> readings;   // after CG-3 disambiguation
  bool unknown = false;            // the analyser did not know it
  bool punct = false;              // punctuation (not a letter or digit)
  bool capitalised = false;        // first letter upper-case
  bool any(std::string_view tag) const;   // some reading has the tag
  bool all(std::string_view tag) const;   // every reading has the tag (false when none)
  bool lemma_is(std::string_view lemma) const;  // some reading has this lemma
};

struct Sentence {
  std::vector<Word> words;
  std::size_t start = 0, end = 0;  // code-point span in the input
  bool starts_text = true;         // the first word begins a sentence
};

// Paths of the Debian resources; defaults are the Debian locations.
struct ResourcePaths {
  std::string analyser = "/usr/share/apertium/apertium-nno-nob/nob-nno.automorf.bin";
  std::string generator = "/usr/share/apertium/apertium-nno-nob/nno-nob.autogen.bin";
  std::string grammar = "/usr/share/apertium/apertium-nno-nob/nob-nno.rlx.bin";
  std::string hunspell_aff = "/usr/share/hunspell/nb_NO.aff";
  std::string hunspell_dic = "/usr/share/hunspell/nb_NO.dic";
};

// Bytes of the resources, read from disk once per process and shared by every worker.
struct ResourceFiles {
  ResourcePaths paths;
  std::string analyser, generator;
  static std::shared_ptr<const ResourceFiles> load(const ResourcePaths& paths);
};

// One set of processors. Not thread-safe: the engine keeps a pool and lends each worker to one
// thread at a time (lttoolbox, CG-3 applicators and hunspell keep per-call state).
class Worker {
 public:
  explicit Worker(std::shared_ptr<const ResourceFiles> files);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Splits text (UTF-8) into analysed sentences; offsets are code points of `text`.
  // CG-3 is not run here (it costs ~10 ms a sentence with this grammar); see disambiguate().
  std::vector<Sentence> analyse(std::string_view text);
  // Runs the CG-3 grammar over the sentence's readings, removing those it rules out.
  void disambiguate(Sentence& sentence);
  // The same over words [first, end) only (end is clamped to the sentence).
  void disambiguate(Sentence& sentence, std::size_t first, std::size_t end);
  // Bokmål surface form for an analysis like "stor<adj><sint><pst><nt><sg><ind>"; nullopt when the
  // generator has no such form.
  std::optional<std::string> generate(const std::string& analysis);
  // Hunspell nb_NO check of one word (UTF-8); words outside Latin-1 count as correct.
  bool spelled_right(const std::string& word);
  // Hunspell's suggestions for a misspelt word (UTF-8), best first.
  std::vector<std::string> suggest(const std::string& word);
  // Is the word known to the analyser (one lookup, no disambiguation)?
  bool analyser_knows(const std::string& word);
  // Readings of a single word from the analyser (no disambiguation).
  std::vector<Reading> lookup(const std::string& word);
  // The same for many lower-case words (code points) at once, such as spelling candidates: one walk
  // of the transducer shared by words with a common prefix, without tokenising or caching.
  std::vector<std::vector<Reading>> lookup_many(const std::vector<std::u32string_view>& words);

 private:
  std::vector<Reading> lookup_uncached(const std::string& word);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Helpers shared by the rules.
std::string to_lower(std::string_view utf8);
std::string capitalise(std::string_view utf8);  // first letter upper-case
bool is_upper_initial(std::string_view utf8);
std::size_t count_code_points(std::string_view utf8);
std::u32string to_u32(std::string_view utf8);  // invalid UTF-8 becomes U+FFFD
std::string to_utf8(std::u32string_view text);
// Reads the tags of an Apertium analysis "lemma<a><b>" into a Reading (compounds: last part).
Reading parse_analysis(std::string_view analysis);

// For tests: walks each text character by character with lttoolbox's own State and with the
// analyser's flat walk; the first difference in live paths, finality or analyses, "" when none.
std::string compare_analyser_with_lttoolbox(const ResourceFiles& files, const std::vector<std::string>& texts);

}  // namespace voki::feedback
