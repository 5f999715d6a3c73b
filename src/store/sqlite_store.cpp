// The SQLite implementation of Store, through SOCI's sqlite3 backend and a pool of connections.
#include <pthread.h>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <array>
#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "store/migrations.h"
#include "store/store.h"

namespace voki::store {
namespace {

// Size limits: bad or hostile input gets a clear error instead of filling the disk.
constexpr std::size_t kMaxIdBytes = 128;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxPolicyBytes = 20'000;
constexpr std::size_t kMaxJoinCodeBytes = 32;
constexpr std::size_t kMaxLanguageBytes = 16;
constexpr std::size_t kMaxMessageBytes = 100'000;
constexpr std::size_t kMaxFeedbackBytes = 200'000;
constexpr int kMaxMessagesPerRead = 1000;
constexpr int kMaxConversationsPerRead = 1000;
constexpr int kMaxPoolSize = 64;
constexpr int kBusyTimeoutMs = 5000;
constexpr int kJoinCodeAttempts = 8;

constexpr std::array<std::string_view, 6> kLevels = {"A1", "A2", "B1", "B2", "C1", "C2"};
constexpr std::array<std::string_view, 2> kRoles = {"user", "assistant"};
constexpr std::array<std::string_view, 4> kQuickChoices = {"", "simpler", "more", "my_language"};
constexpr std::array<std::string_view, 4> kStatuses = {"complete", "streaming", "failed", "stopped"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& allowed, const std::string& value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument("store: " + what);
}

void require_id(const std::string& value, const char* field) {
  require(!value.empty() && value.size() <= kMaxIdBytes,
          std::string(field) + " must be 1-" + std::to_string(kMaxIdBytes) + " bytes");
}

void require_language(const std::string& value, const char* field, bool may_be_empty) {
  bool ok = value.size() <= kMaxLanguageBytes && (may_be_empty || !value.empty()) &&
            std::all_of(value.begin(), value.end(), [](unsigned char c) {
              return std::isalnum(c) || c == '-' || c == '_';
            });
  require(ok, std::string(field) + " must be a language tag such as \"nb\" or \"ti\"");
}

void require_level(const std::string& level) {
  require(one_of(kLevels, level), "level must be a CEFR level A1-C2");
}

// Join codes are compared in upper case without surrounding spaces: learners type them on phones.
std::string normalise_join_code(std::string_view code) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!code.empty() && is_space(static_cast<unsigned char>(code.front()))) code.remove_prefix(1);
  while (!code.empty() && is_space(static_cast<unsigned char>(code.back()))) code.remove_suffix(1);
  std::string result(code);
  for (char& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

bool valid_join_code(const std::string& code) {
  return code.size() >= 4 && code.size() <= kMaxJoinCodeBytes &&
         std::all_of(code.begin(), code.end(), [](unsigned char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
         });
}

// An SQLite error from sqlite3_exec, carrying its result code like soci's sqlite3_soci_error.
struct SqliteError : std::runtime_error {
  SqliteError(const std::string& message, int code) : std::runtime_error(message), code(code) {}
  int code;
};

// Maps a database error to ConflictError (broken constraint) or std::runtime_error. Only the
// SQLite message is kept: SOCI's what() adds the query and its bound values, which can hold chat
// text, so it must never reach an error message or a log.
[[noreturn]] void rethrow_database_error(const char* operation, int code, const std::string& message) {
  std::string text = std::string("store: ") + operation + ": " + message;
  if ((code & 0xff) == SQLITE_CONSTRAINT) throw ConflictError(text);
  throw std::runtime_error(text);
}

template <typename F>
auto translate_errors(const char* operation, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SqliteError& e) {
    rethrow_database_error(operation, e.code, e.what());
  } catch (const soci::sqlite3_soci_error& e) {
    rethrow_database_error(operation, e.result(), e.get_error_message());
  } catch (const soci::soci_error& e) {
    rethrow_database_error(operation, 0, e.get_error_message());
  }
}

sqlite_api::sqlite3* native_handle(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

// SOCI prepares only the first statement of a query; scripts (migrations, pragmas) hold several.
void exec_script(soci::session& sql, const char* script) {
  char* error = nullptr;
  int code = sqlite_api::sqlite3_exec(native_handle(sql), script, nullptr, nullptr, &error);
  if (code != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite_api::sqlite3_errstr(code);
    sqlite_api::sqlite3_free(error);
    throw SqliteError(message, code);
  }
}

// Prepared statements of the chat path, kept per pooled connection: SOCI prepares every query
// anew, and SQLite's parser took a large share of a chat turn's database time. Keyed by the
// address of the SQL text, so only string literals may be passed.
class StatementCache {
 public:
  explicit StatementCache(sqlite_api::sqlite3* db) : db_(db) {}
  ~StatementCache() {
    for (auto& entry : statements_) sqlite_api::sqlite3_finalize(entry.second);
  }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  sqlite_api::sqlite3* db() const { return db_; }

  sqlite_api::sqlite3_stmt* get(const char* sql) {
    for (auto& entry : statements_)
      if (entry.first == sql) return entry.second;
    sqlite_api::sqlite3_stmt* statement = nullptr;
    const int code = sqlite_api::sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (code != SQLITE_OK) throw SqliteError(sqlite_api::sqlite3_errmsg(db_), code);
    statements_.emplace_back(sql, statement);
    return statement;
  }

 private:
  sqlite_api::sqlite3* db_;
  std::vector<std::pair<const char*, sqlite_api::sqlite3_stmt*>> statements_;  // a handful
};

// One use of a cached statement: bind, step, read columns; reset when it goes out of scope.
// Bound strings must outlive the object (they are not copied).
class Query {
 public:
  Query(StatementCache& cache, const char* sql) : db_(cache.db()), statement_(cache.get(sql)) {}
  ~Query() {
    sqlite_api::sqlite3_reset(statement_);
    sqlite_api::sqlite3_clear_bindings(statement_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(int index, const std::string& text) {
    check(sqlite_api::sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
    return *this;
  }
  Query& bind(int index, std::int64_t value) {
    check(sqlite_api::sqlite3_bind_int64(statement_, index, value));
    return *this;
  }

  // True while there is a row to read; false when done.
  bool step() {
    const int code = sqlite_api::sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    throw SqliteError(sqlite_api::sqlite3_errmsg(db_), sqlite_api::sqlite3_extended_errcode(db_));
  }
  void run() {
    while (step()) {
    }
  }
  long long changes() const { return sqlite_api::sqlite3_changes(db_); }

  std::string text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(statement_, column));
    return data == nullptr ? std::string() : std::string(data, static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(statement_, column)));
  }
  bool is_null(int column) const { return sqlite_api::sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::int64_t int64(int column) const { return sqlite_api::sqlite3_column_int64(statement_, column); }

 private:
  void check(int code) {
    if (code != SQLITE_OK) throw SqliteError(sqlite_api::sqlite3_errmsg(db_), code);
  }

  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* statement_;
};

// WriteTransaction with cached BEGIN IMMEDIATE / COMMIT / ROLLBACK statements.
class CachedWriteTransaction {
 public:
  explicit CachedWriteTransaction(StatementCache& cache) : cache_(cache) { Query(cache_, "BEGIN IMMEDIATE").run(); }
  ~CachedWriteTransaction() {
    if (!committed_) {
      try {
        Query(cache_, "ROLLBACK").run();
      } catch (...) {  // nothing more to do: the connection rolls back when it is reused or closed
      }
    }
  }
  CachedWriteTransaction(const CachedWriteTransaction&) = delete;
  CachedWriteTransaction& operator=(const CachedWriteTransaction&) = delete;

  void commit() {
    Query(cache_, "COMMIT").run();
    committed_ = true;
  }

 private:
  StatementCache& cache_;
  bool committed_ = false;
};

// Holds one connection of the pool for the lifetime of the object.
class PooledSession {
 public:
  explicit PooledSession(soci::connection_pool& pool) : pool_(pool), position_(pool.lease()) {}
  ~PooledSession() { pool_.give_back(position_); }
  PooledSession(const PooledSession&) = delete;
  PooledSession& operator=(const PooledSession&) = delete;

  soci::session& operator*() { return pool_.at(position_); }
  std::size_t position() const { return position_; }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
};

// BEGIN IMMEDIATE takes the write lock up front, so a busy database makes the writer wait
// (busy_timeout) instead of failing later when a read transaction tries to upgrade.
class WriteTransaction {
 public:
  explicit WriteTransaction(soci::session& sql) : sql_(sql) { exec_script(sql_, "BEGIN IMMEDIATE"); }
  ~WriteTransaction() {
    if (!committed_) {
      try {
        exec_script(sql_, "ROLLBACK");
      } catch (...) {  // nothing more to do: the connection rolls back when it is reused or closed
      }
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit() {
    exec_script(sql_, "COMMIT");
    committed_ = true;
  }

 private:
  soci::session& sql_;
  bool committed_ = false;
};

long long affected_rows(soci::statement& statement) {
  statement.execute(true);
  return statement.get_affected_rows();
}

int read_schema_version(soci::session& sql) {
  int tables = 0;
  sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
      soci::into(tables);
  if (tables == 0) return 0;
  int version = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
  return indicator == soci::i_ok ? version : 0;
}

// SOCI's connection string splits on spaces and understands double quotes.
std::string connection_string(const std::string& path) {
  require(path.find('"') == std::string::npos, "database path must not contain '\"'");
  return "db=\"" + path + "\"";
}


// SQLite's built-in busy_timeout sleeps in steps growing to 100 ms, so a moment of write
// contention between the pool's own threads became stalls of seconds under load. This waits in
// short steps instead (20 µs, then 100 µs, then 1 ms), giving up after about kBusyTimeoutMs.
int short_busy_wait(void*, int attempt) {
  using std::chrono::microseconds;
  if (attempt < 10) {
    std::this_thread::sleep_for(microseconds(20));
  } else if (attempt < 100) {
    std::this_thread::sleep_for(microseconds(100));
  } else {
    if (attempt - 100 >= kBusyTimeoutMs) return 0;  // about kBusyTimeoutMs in all: give up
    std::this_thread::sleep_for(microseconds(1000));
  }
  return 1;
}

// While another process creates the database or switches it to WAL, SQLite can answer
// SQLITE_BUSY/LOCKED at once without calling the busy handler (seen when several processes
// start on a new file together), so the connection set-up is retried for up to kBusyTimeoutMs.
void retry_while_busy(const std::function<void()>& set_up) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      set_up();
      return;
    } catch (const SqliteError& e) {
      const int code = e.code & 0xff;
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline) throw;
    } catch (const soci::sqlite3_soci_error& e) {
      const int code = e.result() & 0xff;
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, int pool_size)
      : path_(path), pool_size_(static_cast<std::size_t>(pool_size)), pool_(pool_size_) {
    const std::string connect = connection_string(path_);
    translate_errors("open", [&] {
      for (std::size_t i = 0; i < pool_size_; ++i) {
        soci::session& sql = pool_.at(i);
        sql.open(soci::sqlite3, connect);
        // The busy handler first: the journal_mode change itself may have to wait for another process.
        auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
        sqlite_api::sqlite3_busy_handler(backend->conn_, &short_busy_wait, nullptr);
        retry_while_busy([&] {
          exec_script(sql, "PRAGMA journal_mode = WAL");
          exec_script(sql, "PRAGMA synchronous = NORMAL");
          exec_script(sql, "PRAGMA foreign_keys = ON");
          // Checkpoints (which fsync the database) run on a background thread instead, so that no
          // request ever waits for one: an automatic checkpoint stalled the writer for a second.
          exec_script(sql, "PRAGMA wal_autocheckpoint = 0");
        });
      }
      for (std::size_t i = 0; i < pool_size_; ++i)
        statements_.push_back(std::make_unique<StatementCache>(native_handle(pool_.at(i))));
      checkpoint_session_.open(soci::sqlite3, connect);
      auto* backend = static_cast<soci::sqlite3_session_backend*>(checkpoint_session_.get_backend());
      sqlite_api::sqlite3_busy_handler(backend->conn_, &short_busy_wait, nullptr);
    });
    checkpointer_ = std::thread([this] { checkpoint_loop(); });
  }

  ~SqliteStore() override {
    {
      const std::lock_guard lock(checkpoint_mutex_);
      stopping_ = true;
    }
    checkpoint_wake_.notify_all();
    checkpointer_.join();
    statements_.clear();  // finalized before the pool's connections close
  }

  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // Copies the write-ahead log into the database every second (PASSIVE: never blocks writers or
  // readers). The log is reset by the next writer once a checkpoint has copied all of it.
  void checkpoint_loop() {
    pthread_setname_np(pthread_self(), "voki-checkpoint");
    std::unique_lock lock(checkpoint_mutex_);
    while (!stopping_) {
      checkpoint_wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; });
      if (stopping_) break;
      lock.unlock();
      try {
        exec_script(checkpoint_session_, "PRAGMA wal_checkpoint(PASSIVE)");
      } catch (const std::exception& e) {
        spdlog::warn("store: checkpoint failed: {}", e.what());
      }
      lock.lock();
    }
  }

