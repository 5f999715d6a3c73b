// Behaviour of the SQLite store on real database files in a temporary folder.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "test_support.h"

namespace voki::store {
namespace {

using namespace testing;

// Reads one value with a separate plain SQLite connection, to check what is really on disk.
std::string query_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("test: cannot open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* statement = nullptr;
  std::string result;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    std::string error = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("test: " + error);
  }
  if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return result;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path = folder.file("voki.db");
    store = open_sqlite_store(db_path, 4);
    store->put_organisation(make_organisation("test-org", "Test organisation"));
    group = store->create_class(make_class("test-org", "Norsk A2 morning"));
    learner = store->create_participant(make_participant("test-org", group.id));
  }

  Message user_message(const std::string& conversation_id, const std::string& text,
                       Timestamp created_at = 0) {
    Message m;
    m.conversation_id = conversation_id;
    m.role = "user";
    m.text = text;
    m.created_at = created_at;
    return store->add_message(m);
  }

  static std::vector<std::string> texts(const std::vector<Message>& messages) {
    std::vector<std::string> result;
    for (const auto& m : messages) result.push_back(m.text);
    return result;
  }

  TempFolder folder;
  std::string db_path;
  std::unique_ptr<Store> store;
  ClassGroup group;
  Participant learner;
};

// ---- identifiers ----------------------------------------------------------------------------

