#include "solve/at_once.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace cc {

void on_threads_within(std::span<const std::size_t> sizes, unsigned threads, std::size_t budget,
                       const std::function<void(std::size_t worker, std::size_t i)>& fn) {
  const std::size_t count = sizes.size();
  const std::size_t workers = std::min<std::size_t>(std::max(1U, threads), count);
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(0, i);
    return;
  }
  std::mutex mutex;
  std::condition_variable finished;
  std::vector<char> taken(count, 0);
  std::size_t first = 0;    // every item before it is taken
  std::size_t running = 0;  // the sizes of the items running, summed
  std::size_t busy = 0;     // the items running
  const auto work = [&](std::size_t worker) {
    std::unique_lock lock(mutex);
    while (true) {
      while (first < count && taken[first]) ++first;
      if (first == count) return;
      std::size_t i = first;
      if (busy > 0) {
        while (i < count && (taken[i] || running + sizes[i] > budget)) ++i;
        if (i == count) {
          finished.wait(lock);
          continue;
        }
      }
      taken[i] = 1;
      running += sizes[i];
      ++busy;
      lock.unlock();
      fn(worker, i);
      lock.lock();
      running -= sizes[i];
      --busy;
      finished.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
}

}  // namespace cc