  int schema_version() override {
    return translate_errors("schema_version", [&] {
      PooledSession session(pool_);
      return read_schema_version(*session);
    });
  }

  // Each migration runs in its own BEGIN IMMEDIATE transaction and re-reads the version inside
  // it, so two processes starting together apply every migration exactly once.
  int migrate() override {
    const std::lock_guard writer(write_mutex_);
    return translate_errors("migrate", [&] {
      PooledSession session(pool_);
      soci::session& sql = *session;
      for (;;) {
        WriteTransaction transaction(sql);
        exec_script(sql,
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)");
        const int current = read_schema_version(sql);
        if (current > latest_schema_version()) {
          throw std::runtime_error("store: database " + path_ + " has schema version " +
                                   std::to_string(current) + " but this Voki knows only up to " +
                                   std::to_string(latest_schema_version()) +
                                   "; use a newer Voki or restore an older backup");
        }
        const auto migrations = sqlite_migrations();
        const auto next = std::find_if(migrations.begin(), migrations.end(),
                                       [&](const Migration& m) { return m.version > current; });
        if (next == migrations.end()) {
          transaction.commit();
          return current;
        }
        exec_script(sql, next->sql);
        const Timestamp applied_at = now_ms();
        sql << "INSERT INTO schema_migrations (version, applied_at) VALUES (:version, :applied_at)",
            soci::use(next->version), soci::use(applied_at);
        transaction.commit();
        spdlog::info("store: applied schema migration {}", next->version);
      }
    });
  }

