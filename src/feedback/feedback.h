// Offline feedback for learner Norwegian Bokmål: spelling, forms, agreement, word order,
// capitals, compounds and punctuation, from hunspell, Apertium (lttoolbox), CG-3 and rules.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace voki::feedback {

struct Finding {
  std::size_t start = 0;  // span in Unicode code points (characters) of the input text
  std::size_t end = 0;    // exclusive
  std::string code;       // ASK code: ORT, F, INFL, O, W, M, R, CAP, PART, SPL, PUNC, PUNCM, PUNCR, DER
  std::string rule;       // rule id, e.g. "v2-word-order"
  std::vector<std::string> suggestions;  // replacement text for the span, best first
  std::string explanation_nb;  // short explanation in simple Norwegian
  std::string explanation;     // the same in the requested support language ("" if none)
  std::string language;        // language of `explanation`
  double confidence = 0.0;     // 0..1
};

struct Options {
  std::string language = "nb";  // support language for explanations
};

constexpr std::size_t kMaxTextChars = 20000;  // longer input is refused (HTTP 413)

class Engine {
 public:
  virtual ~Engine() = default;
  // Thread-safe: may be called from several threads at once. Text longer than kMaxTextChars
  // code points throws std::length_error.
  virtual std::vector<Finding> check(std::string_view text, const Options& options) const = 0;
};

// Loads the Debian resources once (hunspell nb_NO, apertium-nno-nob analyser/generator, CG-3
// grammar). Throws std::runtime_error with a clear message when a resource is missing.
std::unique_ptr<Engine> load_engine();

// JSON array text of the findings, the shape used by the API and stored with messages:
// [{"start":..,"end":..,"code":..,"rule":..,"suggestions":[..],"explanation_nb":..,
//   "explanation":..,"language":..,"confidence":..}]
std::string findings_to_json(const std::vector<Finding>& findings);

}  // namespace voki::feedback
