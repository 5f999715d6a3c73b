#include "feedback/explanations.h"

#include <array>
#include <map>

namespace voki::feedback {
namespace {

// Order of the columns below.
const std::vector<std::string> kLanguages = {"nb", "nn", "en", "ar", "uk", "so", "ti", "prs", "pl", "tr"};
using Row = std::array<const char*, 10>;

const std::map<std::string_view, Row>& table() {
  static const std::map<std::string_view, Row> rows = {
#include "feedback/explanations.inc"
  };
  return rows;
}

}  // namespace

const std::vector<std::string>& explanation_languages() { return kLanguages; }

std::string explanation(std::string_view rule, std::string_view language) {
  const auto row = table().find(rule);
  if (row == table().end()) return {};
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (kLanguages[i] == language) return row->second[i];
  return {};
}

}  // namespace voki::feedback