  void put_organisation(const Organisation& org) override {
    const std::lock_guard writer(write_mutex_);
    require_id(org.id, "organisation id");
    require(!org.name.empty() && org.name.size() <= kMaxNameBytes,
            "organisation name must be 1-200 bytes");
    require(org.policy.size() <= kMaxPolicyBytes, "organisation policy is too long");
    require(org.retention_days >= 1 && org.retention_days <= 3650,
            "retention_days must be between 1 and 3650");
    translate_errors("put_organisation", [&] {
      PooledSession session(pool_);
      *session << "INSERT INTO organisations (id, name, policy, retention_days) "
                  "VALUES (:id, :name, :policy, :retention_days) "
                  "ON CONFLICT (id) DO UPDATE SET name = excluded.name, policy = excluded.policy, "
                  "retention_days = excluded.retention_days",
          soci::use(org.id), soci::use(org.name), soci::use(org.policy),
          soci::use(org.retention_days);
    });
  }

  std::optional<Organisation> organisation(const std::string& id) override {
    return translate_errors("organisation", [&]() -> std::optional<Organisation> {
      PooledSession session(pool_);
      Query query(statements(session), "SELECT id, name, policy, retention_days FROM organisations WHERE id = ?1");
      query.bind(1, id);
      if (!query.step()) return std::nullopt;
      Organisation org;
      org.id = query.text(0);
      org.name = query.text(1);
      org.policy = query.text(2);
      org.retention_days = static_cast<int>(query.int64(3));
      return org;
    });
  }

