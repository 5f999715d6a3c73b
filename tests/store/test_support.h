// Helpers for the store tests: a fresh temporary folder per test (real SQLite files in it) and
// builders for records (designated initialisers with omitted fields warn under -Wextra).
#pragma once
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "store/store.h"

namespace voki::store::testing {

class TempFolder {
 public:
  TempFolder()
      : path_(std::filesystem::temp_directory_path() / ("voki-store-test-" + random_id())) {
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline Organisation make_organisation(std::string id, std::string name, int retention_days = 30,
                                      std::string policy = "") {
  Organisation org;
  org.id = std::move(id);
  org.name = std::move(name);
  org.retention_days = retention_days;
  org.policy = std::move(policy);
  return org;
}

inline ClassGroup make_class(std::string organisation_id, std::string name,
                             std::string join_code = "", std::string level = "A2") {
  ClassGroup group;
  group.organisation_id = std::move(organisation_id);
  group.name = std::move(name);
  group.join_code = std::move(join_code);
  group.level = std::move(level);
  return group;
}

inline Participant make_participant(std::string organisation_id, std::string class_id = "") {
  Participant p;
  p.organisation_id = std::move(organisation_id);
  p.class_id = std::move(class_id);
  return p;
}

}  // namespace voki::store::testing
