#pragma once
// Runs fn(0) … fn(count - 1) on up to `threads` threads. `fn` must not throw.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cc::load {

template <typename Fn>
void parallel_for(std::size_t count, unsigned threads, const Fn& fn) {
  const std::size_t workers = std::min<std::size_t>(std::max(1U, threads), count);
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::jthread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
}

}  // namespace cc::load