  std::vector<Organisation> organisations() override {
    return translate_errors("organisations", [&] {
      PooledSession session(pool_);
      std::vector<Organisation> result;
      Organisation org;
      soci::statement statement =
          ((*session).prepare << "SELECT id, name, policy, retention_days FROM organisations ORDER BY id",
           soci::into(org.id), soci::into(org.name), soci::into(org.policy),
           soci::into(org.retention_days));
      statement.execute();
      while (statement.fetch()) result.push_back(org);
      return result;
    });
  }

  ClassGroup create_class(ClassGroup group) override {
    const std::lock_guard writer(write_mutex_);
    require_id(group.organisation_id, "organisation id");
    require(!group.name.empty() && group.name.size() <= kMaxNameBytes,
            "class name must be 1-200 bytes");
    require_level(group.level);
    if (group.id.empty()) group.id = random_id();
    require_id(group.id, "class id");
    if (group.created_at == 0) group.created_at = now_ms();

    const bool generate_code = group.join_code.empty();
    if (!generate_code) {
      group.join_code = normalise_join_code(group.join_code);
      require(valid_join_code(group.join_code),
              "join code must be 4-32 characters of A-Z, 0-9 and '-'");
    }
    return translate_errors("create_class", [&] {
      PooledSession session(pool_);
      for (int attempt = 1;; ++attempt) {
        if (generate_code) group.join_code = random_join_code();
        try {
          *session << "INSERT INTO classes (id, organisation_id, name, join_code, level, created_at) "
                      "VALUES (:id, :organisation_id, :name, :join_code, :level, :created_at)",
              soci::use(group.id), soci::use(group.organisation_id), soci::use(group.name),
              soci::use(group.join_code), soci::use(group.level), soci::use(group.created_at);
          return group;
        } catch (const soci::sqlite3_soci_error& e) {
          // A generated code that happens to be taken is retried; a chosen one is the caller's.
          const bool code_taken = (e.result() & 0xff) == SQLITE_CONSTRAINT &&
                                  e.get_error_message().find("classes.join_code") != std::string::npos;
          if (!code_taken) throw;
          if (!generate_code || attempt >= kJoinCodeAttempts) {
            throw ConflictError("store: create_class: join code " + group.join_code + " is taken");
          }
        }
      }
    });
  }

