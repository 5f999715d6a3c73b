// Command-line entry points of the feedback engine, wired into `voki feedback` and
// `voki eval-nocola` by app/, and into the standalone voki_feedback_tool.
#pragma once
#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>

namespace voki::feedback {
class Engine;
}

// Reads text from `in` (at most kMaxTextChars characters), prints the findings as text or as the
// JSON array of findings_to_json. Returns 0 on success, 2 on bad input (too long), 1 when the
// resources cannot be loaded.
int run_feedback_cli(std::istream& in, std::ostream& out, bool json, const std::string& language);

// Runs the engine over a NoCoLA-format TSV (header: sentence, grammatical, code) and prints recall
// per ASK code, the false-flag rate and the speed. Returns 0, or 1 on an unreadable file.
int run_eval_nocola(const std::string& tsv_path, bool json, std::ostream& out);

namespace voki::feedback {

struct EvalResult {
  std::size_t sentences = 0, ungrammatical = 0, detected = 0, grammatical = 0, false_flags = 0;
  struct Code { std::size_t total = 0, detected = 0; };
  std::map<std::string, Code> by_code;
  double seconds = 0.0;      // wall-clock time of the checks (resources already loaded)
  double cpu_seconds = 0.0;  // CPU time of this process over the same stretch (a fairer figure on a busy machine)
  double recall() const { return ungrammatical ? double(detected) / double(ungrammatical) : 0.0; }
  double false_flag_rate() const { return grammatical ? double(false_flags) / double(grammatical) : 0.0; }
  double sentences_per_second() const { return seconds > 0 ? double(sentences) / seconds : 0.0; }
  double sentences_per_cpu_second() const { return cpu_seconds > 0 ? double(sentences) / cpu_seconds : 0.0; }
};

// The evaluation itself, for tests and the benchmark. `details`, when given, receives one line per
// false flag and per detection ("FALSE\t<rule>\t<sentence>" / "HIT\t<code>\t<rule>\t<sentence>").
// Throws std::runtime_error when the file cannot be read or has no NoCoLA header.
EvalResult evaluate_nocola(const Engine& engine, const std::string& tsv_path, std::ostream* details = nullptr);

std::string eval_to_json(const EvalResult& result);

}  // namespace voki::feedback