TEST(RandomTest, IdsAreThirtyTwoLowercaseHexAndDistinct) {
  std::set<std::string> seen;
  const std::regex hex32("^[0-9a-f]{32}$");
  for (int i = 0; i < 1000; ++i) {
    std::string id = random_id();
    EXPECT_TRUE(std::regex_match(id, hex32)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(RandomTest, JoinCodesUseOnlyUnambiguousCharacters) {
  const std::regex shape("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$");
  std::set<std::string> seen;
  std::set<char> used;
  for (int i = 0; i < 2000; ++i) {
    std::string code = random_join_code();
    ASSERT_TRUE(std::regex_match(code, shape)) << code;
    for (char c : std::string("0O1IL")) EXPECT_EQ(code.find(c), std::string::npos) << code;
    for (char c : code) used.insert(c);
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 1990u);   // 31^8 codes: collisions in 2000 draws are very unlikely
  EXPECT_EQ(used.size(), 31u + 1);  // the whole alphabet shows up, plus '-'
}

TEST(RandomTest, NowIsMillisecondsSinceEpoch) {
  const Timestamp now = now_ms();
  EXPECT_GT(now, 1'600'000'000'000);  // after 2020
  EXPECT_LT(now, 4'000'000'000'000);  // and in milliseconds, not microseconds
}

// ---- opening and migrations -----------------------------------------------------------------

TEST(OpenTest, CreatesParentFoldersAndRecordsVersion) {
  TempFolder folder;
  const std::string path = folder.file("deep/er/voki.db");
  auto store = open_sqlite_store(path, 2);
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(store->schema_version(), 1);
  EXPECT_EQ(query_text(path, "SELECT group_concat(version) FROM schema_migrations"), "1");
  EXPECT_NE(query_text(path, "SELECT applied_at FROM schema_migrations WHERE version = 1"), "");
}

TEST(OpenTest, MigrateIsIdempotent) {
  TempFolder folder;
  const std::string path = folder.file("voki.db");
  {
    auto store = open_sqlite_store(path, 1);
    store->put_organisation(make_organisation("keep", "Kept across reopen"));
    EXPECT_EQ(store->migrate(), 1);
    EXPECT_EQ(store->migrate(), 1);
  }
  auto reopened = open_sqlite_store(path, 3);
  EXPECT_EQ(reopened->migrate(), 1);
  EXPECT_EQ(query_text(path, "SELECT COUNT(*) FROM schema_migrations"), "1");
  ASSERT_TRUE(reopened->organisation("keep"));
  EXPECT_EQ(reopened->organisation("keep")->name, "Kept across reopen");
}

TEST(OpenTest, RefusesDatabaseFromNewerVersion) {
  TempFolder folder;
  const std::string path = folder.file("voki.db");
  open_sqlite_store(path, 1).reset();
  query_text(path, "INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)");
  try {
    open_sqlite_store(path, 1);
    FAIL() << "a database from a newer Voki was opened";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99"), std::string::npos) << e.what();
  }
}

TEST(OpenTest, WalJournalAndForeignKeysAreOn) {
  TempFolder folder;
  const std::string path = folder.file("voki.db");
  auto store = open_sqlite_store(path, 2);
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
  // foreign_keys is per connection: observe it through the store, a child without parent fails.
  EXPECT_THROW(store->create_conversation("no-such-participant", "no-such-org", "bot"),
               ConflictError);
}

TEST(OpenTest, ConcurrentOpenersMigrateOnce) {
  TempFolder folder;
  const std::string path = folder.file("voki.db");
  std::atomic<int> failures = 0;
  std::vector<std::thread> openers;
  for (int i = 0; i < 6; ++i) {
    openers.emplace_back([&] {
      try {
        auto store = open_sqlite_store(path, 1);
        if (store->schema_version() != 1) ++failures;
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (auto& t : openers) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(query_text(path, "SELECT COUNT(*) FROM schema_migrations"), "1");
}

// Separate processes lock through the file system, unlike connections inside one process.
TEST(OpenTest, ConcurrentProcessesMigrateOnce) {
  TempFolder folder;
  const std::string path = folder.file("voki.db");
  std::vector<pid_t> children;
  for (int i = 0; i < 4; ++i) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int status = 1;
      try {
        status = open_sqlite_store(path, 2)->schema_version() == 1 ? 0 : 2;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", static_cast<int>(getpid()), e.what());
      }
      _exit(status);  // no atexit handlers or gtest teardown in the child
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = -1;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child status " << status;
  }
  EXPECT_EQ(query_text(path, "SELECT COUNT(*) FROM schema_migrations"), "1");
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode"), "wal");
}

TEST(OpenTest, PathWithSpacesWorks) {
  TempFolder folder;
  const std::string path = folder.file("with space/voki data.db");
  auto store = open_sqlite_store(path, 1);
  store->put_organisation(make_organisation("org", "Org"));
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(OpenTest, RejectsBadArguments) {
  TempFolder folder;
  EXPECT_THROW(open_sqlite_store("", 1), std::invalid_argument);
  EXPECT_THROW(open_sqlite_store(":memory:", 1), std::invalid_argument);
  EXPECT_THROW(open_sqlite_store(folder.file("a.db"), 0), std::invalid_argument);
  EXPECT_THROW(open_sqlite_store(folder.file("a.db"), 1000), std::invalid_argument);
  EXPECT_THROW(open_sqlite_store(folder.file("quote\".db"), 1), std::invalid_argument);
}

TEST(OpenTest, NotADatabaseGivesClearError) {
  TempFolder folder;
  const std::string path = folder.file("garbage.db");
  {
    std::ofstream out(path);
    out << std::string(4096, 'x');
  }
  EXPECT_THROW(open_sqlite_store(path, 1), std::runtime_error);
}

// ---- organisations --------------------------------------------------------------------------

TEST_F(StoreTest, OrganisationInsertUpdateAndList) {
  EXPECT_FALSE(store->organisation("nav-jobbsjansen"));
  store->put_organisation(make_organisation("nav-jobbsjansen", "NAV", 14, "Be kind."));
  auto org = store->organisation("nav-jobbsjansen");
  ASSERT_TRUE(org);
  EXPECT_EQ(org->name, "NAV");
  EXPECT_EQ(org->policy, "Be kind.");
  EXPECT_EQ(org->retention_days, 14);

  store->put_organisation(make_organisation("nav-jobbsjansen", "NAV Jobbsjansen", 7));
  org = store->organisation("nav-jobbsjansen");
  ASSERT_TRUE(org);
  EXPECT_EQ(org->name, "NAV Jobbsjansen");
  EXPECT_EQ(org->policy, "");
  EXPECT_EQ(org->retention_days, 7);

  auto all = store->organisations();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "nav-jobbsjansen");  // ordered by id
  EXPECT_EQ(all[1].id, "test-org");
}

TEST_F(StoreTest, OrganisationRejectsBadInput) {
  EXPECT_THROW(store->put_organisation(make_organisation("", "x")), std::invalid_argument);
  EXPECT_THROW(store->put_organisation(make_organisation("x", "")), std::invalid_argument);
  EXPECT_THROW(store->put_organisation(make_organisation("x", "x", 0)),
               std::invalid_argument);
  EXPECT_THROW(store->put_organisation(make_organisation(std::string(500, 'a'), "x")),
               std::invalid_argument);
  EXPECT_THROW(store->put_organisation(make_organisation("x", "x", 30, std::string(30'000, 'p'))),
               std::invalid_argument);
  EXPECT_EQ(store->organisations().size(), 1u);
}

// ---- classes --------------------------------------------------------------------------------

TEST_F(StoreTest, CreateClassFillsIdTimeAndCode) {
  EXPECT_EQ(group.id.size(), 32u);
  EXPECT_GT(group.created_at, 0);
  EXPECT_TRUE(std::regex_match(group.join_code, std::regex("^[2-9A-Z]{4}-[2-9A-Z]{4}$")));
  auto by_id = store->class_by_id(group.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->name, "Norsk A2 morning");
  EXPECT_EQ(by_id->join_code, group.join_code);
  EXPECT_EQ(by_id->organisation_id, "test-org");
  EXPECT_EQ(by_id->level, "A2");
  EXPECT_EQ(by_id->created_at, group.created_at);
}

TEST_F(StoreTest, JoinCodeLookupIgnoresCaseAndSurroundingSpaces) {
  auto chosen = store->create_class(make_class("test-org", "Evening", " kveld-b1x ", "B1"));
  EXPECT_EQ(chosen.join_code, "KVELD-B1X");
  for (const char* typed : {"KVELD-B1X", "kveld-b1x", "  Kveld-B1x\t", "\nkVELD-b1X "}) {
    auto found = store->class_by_code(typed);
    ASSERT_TRUE(found) << typed;
    EXPECT_EQ(found->id, chosen.id);
    EXPECT_EQ(found->level, "B1");
  }
  EXPECT_FALSE(store->class_by_code("KVELD-B1"));
  EXPECT_FALSE(store->class_by_code(""));
  EXPECT_FALSE(store->class_by_code("'; DROP TABLE classes; --"));
  EXPECT_FALSE(store->class_by_code(std::string(10'000, 'A')));
  EXPECT_FALSE(store->class_by_id("unknown"));
}

TEST_F(StoreTest, DuplicateJoinCodeIsConflict) {
  store->create_class(make_class("test-org", "One", "SAME-CODE"));
  EXPECT_THROW(
      store->create_class(make_class("test-org", "Two", "same-code")),
      ConflictError);
  EXPECT_THROW(store->create_class(make_class("test-org", "Three", group.join_code)),
               ConflictError);
}

TEST_F(StoreTest, ClassRejectsBadInput) {
  EXPECT_THROW(store->create_class(make_class("test-org", "x", "æøå-123")),
               std::invalid_argument);
  EXPECT_THROW(store->create_class(make_class("test-org", "x", "AB")),
               std::invalid_argument);
  EXPECT_THROW(store->create_class(make_class("test-org", "x", "", "Z9")),
               std::invalid_argument);
  EXPECT_THROW(store->create_class(make_class("test-org", "")),
               std::invalid_argument);
  // An unknown organisation breaks the foreign key.
  EXPECT_THROW(store->create_class(make_class("no-such-org", "x")), ConflictError);
}

// ---- participants ---------------------------------------------------------------------------

TEST_F(StoreTest, ParticipantCreateReadUpdate) {
  auto read = store->participant(learner.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->class_id, group.id);
  EXPECT_EQ(read->organisation_id, "test-org");
  EXPECT_EQ(read->ui_language, "nb");
  EXPECT_EQ(read->support_language, "");
  EXPECT_EQ(read->level, "A2");
  EXPECT_EQ(read->created_at, learner.created_at);

  read->ui_language = "ar";
  read->support_language = "ti";
  read->level = "B1";
  read->class_id = "ignored-by-update";
  store->update_participant(*read);
  auto updated = store->participant(learner.id);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->ui_language, "ar");
  EXPECT_EQ(updated->support_language, "ti");
  EXPECT_EQ(updated->level, "B1");
  EXPECT_EQ(updated->class_id, group.id);
}

TEST_F(StoreTest, ParticipantWithoutClass) {
  auto p = store->create_participant(make_participant("test-org"));
  auto read = store->participant(p.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->class_id, "");
}

TEST_F(StoreTest, ParticipantRejectsBadInput) {
  EXPECT_FALSE(store->participant("unknown"));
  Participant ghost = learner;
  ghost.id = "unknown";
  EXPECT_THROW(store->update_participant(ghost), std::invalid_argument);
  Participant bad = learner;
  bad.level = "expert";
  EXPECT_THROW(store->update_participant(bad), std::invalid_argument);
  bad = learner;
  bad.ui_language = "nb; DROP";
  EXPECT_THROW(store->update_participant(bad), std::invalid_argument);
  EXPECT_THROW(store->create_participant(make_participant("test-org", "no-class")),
               ConflictError);
  EXPECT_EQ(store->participant(learner.id)->level, "A2");
}

// ---- sessions -------------------------------------------------------------------------------

TEST_F(StoreTest, SessionsExpireAndCanBeDeleted) {
  const Timestamp now = now_ms();
  store->create_session("hash-1", learner.id, now + 60'000);
  EXPECT_EQ(store->session_participant("hash-1", now), learner.id);
  EXPECT_EQ(store->session_participant("hash-1", now + 59'999), learner.id);
  EXPECT_FALSE(store->session_participant("hash-1", now + 60'000));  // expired at expires_at
  EXPECT_FALSE(store->session_participant("hash-2", now));

  EXPECT_THROW(store->create_session("hash-1", learner.id, now + 1), ConflictError);
  EXPECT_THROW(store->create_session("hash-3", "no-such-participant", now + 1), ConflictError);
  EXPECT_THROW(store->create_session("", learner.id, now + 1), std::invalid_argument);

  store->delete_session("hash-1");
  EXPECT_FALSE(store->session_participant("hash-1", now));
  store->delete_session("hash-1");  // deleting twice is harmless
}

// ---- conversations and messages -------------------------------------------------------------

TEST_F(StoreTest, ConversationCreateReadAndListPerParticipant) {
  auto other = store->create_participant(make_participant("test-org", group.id));
  auto first = store->create_conversation(learner.id, "test-org", "word-explainer");
  auto theirs = store->create_conversation(other.id, "test-org", "word-explainer");
  auto second = store->create_conversation(learner.id, "test-org", "job-interview");

  auto read = store->conversation(first.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->participant_id, learner.id);
  EXPECT_EQ(read->organisation_id, "test-org");
  EXPECT_EQ(read->bot_id, "word-explainer");
  EXPECT_EQ(read->created_at, first.created_at);
  EXPECT_EQ(read->updated_at, first.created_at);
  EXPECT_FALSE(store->conversation("unknown"));

  // The most recently used comes first: a message makes `first` the newest.
  user_message(first.id, "Hei", now_ms() + 10'000);
  auto mine = store->conversations_of(learner.id);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, first.id);
  EXPECT_EQ(mine[1].id, second.id);
  auto others = store->conversations_of(other.id);
  ASSERT_EQ(others.size(), 1u);
  EXPECT_EQ(others[0].id, theirs.id);
  EXPECT_TRUE(store->conversations_of("nobody").empty());
}

TEST_F(StoreTest, DeleteConversationCascadesToMessages) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  auto kept = store->create_conversation(learner.id, "test-org", "bot");
  for (int i = 0; i < 5; ++i) user_message(conversation.id, "message " + std::to_string(i));
  user_message(kept.id, "stays");
  EXPECT_EQ(query_text(db_path, "SELECT COUNT(*) FROM messages"), "6");

  EXPECT_TRUE(store->delete_conversation(conversation.id));
  EXPECT_FALSE(store->delete_conversation(conversation.id));
  EXPECT_FALSE(store->conversation(conversation.id));
  EXPECT_TRUE(store->messages(conversation.id).empty());
  EXPECT_EQ(query_text(db_path, "SELECT COUNT(*) FROM messages"), "1");
  EXPECT_EQ(texts(store->messages(kept.id)), std::vector<std::string>{"stays"});
}

TEST_F(StoreTest, AddMessageFillsFieldsAndTouchesConversation) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  Message m;
  m.conversation_id = conversation.id;
  m.role = "assistant";
  m.text = "Hei! Hva heter du?";
  m.quick = "simpler";
  m.created_at = conversation.created_at + 5000;
  auto added = store->add_message(m);
  EXPECT_EQ(added.id.size(), 32u);
  EXPECT_EQ(added.status, "complete");
  EXPECT_EQ(store->conversation(conversation.id)->updated_at, conversation.created_at + 5000);

  // An older timestamp never moves updated_at backwards.
  user_message(conversation.id, "late arrival", conversation.created_at + 1000);
  EXPECT_EQ(store->conversation(conversation.id)->updated_at, conversation.created_at + 5000);

  auto all = store->messages(conversation.id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].id, added.id);
  EXPECT_EQ(all[1].role, "assistant");
  EXPECT_EQ(all[1].text, "Hei! Hva heter du?");
  EXPECT_EQ(all[1].quick, "simpler");
  EXPECT_EQ(all[1].conversation_id, conversation.id);
  EXPECT_EQ(all[1].created_at, conversation.created_at + 5000);
}

TEST_F(StoreTest, MessagesReturnsNewestLimitOldestFirstWithStableTies) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  const Timestamp same_moment = now_ms();
  for (int i = 0; i < 10; ++i) user_message(conversation.id, std::to_string(i), same_moment);
  EXPECT_EQ(texts(store->messages(conversation.id, 3)), (std::vector<std::string>{"7", "8", "9"}));
  EXPECT_EQ(store->messages(conversation.id).size(), 10u);
  EXPECT_EQ(texts(store->messages(conversation.id, 10)).front(), "0");
  EXPECT_TRUE(store->messages(conversation.id, 0).empty());
  EXPECT_TRUE(store->messages(conversation.id, -5).empty());

  // Timestamps order first; insertion order only breaks ties.
  user_message(conversation.id, "earlier", same_moment - 1);
  user_message(conversation.id, "later", same_moment + 1);
  EXPECT_EQ(texts(store->messages(conversation.id, 2)), (std::vector<std::string>{"9", "later"}));
  EXPECT_EQ(store->messages(conversation.id, 100).front().text, "earlier");
}

TEST_F(StoreTest, MessagesKeepsUnicodeAndLongText) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  const std::string norwegian = "Jeg går på skolen i Ørsta. أنا أتعلم. Я вчуся. ኣነ";
  const std::string long_text(90'000, 'x');
  user_message(conversation.id, norwegian);
  user_message(conversation.id, long_text);
  auto all = store->messages(conversation.id);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].text, norwegian);
  EXPECT_EQ(all[1].text, long_text);
}

TEST_F(StoreTest, FinishMessageAndFeedback) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  Message streaming;
  streaming.conversation_id = conversation.id;
  streaming.role = "assistant";
  streaming.status = "streaming";
  streaming.created_at = conversation.created_at;
  streaming = store->add_message(streaming);
  EXPECT_EQ(store->messages(conversation.id)[0].status, "streaming");

  store->finish_message(streaming.id, "Det var bra!", "complete");
  store->set_message_feedback(streaming.id, R"([{"rule":"v2","span":[0,3]}])");
  auto read = store->messages(conversation.id);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].text, "Det var bra!");
  EXPECT_EQ(read[0].status, "complete");
  EXPECT_EQ(read[0].feedback_json, R"([{"rule":"v2","span":[0,3]}])");
  EXPECT_GE(store->conversation(conversation.id)->updated_at, conversation.created_at);

  store->finish_message(streaming.id, "Stopped here", "stopped");
  EXPECT_EQ(store->messages(conversation.id)[0].status, "stopped");

  EXPECT_THROW(store->finish_message(streaming.id, "x", "done"), std::invalid_argument);
  EXPECT_THROW(store->set_message_feedback(streaming.id, std::string(300'000, '[')),
               std::invalid_argument);
  // A message that no longer exists (its conversation was deleted mid-stream) is ignored.
  EXPECT_NO_THROW(store->finish_message("gone", "text", "complete"));
  EXPECT_NO_THROW(store->set_message_feedback("gone", "[]"));
  EXPECT_EQ(query_text(db_path, "SELECT COUNT(*) FROM messages"), "1");
}

TEST_F(StoreTest, AddMessageRejectsBadInput) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  Message m;
  m.conversation_id = conversation.id;
  m.role = "system";
  m.text = "x";
  EXPECT_THROW(store->add_message(m), std::invalid_argument);
  m.role = "user";
  m.quick = "louder";
  EXPECT_THROW(store->add_message(m), std::invalid_argument);
  m.quick = "";
  m.status = "maybe";
  EXPECT_THROW(store->add_message(m), std::invalid_argument);
  m.status = "complete";
  m.text = std::string(100'001, 'x');
  EXPECT_THROW(store->add_message(m), std::invalid_argument);
  EXPECT_TRUE(store->messages(conversation.id).empty());
}

// SOCI's own error text quotes the statement with its bound values; ours must not.
TEST_F(StoreTest, ErrorsNeverContainMessageText) {
  const std::string secret = "Mitt fødselsnummer er hemmelig 0101";
  Message m;
  m.conversation_id = "no-such-conversation";
  m.role = "user";
  m.text = secret;
  try {
    store->add_message(m);
    FAIL() << "message to an unknown conversation was stored";
  } catch (const ConflictError& e) {
    EXPECT_EQ(std::string(e.what()).find("hemmelig"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("add_message"), std::string::npos) << e.what();
  }

  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  m.conversation_id = conversation.id;
  auto first = store->add_message(m);
  m.id = first.id;  // same id again: unique violation
  try {
    store->add_message(m);
    FAIL() << "duplicate message id was stored";
  } catch (const ConflictError& e) {
    EXPECT_EQ(std::string(e.what()).find("hemmelig"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store->messages(conversation.id).size(), 1u);  // the failed write left nothing
}

// ---- group commit ---------------------------------------------------------------------------

MessageWrite add_write(const std::string& conversation_id, const std::string& role, const std::string& text) {
  MessageWrite write;
  write.message.conversation_id = conversation_id;
  write.message.role = role;
  write.message.text = text;
  return write;
}

void expect_throws_as(const std::exception_ptr& error, bool conflict, const std::string& what_part) {
  ASSERT_TRUE(error);
  try {
    std::rethrow_exception(error);
  } catch (const ConflictError& e) {
    EXPECT_TRUE(conflict) << e.what();
    EXPECT_NE(std::string(e.what()).find(what_part), std::string::npos) << e.what();
  } catch (const std::invalid_argument& e) {
    EXPECT_FALSE(conflict) << e.what();
    EXPECT_NE(std::string(e.what()).find(what_part), std::string::npos) << e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "unexpected error type: " << e.what();
  }
}

TEST_F(StoreTest, WriteGroupStoresEveryWriteInOrder) {
  auto first = store->create_conversation(learner.id, "test-org", "bot");
  auto second = store->create_conversation(learner.id, "test-org", "bot");
  auto earlier = user_message(first.id, "Jeg liker kaffe.");
  std::vector<MessageWrite> writes;
  writes.push_back(add_write(first.id, "assistant", "Så fint! Drikker du den svart?"));
  writes.push_back(add_write(second.id, "user", "Hei!"));
  writes.back().message.created_at = second.created_at + 7000;
  MessageWrite feedback;
  feedback.kind = MessageWrite::Kind::set_feedback;
  feedback.message.id = earlier.id;
  feedback.message.feedback_json = R"([{"rule":"r1"}])";
  writes.push_back(feedback);
  writes.push_back(add_write(second.id, "assistant", "Hei! Hvordan går det?"));
  writes.back().message.created_at = second.created_at + 8000;

  const auto outcomes = store->write_group(writes);
  ASSERT_EQ(outcomes.size(), 4u);
  for (const auto& outcome : outcomes) EXPECT_FALSE(outcome.error);
  EXPECT_EQ(outcomes[0].message.id.size(), 32u);
  EXPECT_GT(outcomes[0].message.created_at, 0);
  EXPECT_EQ(outcomes[0].message.text, "Så fint! Drikker du den svart?");
  EXPECT_EQ(outcomes[1].message.created_at, second.created_at + 7000);

  EXPECT_EQ(texts(store->messages(first.id)),
            (std::vector<std::string>{"Jeg liker kaffe.", "Så fint! Drikker du den svart?"}));
  EXPECT_EQ(store->messages(first.id)[0].feedback_json, R"([{"rule":"r1"}])");
  const auto in_second = store->messages(second.id);
  ASSERT_EQ(in_second.size(), 2u);
  EXPECT_EQ(in_second[0].id, outcomes[1].message.id);
  EXPECT_EQ(in_second[1].id, outcomes[3].message.id);
  EXPECT_EQ(in_second[1].role, "assistant");
  EXPECT_EQ(store->conversation(second.id)->updated_at, second.created_at + 8000);
  EXPECT_TRUE(store->write_group({}).empty());
}

// One bad write (unknown conversation, duplicate id, bad input) costs only itself.
TEST_F(StoreTest, WriteGroupKeepsTheOthersWhenOneFails) {
  const std::string secret = "Mitt hemmelige svar";
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  auto existing = user_message(conversation.id, "Hva er klokka?");
  std::vector<MessageWrite> writes;
  writes.push_back(add_write(conversation.id, "assistant", "Den er ti."));
  writes.push_back(add_write("no-such-conversation", "assistant", secret));
  writes.push_back(add_write(conversation.id, "user", "Takk!"));
  writes.push_back(add_write(conversation.id, "assistant", secret));
  writes.back().message.id = existing.id;  // unique violation
  writes.push_back(add_write(conversation.id, "robot", secret));
  MessageWrite feedback;
  feedback.kind = MessageWrite::Kind::set_feedback;
  feedback.message.id = existing.id;
  feedback.message.feedback_json = std::string(300'000, '[');
  writes.push_back(feedback);
  writes.push_back(add_write(conversation.id, "assistant", "Bare hyggelig."));

  const auto outcomes = store->write_group(writes);
  ASSERT_EQ(outcomes.size(), 7u);
  EXPECT_FALSE(outcomes[0].error);
  expect_throws_as(outcomes[1].error, true, "add_message");
  EXPECT_FALSE(outcomes[2].error);
  expect_throws_as(outcomes[3].error, true, "add_message");
  expect_throws_as(outcomes[4].error, false, "role");
  expect_throws_as(outcomes[5].error, false, "feedback");
  EXPECT_FALSE(outcomes[6].error);
  for (const auto& outcome : outcomes) {
    if (!outcome.error) continue;
    try {
      std::rethrow_exception(outcome.error);
    } catch (const std::exception& e) {
      EXPECT_EQ(std::string(e.what()).find("hemmelige"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(texts(store->messages(conversation.id)),
            (std::vector<std::string>{"Hva er klokka?", "Den er ti.", "Takk!", "Bare hyggelig."}));
  EXPECT_EQ(store->messages(conversation.id)[0].feedback_json, "");
  EXPECT_EQ(query_text(db_path, "SELECT COUNT(*) FROM messages"), "4");

  // A write alone (no savepoint) that fails is rolled back with its transaction; the next works.
  auto alone = store->write_group({add_write("no-such-conversation", "assistant", secret)});
  ASSERT_EQ(alone.size(), 1u);
  expect_throws_as(alone[0].error, true, "add_message");
  alone = store->write_group({add_write(conversation.id, "user", "En til.")});
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_FALSE(alone[0].error);
  EXPECT_EQ(query_text(db_path, "SELECT COUNT(*) FROM messages"), "5");
}

// All writes of a group become visible together: one transaction.
TEST_F(StoreTest, WriteGroupIsOneTransaction) {
  auto conversation = store->create_conversation(learner.id, "test-org", "bot");
  std::vector<MessageWrite> writes;
  for (int i = 0; i < 50; ++i) writes.push_back(add_write(conversation.id, "user", std::to_string(i)));
  std::atomic<bool> done = false;
  std::atomic<int> partial_reads = 0;
  std::thread reader([&] {
    while (!done) {
      const auto count = std::stoi(query_text(db_path, "SELECT COUNT(*) FROM messages"));
      if (count != 0 && count != 50) ++partial_reads;
    }
  });
  store->write_group(writes);
  done = true;
  reader.join();
  EXPECT_EQ(partial_reads.load(), 0);
  EXPECT_EQ(store->messages(conversation.id).size(), 50u);
}

TEST_F(StoreTest, DeleteConversationsBeforeOnlyInThatOrganisation) {
  store->put_organisation(make_organisation("other-org", "Other"));
  auto other_learner = store->create_participant(make_participant("other-org"));
  auto other_old = store->create_conversation(other_learner.id, "other-org", "bot");
  auto old_one = store->create_conversation(learner.id, "test-org", "bot");
  user_message(old_one.id, "old");
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const Timestamp cutoff = now_ms();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto recent = store->create_conversation(learner.id, "test-org", "bot");
  user_message(recent.id, "recent");

  EXPECT_EQ(store->delete_conversations_before("test-org", cutoff), 1);
  EXPECT_FALSE(store->conversation(old_one.id));
  EXPECT_TRUE(store->conversation(recent.id));
  EXPECT_TRUE(store->conversation(other_old.id));  // older, but another organisation's
  EXPECT_EQ(query_text(db_path, "SELECT group_concat(text) FROM messages"), "recent");
  EXPECT_EQ(store->delete_conversations_before("test-org", cutoff), 0);
  EXPECT_EQ(store->delete_conversations_before("other-org", now_ms() + 1), 1);
}

// ---- concurrency ----------------------------------------------------------------------------

TEST_F(StoreTest, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  std::vector<Conversation> conversations;
  for (int t = 0; t < kThreads; ++t) {
    conversations.push_back(store->create_conversation(learner.id, "test-org", "bot"));
  }
  auto shared = store->create_conversation(learner.id, "test-org", "bot");
  std::atomic<int> errors = 0;
  std::vector<std::string> first_error(kThreads);
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        try {
          user_message(conversations[t].id, std::to_string(i));
          if (i % 10 == 0) user_message(shared.id, "shared");
        } catch (const std::exception& e) {
          if (errors++ == 0) first_error[t] = e.what();
        }
      }
    });
  }
  for (auto& w : writers) w.join();
  EXPECT_EQ(errors.load(), 0) << first_error[0];
  for (int t = 0; t < kThreads; ++t) {
    auto all = store->messages(conversations[t].id, 1000);
    ASSERT_EQ(all.size(), static_cast<std::size_t>(kPerThread));
    for (int i = 0; i < kPerThread; ++i) EXPECT_EQ(all[i].text, std::to_string(i));
  }
  EXPECT_EQ(store->messages(shared.id, 1000).size(), static_cast<std::size_t>(kThreads * 20));
  EXPECT_EQ(query_text(db_path, "SELECT COUNT(*) FROM messages"),
            std::to_string(kThreads * kPerThread + kThreads * 20));
}

}  // namespace
}  // namespace voki::store
