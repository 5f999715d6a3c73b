// Every schema change is a new entry at the end of this list; never edit an applied migration.
// The SQL stays close to what PostgreSQL accepts (TEXT ids, BIGINT millisecond timestamps); the
// few SQLite-only parts are marked.
#include "store/migrations.h"

namespace voki::store {
namespace {

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE organisations (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  policy         TEXT NOT NULL DEFAULT '',
  retention_days INTEGER NOT NULL DEFAULT 30
);

CREATE TABLE classes (
  id              TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  join_code       TEXT NOT NULL UNIQUE,
  level           TEXT NOT NULL DEFAULT 'A2',
  created_at      BIGINT NOT NULL
);
CREATE INDEX classes_by_organisation ON classes(organisation_id);

CREATE TABLE participants (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  class_id         TEXT REFERENCES classes(id) ON DELETE SET NULL,
  ui_language      TEXT NOT NULL DEFAULT 'nb',
  support_language TEXT NOT NULL DEFAULT '',
  level            TEXT NOT NULL DEFAULT 'A2',
  created_at       BIGINT NOT NULL
);
CREATE INDEX participants_by_class ON participants(class_id);

CREATE TABLE sessions (
  token_hash     TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  expires_at     BIGINT NOT NULL
);
CREATE INDEX sessions_by_participant ON sessions(participant_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);

CREATE TABLE conversations (
  id              TEXT PRIMARY KEY,
  participant_id  TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  bot_id          TEXT NOT NULL,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL
);
CREATE INDEX conversations_by_participant ON conversations(participant_id, updated_at);
CREATE INDEX conversations_by_organisation ON conversations(organisation_id, updated_at);

-- seq gives a strict insertion order for messages created in the same millisecond.
-- SQLite: INTEGER PRIMARY KEY AUTOINCREMENT; PostgreSQL: BIGSERIAL PRIMARY KEY.
CREATE TABLE messages (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  role            TEXT NOT NULL,
  text            TEXT NOT NULL,
  quick           TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'complete',
  feedback_json   TEXT NOT NULL DEFAULT '',
  created_at      BIGINT NOT NULL
);
CREATE INDEX messages_by_conversation ON messages(conversation_id, created_at, seq);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
};

}  // namespace

std::span<const Migration> sqlite_migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

}  // namespace voki::store
