#pragma once
// Solving components at once on several threads, within a bound on the constraints of the
// components solved at the same time (docs/ARCHITECTURE.md, "What a solving thread holds").

#include <cstddef>
#include <functional>
#include <span>

namespace cc {

// Runs fn(worker, i) once for each i in 0 … sizes.size() - 1 on up to `threads` threads;
// `worker` numbers the thread (0 … threads - 1) so each can keep its own state. The items
// are taken in order, but one starts only while the sizes of the items running, its own
// included, sum to at most `budget`: a thread whose next item does not fit takes the first
// later one that does, or waits for one to finish. An item is always started when none is
// running, so one larger than the budget runs alone. fn must not throw.
void on_threads_within(std::span<const std::size_t> sizes, unsigned threads, std::size_t budget,
                       const std::function<void(std::size_t worker, std::size_t i)>& fn);

}  // namespace cc
