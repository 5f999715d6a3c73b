// Bot definitions: loaded from YAML files under bots/<organisation>/<id>.yaml.
#pragma once
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voki::bots {

// One turn of a guided dialogue: the bot says `prompt`, the learner answers.
struct DialogueStep {
  std::string prompt;                              // what the bot says (Norwegian)
  std::vector<std::string> accepted;               // accepted learner answers (matched tolerantly)
  std::vector<std::string> hints;                  // given one by one when the learner is stuck
  std::string model_answer;                        // shown after the hints are used up
  std::map<std::string, std::string> explanation;  // language code -> the prompt explained
  std::string on_accept;                           // optional praise/reaction before next step
};

struct DialogueScript {
  std::string opening;  // first line of the bot before step 1 (may be empty)
  std::vector<DialogueStep> steps;
  std::string closing;  // said after the last step
};

enum class Mode { llm, dialogue };

struct Bot {
  std::string id;            // unique within the organisation: [a-z0-9-]{1,64}
  std::string organisation;  // folder name, e.g. "oslo-vo"
  std::map<std::string, std::string> names;     // UI language -> display name ("nb" required)
  std::map<std::string, std::string> purposes;  // UI language -> one-line purpose ("nb" required)
  std::string avatar;                           // an emoji or a short image name
  std::string level_min = "A1";                 // CEFR: A1, A2, B1, B2
  std::string level_max = "B2";
  std::string instruction;                      // the bot's task, for the language model
  std::vector<std::string> starters;            // starter prompts (Norwegian)
  std::vector<std::string> support_languages;   // languages it explains in
  Mode mode = Mode::llm;
  std::string model;                            // optional model override for this bot
  std::string audience = "participant";         // "participant" or "teacher"
  std::optional<DialogueScript> script;         // required when mode == dialogue;
                                                // optional for llm (used offline)
  // Localised name/purpose with fallback to "nb".
  const std::string& name(const std::string& lang) const;
  const std::string& purpose(const std::string& lang) const;
};

struct LoadError {
  std::string file;  // path as given
  int line = 0;      // 1-based; 0 when unknown
  std::string message;
};

struct LoadResult {
  std::vector<Bot> bots;
  std::vector<LoadError> errors;
};

// "file:line: message", or "file: message" when the line is unknown.
std::string to_string(const LoadError& error);

// Language codes used across Voki, for names, purposes, support languages and explanations
// (prs = Dari, ISO 639-3).
inline constexpr std::array<std::string_view, 10> kLanguages = {"nb", "nn", "en", "ar", "uk",
                                                                "so", "ti", "prs", "pl", "tr"};
bool is_known_language(std::string_view code);

// CEFR levels a bot may target, lowest first.
inline constexpr std::array<std::string_view, 4> kLevels = {"A1", "A2", "B1", "B2"};

// Size limits for a bot file; texts are measured in Unicode code points.
struct Limits {
  static constexpr std::size_t file_bytes = 256 * 1024;
  static constexpr std::size_t id_chars = 64;
  static constexpr std::size_t name_chars = 80;
  static constexpr std::size_t purpose_chars = 300;
  static constexpr std::size_t avatar_chars = 64;
  static constexpr std::size_t model_chars = 200;
  static constexpr std::size_t instruction_chars = 8000;
  static constexpr std::size_t starters = 10;
  static constexpr std::size_t starter_chars = 300;
  static constexpr std::size_t steps = 100;
  static constexpr std::size_t line_chars = 1000;  // opening, closing, prompt
  static constexpr std::size_t accepted = 50;
  static constexpr std::size_t answer_chars = 300;  // each accepted answer, model answer
  static constexpr std::size_t hints = 10;
  static constexpr std::size_t hint_chars = 500;
  static constexpr std::size_t explanation_chars = 2000;
  static constexpr std::size_t reaction_chars = 500;  // on_accept
};

// Parses one YAML document. `organisation` is taken from the caller (the folder name).
// On error returns nullopt and appends to `errors` (file + line + message).
std::optional<Bot> parse_bot(const std::string& yaml_text, const std::string& file,
                             const std::string& organisation, std::vector<LoadError>& errors);

// Loads every *.yaml / *.yml under root/<organisation>/. Invalid files are reported in
// `errors` and skipped; the others load. Files larger than 256 KiB are rejected.
LoadResult load_bots(const std::string& root);

// All bots, looked up by organisation and id.
class Catalogue {
 public:
  Catalogue() = default;
  explicit Catalogue(std::vector<Bot> bots);
  const Bot* find(const std::string& organisation, const std::string& id) const;
  std::vector<const Bot*> for_organisation(const std::string& organisation) const;
  std::size_t size() const { return bots_.size(); }

 private:
  std::vector<Bot> bots_;
};

}  // namespace voki::bots
