// The YAML loader: valid files, every validation error with its file and line, folder rules.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "bots/bots.h"

namespace fs = std::filesystem;
using voki::bots::Bot;
using voki::bots::Catalogue;
using voki::bots::LoadError;
using voki::bots::Mode;

namespace {

// A small valid bot; tests change one thing at a time. Line numbers are noted for the assertions.
const std::string kValidBot =
    "id: test-bot\n"                                         // 1
    "names: {nb: \"Testbot\", en: \"Test bot\"}\n"           // 2
    "purposes:\n"                                            // 3
    "  nb: \"Øver på små samtaler.\"\n"                      // 4
    "  en: \"Practises small talk.\"\n"                      // 5
    "avatar: \"🙂\"\n"                                       // 6
    "level: {min: A1, max: A2}\n"                            // 7
    "audience: participant\n"                                // 8
    "mode: llm\n"                                            // 9
    "support_languages: [en, ar, prs]\n"                     // 10
    "instruction: |\n"                                       // 11
    "  Du er en vennlig samtalepartner.\n"                   // 12
    "starters: [\"Hei!\", \"Hvordan går det?\"]\n"           // 13
    "dialogue:\n"                                            // 14
    "  opening: \"Hei! Vi øver.\"\n"                         // 15
    "  steps:\n"                                             // 16
    "    - prompt: \"Hvordan går det?\"\n"                   // 17
    "      accept: [\"bra\", \"Det går bra\"]\n"             // 18
    "      hints: [\"Si: bra\", \"Det går ...\"]\n"          // 19
    "      model_answer: \"Det går bra, takk.\"\n"           // 20
    "      explain: {en: \"How are you?\", ar: \"كيف حالك؟\"}\n"  // 21
    "      on_accept: \"Så fint!\"\n"                        // 22
    "  closing: \"Ha det!\"\n";                              // 23

struct Parsed {
  std::optional<Bot> bot;
  std::vector<LoadError> errors;
};

Parsed parse(const std::string& text) {
  Parsed parsed;
  parsed.bot = voki::bots::parse_bot(text, "org/bot.yaml", "org", parsed.errors);
  return parsed;
}

// Replaces the first occurrence of `from` (which must exist) in the valid bot.
std::string with(const std::string& from, const std::string& to, std::string text = kValidBot) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string all(const std::vector<LoadError>& errors) {
  std::string text;
  for (const auto& error : errors) text += voki::bots::to_string(error) + "\n";
  return text;
}

// Asserts that parsing failed with an error on `line` whose message contains `fragment`.
void expect_error(const Parsed& parsed, int line, const std::string& fragment) {
  EXPECT_FALSE(parsed.bot.has_value());
  bool found = false;
  for (const auto& error : parsed.errors) {
    if (error.line == line && error.message.find(fragment) != std::string::npos) found = true;
    EXPECT_EQ(error.file, "org/bot.yaml");
  }
  EXPECT_TRUE(found) << "expected line " << line << " '" << fragment << "' in:\n" << all(parsed.errors);
}

// A fresh folder under the system temp folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("voki-bots-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& relative, const std::string& text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  fs::path path_;
};

std::string bot_with_id(const std::string& id) { return with("id: test-bot", "id: " + id); }

const LoadError* error_for(const voki::bots::LoadResult& result, const fs::path& file) {
  for (const auto& error : result.errors) {
    if (error.file == file.string()) return &error;
  }
  return nullptr;
}

}  // namespace

