// Database::run from Asio coroutines: work on the pool, resumption on the caller's executor.
#include <gtest/gtest.h>

#include "store/database.h"  // first: it brings Asio in with the <utility> fix

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <functional>
#include <latch>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace voki::store {
namespace {

using namespace testing;

// Runs `body` as a coroutine on an io_context driven by its own thread, and waits for it.
template <typename Body>
void run_on_io_thread(Body body) {
  asio::io_context io;
  asio::co_spawn(io, std::move(body), asio::detached);
  std::thread io_thread([&] { io.run(); });
  io_thread.join();
}

class DatabaseTest : public ::testing::Test {
 protected:
  TempFolder folder;
  Database db{open_sqlite_store(folder.file("voki.db"), 2), 2};
};

TEST_F(DatabaseTest, RunsOnPoolAndResumesOnIoThread) {
  std::thread::id io_thread_id, worker_thread_id, resumed_thread_id;
  std::optional<Organisation> found;
  run_on_io_thread([&]() -> Task<void> {
    io_thread_id = std::this_thread::get_id();
    co_await db.run([](Store& s) { s.put_organisation(make_organisation("org", "Org")); });
    worker_thread_id = co_await db.run([](Store&) { return std::this_thread::get_id(); });
    found = co_await db.run([](Store& s) { return s.organisation("org"); });
    resumed_thread_id = std::this_thread::get_id();
  });
  EXPECT_NE(io_thread_id, std::thread::id());
  EXPECT_NE(worker_thread_id, io_thread_id);
  EXPECT_EQ(resumed_thread_id, io_thread_id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Org");
}

// The pool's threads are named, so that top, perf and /proc tell them from the I/O thread.
TEST_F(DatabaseTest, PoolThreadsAreNamed) {
  std::vector<std::string> names;
  run_on_io_thread([&]() -> Task<void> {
    for (int i = 0; i < 4; ++i) {
      names.push_back(co_await db.run([](Store&) {
        char name[16] = {};
        pthread_getname_np(pthread_self(), name, sizeof name);
        return std::string(name);
      }));
    }
  });
  ASSERT_EQ(names.size(), 4u);
  for (const auto& name : names) EXPECT_EQ(name, "voki-db");
}

TEST_F(DatabaseTest, ExceptionsReachTheCoroutineWithTheirType) {
  bool conflict_caught = false, invalid_caught = false, custom_caught = false, continued = false;
  run_on_io_thread([&]() -> Task<void> {
    co_await db.run([](Store& s) { s.put_organisation(make_organisation("org", "Org")); });
    co_await db.run([](Store& s) {
      return s.create_class(make_class("org", "A", "ABCD-EFGH"));
    });
    try {
      co_await db.run([](Store& s) {
        return s.create_class(make_class("org", "B", "abcd-efgh"));
      });
    } catch (const ConflictError&) {
      conflict_caught = true;
    }
    try {
      co_await db.run([](Store& s) { s.put_organisation(make_organisation("", "x")); });  // void
    } catch (const std::invalid_argument&) {
      invalid_caught = true;
    }
    try {
      co_await db.run([](Store&) -> int { throw std::logic_error("from the pool"); });
    } catch (const std::logic_error& e) {
      custom_caught = std::string(e.what()) == "from the pool";
    }
    continued = (co_await db.run([](Store& s) { return s.organisations().size(); })) == 1u;
  });
  EXPECT_TRUE(conflict_caught);
  EXPECT_TRUE(invalid_caught);
  EXPECT_TRUE(custom_caught);
  EXPECT_TRUE(continued);
}

// Results need not be default-constructible (Boost 1.74's co_spawn alone would require it).
struct NoDefault {
  explicit NoDefault(int v) : value(v) {}
  int value;
};

TEST_F(DatabaseTest, ResultTypesWithoutDefaultConstructorAndMoveOnlyWork) {
  int value = 0;
  std::unique_ptr<std::string> owned;
  run_on_io_thread([&]() -> Task<void> {
    value = (co_await db.run([](Store&) { return NoDefault(42); })).value;
    const std::string text = "moved";
    owned = co_await db.run([&](Store&) { return std::make_unique<std::string>(text); });
  });
  EXPECT_EQ(value, 42);
  ASSERT_TRUE(owned);
  EXPECT_EQ(*owned, "moved");
}

// Reference captures are the supported way to pass arguments; they must see the caller's values.
TEST_F(DatabaseTest, ReferenceCapturesSeeTheCallersLocals) {
  std::optional<ClassGroup> found;
  run_on_io_thread([&]() -> Task<void> {
    const std::string organisation_id = "org";
    co_await db.run([&](Store& s) { s.put_organisation(make_organisation(organisation_id, "Org")); });
    const auto created =
        co_await db.run([&](Store& s) { return s.create_class(make_class(organisation_id, "A")); });
    std::string typed = "  " + created.join_code + " ";
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    found = co_await db.run([&](Store& s) { return s.class_by_code(typed); });
  });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->organisation_id, "org");
}

TEST_F(DatabaseTest, ManyCoroutinesShareThePool) {
  constexpr int kCoroutines = 50;
  constexpr int kMessagesEach = 10;
  asio::io_context io;
  std::string conversation_id;
  {
    Store& s = db.store();
    s.put_organisation(make_organisation("org", "Org"));
    auto p = s.create_participant(make_participant("org"));
    conversation_id = s.create_conversation(p.id, "org", "bot").id;
  }
  std::atomic<int> finished = 0;
  for (int c = 0; c < kCoroutines; ++c) {
    asio::co_spawn(
        io,
        [&]() -> Task<void> {
          for (int i = 0; i < kMessagesEach; ++i) {
            co_await db.run([&](Store& s) {
              Message m;
              m.conversation_id = conversation_id;
              m.role = "user";
              m.text = "hei";
              return s.add_message(m);
            });
          }
          ++finished;
        },
        asio::detached);
  }
  std::thread first([&] { io.run(); });
  std::thread second([&] { io.run(); });  // two I/O threads, as a server would have
  first.join();
  second.join();
  EXPECT_EQ(finished.load(), kCoroutines);
  EXPECT_EQ(db.store().messages(conversation_id, 1000).size(),
            static_cast<std::size_t>(kCoroutines * kMessagesEach));
}

// ---- group commit (Database::write) -------------------------------------------------------

class DatabaseWriteTest : public DatabaseTest {
 protected:
  void SetUp() override {
    Store& s = db.store();
    s.put_organisation(make_organisation("org", "Org"));
    participant = s.create_participant(make_participant("org"));
    conversation = s.create_conversation(participant.id, "org", "bot").id;
  }
  // Both database threads wait on `release` (each counts `blocked` down first), so that every
  // write queued meanwhile is in the queue before the first group starts.
  void occupy_both_pool_threads(asio::io_context& io, std::latch& blocked, std::latch& release) {
    for (int i = 0; i < 2; ++i) {
      asio::co_spawn(io, [&]() -> Task<void> {
        co_await db.run([&](Store&) {
          blocked.count_down();
          release.wait();
        });
      }, asio::detached);
    }
  }
  MessageWrite reply(const std::string& text, const std::string& conversation_id = "") const {
    MessageWrite write;
    write.message.conversation_id = conversation_id.empty() ? conversation : conversation_id;
    write.message.role = "assistant";
    write.message.text = text;
    return write;
  }
  Participant participant;
  std::string conversation;
};

TEST_F(DatabaseWriteTest, StoresAndResumesOnTheCallersThreadAfterTheReadAfterCommit) {
  std::thread::id io_thread_id, after_commit_thread_id, resumed_thread_id;
  Message stored;
  std::vector<Message> history;
  run_on_io_thread([&]() -> Task<void> {
    io_thread_id = std::this_thread::get_id();
    std::function<void(Store&)> read = [&](Store& s) {
      after_commit_thread_id = std::this_thread::get_id();
      history = s.messages(conversation);
    };
    MessageWrite write = reply("Hei!");  // named: no temporaries inside co_await (g++ 12)
    stored = co_await db.write(std::move(write), std::move(read));
    resumed_thread_id = std::this_thread::get_id();
  });
  EXPECT_EQ(stored.id.size(), 32u);
  EXPECT_EQ(stored.text, "Hei!");
  ASSERT_EQ(history.size(), 1u);  // the read sees the committed write
  EXPECT_EQ(history[0].id, stored.id);
  EXPECT_NE(after_commit_thread_id, io_thread_id);
  EXPECT_EQ(resumed_thread_id, io_thread_id);
}

// Writes queued while the pool is busy go together as one group: every read after the commit
// sees all of them. A failing write is reported to its own caller only.
TEST_F(DatabaseWriteTest, ConcurrentWritesShareOneCommitAndOneFailureLosesNothingElse) {
  constexpr int kWrites = 20;
  asio::io_context io;
  std::latch pool_blocked(2), release(1);
  // Both pool threads wait, so that every write below is queued before the first group starts.
  occupy_both_pool_threads(io, pool_blocked, release);
  std::vector<std::string> stored_ids(kWrites);
  std::vector<std::size_t> seen_after_commit(kWrites, 0);
  std::atomic<int> conflicts = 0, other_errors = 0;
  for (int i = 0; i < kWrites; ++i) {
    asio::co_spawn(io, [&, i]() -> Task<void> {
      // Write 7 goes to a conversation that does not exist.
      MessageWrite write = reply("svar " + std::to_string(i), i == 7 ? "no-such-conversation" : "");
      std::function<void(Store&)> read = [&, i](Store& s) { seen_after_commit[i] = s.messages(conversation, 1000).size(); };
      try {
        stored_ids[i] = (co_await db.write(std::move(write), std::move(read))).id;
      } catch (const ConflictError&) {
        ++conflicts;
      } catch (...) {
        ++other_errors;
      }
    }, asio::detached);
  }
  std::thread io_thread([&] { io.run(); });
  pool_blocked.wait();
  // The writes are queued once the I/O thread has run every coroutine up to its first wait.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  release.count_down();
  io_thread.join();

  EXPECT_EQ(conflicts.load(), 1);
  EXPECT_EQ(other_errors.load(), 0);
  EXPECT_TRUE(stored_ids[7].empty());
  EXPECT_EQ(seen_after_commit[7], 0u);  // a failed write runs no read after it
  for (int i = 0; i < kWrites; ++i) {
    if (i == 7) continue;
    EXPECT_EQ(stored_ids[i].size(), 32u) << i;
    EXPECT_EQ(seen_after_commit[i], static_cast<std::size_t>(kWrites - 1)) << i;
  }
  EXPECT_EQ(db.store().messages(conversation, 1000).size(), static_cast<std::size_t>(kWrites - 1));
}

TEST_F(DatabaseWriteTest, ErrorsOfTheReadAfterCommitReachTheCallerAndTheWriteStays) {
  bool caught = false;
  bool invalid_caught = false;
  run_on_io_thread([&]() -> Task<void> {
    std::function<void(Store&)> read = [](Store&) { throw std::logic_error("read failed"); };
    MessageWrite write = reply("Lagret likevel");
    try {
      co_await db.write(std::move(write), std::move(read));
    } catch (const std::logic_error& e) {
      caught = std::string(e.what()) == "read failed";
    }
    MessageWrite bad = reply("x");
    bad.message.status = "maybe";
    try {
      co_await db.write(std::move(bad));
    } catch (const std::invalid_argument&) {
      invalid_caught = true;
    }
    MessageWrite feedback;
    feedback.kind = MessageWrite::Kind::set_feedback;
    feedback.message.id = db.store().messages(conversation)[0].id;
    feedback.message.feedback_json = "[]";
    co_await db.write(std::move(feedback));
  });
  EXPECT_TRUE(caught);
  EXPECT_TRUE(invalid_caught);
  const auto stored = db.store().messages(conversation);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].text, "Lagret likevel");
  EXPECT_EQ(stored[0].feedback_json, "[]");
}