  std::optional<ClassGroup> class_by_code(const std::string& join_code) override {
    const std::string code = normalise_join_code(join_code);
    if (!valid_join_code(code)) return std::nullopt;
    return select_class("class_by_code", "join_code", code);
  }

  std::optional<ClassGroup> class_by_id(const std::string& id) override {
    if (id.empty() || id.size() > kMaxIdBytes) return std::nullopt;
    return select_class("class_by_id", "id", id);
  }

  Participant create_participant(Participant p) override {
    const std::lock_guard writer(write_mutex_);
    require_id(p.organisation_id, "organisation id");
    require(p.class_id.size() <= kMaxIdBytes, "class id is too long");
    require_language(p.ui_language, "ui_language", false);
    require_language(p.support_language, "support_language", true);
    require_level(p.level);
    if (p.id.empty()) p.id = random_id();
    require_id(p.id, "participant id");
    if (p.created_at == 0) p.created_at = now_ms();
    return translate_errors("create_participant", [&] {
      PooledSession session(pool_);
      // No class is stored as NULL so that the foreign key to classes still holds.
      soci::indicator class_indicator = p.class_id.empty() ? soci::i_null : soci::i_ok;
      *session << "INSERT INTO participants (id, organisation_id, class_id, ui_language, "
                  "support_language, level, created_at) VALUES (:id, :organisation_id, :class_id, "
                  ":ui_language, :support_language, :level, :created_at)",
          soci::use(p.id), soci::use(p.organisation_id), soci::use(p.class_id, class_indicator),
          soci::use(p.ui_language), soci::use(p.support_language), soci::use(p.level),
          soci::use(p.created_at);
      return p;
    });
  }

  std::optional<Participant> participant(const std::string& id) override {
    return translate_errors("participant", [&]() -> std::optional<Participant> {
      PooledSession session(pool_);
      Query query(statements(session),
                  "SELECT id, organisation_id, class_id, ui_language, support_language, level, "
                  "created_at FROM participants WHERE id = ?1");
      query.bind(1, id);
      if (!query.step()) return std::nullopt;
      Participant p;
      p.id = query.text(0);
      p.organisation_id = query.text(1);
      if (!query.is_null(2)) p.class_id = query.text(2);
      p.ui_language = query.text(3);
      p.support_language = query.text(4);
      p.level = query.text(5);
      p.created_at = query.int64(6);
      return p;
    });
  }

  void update_participant(const Participant& p) override {
    const std::lock_guard writer(write_mutex_);
    require_language(p.ui_language, "ui_language", false);
    require_language(p.support_language, "support_language", true);
    require_level(p.level);
    const long long changed = translate_errors("update_participant", [&] {
      PooledSession session(pool_);
      soci::statement statement =
          ((*session).prepare << "UPDATE participants SET ui_language = :ui_language, "
                                 "support_language = :support_language, level = :level WHERE id = :id",
           soci::use(p.ui_language), soci::use(p.support_language), soci::use(p.level),
           soci::use(p.id));
      return affected_rows(statement);
    });
    require(changed > 0, "update_participant: no such participant");
  }

  void create_session(const std::string& token_hash, const std::string& participant_id,
                      Timestamp expires_at) override {
    const std::lock_guard writer(write_mutex_);
    require_id(token_hash, "session token hash");
    require_id(participant_id, "participant id");
    translate_errors("create_session", [&] {
      PooledSession session(pool_);
      *session << "INSERT INTO sessions (token_hash, participant_id, expires_at) "
                  "VALUES (:token_hash, :participant_id, :expires_at)",
          soci::use(token_hash), soci::use(participant_id), soci::use(expires_at);
    });
  }

