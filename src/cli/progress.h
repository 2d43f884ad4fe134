#pragma once
// The progress line `check` shows on a terminal during a long run: written to stderr,
// redrawn in place ("\r" and erase-line), at most every `interval`, and only once `delay`
// has passed, so a quick run shows nothing; finish() erases it before the findings print.

#include <chrono>
#include <ostream>
#include <string_view>

namespace cc::cli {

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ProgressLine(std::ostream& out,
                        Clock::duration delay = std::chrono::milliseconds(500),
                        Clock::duration interval = std::chrono::milliseconds(100));
  void update(std::string_view phase, std::size_t done, std::size_t total);
  void finish();

 private:
  std::ostream& out_;
  Clock::time_point start_;
  Clock::time_point last_;
  Clock::duration delay_;
  Clock::duration interval_;
  bool shown_ = false;
};

}  // namespace cc::cli