// A deferred write with no other write to share its transaction waits the share window, then
// commits on its own.
TEST_F(DatabaseWriteTest, WriteSoonAloneCommitsAfterTheShareWindow) {
  Message stored;
  std::chrono::steady_clock::duration took{};
  run_on_io_thread([&]() -> Task<void> {
    MessageWrite write = reply("Ha det bra!");
    const auto start = std::chrono::steady_clock::now();
    stored = co_await db.write_soon(std::move(write));
    took = std::chrono::steady_clock::now() - start;
  });
  EXPECT_EQ(stored.text, "Ha det bra!");
  EXPECT_GE(took, Database::kShareWindow - std::chrono::milliseconds(1));
  EXPECT_LT(took, std::chrono::seconds(5));
  ASSERT_EQ(db.store().messages(conversation).size(), 1u);
  EXPECT_EQ(db.store().messages(conversation)[0].id, stored.id);
}

// Deferred writes go with the next urgent write; the urgent one (the learner waits for it) is
// resumed first, a failing deferred write costs only itself, and every caller gets its message.
TEST_F(DatabaseWriteTest, DeferredWritesShareTheNextUrgentWrite) {
  asio::io_context io;
  // Both pool threads wait until all four writes are queued (so the share window cannot pass
  // first on a slow machine).
  std::latch pool_blocked(2), release(1);
  occupy_both_pool_threads(io, pool_blocked, release);
  std::vector<std::string> resumed;
  std::vector<std::string> stored_texts;
  std::size_t seen_by_urgent = 0;
  bool deferred_conflict = false;
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(io, [&, i]() -> Task<void> {
      MessageWrite write = reply("utsatt " + std::to_string(i), i == 1 ? "no-such-conversation" : "");
      try {
        stored_texts.push_back((co_await db.write_soon(std::move(write))).text);
        resumed.push_back("deferred");
      } catch (const ConflictError&) {
        deferred_conflict = true;
      }
    }, asio::detached);
  }
  asio::co_spawn(io, [&]() -> Task<void> {
    MessageWrite write = reply("haster");
    std::function<void(Store&)> read = [&](Store& s) { seen_by_urgent = s.messages(conversation).size(); };
    stored_texts.push_back((co_await db.write(std::move(write), std::move(read))).text);
    resumed.push_back("urgent");
  }, asio::detached);
  std::thread io_thread([&] { io.run(); });
  pool_blocked.wait();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the I/O thread queues the writes
  release.count_down();
  io_thread.join();
  EXPECT_TRUE(deferred_conflict);
  ASSERT_EQ(resumed.size(), 3u);
  EXPECT_EQ(resumed[0], "urgent");
  EXPECT_EQ(seen_by_urgent, 3u);  // the two deferred writes went in the same transaction
  std::sort(stored_texts.begin(), stored_texts.end());
  EXPECT_EQ(stored_texts, (std::vector<std::string>{"haster", "utsatt 0", "utsatt 2"}));
  EXPECT_EQ(db.store().messages(conversation).size(), 3u);
}

