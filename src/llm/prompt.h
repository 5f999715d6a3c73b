// Assembles the prompt for a language model in one place.
#pragma once
#include <string>
#include <vector>

#include "llm/chat_backend.h"

namespace voki::llm {

struct PromptInput {
  std::string organisation_policy;  // the organisation's rules for all its bots
  std::string bot_name;
  std::string bot_instruction;      // the bot's task
  std::string level;                // learner's CEFR level: A1..B2
  std::string support_language;     // ISO code, e.g. "ar"; may be empty
  std::vector<ChatMessage> history; // oldest first, the newest learner turn last
  int token_budget = 3000;          // for the whole prompt; oldest history is dropped first
};

// System message (policy, instruction, level, support language, scope guard), then as much of the
// recent history as fits the budget. The newest learner turn is always kept; quick choices become
// explicit requests in the user turn.
std::vector<ChatMessage> build_prompt(const PromptInput& input);

// Rough token count for budgeting (about one token per 3.5 UTF-8 bytes, at least one per word).
int estimate_tokens(const std::string& text);

}  // namespace voki::llm
