#include "store/database.h"

#include <pthread.h>

#include <exception>
#include <latch>
#include <stdexcept>

#include <boost/asio/post.hpp>

namespace voki::store {

void Database::name_threads(std::size_t threads) {
  // One task per thread: each waits until all have started, so that no thread takes two.
  auto started = std::make_shared<std::latch>(static_cast<std::ptrdiff_t>(threads));
  for (std::size_t i = 0; i < threads; ++i) {
    asio::post(pool_, [started] {
      pthread_setname_np(pthread_self(), "voki-db");
      started->arrive_and_wait();
    });
  }
}

void Database::enqueue(std::unique_ptr<QueuedWrite> write) {
  {
    const std::lock_guard lock(queue_mutex_);
    if (write->urgent) ++urgent_queued_;
    queued_.push_back(std::move(write));
    if (writing_) return;  // the group under way starts the next one
    if (!schedule_locked()) return;
  }
  asio::post(pool_, [this] { write_queued(); });
}

bool Database::schedule_locked() {
  if (queued_.empty()) return false;
  if (urgent_queued_ > 0 || queued_.size() >= kMaxWaiting) {
    writing_ = true;
    return true;
  }
  if (!timer_armed_) {
    timer_armed_ = true;
    share_timer_.expires_after(kShareWindow);
    share_timer_.async_wait([this](const boost::system::error_code&) {
      {
        const std::lock_guard lock(queue_mutex_);
        timer_armed_ = false;
        if (writing_ || queued_.empty()) return;
        writing_ = true;
      }
      write_queued();
    });
  }
  return false;
}

void Database::write_queued() {
  std::vector<std::unique_ptr<QueuedWrite>> group;
  {
    const std::lock_guard lock(queue_mutex_);
    group.swap(queued_);
    urgent_queued_ = 0;
  }
  std::vector<MessageWrite> writes;
  writes.reserve(group.size());
  for (auto& queued : group) writes.push_back(std::move(queued->write));
  std::vector<WriteOutcome> outcomes;
  std::exception_ptr failed;
  try {
    outcomes = store_->write_group(std::move(writes));
  } catch (...) {
    failed = std::current_exception();
  }
  if (!failed && outcomes.size() != group.size())
    failed = std::make_exception_ptr(std::logic_error("store: write_group lost writes"));
  if (failed) {  // nothing of the group is known to be stored
    outcomes.assign(group.size(), WriteOutcome{});
    for (auto& outcome : outcomes) outcome.error = failed;
  }
  // The urgent writes first (their reads after the commit, one by one), then the deferred ones.
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (!group[i]->urgent) continue;
    if (group[i]->after_commit && !outcomes[i].error) {
      try {
        group[i]->after_commit(*store_);
      } catch (...) {
        outcomes[i].error = std::current_exception();
      }
    }
    group[i]->complete(std::move(outcomes[i]));
  }
  for (std::size_t i = 0; i < group.size(); ++i)
    if (!group[i]->urgent) group[i]->complete(std::move(outcomes[i]));
  bool again = false;
  {
    const std::lock_guard lock(queue_mutex_);
    writing_ = false;
    again = schedule_locked();
  }
  // Behind the reads queued meanwhile, rather than looping here: one pool thread must not be
  // kept from them while writes keep coming.
  if (again) asio::post(pool_, [this] { write_queued(); });
}

}  // namespace voki::store
