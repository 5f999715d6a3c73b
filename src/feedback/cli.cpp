#include "feedback/cli.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

#include "feedback/feedback.h"

namespace voki::feedback {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const auto tab = line.find('\t', begin);
    fields.push_back(line.substr(begin, tab == std::string::npos ? std::string::npos : tab - begin));
    if (tab == std::string::npos) break;
    begin = tab + 1;
  }
  return fields;
}

// "rule:word,rule:word" for the details file: every finding, so a rule's false flags are visible
// even when another rule fired first.
double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

std::string rule_list(const std::vector<Finding>& findings, std::string_view sentence) {
  std::string out;
  for (const auto& f : findings) {
    if (!out.empty()) out += ',';
    out += f.rule;
    out += ':';
    // Spans are code points; the details file is for people, so map them back to bytes.
    std::size_t cp = 0, begin = std::string_view::npos, end = sentence.size();
    for (std::size_t i = 0; i < sentence.size(); ++i) {
      if ((static_cast<unsigned char>(sentence[i]) & 0xC0) == 0x80) continue;
      if (cp == f.start) begin = i;
      if (cp == f.end) { end = i; break; }
      ++cp;
    }
    if (begin != std::string_view::npos) out += sentence.substr(begin, end - begin);
    if (!f.suggestions.empty()) out += ">" + f.suggestions.front();
  }
  return out;
}

}  // namespace

EvalResult evaluate_nocola(const Engine& engine, const std::string& tsv_path, std::ostream* details) {
  std::ifstream in(tsv_path);
  if (!in) throw std::runtime_error("cannot read " + tsv_path);
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(tsv_path + " is empty");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto header = split_tabs(line);
  if (header.size() < 3 || header[0] != "sentence" || header[1] != "grammatical" || header[2] != "code")
    throw std::runtime_error(tsv_path + " has no NoCoLA header (sentence, grammatical, code)");

  EvalResult result;
  const Options options;
  const auto started = std::chrono::steady_clock::now();
  const double cpu_started = process_cpu_seconds();
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto fields = split_tabs(line);
    if (fields.size() < 2 || fields[0].empty()) continue;
    const std::string& sentence = fields[0];
    const bool grammatical = fields[1] == "1";
    const std::string code = fields.size() > 2 && !fields[2].empty() ? fields[2] : "?";
    std::vector<Finding> findings;
    try {
      findings = engine.check(sentence, options);
    } catch (const std::length_error&) {
      continue;
    }
    ++result.sentences;
    if (grammatical) {
      ++result.grammatical;
      if (!findings.empty()) {
        ++result.false_flags;
        if (details) *details << "FALSE\t" << rule_list(findings, sentence) << '\t' << sentence << '\n';
      }
    } else {
      ++result.ungrammatical;
      auto& per_code = result.by_code[code];
      ++per_code.total;
      if (!findings.empty()) {
        ++result.detected;
        ++per_code.detected;
        if (details) *details << "HIT\t" << code << '\t' << rule_list(findings, sentence) << '\t' << sentence << '\n';
      } else if (details) {
        *details << "MISS\t" << code << '\t' << sentence << '\n';
      }
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.cpu_seconds = process_cpu_seconds() - cpu_started;
  return result;
}

std::string eval_to_json(const EvalResult& r) {
  nlohmann::json by_code = nlohmann::json::object();
  for (const auto& [code, c] : r.by_code)
    by_code[code] = {{"total", c.total},
                     {"detected", c.detected},
                     {"recall", c.total ? double(c.detected) / double(c.total) : 0.0}};
  nlohmann::json out = {{"sentences", r.sentences},
                        {"ungrammatical", r.ungrammatical},
                        {"detected", r.detected},
                        {"recall", r.recall()},
                        {"false_flag_rate", r.false_flag_rate()},
                        {"by_code", by_code},
                        {"sentences_per_second", r.sentences_per_second()},
                        {"seconds", r.seconds},
                        {"cpu_seconds", r.cpu_seconds},
                        {"sentences_per_cpu_second", r.sentences_per_cpu_second()}};
  return out.dump();
}

}  // namespace voki::feedback

using namespace voki::feedback;

int run_feedback_cli(std::istream& in, std::ostream& out, bool json, const std::string& language) {
  // Read at most one character-limit's worth of bytes (4 bytes per character) plus one, so a huge
  // input is refused without being held in memory.
  std::string text;
  const std::size_t byte_limit = kMaxTextChars * 4 + 1;
  char buffer[4096];
  while (in && text.size() <= byte_limit) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  std::unique_ptr<Engine> engine;
  try {
    engine = load_engine();
  } catch (const std::exception& e) {
    std::cerr << "voki feedback: " << e.what() << '\n';
    return 1;
  }
  std::vector<Finding> findings;
  try {
    if (text.size() > byte_limit) throw std::length_error("text is too long");
    Options options;
    options.language = language.empty() ? "nb" : language;
    findings = engine->check(text, options);
  } catch (const std::length_error&) {
    std::cerr << "voki feedback: the text is longer than " << kMaxTextChars << " characters\n";
    return 2;
  }
  if (json) {
    out << findings_to_json(findings) << '\n';
    return 0;
  }
  if (findings.empty()) out << "Ingen funn.\n";
  for (const auto& f : findings) {
    // Print the span's text: offsets are code points, so walk the UTF-8.
    std::string span;
    std::size_t cp = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if ((c & 0xC0) != 0x80 && i > 0) ++cp;
      if (cp >= f.start && cp < f.end) span += text[i];
    }
    out << f.start << '-' << f.end << " [" << f.code << ", " << f.rule << "] \"" << span << '"';
    if (!f.suggestions.empty()) out << " → Si heller: " << f.suggestions.front();
    out << '\n' << "    " << f.explanation_nb << '\n';
    if (!f.explanation.empty() && f.language != "nb") out << "    (" << f.language << ") " << f.explanation << '\n';
  }
  return 0;
}

int run_eval_nocola(const std::string& tsv_path, bool json, std::ostream& out) {
  try {
    auto engine = load_engine();
    const auto result = evaluate_nocola(*engine, tsv_path);
    if (json) {
      out << eval_to_json(result) << '\n';
      return 0;
    }
    out << std::fixed << std::setprecision(1);
    out << "sentences " << result.sentences << ", ungrammatical " << result.ungrammatical << ", detected "
        << result.detected << " (recall " << 100 * result.recall() << "%)\n";
    out << "false flags " << result.false_flags << " of " << result.grammatical << " grammatical ("
        << 100 * result.false_flag_rate() << "%)\n";
    out << "code     total  detected  recall\n";
    for (const auto& [code, c] : result.by_code)
      out << std::left << std::setw(8) << code << std::right << std::setw(6) << c.total << std::setw(10)
          << c.detected << std::setw(7) << (c.total ? 100.0 * double(c.detected) / double(c.total) : 0.0) << "%\n";
    out << "speed " << std::setprecision(0) << result.sentences_per_second() << " sentences/s ("
        << result.sentences_per_cpu_second() << " per CPU second)\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "voki eval-nocola: " << e.what() << '\n';
    return 1;
  }
}
