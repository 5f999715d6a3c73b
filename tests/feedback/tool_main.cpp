// voki_feedback_tool: the engine's two sub-commands without the server.
//   voki_feedback_tool feedback [--json] [--language L]   < text
//   voki_feedback_tool eval-nocola FILE [--json] [--details FILE]
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "feedback/analysis.h"
#include "feedback/cli.h"
#include "feedback/feedback.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto usage = [] {
    std::cerr << "usage: voki_feedback_tool feedback [--json] [--language L] < text\n"
                 "       voki_feedback_tool eval-nocola FILE [--json] [--details OUT]\n";
    return 2;
  };
  if (args.empty()) return usage();
  bool json = false;
  std::string language = "nb", details, file;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--language" && i + 1 < args.size()) language = args[++i];
    else if (args[i] == "--details" && i + 1 < args.size()) details = args[++i];
    else if (file.empty() && args[i].rfind("--", 0) != 0) file = args[i];
    else return usage();
  }
  if (args[0] == "analyse" || args[0] == "raw") {  // the (disambiguated / raw) analysis of each input line
    using namespace voki::feedback;
    Worker worker(ResourceFiles::load(ResourcePaths{}));
    std::string line;
    while (std::getline(std::cin, line)) {
      for (auto& sentence : worker.analyse(line)) {
        if (args[0] == "analyse") worker.disambiguate(sentence);
        for (const auto& w : sentence.words) {
          std::cout << w.start << '-' << w.end << ' ' << w.text << (w.unknown ? " *" : "");
          for (const auto& r : w.readings) std::cout << " | " << r.analysis;
          std::cout << '\n';
        }
        std::cout << "--\n";
      }
    }
    return 0;
  }
  if (args[0] == "lines") {  // one check per input line; prints the line and its findings
    auto engine = voki::feedback::load_engine();
    std::string line;
    while (std::getline(std::cin, line)) {
      const auto findings = engine->check(line, {});
      std::cout << line << "\n  " << voki::feedback::findings_to_json(findings) << "\n";
    }
    return 0;
  }
  if (args[0] == "feedback") return run_feedback_cli(std::cin, std::cout, json, language);
  if (args[0] == "eval-nocola" && !file.empty()) {
    if (details.empty()) return run_eval_nocola(file, json, std::cout);
    try {
      auto engine = voki::feedback::load_engine();
      std::ofstream out(details);
      const auto result = voki::feedback::evaluate_nocola(*engine, file, &out);
      std::cout << voki::feedback::eval_to_json(result) << '\n';
      return 0;
    } catch (const std::exception& e) {
      std::cerr << e.what() << '\n';
      return 1;
    }
  }
  return usage();
}