// As at shutdown (app/main.cpp): the I/O loop stops while a deferred write still waits for its
// share window; the Database's destructor commits it all the same (no answer lost on SIGTERM).
TEST_F(DatabaseWriteTest, DeferredWriteIsStoredWhenTheIoLoopStopsFirst) {
  const std::string path = folder.file("shutdown.db");
  std::string conversation_id;
  {
    auto store = open_sqlite_store(path, 2);
    store->put_organisation(make_organisation("org", "Org"));
    const Participant p = store->create_participant(make_participant("org"));
    conversation_id = store->create_conversation(p.id, "org", "bot").id;
    auto database = std::make_unique<Database>(std::move(store), 2);
    asio::io_context io;
    bool resumed = false;
    asio::co_spawn(io, [&]() -> Task<void> {
      MessageWrite write = reply("Siste svar.", conversation_id);
      co_await database->write_soon(std::move(write));
      resumed = true;
    }, asio::detached);
    io.poll();  // up to the queued write
    io.stop();
    database.reset();  // within the share window on any but a very slow machine
    EXPECT_FALSE(resumed);
  }
  auto reopened = open_sqlite_store(path, 1);
  const auto messages = reopened->messages(conversation_id);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, "Siste svar.");
}

// Many writers on two I/O threads: nothing lost, each caller gets its own message back.
TEST_F(DatabaseWriteTest, ManyWritersFromTwoIoThreadsLoseNothing) {
  constexpr int kCoroutines = 40;
  constexpr int kWritesEach = 10;
  asio::io_context io;
  std::atomic<int> mismatches = 0, finished = 0;
  for (int c = 0; c < kCoroutines; ++c) {
    asio::co_spawn(io, [&, c]() -> Task<void> {
      for (int i = 0; i < kWritesEach; ++i) {
        const std::string text = std::to_string(c) + "/" + std::to_string(i);
        MessageWrite write = reply(text);
        // Half of them deferred: those go with the others' groups, or after the share window.
        Message stored;
        if (i % 2 == 0) {  // no co_await inside ?: (g++ 12)
          stored = co_await db.write(std::move(write));
        } else {
          stored = co_await db.write_soon(std::move(write));
        }
        if (stored.text != text || stored.id.size() != 32) ++mismatches;
      }
      ++finished;
    }, asio::detached);
  }
  std::thread first([&] { io.run(); });
  std::thread second([&] { io.run(); });
  first.join();
  second.join();
  EXPECT_EQ(finished.load(), kCoroutines);
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(db.store().messages(conversation, 1000).size(), static_cast<std::size_t>(kCoroutines * kWritesEach));
}

}  // namespace
}  // namespace voki::store
