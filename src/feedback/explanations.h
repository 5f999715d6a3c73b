// Internal to voki_feedback: explanation templates per rule and support language.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace voki::feedback {

// Support languages with templates: nb nn en ar uk so ti prs pl tr.
const std::vector<std::string>& explanation_languages();
// Explanation of `rule` in `language`; "" when the language (or rule) has none.
std::string explanation(std::string_view rule, std::string_view language);

}  // namespace voki::feedback