  std::optional<std::string> session_participant(const std::string& token_hash,
                                                 Timestamp now) override {
    return translate_errors("session_participant", [&]() -> std::optional<std::string> {
      PooledSession session(pool_);
      Query query(statements(session),
                  "SELECT participant_id FROM sessions WHERE token_hash = ?1 AND expires_at > ?2");
      query.bind(1, token_hash).bind(2, now);
      if (!query.step()) return std::nullopt;
      return query.text(0);
    });
  }

  void delete_session(const std::string& token_hash) override {
    const std::lock_guard writer(write_mutex_);
    translate_errors("delete_session", [&] {
      PooledSession session(pool_);
      *session << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(token_hash);
    });
  }

  Conversation create_conversation(const std::string& participant_id,
                                   const std::string& organisation_id,
                                   const std::string& bot_id) override {
    const std::lock_guard writer(write_mutex_);
    require_id(participant_id, "participant id");
    require_id(organisation_id, "organisation id");
    require_id(bot_id, "bot id");
    Conversation c;
    c.id = random_id();
    c.participant_id = participant_id;
    c.organisation_id = organisation_id;
    c.bot_id = bot_id;
    c.created_at = c.updated_at = now_ms();
    return translate_errors("create_conversation", [&] {
      PooledSession session(pool_);
      *session << "INSERT INTO conversations (id, participant_id, organisation_id, bot_id, "
                  "created_at, updated_at) VALUES (:id, :participant_id, :organisation_id, :bot_id, "
                  ":created_at, :updated_at)",
          soci::use(c.id), soci::use(c.participant_id), soci::use(c.organisation_id),
          soci::use(c.bot_id), soci::use(c.created_at), soci::use(c.updated_at);
      return c;
    });
  }

  std::optional<Conversation> conversation(const std::string& id) override {
    return translate_errors("conversation", [&]() -> std::optional<Conversation> {
      PooledSession session(pool_);
      Query query(statements(session),
                  "SELECT id, participant_id, organisation_id, bot_id, created_at, updated_at "
                  "FROM conversations WHERE id = ?1");
      query.bind(1, id);
      if (!query.step()) return std::nullopt;
      Conversation c;
      c.id = query.text(0);
      c.participant_id = query.text(1);
      c.organisation_id = query.text(2);
      c.bot_id = query.text(3);
      c.created_at = query.int64(4);
      c.updated_at = query.int64(5);
      return c;
    });
  }

  // Most recently used first.
  std::vector<Conversation> conversations_of(const std::string& participant_id) override {
    return translate_errors("conversations_of", [&] {
      PooledSession session(pool_);
      std::vector<Conversation> result;
      Conversation c;
      soci::statement statement =
          ((*session).prepare << "SELECT id, participant_id, organisation_id, bot_id, created_at, "
                                 "updated_at FROM conversations WHERE participant_id = :participant_id "
                                 "ORDER BY updated_at DESC, created_at DESC, id LIMIT :max_rows",
           soci::into(c.id), soci::into(c.participant_id), soci::into(c.organisation_id),
           soci::into(c.bot_id), soci::into(c.created_at), soci::into(c.updated_at),
           soci::use(participant_id), soci::use(kMaxConversationsPerRead));
      statement.execute();
      while (statement.fetch()) result.push_back(c);
      return result;
    });
  }

  bool delete_conversation(const std::string& id) override {
    const std::lock_guard writer(write_mutex_);
    return translate_errors("delete_conversation", [&] {
      PooledSession session(pool_);
      // Messages go with it through ON DELETE CASCADE, in the same statement.
      soci::statement statement =
          ((*session).prepare << "DELETE FROM conversations WHERE id = :id", soci::use(id));
      return affected_rows(statement) > 0;
    });
  }

