#include "net/deadline.h"

#include <boost/asio/steady_timer.hpp>

namespace voki::net {

struct Deadline::State : std::enable_shared_from_this<Deadline::State> {
  State(asio::any_io_executor executor, std::function<void()> expire)
      : timer(std::move(executor)), on_expire(std::move(expire)) {}

  static constexpr Clock::time_point kNever = Clock::time_point::max();
  asio::steady_timer timer;
  std::function<void()> on_expire;
  Clock::time_point deadline = kNever;  // what the owner asked for
  Clock::time_point armed = kNever;     // when the pending timer wait fires; kNever: none pending
  unsigned generation = 0;              // identifies the pending wait (a re-armed one is stale)
  bool expired = false;
  bool alive = true;

  void arm(Clock::time_point when) {
    armed = when;
    const unsigned wait = ++generation;
    timer.expires_at(when);  // cancels a pending wait, whose handler then sees a stale generation
    timer.async_wait([self = shared_from_this(), wait](const boost::system::error_code&) { self->fired(wait); });
  }

  void fired(unsigned wait) {
    if (!alive || wait != generation) return;
    armed = kNever;
    if (deadline == kNever) return;  // idle until the next expires_at
    if (Clock::now() < deadline) {
      arm(deadline);  // the deadline moved later since the timer was armed
      return;
    }
    deadline = kNever;
    expired = true;
    if (on_expire) on_expire();
  }
};

Deadline::Deadline(asio::any_io_executor executor, std::function<void()> on_expire)
    : state_(std::make_shared<State>(std::move(executor), std::move(on_expire))) {}

Deadline::~Deadline() {
  state_->alive = false;
  state_->on_expire = nullptr;
  state_->timer.cancel();
}

void Deadline::expires_at(Clock::time_point when) {
  state_->deadline = when;
  if (when < state_->armed) state_->arm(when);
}

void Deadline::clear() { state_->deadline = State::kNever; }

bool Deadline::expired() const { return state_->expired; }

void Deadline::reset() { state_->expired = false; }

}  // namespace voki::net
