// Internal to voki_store: the ordered list of schema migrations for SQLite.
#pragma once
#include <span>

namespace voki::store {

struct Migration {
  int version;      // strictly increasing, starting at 1
  const char* sql;  // one or more statements, applied in a single transaction
};

// All migrations this binary knows, oldest first.
std::span<const Migration> sqlite_migrations();

// The newest schema version this binary knows.
int latest_schema_version();

}  // namespace voki::store