TEST(ParseBot, ReadsEveryField) {
  const auto parsed = parse(kValidBot);
  ASSERT_TRUE(parsed.bot) << all(parsed.errors);
  EXPECT_TRUE(parsed.errors.empty());
  const Bot& bot = *parsed.bot;
  EXPECT_EQ(bot.id, "test-bot");
  EXPECT_EQ(bot.organisation, "org");
  EXPECT_EQ(bot.names.at("en"), "Test bot");
  EXPECT_EQ(bot.purposes.at("nb"), "Øver på små samtaler.");
  EXPECT_EQ(bot.avatar, "🙂");
  EXPECT_EQ(bot.level_min, "A1");
  EXPECT_EQ(bot.level_max, "A2");
  EXPECT_EQ(bot.audience, "participant");
  EXPECT_EQ(bot.mode, Mode::llm);
  EXPECT_EQ(bot.support_languages, (std::vector<std::string>{"en", "ar", "prs"}));
  EXPECT_EQ(bot.instruction, "Du er en vennlig samtalepartner.");  // trailing newline trimmed
  EXPECT_EQ(bot.starters.size(), 2u);
  ASSERT_TRUE(bot.script);
  EXPECT_EQ(bot.script->opening, "Hei! Vi øver.");
  EXPECT_EQ(bot.script->closing, "Ha det!");
  ASSERT_EQ(bot.script->steps.size(), 1u);
  const auto& step = bot.script->steps[0];
  EXPECT_EQ(step.prompt, "Hvordan går det?");
  EXPECT_EQ(step.accepted, (std::vector<std::string>{"bra", "Det går bra"}));
  EXPECT_EQ(step.hints.size(), 2u);
  EXPECT_EQ(step.model_answer, "Det går bra, takk.");
  EXPECT_EQ(step.explanation.at("ar"), "كيف حالك؟");
  EXPECT_EQ(step.on_accept, "Så fint!");
}

TEST(ParseBot, DefaultsForOptionalFields) {
  const auto parsed = parse(
      "id: minimal\nnames: {nb: Minimal}\npurposes: {nb: Prøve}\nmode: llm\ninstruction: Vær kort.\n");
  ASSERT_TRUE(parsed.bot) << all(parsed.errors);
  EXPECT_EQ(parsed.bot->level_min, "A1");
  EXPECT_EQ(parsed.bot->level_max, "B2");
  EXPECT_EQ(parsed.bot->audience, "participant");
  EXPECT_FALSE(parsed.bot->script.has_value());
  EXPECT_TRUE(parsed.bot->starters.empty());
}

TEST(ParseBot, NorwegianWordsStayText) {
  // YAML 1.1 reads "no"/"yes" as booleans; texts must come through as written.
  const auto parsed = parse(with("starters: [\"Hei!\", \"Hvordan går det?\"]", "starters: [no, yes, Ja]"));
  ASSERT_TRUE(parsed.bot) << all(parsed.errors);
  EXPECT_EQ(parsed.bot->starters, (std::vector<std::string>{"no", "yes", "Ja"}));
}

TEST(ParseBot, SyntaxErrorHasLine) {
  expect_error(parse(with("level: {min: A1, max: A2}", "level: {min: A1, max: A2")), 8, "YAML syntax error");
  expect_error(parse(with("  en: \"Practises small talk.\"", "   en: \"Practises small talk.\"")), 5,
               "YAML syntax error");
}

TEST(ParseBot, MissingRequiredFields) {
  expect_error(parse(with("id: test-bot\n", "")), 1, "id: required");  // the first line of the bot
  expect_error(parse(with("mode: llm\n", "")), 1, "mode: required");
  expect_error(parse(with("instruction: |\n  Du er en vennlig samtalepartner.\n", "")), 1, "instruction: required");
  expect_error(parse(with("names: {nb: \"Testbot\", en: \"Test bot\"}", "names: {en: \"Test bot\"}")), 2,
               "names.nb: required");
  expect_error(parse(with("  nb: \"Øver på små samtaler.\"\n", "")), 3, "purposes.nb: required");
  expect_error(parse(with("id: test-bot", "id:")), 1, "id: required");
}

TEST(ParseBot, EmptyRequiredFields) {
  expect_error(parse(with("id: test-bot", "id: \"\"")), 1, "id: must not be empty");
  expect_error(parse(with("names: {nb: \"Testbot\"", "names: {nb: \"  \"")), 2, "names.nb: must not be empty");
  expect_error(parse(with("instruction: |\n  Du er en vennlig samtalepartner.\n", "instruction: \"\"\n")), 11,
               "instruction: must not be empty");
  expect_error(parse(with("mode: llm", "mode: ''")), 9, "mode: must not be empty");
}

