#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "feedback/analysis.h"
#include "feedback/explanations.h"
#include "feedback/feedback.h"
#include "feedback/rules.h"

namespace voki::feedback {
namespace {

// Workers are lent to one thread at a time. The first is loaded by load_engine(); more are
// loaded only when several threads check at once, up to the number of cores.
class WorkerPool {
 public:
  explicit WorkerPool(std::shared_ptr<const ResourceFiles> files)
      : files_(std::move(files)),
        limit_(std::max<std::size_t>(1, std::thread::hardware_concurrency())) {
    idle_.push_back(std::make_unique<Worker>(files_));
    created_ = 1;
  }

  class Lease {
   public:
    Lease(WorkerPool& pool, std::unique_ptr<Worker> worker) : pool_(pool), worker_(std::move(worker)) {}
    ~Lease() { pool_.give_back(std::move(worker_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Worker& operator*() { return *worker_; }

   private:
    WorkerPool& pool_;
    std::unique_ptr<Worker> worker_;
  };

  Lease borrow() {
    std::unique_lock lock(mutex_);
    while (idle_.empty() && created_ >= limit_) available_.wait(lock);
    if (!idle_.empty()) {
      auto worker = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(worker));
    }
    ++created_;
    lock.unlock();
    try {
      return Lease(*this, std::make_unique<Worker>(files_));
    } catch (...) {
      std::lock_guard relock(mutex_);
      --created_;
      throw;
    }
  }

 private:
  void give_back(std::unique_ptr<Worker> worker) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(worker));
    }
    available_.notify_one();
  }

  std::shared_ptr<const ResourceFiles> files_;
  std::size_t limit_;
  std::size_t created_ = 0;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Worker>> idle_;
};

class OfflineEngine final : public Engine {
 public:
  explicit OfflineEngine(std::shared_ptr<const ResourceFiles> files) : pool_(std::move(files)) {}

  std::vector<Finding> check(std::string_view text, const Options& options) const override {
    if (count_code_points(text) > kMaxTextChars)
      throw std::length_error("text is longer than " + std::to_string(kMaxTextChars) + " characters");
    std::vector<Finding> findings;
    {
      auto lease = pool_.borrow();
      Worker& worker = *lease;
      const auto& rules = all_rules();
      for (auto& sentence : worker.analyse(text)) {
        // CG-3 costs ~10 ms a sentence with Apertium's grammar, so it runs only where a rule that
        // needs disambiguated readings finds a candidate on the raw readings; those rules then run
        // again on CG-3's readings and only their second findings count.
        std::vector<std::vector<Finding>> by_rule(rules.size());
        std::vector<Finding> candidates;
        {
          CandidateScope scope;
          RuleContext context{worker, sentence, text, candidates};
          for (const auto& rule : rules)
            if (rule.needs_disambiguation) rule.run(context);
        }
        // Spans only to widen the window (RuleContext::widen_window) have no rule id.
        const bool candidate = std::any_of(candidates.begin(), candidates.end(), [](const Finding& f) { return !f.rule.empty(); });
        for (std::size_t k = 0; k < rules.size(); ++k) {
          if (rules[k].needs_disambiguation) continue;
          RuleContext context{worker, sentence, text, by_rule[k]};
          rules[k].run(context);
        }
        if (candidate) {
          // CG-3's cost grows with the number of words, and its rules look a few words around:
          // disambiguate the stretch from kContext words before the first candidate to kContext
          // words after the last; words outside keep all their readings, which only makes the
          // rules stricter there.
          constexpr std::size_t kContext = 2;
          std::size_t first = sentence.words.size(), last = 0;
          for (std::size_t i = 0; i < sentence.words.size(); ++i) {
            const auto& w = sentence.words[i];
            for (const auto& f : candidates)
              if (w.start < f.end && f.start < w.end) {
                first = std::min(first, i);
                last = std::max(last, i);
              }
          }
          if (first > last) first = 0, last = sentence.words.size() - 1;
          worker.disambiguate(sentence, first > kContext ? first - kContext : 0, last + kContext + 1);
          for (std::size_t k = 0; k < rules.size(); ++k) {
            if (!rules[k].needs_disambiguation) continue;
            RuleContext context{worker, sentence, text, by_rule[k]};
            rules[k].run(context);
          }
        }
        // Rule order decides ties below, as when every rule ran in turn.
        for (auto& found : by_rule)
          for (auto& f : found) findings.push_back(std::move(f));
      }
    }
    // One finding per span: on overlaps the more confident finding wins, then the earlier rule.
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.confidence > b.confidence; });
    std::vector<Finding> kept;
    for (auto& f : findings) {
      bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Finding& k) {
        return f.start < k.end && k.start < f.end;
      });
      if (!overlaps) kept.push_back(std::move(f));
    }
    std::sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) { return a.start < b.start; });
    const std::string language = options.language.empty() ? "nb" : options.language;
    for (auto& f : kept) {
      f.explanation_nb = explanation(f.rule, "nb");
      f.explanation = explanation(f.rule, language);
      f.language = f.explanation.empty() ? "" : language;
    }
    return kept;
  }

 private:
  mutable WorkerPool pool_;
};

}  // namespace

std::unique_ptr<Engine> load_engine() {
  return std::make_unique<OfflineEngine>(ResourceFiles::load(ResourcePaths{}));
}

std::string findings_to_json(const std::vector<Finding>& findings) {
  auto array = nlohmann::json::array();
  for (const auto& f : findings) {
    array.push_back({{"start", f.start},
                     {"end", f.end},
                     {"code", f.code},
                     {"rule", f.rule},
                     {"suggestions", f.suggestions},
                     {"explanation_nb", f.explanation_nb},
                     {"explanation", f.explanation},
                     {"language", f.language},
                     {"confidence", f.confidence}});
  }
  // Replace rather than throw on invalid UTF-8 so bad input never breaks the answer.
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace voki::feedback
