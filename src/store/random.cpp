// Identifiers, join codes and clock for the store.
#include <sodium.h>

#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>

#include "store/store.h"

namespace voki::store {
namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    // sodium_init returns 1 when already initialised elsewhere, -1 only on failure.
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
}

// No 0/O, 1/I/L: codes are read aloud and typed on phones by beginners.
constexpr char kJoinCodeAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

}  // namespace

std::string random_id() {
  ensure_sodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(hex, sizeof bytes * 2);
}

std::string random_join_code() {
  ensure_sodium();
  constexpr auto alphabet_size = static_cast<std::uint32_t>(sizeof kJoinCodeAlphabet - 1);
  std::string code;
  code.reserve(9);
  for (int i = 0; i < 8; ++i) {
    if (i == 4) code.push_back('-');
    code.push_back(kJoinCodeAlphabet[randombytes_uniform(alphabet_size)]);  // unbiased
  }
  return code;
}

Timestamp now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace voki::store
