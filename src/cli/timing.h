#pragma once
// A developer's view of where a check's time goes: with CROSSCHECK_TIMING=1 in the
// environment, `check` writes one line per phase to stderr (wall and CPU seconds of the
// whole process since the previous phase, the main thread's CPU seconds, and the ratio of
// CPU to wall: the cores the phase kept busy). The main thread's share of the CPU shows how
// much of a phase runs on one core whatever the load of the machine.
// With each line, the resident memory at the end of the phase and the peak so far (MiB).
// Never in a report; without the variable it does nothing.

#include <chrono>
#include <ostream>
#include <string_view>

namespace cc::cli {

class PhaseTimer {
 public:
  explicit PhaseTimer(std::ostream& out);
  // Ends the phase running since the previous call (or since construction).
  void phase(std::string_view name);
  [[nodiscard]] bool on() const { return on_; }

 private:
  std::ostream& out_;
  bool on_ = false;
  std::chrono::steady_clock::time_point wall_;
  double cpu_ = 0;  // the process's CPU seconds at the last phase
  double own_ = 0;  // the calling (main) thread's
};

}  // namespace cc::cli