TEST(ParseBot, IdPattern) {
  expect_error(parse(with("id: test-bot", "id: Test_Bot")), 1, "must be 1-64 characters");
  expect_error(parse(with("id: test-bot", "id: hos legen")), 1, "must be 1-64 characters");
  expect_error(parse(with("id: test-bot", "id: " + std::string(65, 'a'))), 1, "must be 1-64 characters");
  EXPECT_TRUE(parse(with("id: test-bot", "id: " + std::string(64, 'a'))).bot);
  EXPECT_TRUE(parse(with("id: test-bot", "id: 2-samtale")).bot);
}

TEST(ParseBot, UnknownFieldsAreErrorsWithSuggestion) {
  const auto parsed = parse(with("avatar: \"🙂\"", "avatr: \"🙂\""));
  expect_error(parsed, 6, "unknown field 'avatr'; did you mean 'avatar'?");
  expect_error(parse(with("      on_accept: \"Så fint!\"", "      praise: \"Så fint!\"")), 22,
               "dialogue.steps[1]: unknown field 'praise'");
  expect_error(parse(with("  closing:", "  ending:")), 23, "dialogue: unknown field 'ending'");
  expect_error(parse(with("level: {min: A1, max: A2}", "level: {min: A1, maks: A2}")), 7,
               "level: unknown field 'maks'");
}

TEST(ParseBot, DuplicateKeysAreErrors) {
  expect_error(parse(with("mode: llm\n", "mode: llm\nmode: dialogue\n")), 10, "field 'mode' appears twice");
}

TEST(ParseBot, UnknownLanguageCodes) {
  expect_error(parse(with("en: \"Test bot\"", "no: \"Test bot\"")), 2, "unknown language code 'no'");
  expect_error(parse(with("  en: \"Practises small talk.\"", "  english: \"Practises small talk.\"")), 5,
               "unknown language code 'english'");
  expect_error(parse(with("[en, ar, prs]", "[en, ar, fa]")), 10, "unknown language code 'fa'");
  expect_error(parse(with("[en, ar, prs]", "[en, ar, en]")), 10, "'en' appears twice");
  expect_error(parse(with("{en: \"How are you?\"", "{EN: \"How are you?\"")), 21, "unknown language code 'EN'");
}

TEST(ParseBot, LevelValuesAndOrder) {
  expect_error(parse(with("min: A1", "min: C3")), 7, "level.min: 'C3' is not a CEFR level");
  expect_error(parse(with("max: A2", "max: a2")), 7, "level.max: 'a2' is not a CEFR level");
  expect_error(parse(with("level: {min: A1, max: A2}", "level: {min: B2, max: A1}")), 7, "min B2 is above max A1");
  const auto only_min = parse(with("level: {min: A1, max: A2}", "level: {min: B2}"));  // max stays B2
  ASSERT_TRUE(only_min.bot) << all(only_min.errors);
  EXPECT_EQ(only_min.bot->level_min, "B2");
  EXPECT_EQ(only_min.bot->level_max, "B2");
}

TEST(ParseBot, AudienceAndMode) {
  expect_error(parse(with("audience: participant", "audience: student")), 8, "must be 'participant' or 'teacher'");
  expect_error(parse(with("mode: llm", "mode: chat")), 9, "must be 'llm' or 'dialogue'");
  const auto teacher = parse(with("audience: participant", "audience: teacher"));
  ASSERT_TRUE(teacher.bot);
  EXPECT_EQ(teacher.bot->audience, "teacher");
}

TEST(ParseBot, DialogueModeNeedsSteps) {
  const std::string dialogue_mode = with("mode: llm", "mode: dialogue");
  EXPECT_TRUE(parse(dialogue_mode).bot);
  const std::string no_script = dialogue_mode.substr(0, dialogue_mode.find("dialogue:\n"));
  expect_error(parse(no_script), 9, "dialogue: required when mode is 'dialogue'");
  const std::string empty_steps = no_script + "dialogue:\n  opening: Hei\n  steps: []\n";
  expect_error(parse(empty_steps), 16, "at least one step");
  const std::string no_steps = no_script + "dialogue:\n  opening: Hei\n";
  expect_error(parse(no_steps), 14, "at least one step");
}

