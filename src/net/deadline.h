// A deadline for the I/O in progress on one connection, enforced by one timer that is re-armed
// only when it fires or when the deadline moves earlier. Moving the deadline on every read or
// write costs a clock read and a store; a Beast tcp_stream instead starts and cancels a timer wait
// on every operation, which at thousands of streamed tokens a second is a large share of the work.
#pragma once
#include <chrono>
#include <functional>
#include <memory>

#include "net/asio.h"

namespace voki::net {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  // `on_expire` runs on `executor` once the deadline has passed; it typically closes the socket,
  // which ends the pending operation with operation_aborted (check expired() to tell it apart).
  Deadline(asio::any_io_executor executor, std::function<void()> on_expire);
  // After destruction `on_expire` never runs.
  ~Deadline();
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  void expires_at(Clock::time_point when);
  void expires_after(Clock::duration after) { expires_at(Clock::now() + after); }
  // Nothing is in progress: no deadline until the next expires_*.
  void clear();
  // Whether the deadline passed (and on_expire ran) since construction or the last reset().
  bool expired() const;
  void reset();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace voki::net
