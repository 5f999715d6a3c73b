// add_message throughput of the SQLite store on a real file: one writer, then several at once.
// Usage: store_bench [folder] [messages per writer]   (default: a temporary folder, 2000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace {

using voki::store::Store;

double add_messages_per_second(Store& store, const std::string& participant_id, int writers,
                               int per_writer) {
  std::vector<std::string> conversations;
  for (int w = 0; w < writers; ++w) {
    conversations.push_back(store.create_conversation(participant_id, "bench", "bot").id);
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      voki::store::Message m;
      m.conversation_id = conversations[w];
      m.role = "user";
      m.text = "Jeg heter Ola og jeg kommer fra Bergen. Jeg liker å lære norsk.";
      for (int i = 0; i < per_writer; ++i) {
        m.id.clear();
        m.created_at = 0;
        store.add_message(m);
      }
    });
  }
  for (auto& t : threads) t.join();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  return writers * per_writer / elapsed.count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path folder =
      argc > 1 ? std::filesystem::path(argv[1])
               : std::filesystem::temp_directory_path() / ("voki-store-bench-" + voki::store::random_id());
  const int per_writer = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2000;
  const bool remove_after = argc <= 1;
  try {
    auto store = voki::store::open_sqlite_store((folder / "bench.db").string(), 4);
    voki::store::Organisation org;
    org.id = "bench";
    org.name = "Benchmark";
    store->put_organisation(org);
    voki::store::Participant p;
    p.organisation_id = "bench";
    const std::string participant_id = store->create_participant(p).id;

    std::printf("add_message, 1 writer : %8.0f messages/s\n",
                add_messages_per_second(*store, participant_id, 1, per_writer));
    std::printf("add_message, 4 writers: %8.0f messages/s\n",
                add_messages_per_second(*store, participant_id, 4, per_writer));
    std::printf("add_message, 8 writers: %8.0f messages/s\n",
                add_messages_per_second(*store, participant_id, 8, per_writer));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_bench: %s\n", e.what());
    return 1;
  }
  if (remove_after) std::filesystem::remove_all(folder);
  return 0;
}