TEST(ParseBot, StepsNeedPromptAndAccept) {
  expect_error(parse(with("    - prompt: \"Hvordan går det?\"\n      accept:", "    - accept:")), 17,
               "dialogue.steps[1].prompt: required");
  expect_error(parse(with("      accept: [\"bra\", \"Det går bra\"]\n", "")), 17, "dialogue.steps[1].accept: required");
  expect_error(parse(with("accept: [\"bra\", \"Det går bra\"]", "accept: []")), 18, "needs at least one answer");
  expect_error(parse(with("accept: [\"bra\", \"Det går bra\"]", "accept: [\"bra\", \"\"]")), 18,
               "dialogue.steps[1].accept[2]: must not be empty");
  expect_error(parse(with("accept: [\"bra\", \"Det går bra\"]", "accept: \"bra\"")), 18, "expected a list");
}

TEST(ParseBot, SecondStepIsNumberedInMessages) {
  const std::string two_steps = with("  closing:", "    - prompt: \"Og du?\"\n  closing:");
  expect_error(parse(two_steps), 23, "dialogue.steps[2].accept: required");
}

TEST(ParseBot, TooManyStepsAndStarters) {
  std::string steps;
  for (int i = 0; i < 101; ++i) steps += "    - {prompt: \"Hei\", accept: [\"hei\"]}\n";
  const std::string many_steps = with(
      "    - prompt: \"Hvordan går det?\"\n      accept: [\"bra\", \"Det går bra\"]\n"
      "      hints: [\"Si: bra\", \"Det går ...\"]\n      model_answer: \"Det går bra, takk.\"\n"
      "      explain: {en: \"How are you?\", ar: \"كيف حالك؟\"}\n      on_accept: \"Så fint!\"\n",
      steps);
  expect_error(parse(many_steps), 16, "too many steps (101, at most 100)");
  expect_error(parse(with("[\"Hei!\", \"Hvordan går det?\"]", "[a, b, c, d, e, f, g, h, i, j, k]")), 13,
               "starters: too many entries (11, at most 10)");
  EXPECT_TRUE(parse(with("[\"Hei!\", \"Hvordan går det?\"]", "[a, b, c, d, e, f, g, h, i, j]")).bot);
}

TEST(ParseBot, TextLengthLimitsCountCharacters) {
  std::string at_limit;
  for (int i = 0; i < 8000; ++i) at_limit += "ø";  // 16,000 bytes but 8,000 characters: allowed
  EXPECT_TRUE(parse(with("  Du er en vennlig samtalepartner.\n", "  " + at_limit + "\n")).bot);
  expect_error(parse(with("  Du er en vennlig samtalepartner.\n", "  " + at_limit + "å\n")), 11,
               "instruction: text is too long (8001 characters, at most 8000)");
  expect_error(parse(with("Testbot", std::string(81, 'x'))), 2, "names.nb: text is too long");
  expect_error(parse(with("Hvordan går det?\"\n      accept", std::string(1001, 'x') + "\"\n      accept")), 17,
               "dialogue.steps[1].prompt: text is too long");
}

TEST(ParseBot, TextsMustBeTextAndUtf8) {
  expect_error(parse(with("mode: llm", "mode: [llm]")), 9, "mode: expected text");
  expect_error(parse(with("Testbot", "Test\xff")), 2, "not valid UTF-8");
  expect_error(parse(with("names: {nb: \"Testbot\", en: \"Test bot\"}", "names: [Testbot]")), 2,
               "expected language codes");
}

TEST(ParseBot, DocumentShape) {
  expect_error(parse(""), 0, "no bot");
  expect_error(parse("- id: a\n- id: b\n"), 1, "must be a mapping");
  expect_error(parse(kValidBot + "---\nid: other\n"), 25, "one bot per file");
  expect_error(parse(std::string(256 * 1024 + 1, '#')), 0, "too large");
}

TEST(ParseBot, CollectsSeveralErrorsInOneFile) {
  std::string text = with("id: test-bot", "id: Bad");
  text = with("mode: llm", "mode: chat", text);
  const auto parsed = parse(text);
  expect_error(parsed, 1, "id:");
  expect_error(parsed, 9, "mode:");
}

