#include "bots/bots.h"

#include <unicode/utf8.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

namespace voki::bots {

namespace fs = std::filesystem;

namespace {

const std::string kEmpty;

bool is_valid_id(const std::string& id) {
  if (id.empty() || id.size() > Limits::id_chars) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Code points in a UTF-8 string, or nullopt when the bytes are not valid UTF-8.
std::optional<std::size_t> utf8_length(const std::string& text) {
  std::size_t count = 0;
  int32_t offset = 0;
  const auto length = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (offset < length) {
    UChar32 code_point = 0;
    U8_NEXT(bytes, offset, length, code_point);
    if (code_point < 0) return std::nullopt;
    ++count;
  }
  return count;
}

int level_rank(const std::string& level) {
  const auto found = std::find(kLevels.begin(), kLevels.end(), level);
  return found == kLevels.end() ? -1 : static_cast<int>(found - kLevels.begin());
}

// 1-based line of a node, 0 when yaml-cpp has no position for it (e.g. a missing node).
int line_of(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

// The node's line, or `fallback` when the node is missing (absent keys have no position).
int line_or(const YAML::Node& node, int fallback) {
  const int line = line_of(node);
  return line > 0 ? line : fallback;
}

// The known keys of one YAML mapping, with the line of each key (a null value such as `id:`
// has no useful position of its own, so errors about it point at its key).
struct Fields {
  struct Entry {
    YAML::Node value;
    int key_line = 0;
  };
  std::map<std::string, Entry> entries;
  int parent_line = 0;

  bool has(const std::string& key) const { return entries.count(key) > 0; }
  // The value, or an undefined-like null node when the key is absent.
  YAML::Node node(const std::string& key) const { return has(key) ? entries.at(key).value : YAML::Node(); }
  // The key's line, or the mapping's line when the key is absent.
  int line(const std::string& key) const { return has(key) ? entries.at(key).key_line : parent_line; }
};

// Reads one bot file into a Bot, collecting every problem it finds (not just the first), so a
// teacher can fix a file in one go. Each check reports the line of the offending node.
class BotReader {
 public:
  BotReader(const std::string& file, std::vector<LoadError>& errors)
      : file_(file), errors_(errors), errors_at_start_(errors.size()) {}

  bool failed() const { return errors_.size() > errors_at_start_; }

  void error(int line, std::string message) {
    errors_.push_back(LoadError{file_, line, std::move(message)});
  }

  // The children of a mapping, keyed by name, with unknown and duplicate keys reported.
  Fields fields(const YAML::Node& map, const std::string& where, const std::vector<std::string_view>& allowed,
                int missing_line) {
    Fields result;
    // Errors about a nested mapping point at its key; the root has no key, so its first line.
    result.parent_line = missing_line > 0 ? missing_line : line_or(map, 1);
    if (!map.IsMap()) {
      error(result.parent_line, where + ": expected a mapping of 'key: value' lines");
      return result;
    }
    for (const auto& entry : map) {
      const YAML::Node& key_node = entry.first;
      if (!key_node.IsScalar()) {
        error(line_of(key_node), where + ": keys must be plain words");
        continue;
      }
      const std::string key = key_node.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        error(line_of(key_node), where + ": unknown field '" + key + "'" + suggestion(key, allowed));
        continue;
      }
      if (result.has(key)) {
        error(line_of(key_node), where + ": field '" + key + "' appears twice");
        continue;
      }
      result.entries.emplace(key, Fields::Entry{entry.second, line_of(key_node)});
    }
    return result;
  }

  // A text value: a scalar, valid UTF-8, within `max_chars`. Empty strings are an error when
  // `required` (also when the node is missing).
  std::optional<std::string> text(const YAML::Node& node, const std::string& where,
                                  std::size_t max_chars, bool required, int missing_line) {
    if (!node.IsDefined() || node.IsNull()) {
      // A null value (`id:`) is positioned at the next token: point at the key instead.
      if (required) error(missing_line > 0 ? missing_line : line_of(node), where + ": required field is missing");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      error(line_of(node), where + ": expected text");
      return std::nullopt;
    }
    // Block scalars (`|`) end with a newline; trailing whitespace carries no meaning.
    std::string value = node.Scalar();
    value.erase(value.find_last_not_of(" \t\r\n") + 1);
    const auto length = utf8_length(value);
    if (!length) {
      error(line_of(node), where + ": text is not valid UTF-8");
      return std::nullopt;
    }
    if (*length > max_chars) {
      error(line_of(node), where + ": text is too long (" + std::to_string(*length) + " characters, at most " +
                               std::to_string(max_chars) + ")");
      return std::nullopt;
    }
    if (required && trimmed_empty(value)) {
      error(line_of(node), where + ": must not be empty");
      return std::nullopt;
    }
    return value;
  }

  // A list of texts, each non-empty, at most `max_items`.
  std::vector<std::string> text_list(const YAML::Node& node, const std::string& where, std::size_t max_items,
                                     std::size_t max_chars, int key_line) {
    std::vector<std::string> result;
    if (!node.IsSequence()) {
      error(key_line, where + ": expected a list, e.g. [\"...\", \"...\"]");
      return result;
    }
    if (node.size() > max_items) {
      error(key_line, where + ": too many entries (" + std::to_string(node.size()) + ", at most " +
                               std::to_string(max_items) + ")");
      return result;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (auto value = text(node[i], where + "[" + std::to_string(i + 1) + "]", max_chars, true, key_line)) {
        result.push_back(std::move(*value));
      }
    }
    return result;
  }

  // language code -> text; every key a known language code, every value non-empty.
  std::map<std::string, std::string> localised(const YAML::Node& node, const std::string& where,
                                               std::size_t max_chars, int key_line) {
    std::map<std::string, std::string> result;
    if (!node.IsMap()) {
      error(key_line, where + ": expected language codes with texts, e.g. {nb: \"...\", en: \"...\"}");
      return result;
    }
    for (const auto& entry : node) {
      if (!entry.first.IsScalar()) {
        error(line_of(entry.first), where + ": keys must be language codes");
        continue;
      }
      const std::string code = entry.first.Scalar();
      if (!is_known_language(code)) {
        error(line_of(entry.first), where + ": unknown language code '" + code + "' (known: " + known_languages() + ")");
        continue;
      }
      if (result.count(code) > 0) {
        error(line_of(entry.first), where + ": language '" + code + "' appears twice");
        continue;
      }
      if (auto value = text(entry.second, where + "." + code, max_chars, true, line_of(entry.first))) {
        result.emplace(code, std::move(*value));
      }
    }
    return result;
  }

  std::optional<Bot> read(const YAML::Node& root, const std::string& organisation) {
    static const std::vector<std::string_view> kTopFields = {
        "id",    "names",  "purposes", "avatar",   "level", "audience", "mode", "model", "support_languages",
        "instruction", "starters", "dialogue"};
    Bot bot;
    bot.organisation = organisation;
    if (!root.IsMap()) {
      error(line_of(root), "a bot file must be a mapping of 'key: value' lines");
      return std::nullopt;
    }
    const Fields f = fields(root, "bot", kTopFields, 0);

    if (auto id = text(f.node("id"), "id", Limits::id_chars * 4, true, f.line("id"))) {
      if (!is_valid_id(*id)) {
        error(f.line("id"), "id: '" + *id + "' must be 1-64 characters of a-z, 0-9 and '-'");
      } else {
        bot.id = *id;
      }
    }
    read_localised_required(f.node("names"), "names", Limits::name_chars, f.line("names"), bot.names);
    read_localised_required(f.node("purposes"), "purposes", Limits::purpose_chars, f.line("purposes"), bot.purposes);
    if (auto avatar = text(f.node("avatar"), "avatar", Limits::avatar_chars, false, f.line("avatar"))) bot.avatar = *avatar;
    if (f.has("level")) read_level(f.node("level"), f.line("level"), bot);
    if (auto audience = text(f.node("audience"), "audience", 20, false, f.line("audience"))) {
      if (*audience != "participant" && *audience != "teacher") {
        error(f.line("audience"), "audience: '" + *audience + "' must be 'participant' or 'teacher'");
      } else {
        bot.audience = *audience;
      }
    }
    bool mode_known = false;
    if (auto mode = text(f.node("mode"), "mode", 20, true, f.line("mode"))) {
      if (*mode == "llm") {
        bot.mode = Mode::llm;
        mode_known = true;
      } else if (*mode == "dialogue") {
        bot.mode = Mode::dialogue;
        mode_known = true;
      } else {
        error(f.line("mode"), "mode: '" + *mode + "' must be 'llm' or 'dialogue'");
      }
    }
    if (auto model = text(f.node("model"), "model", Limits::model_chars, false, f.line("model"))) bot.model = *model;
    if (f.has("support_languages")) {
      const YAML::Node languages = f.node("support_languages");
      for (auto& code : text_list(languages, "support_languages", kLanguages.size(), 8, f.line("support_languages"))) {
        if (!is_known_language(code)) {
          error(f.line("support_languages"), "support_languages: unknown language code '" + code + "' (known: " +
                                        known_languages() + ")");
        } else if (std::find(bot.support_languages.begin(), bot.support_languages.end(), code) !=
                   bot.support_languages.end()) {
          error(f.line("support_languages"), "support_languages: '" + code + "' appears twice");
        } else {
          bot.support_languages.push_back(code);
        }
      }
    }
    if (auto instruction = text(f.node("instruction"), "instruction", Limits::instruction_chars, true, f.line("instruction"))) {
      bot.instruction = *instruction;
    }
    if (f.has("starters")) {
      bot.starters = text_list(f.node("starters"), "starters", Limits::starters, Limits::starter_chars, f.line("starters"));
    }
    if (f.has("dialogue")) {
      bot.script = read_dialogue(f.node("dialogue"), f.line("dialogue"));
    } else if (mode_known && bot.mode == Mode::dialogue) {
      error(f.line("mode"), "dialogue: required when mode is 'dialogue'");
    }
    if (failed()) return std::nullopt;
    return bot;
  }

 private:
  static bool trimmed_empty(const std::string& value) {
    return value.find_first_not_of(" \t\r\n") == std::string::npos;
  }

  static std::string known_languages() {
    std::string list;
    for (auto code : kLanguages) {
      if (!list.empty()) list += ", ";
      list += code;
    }
    return list;
  }

  // "; did you mean 'names'?" for a key one edit (or a plural 's') away from a known field.
  static std::string suggestion(const std::string& key, const std::vector<std::string_view>& allowed) {
    for (auto candidate : allowed) {
      if (edit_distance(key, candidate) <= 2) return "; did you mean '" + std::string(candidate) + "'?";
    }
    return "";
  }

  static std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    return row[b.size()];
  }

  void read_localised_required(const YAML::Node& node, const std::string& where, std::size_t max_chars,
                               int missing_line, std::map<std::string, std::string>& out) {
    if (!node.IsDefined() || node.IsNull()) {
      error(line_or(node, missing_line), where + ": required field is missing");
      return;
    }
    const auto errors_before = errors_.size();
    out = localised(node, where, max_chars, missing_line);
    if (errors_.size() == errors_before && out.count("nb") == 0) {
      error(missing_line, where + ".nb: required (Norwegian Bokmål is the fallback language)");
    }
  }

  void read_level(const YAML::Node& node, int key_line, Bot& bot) {
    const Fields f = fields(node, "level", {"min", "max"}, key_line);
    std::string min = bot.level_min;
    std::string max = bot.level_max;
    bool ok = true;
    for (auto [key, target] : {std::pair{"min", &min}, std::pair{"max", &max}}) {
      if (!f.has(key)) continue;
      const std::string where = std::string("level.") + key;
      if (auto value = text(f.node(key), where, 4, true, f.line(key))) {
        if (level_rank(*value) < 0) {
          error(f.line(key), where + ": '" + *value + "' is not a CEFR level (A1, A2, B1, B2)");
          ok = false;
        } else {
          *target = *value;
        }
      } else {
        ok = false;
      }
    }
    if (ok && level_rank(min) > level_rank(max)) {
      error(f.parent_line, "level: min " + min + " is above max " + max);
      return;
    }
    bot.level_min = min;
    bot.level_max = max;
  }

  std::optional<DialogueScript> read_dialogue(const YAML::Node& node, int key_line) {
    DialogueScript script;
    const Fields f = fields(node, "dialogue", {"opening", "steps", "closing"}, key_line);
    if (auto opening = text(f.node("opening"), "dialogue.opening", Limits::line_chars, false, f.line("opening"))) {
      script.opening = *opening;
    }
    if (auto closing = text(f.node("closing"), "dialogue.closing", Limits::line_chars, false, f.line("closing"))) {
      script.closing = *closing;
    }
    const YAML::Node steps = f.node("steps");
    if (!node.IsMap()) return script;  // already reported
    if (!f.has("steps") || steps.IsNull()) {
      error(f.line("steps"), "dialogue.steps: a dialogue needs at least one step");
      return script;
    }
    if (!steps.IsSequence()) {
      error(f.line("steps"), "dialogue.steps: expected a list of steps ('- prompt: ...')");
      return script;
    }
    if (steps.size() == 0) {
      error(f.line("steps"), "dialogue.steps: a dialogue needs at least one step");
      return script;
    }
    if (steps.size() > Limits::steps) {
      error(f.line("steps"), "dialogue.steps: too many steps (" + std::to_string(steps.size()) + ", at most " +
                                 std::to_string(Limits::steps) + ")");
      return script;
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
      script.steps.push_back(read_step(steps[i], "dialogue.steps[" + std::to_string(i + 1) + "]", f.line("steps")));
    }
    return script;
  }

  DialogueStep read_step(const YAML::Node& node, const std::string& where, int steps_line) {
    DialogueStep step;
    const Fields f = fields(node, where, {"prompt", "accept", "hints", "model_answer", "explain", "on_accept"},
                            line_or(node, steps_line));
    if (!node.IsMap()) return step;  // already reported
    if (auto prompt = text(f.node("prompt"), where + ".prompt", Limits::line_chars, true, f.line("prompt"))) {
      step.prompt = *prompt;
    }
    const YAML::Node accept = f.node("accept");
    if (!f.has("accept") || accept.IsNull()) {
      error(f.line("accept"), where + ".accept: required (the answers this step accepts)");
    } else {
      step.accepted = text_list(accept, where + ".accept", Limits::accepted, Limits::answer_chars, f.line("accept"));
      if (accept.IsSequence() && accept.size() == 0) {
        error(f.line("accept"), where + ".accept: needs at least one answer");
      }
    }
    if (f.has("hints")) {
      step.hints = text_list(f.node("hints"), where + ".hints", Limits::hints, Limits::hint_chars, f.line("hints"));
    }
    if (auto answer = text(f.node("model_answer"), where + ".model_answer", Limits::answer_chars, false,
                           f.line("model_answer"))) {
      step.model_answer = *answer;
    }
    if (f.has("explain")) {
      step.explanation = localised(f.node("explain"), where + ".explain", Limits::explanation_chars, f.line("explain"));
    }
    if (auto reaction = text(f.node("on_accept"), where + ".on_accept", Limits::reaction_chars, false,
                             f.line("on_accept"))) {
      step.on_accept = *reaction;
    }
    return step;
  }

  const std::string& file_;
  std::vector<LoadError>& errors_;
  std::size_t errors_at_start_;
};

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.empty() || name.front() == '.';
}

bool has_bot_extension(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// The files to load, as (organisation, path), sorted so that loading is deterministic.
std::vector<std::pair<std::string, fs::path>> bot_files(const fs::path& root, std::vector<LoadError>& errors) {
  std::vector<std::pair<std::string, fs::path>> files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    errors.push_back(LoadError{root.string(), 0, "bots folder does not exist or is not a folder"});
    return files;
  }
  for (fs::directory_iterator orgs(root, ec), end; !ec && orgs != end; orgs.increment(ec)) {
    const fs::path org_dir = orgs->path();
    if (is_hidden(org_dir) || !orgs->is_directory(ec)) continue;
    const std::string organisation = org_dir.filename().string();
    if (!is_valid_id(organisation)) {
      errors.push_back(LoadError{org_dir.string(), 0,
                                 "organisation folder name must be 1-64 characters of a-z, 0-9 and '-'; skipped"});
      continue;
    }
    std::error_code file_ec;
    for (fs::directory_iterator it(org_dir, file_ec), file_end; !file_ec && it != file_end; it.increment(file_ec)) {
      const fs::path path = it->path();
      if (is_hidden(path) || !has_bot_extension(path) || !it->is_regular_file(file_ec)) continue;
      files.emplace_back(organisation, path);
    }
    if (file_ec) errors.push_back(LoadError{org_dir.string(), 0, "cannot list folder: " + file_ec.message()});
  }
  if (ec) errors.push_back(LoadError{root.string(), 0, "cannot list folder: " + ec.message()});
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> read_file(const fs::path& path, std::vector<LoadError>& errors) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    errors.push_back(LoadError{path.string(), 0, "cannot read file: " + ec.message()});
    return std::nullopt;
  }
  if (size > Limits::file_bytes) {
    errors.push_back(LoadError{path.string(), 0, "file is too large (" + std::to_string(size) + " bytes, at most " +
                                                     std::to_string(Limits::file_bytes) + ")"});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(Limits::file_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    errors.push_back(LoadError{path.string(), 0, "cannot read file"});
    return std::nullopt;
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  // The file may have grown between the size check and the read.
  if (text.size() > Limits::file_bytes) {
    errors.push_back(LoadError{path.string(), 0, "file is too large (at most " + std::to_string(Limits::file_bytes) +
                                                     " bytes)"});
    return std::nullopt;
  }
  return text;
}

}  // namespace

const std::string& Bot::name(const std::string& lang) const {
  if (auto found = names.find(lang); found != names.end()) return found->second;
  if (auto found = names.find("nb"); found != names.end()) return found->second;
  return kEmpty;
}

const std::string& Bot::purpose(const std::string& lang) const {
  if (auto found = purposes.find(lang); found != purposes.end()) return found->second;
  if (auto found = purposes.find("nb"); found != purposes.end()) return found->second;
  return kEmpty;
}

std::string to_string(const LoadError& error) {
  std::ostringstream out;
  out << error.file;
  if (error.line > 0) out << ':' << error.line;
  out << ": " << error.message;
  return out.str();
}

bool is_known_language(std::string_view code) {
  return std::find(kLanguages.begin(), kLanguages.end(), code) != kLanguages.end();
}

std::optional<Bot> parse_bot(const std::string& yaml_text, const std::string& file, const std::string& organisation,
                             std::vector<LoadError>& errors) {
  if (yaml_text.size() > Limits::file_bytes) {
    errors.push_back(LoadError{file, 0, "file is too large (" + std::to_string(yaml_text.size()) +
                                            " bytes, at most " + std::to_string(Limits::file_bytes) + ")"});
    return std::nullopt;
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(yaml_text);
  } catch (const YAML::Exception& e) {
    errors.push_back(LoadError{file, e.mark.is_null() ? 0 : e.mark.line + 1, "YAML syntax error: " + e.msg});
    return std::nullopt;
  }
  if (documents.empty() || documents.front().IsNull()) {
    errors.push_back(LoadError{file, documents.empty() ? 0 : line_of(documents.front()), "file has no bot in it"});
    return std::nullopt;
  }
  if (documents.size() > 1) {
    errors.push_back(LoadError{file, line_of(documents[1]), "one bot per file: a second YAML document ('---') follows"});
    return std::nullopt;
  }
  try {
    BotReader reader(file, errors);
    return reader.read(documents.front(), organisation);
  } catch (const YAML::Exception& e) {
    // Checks above guard every conversion; this catches what they missed, without crashing.
    errors.push_back(LoadError{file, e.mark.is_null() ? 0 : e.mark.line + 1, "invalid bot file: " + e.msg});
    return std::nullopt;
  }
}

LoadResult load_bots(const std::string& root) {
  LoadResult result;
  // organisation/id -> the file that defined it first, for the duplicate message.
  std::map<std::pair<std::string, std::string>, std::string> seen;
  for (const auto& [organisation, path] : bot_files(root, result.errors)) {
    const auto text = read_file(path, result.errors);
    if (!text) continue;
    auto bot = parse_bot(*text, path.string(), organisation, result.errors);
    if (!bot) continue;
    const auto key = std::pair{organisation, bot->id};
    if (auto first = seen.find(key); first != seen.end()) {
      // The id line: parse_bot succeeded, so the document is a mapping with an id.
      int line = 0;
      try {
        line = line_of(YAML::Load(*text)["id"]);
      } catch (const YAML::Exception&) {
      }
      result.errors.push_back(LoadError{path.string(), line,
                                        "id '" + bot->id + "' is already used by " + first->second + " in organisation '" +
                                            organisation + "'; skipped"});
      continue;
    }
    seen.emplace(key, path.string());
    result.bots.push_back(std::move(*bot));
  }
  std::sort(result.bots.begin(), result.bots.end(), [](const Bot& a, const Bot& b) {
    return std::tie(a.organisation, a.id) < std::tie(b.organisation, b.id);
  });
  return result;
}

Catalogue::Catalogue(std::vector<Bot> bots) : bots_(std::move(bots)) {
  std::stable_sort(bots_.begin(), bots_.end(), [](const Bot& a, const Bot& b) {
    return std::tie(a.organisation, a.id) < std::tie(b.organisation, b.id);
  });
  // Keep the first of any duplicates so that find() and for_organisation() agree.
  bots_.erase(std::unique(bots_.begin(), bots_.end(),
                          [](const Bot& a, const Bot& b) { return a.organisation == b.organisation && a.id == b.id; }),
              bots_.end());
}

const Bot* Catalogue::find(const std::string& organisation, const std::string& id) const {
  const auto found = std::lower_bound(bots_.begin(), bots_.end(), std::tie(organisation, id),
                                      [](const Bot& bot, const std::tuple<const std::string&, const std::string&>& key) {
                                        return std::tie(bot.organisation, bot.id) < key;
                                      });
  if (found == bots_.end() || found->organisation != organisation || found->id != id) return nullptr;
  return &*found;
}

std::vector<const Bot*> Catalogue::for_organisation(const std::string& organisation) const {
  std::vector<const Bot*> result;
  for (const Bot& bot : bots_) {
    if (bot.organisation == organisation) result.push_back(&bot);
  }
  return result;
}

}  // namespace voki::bots
