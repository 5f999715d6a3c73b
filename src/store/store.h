// Voki's data: organisations, classes, participants, sessions, conversations and messages.
// The Store interface hides the database so that PostgreSQL can join SQLite later.
// All methods are synchronous and thread-safe; call them through Database::run (database.h) from
// I/O coroutines so that database work never blocks an I/O thread.
// Errors: std::invalid_argument for bad input (unknown level/role/status, empty or oversized
// fields: ids <= 128 bytes, names <= 200, policy <= 20 000, message text <= 100 000, feedback JSON
// <= 200 000); ConflictError for a broken constraint (duplicate key, unknown parent row);
// std::runtime_error for other database failures. Error texts never contain message text.
#pragma once
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace voki::store {

using Timestamp = std::int64_t;  // Unix time in milliseconds, UTC

struct Organisation {
  std::string id;    // slug, e.g. "oslo-vo"
  std::string name;  // display name
  std::string policy;  // rules for every bot of the organisation (goes into the prompt)
  int retention_days = 30;  // conversations older than this are deleted
};

struct ClassGroup {
  std::string id;
  std::string organisation_id;
  std::string name;
  std::string join_code;  // unique, case-insensitive (stored upper case)
  std::string level = "A2";  // default CEFR level for new participants
  Timestamp created_at = 0;
};

// Pseudonymous: no name, e-mail or ID number.
struct Participant {
  std::string id;
  std::string organisation_id;
  std::string class_id;
  std::string ui_language = "nb";
  std::string support_language;  // may be empty
  std::string level = "A2";
  Timestamp created_at = 0;
};

struct Conversation {
  std::string id;
  std::string participant_id;
  std::string organisation_id;
  std::string bot_id;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

struct Message {
  std::string id;
  std::string conversation_id;
  std::string role;     // "user" or "assistant"
  std::string text;
  std::string quick;    // "", "simpler", "more", "my_language"
  std::string status = "complete";  // "complete", "streaming", "failed", "stopped"
  std::string feedback_json;        // findings of the feedback engine, JSON array text; may be empty
  Timestamp created_at = 0;
};

// One write of a group commit (Store::write_group): add a message, or set a message's feedback.
struct MessageWrite {
  enum class Kind { add_message, set_feedback };
  Kind kind = Kind::add_message;
  Message message;  // add_message: as for add_message; set_feedback: its id and feedback_json
};

struct WriteOutcome {
  Message message;           // add_message: as stored (id and created_at filled)
  std::exception_ptr error;  // what the write alone would have thrown; null when it is stored
};

// Thrown for a broken constraint (e.g. a duplicate join code).
struct ConflictError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  virtual ~Store() = default;

  // Schema: versioned migrations, applied in order inside transactions.
  virtual int schema_version() = 0;
  virtual int migrate() = 0;  // returns the version reached

  virtual void put_organisation(const Organisation& org) = 0;  // insert or update
  virtual std::optional<Organisation> organisation(const std::string& id) = 0;
  virtual std::vector<Organisation> organisations() = 0;

  // Fills id/created_at when empty/0. An empty join_code gets a fresh random_join_code(); a given
  // one is trimmed, upper-cased and must be 4-32 of A-Z, 0-9, '-'. ConflictError if it is taken.
  virtual ClassGroup create_class(ClassGroup group) = 0;
  // Case-insensitive and ignores surrounding spaces; nullopt for anything malformed.
  virtual std::optional<ClassGroup> class_by_code(const std::string& join_code) = 0;
  virtual std::optional<ClassGroup> class_by_id(const std::string& id) = 0;

  virtual Participant create_participant(Participant p) = 0;  // fills id/created_at when empty/0
  virtual std::optional<Participant> participant(const std::string& id) = 0;
  // Languages and level only; std::invalid_argument if there is no such participant.
  virtual void update_participant(const Participant& p) = 0;

  // Sessions are stored by a hash of the cookie token, never the token itself.
  virtual void create_session(const std::string& token_hash, const std::string& participant_id,
                              Timestamp expires_at) = 0;
  // The participant while now < expires_at.
  virtual std::optional<std::string> session_participant(const std::string& token_hash,
                                                         Timestamp now) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;

  virtual Conversation create_conversation(const std::string& participant_id,
                                           const std::string& organisation_id,
                                           const std::string& bot_id) = 0;
  virtual std::optional<Conversation> conversation(const std::string& id) = 0;
  // Most recently updated first (at most 1000).
  virtual std::vector<Conversation> conversations_of(const std::string& participant_id) = 0;
  virtual bool delete_conversation(const std::string& id) = 0;  // with its messages

  // Fills id/created_at when empty/0; in one transaction it also moves the conversation's
  // updated_at forward to created_at. ConflictError for an unknown conversation.
  virtual Message add_message(Message m) = 0;
  // Both ignore a message that no longer exists (its conversation was deleted meanwhile).
  // finish_message also moves the conversation's updated_at to now.
  virtual void finish_message(const std::string& id, const std::string& text,
                              const std::string& status) = 0;
  virtual void set_message_feedback(const std::string& id, const std::string& feedback_json) = 0;
  // Group commit: all the writes in one transaction, each as add_message or set_message_feedback
  // would do it, under its own savepoint, so that one that fails (bad input, its conversation
  // deleted) is undone alone and reported in its outcome while the others are stored. If the
  // transaction itself fails, every outcome carries that error. One outcome per write, in order;
  // the writes are durable (as far as the database's settings make them) when it returns.
  virtual std::vector<WriteOutcome> write_group(std::vector<MessageWrite> writes) = 0;
  // Oldest first; at most `limit` (capped at 1000) of the newest. Ordered by created_at, then by
  // insertion order.
  virtual std::vector<Message> messages(const std::string& conversation_id, int limit = 200) = 0;

  // Deletes conversations (and messages) not updated since `before`; returns how many.
  virtual int delete_conversations_before(const std::string& organisation_id, Timestamp before) = 0;
};

// Opens (creating it and its folders if needed) an SQLite database in WAL mode with `pool_size`
// (1-64) connections, and migrates it to the newest schema. Throws std::runtime_error if the
// database was written by a newer Voki (schema version unknown to this binary). `path` must be a
// file: ":memory:" would give every pooled connection its own database.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, int pool_size = 4);

// Random identifiers and codes from libsodium's CSPRNG.
std::string random_id();          // 32 lowercase hex characters
std::string random_join_code();   // "XXXX-XXXX" from an unambiguous alphabet
Timestamp now_ms();

}  // namespace voki::store
