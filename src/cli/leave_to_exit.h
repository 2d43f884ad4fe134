#pragma once
// What a command built, left to the end of the process instead of freed. Freeing a fact
// base of 100k facts, its graph and the check's results object by object took about a
// twentieth of a second on the main thread at the end of every `check` and `lint`, after
// everything was written; the system takes the whole heap back at once. Only when
// `Streams::exits_after` says the process ends with the command (main.cc): the tests run
// the commands in one process many times over.

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "cli/commands.h"

namespace cc::cli {

// Kept reachable from a static to the end (so a leak checker does not report it).
template <class T>
void leave_to_exit(const Streams& streams, T&& value) {
  if (!streams.exits_after) return;  // freed by the caller as usual
  static auto* const kept = new std::vector<std::shared_ptr<void>>();
  kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace cc::cli