TEST(ParseBot, HostileInputDoesNotCrash) {
  const std::string inputs[] = {
      std::string(5000, '['),  // deep nesting
      "a: &x [*x]\n",          // alias loop
      "id: *missing\n",
      "? [complex, key]\n: value\n",
      "names: !!binary aGVp\n",
      std::string("\0\0\0", 3),
  };
  for (const auto& input : inputs) {
    const auto parsed = parse(input);
    EXPECT_FALSE(parsed.bot);
    EXPECT_FALSE(parsed.errors.empty());
  }
}

TEST(BotText, NameAndPurposeFallBackToBokmal) {
  const auto parsed = parse(kValidBot);
  ASSERT_TRUE(parsed.bot);
  EXPECT_EQ(parsed.bot->name("en"), "Test bot");
  EXPECT_EQ(parsed.bot->name("ar"), "Testbot");
  EXPECT_EQ(parsed.bot->name("xx"), "Testbot");
  EXPECT_EQ(parsed.bot->purpose("en"), "Practises small talk.");
  EXPECT_EQ(parsed.bot->purpose("uk"), "Øver på små samtaler.");
  Bot empty;
  EXPECT_EQ(empty.name("nb"), "");
}

TEST(LoadError, Formatting) {
  EXPECT_EQ(voki::bots::to_string(LoadError{"a/b.yaml", 3, "bad"}), "a/b.yaml:3: bad");
  EXPECT_EQ(voki::bots::to_string(LoadError{"a/b.yaml", 0, "bad"}), "a/b.yaml: bad");
}

TEST(LoadBots, LoadsValidFilesAndSkipsBrokenOnes) {
  TempDir dir;
  dir.write("org-a/one.yaml", bot_with_id("one"));
  const auto broken = dir.write("org-a/broken.yaml", with("mode: llm", "mode: chat", bot_with_id("broken")));
  dir.write("org-a/three.yml", bot_with_id("three"));
  const auto result = voki::bots::load_bots(dir.path().string());
  ASSERT_EQ(result.bots.size(), 2u) << all(result.errors);
  EXPECT_EQ(result.bots[0].id, "one");
  EXPECT_EQ(result.bots[1].id, "three");
  ASSERT_EQ(result.errors.size(), 1u) << all(result.errors);
  EXPECT_EQ(result.errors[0].file, broken.string());
  EXPECT_EQ(result.errors[0].line, 9);
}

TEST(LoadBots, DuplicateIdIsAnErrorOnTheSecondFile) {
  TempDir dir;
  const auto first = dir.write("org-a/a-first.yaml", bot_with_id("same"));
  const auto second = dir.write("org-a/b-second.yaml", "# a comment\n" + bot_with_id("same"));
  dir.write("org-b/same.yaml", bot_with_id("same"));  // other organisation: fine
  const auto result = voki::bots::load_bots(dir.path().string());
  ASSERT_EQ(result.bots.size(), 2u) << all(result.errors);
  ASSERT_EQ(result.errors.size(), 1u) << all(result.errors);
  EXPECT_EQ(result.errors[0].file, second.string());
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_NE(result.errors[0].message.find(first.string()), std::string::npos);
  EXPECT_EQ(error_for(result, first), nullptr);
}

TEST(LoadBots, IgnoresHiddenAndStrayFiles) {
  TempDir dir;
  dir.write("top-level.yaml", "not: [valid");              // outside an organisation folder
  dir.write("org-a/.hidden.yaml", "not: [valid");          // hidden file
  dir.write(".hidden-org/bot.yaml", bot_with_id("hidden")); // hidden folder
  dir.write("org-a/notes.txt", "not a bot");
  dir.write("org-a/README.md", "# notes");
  dir.write("org-a/sub/nested.yaml", bot_with_id("nested"));
  dir.write("org-a/bot.yaml", bot_with_id("real"));
  const auto result = voki::bots::load_bots(dir.path().string());
  EXPECT_TRUE(result.errors.empty()) << all(result.errors);
  ASSERT_EQ(result.bots.size(), 1u);
  EXPECT_EQ(result.bots[0].id, "real");
  EXPECT_EQ(result.bots[0].organisation, "org-a");
}