  Message add_message(Message m) override {
    const std::lock_guard writer(write_mutex_);
    check_message(m);
    return translate_errors("add_message", [&] {
      PooledSession session(pool_);
      StatementCache& cache = statements(session);
      CachedWriteTransaction transaction(cache);
      insert_message(cache, m);
      transaction.commit();
      return m;
    });
  }
  // A message deleted meanwhile (its conversation was removed while the answer streamed) is
  // ignored: there is nothing left to finish.
  void finish_message(const std::string& id, const std::string& text,
                      const std::string& status) override {
    const std::lock_guard writer(write_mutex_);
    require(one_of(kStatuses, status), "unknown message status");
    require(text.size() <= kMaxMessageBytes, "message text is too long");
    translate_errors("finish_message", [&] {
      PooledSession session(pool_);
      soci::session& sql = *session;
      WriteTransaction transaction(sql);
      soci::statement update =
          (sql.prepare << "UPDATE messages SET text = :text, status = :status WHERE id = :id",
           soci::use(text), soci::use(status), soci::use(id));
      if (affected_rows(update) > 0) {
        const Timestamp now = now_ms();
        sql << "UPDATE conversations SET updated_at = MAX(updated_at, :now) "
               "WHERE id = (SELECT conversation_id FROM messages WHERE id = :id)",
            soci::use(now), soci::use(id);
      }
      transaction.commit();
    });
  }

  void set_message_feedback(const std::string& id, const std::string& feedback_json) override {
    const std::lock_guard writer(write_mutex_);
    require(feedback_json.size() <= kMaxFeedbackBytes, "message feedback is too long");
    translate_errors("set_message_feedback", [&] {
      PooledSession session(pool_);
      update_feedback(statements(session), id, feedback_json);
    });
  }

  // Each write under a savepoint inside one BEGIN IMMEDIATE ... COMMIT: a transaction's fixed
  // cost (locks, WAL header and index, the pages the writes share) is paid once per group.
  std::vector<WriteOutcome> write_group(std::vector<MessageWrite> writes) override {
    std::vector<WriteOutcome> outcomes(writes.size());
    const std::lock_guard writer(write_mutex_);
    auto fail_all_stored = [&](std::exception_ptr error) {
      for (auto& outcome : outcomes)
        if (!outcome.error) outcome.error = error;
    };
    try {
      translate_errors("write_group", [&] {
        PooledSession session(pool_);
        StatementCache& cache = statements(session);
        CachedWriteTransaction transaction(cache);
        for (std::size_t i = 0; i < writes.size(); ++i) {
          MessageWrite& write = writes[i];
          const bool add = write.kind == MessageWrite::Kind::add_message;
          try {
            if (add) {
              check_message(write.message);
            } else {
              require(write.message.feedback_json.size() <= kMaxFeedbackBytes, "message feedback is too long");
            }
          } catch (...) {
            outcomes[i].error = std::current_exception();
            continue;
          }
          // A write alone needs no savepoint: the whole transaction is undone if it fails.
          const bool alone = writes.size() == 1;
          if (!alone) Query(cache, "SAVEPOINT grouped_write").run();
          try {
            translate_errors(add ? "add_message" : "set_message_feedback", [&] {
              if (add) {
                insert_message(cache, write.message);
              } else {
                update_feedback(cache, write.message.id, write.message.feedback_json);
              }
            });
            if (!alone) Query(cache, "RELEASE grouped_write").run();
            outcomes[i].message = std::move(write.message);
          } catch (...) {
            outcomes[i].error = std::current_exception();
            if (alone) return;  // rolled back by the transaction's destructor
            // Some errors (a full disk, I/O) end the whole transaction: then nothing of the group
            // is stored, and every write reports it.
            if (sqlite_api::sqlite3_get_autocommit(cache.db()) != 0) {
              fail_all_stored(outcomes[i].error);
              return;
            }
            Query(cache, "ROLLBACK TO grouped_write").run();
            Query(cache, "RELEASE grouped_write").run();
          }
        }
        transaction.commit();
      });
    } catch (...) {
      fail_all_stored(std::current_exception());
    }
    return outcomes;
  }

  std::vector<Message> messages(const std::string& conversation_id, int limit) override {
    if (limit <= 0) return {};
    const int rows = std::min(limit, kMaxMessagesPerRead);
    return translate_errors("messages", [&] {
      PooledSession session(pool_);
      std::vector<Message> result;
      // The inner query picks the newest rows; the outer one puts them oldest first. seq breaks
      // ties between messages of the same millisecond in insertion order.
      Query query(statements(session),
                  "SELECT id, conversation_id, role, text, quick, status, feedback_json, created_at"
                  " FROM (SELECT seq, id, conversation_id, role, text, quick, status, feedback_json, created_at"
                  " FROM messages WHERE conversation_id = ?1"
                  " ORDER BY created_at DESC, seq DESC LIMIT ?2)"
                  " ORDER BY created_at, seq");
      query.bind(1, conversation_id).bind(2, static_cast<std::int64_t>(rows));
      while (query.step()) {
        Message& m = result.emplace_back();
        m.id = query.text(0);
        m.conversation_id = query.text(1);
        m.role = query.text(2);
        m.text = query.text(3);
        m.quick = query.text(4);
        m.status = query.text(5);
        m.feedback_json = query.text(6);
        m.created_at = query.int64(7);
      }
      return result;
    });
  }

