// Shared by the rule tests: the real engine (loaded once) and checks on its findings.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "feedback/feedback.h"

namespace voki::feedback::testing {

inline const Engine& engine() {
  static const auto instance = load_engine();
  return *instance;
}

inline std::vector<Finding> check(const std::string& text, const std::string& language = "nb") {
  Options options;
  options.language = language;
  return engine().check(text, options);
}

inline const Finding* find_rule(const std::vector<Finding>& findings, const std::string& rule) {
  auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.rule == rule; });
  return it == findings.end() ? nullptr : &*it;
}

// The rule fires on `text` and its first suggestion is `suggestion`.
inline void expect_finding(const std::string& text, const std::string& rule, const std::string& suggestion) {
  const auto findings = check(text);
  const Finding* f = find_rule(findings, rule);
  ASSERT_NE(f, nullptr) << rule << " missing for: " << text << " (got " << findings_to_json(findings) << ")";
  ASSERT_FALSE(f->suggestions.empty()) << text;
  EXPECT_EQ(f->suggestions.front(), suggestion) << text;
  EXPECT_FALSE(f->explanation_nb.empty()) << text;
}

// No rule fires on `text`.
inline void expect_clean(const std::string& text) {
  const auto findings = check(text);
  EXPECT_TRUE(findings.empty()) << text << " got " << findings_to_json(findings);
}

// The given rule does not fire on `text` (others may).
inline void expect_no_rule(const std::string& text, const std::string& rule) {
  const auto findings = check(text);
  EXPECT_EQ(find_rule(findings, rule), nullptr) << rule << " fired on: " << text;
}

}  // namespace voki::feedback::testing