TEST(LoadBots, OrganisationTakenFromFolderAndOrderIsSorted) {
  TempDir dir;
  dir.write("zeta/b.yaml", bot_with_id("b"));
  dir.write("alpha/z.yaml", bot_with_id("a-last-file-first-id"));
  dir.write("alpha/a.yaml", bot_with_id("zz"));
  dir.write("zeta/a.yaml", bot_with_id("c"));
  const auto result = voki::bots::load_bots(dir.path().string());
  ASSERT_TRUE(result.errors.empty()) << all(result.errors);
  ASSERT_EQ(result.bots.size(), 4u);
  EXPECT_EQ(result.bots[0].organisation + "/" + result.bots[0].id, "alpha/a-last-file-first-id");
  EXPECT_EQ(result.bots[1].organisation + "/" + result.bots[1].id, "alpha/zz");
  EXPECT_EQ(result.bots[2].organisation + "/" + result.bots[2].id, "zeta/b");
  EXPECT_EQ(result.bots[3].organisation + "/" + result.bots[3].id, "zeta/c");
}

TEST(LoadBots, RejectsLargeFilesAndBadFolders) {
  TempDir dir;
  const auto large = dir.write("org/large.yaml", bot_with_id("large") + "# " + std::string(256 * 1024, 'x') + "\n");
  dir.write("Bad Org/bot.yaml", bot_with_id("bad-org"));
  dir.write("org/fine.yaml", bot_with_id("fine"));
  const auto result = voki::bots::load_bots(dir.path().string());
  ASSERT_EQ(result.bots.size(), 1u) << all(result.errors);
  EXPECT_EQ(result.bots[0].id, "fine");
  const LoadError* large_error = error_for(result, large);
  ASSERT_NE(large_error, nullptr) << all(result.errors);
  EXPECT_NE(large_error->message.find("too large"), std::string::npos);
  EXPECT_EQ(result.errors.size(), 2u) << all(result.errors);
}

TEST(LoadBots, MissingRootIsReported) {
  const auto result = voki::bots::load_bots("/nonexistent/voki-bots");
  EXPECT_TRUE(result.bots.empty());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 0);
}

TEST(CatalogueLookup, FindsByOrganisationAndId) {
  TempDir dir;
  dir.write("org-a/x.yaml", bot_with_id("shared-id"));
  dir.write("org-a/y.yaml", bot_with_id("only-a"));
  dir.write("org-b/x.yaml", bot_with_id("shared-id"));
  auto result = voki::bots::load_bots(dir.path().string());
  ASSERT_TRUE(result.errors.empty()) << all(result.errors);
  const Catalogue catalogue(std::move(result.bots));
  EXPECT_EQ(catalogue.size(), 3u);
  const Bot* a = catalogue.find("org-a", "shared-id");
  const Bot* b = catalogue.find("org-b", "shared-id");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a, b);
  EXPECT_EQ(a->organisation, "org-a");
  EXPECT_EQ(b->organisation, "org-b");
  EXPECT_EQ(catalogue.find("org-b", "only-a"), nullptr);  // no leaking across organisations
  EXPECT_EQ(catalogue.find("org-c", "shared-id"), nullptr);
  EXPECT_EQ(catalogue.find("org-a", ""), nullptr);
}

TEST(CatalogueLookup, ForOrganisationIsIsolatedAndSorted) {
  std::vector<Bot> bots(4);
  bots[0].organisation = "org-b";
  bots[0].id = "z";
  bots[1].organisation = "org-a";
  bots[1].id = "y";
  bots[2].organisation = "org-a";
  bots[2].id = "b";
  bots[3].organisation = "org-a";
  bots[3].id = "b";  // duplicate: the first one given wins
  bots[3].avatar = "second";
  const Catalogue catalogue(std::move(bots));
  const auto org_a = catalogue.for_organisation("org-a");
  ASSERT_EQ(org_a.size(), 2u);
  EXPECT_EQ(org_a[0]->id, "b");
  EXPECT_EQ(org_a[0]->avatar, "");
  EXPECT_EQ(org_a[1]->id, "y");
  const auto org_b = catalogue.for_organisation("org-b");
  ASSERT_EQ(org_b.size(), 1u);
  EXPECT_EQ(org_b[0]->organisation, "org-b");
  EXPECT_TRUE(catalogue.for_organisation("org-c").empty());
  EXPECT_TRUE(Catalogue().for_organisation("org-a").empty());
}