  int delete_conversations_before(const std::string& organisation_id, Timestamp before) override {
    const std::lock_guard writer(write_mutex_);
    return translate_errors("delete_conversations_before", [&] {
      PooledSession session(pool_);
      soci::statement statement =
          ((*session).prepare << "DELETE FROM conversations WHERE organisation_id = :organisation_id "
                                 "AND updated_at < :before",
           soci::use(organisation_id), soci::use(before));
      return static_cast<int>(affected_rows(statement));
    });
  }

 private:
  StatementCache& statements(const PooledSession& session) { return *statements_[session.position()]; }

  // Validates a message for add_message and fills its id and time when empty/0.
  static void check_message(Message& m) {
    require_id(m.conversation_id, "conversation id");
    require(one_of(kRoles, m.role), "message role must be \"user\" or \"assistant\"");
    require(one_of(kQuickChoices, m.quick), "unknown quick choice");
    require(one_of(kStatuses, m.status), "unknown message status");
    require(m.text.size() <= kMaxMessageBytes, "message text is too long");
    require(m.feedback_json.size() <= kMaxFeedbackBytes, "message feedback is too long");
    if (m.id.empty()) m.id = random_id();
    require_id(m.id, "message id");
    if (m.created_at == 0) m.created_at = now_ms();
  }

  // The statements of add_message, inside the caller's transaction.
  static void insert_message(StatementCache& cache, const Message& m) {
    Query(cache,
          "INSERT INTO messages (id, conversation_id, role, text, quick, status, feedback_json, "
          "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, m.id).bind(2, m.conversation_id).bind(3, m.role).bind(4, m.text)
        .bind(5, m.quick).bind(6, m.status).bind(7, m.feedback_json).bind(8, m.created_at)
        .run();
    Query(cache, "UPDATE conversations SET updated_at = MAX(updated_at, ?1) WHERE id = ?2")
        .bind(1, m.created_at).bind(2, m.conversation_id)
        .run();
  }

  static void update_feedback(StatementCache& cache, const std::string& id, const std::string& feedback_json) {
    Query(cache, "UPDATE messages SET feedback_json = ?1 WHERE id = ?2").bind(1, feedback_json).bind(2, id).run();
  }

  std::optional<ClassGroup> select_class(const char* operation, const char* key_column,
                                         const std::string& key) {
    return translate_errors(operation, [&]() -> std::optional<ClassGroup> {
      PooledSession session(pool_);
      ClassGroup group;
      *session << std::string("SELECT id, organisation_id, name, join_code, level, created_at "
                              "FROM classes WHERE ") + key_column + " = :key",
          soci::into(group.id), soci::into(group.organisation_id), soci::into(group.name),
          soci::into(group.join_code), soci::into(group.level), soci::into(group.created_at),
          soci::use(key);
      if (!(*session).got_data()) return std::nullopt;
      return group;
    });
  }

  std::string path_;
  soci::session checkpoint_session_;  // used by the checkpoint thread only
  std::thread checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wake_;
  bool stopping_ = false;
  std::size_t pool_size_;
  // One writer at a time inside the process: SQLite allows one anyway, and waiting here is far
  // cheaper than SQLite's busy retries (readers still run in parallel under WAL).
  std::mutex write_mutex_;
  soci::connection_pool pool_;
  std::vector<std::unique_ptr<StatementCache>> statements_;  // by pool position
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, int pool_size) {
  require(!path.empty(), "database path is empty");
  // Every pooled connection to ":memory:" would see its own empty database, and WAL needs a file.
  require(path != ":memory:" && path.rfind("file:", 0) != 0,
          "database path must be a file path (tests: a file in a temporary folder)");
  require(pool_size >= 1 && pool_size <= kMaxPoolSize, "pool_size must be between 1 and 64");
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code error;
    std::filesystem::create_directories(parent, error);
    if (error) {
      throw std::runtime_error("store: cannot create folder " + parent.string() + ": " +
                               error.message());
    }
  }
  auto store = std::make_unique<SqliteStore>(path, pool_size);
  store->migrate();
  return store;
}

}  // namespace voki::store
