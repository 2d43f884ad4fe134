#include "cli/progress.h"

#include <fmt/format.h>

namespace cc::cli {

// "\r\x1b[K" (carriage return, erase to the end of the line) is written by hand: fmt/color.h
// has colours and emphasis but no cursor or erase controls, and no Debian-packaged library
// worth a dependency offers this one sequence.

ProgressLine::ProgressLine(std::ostream& out, Clock::duration delay, Clock::duration interval)
    : out_(out), start_(Clock::now()), last_(start_), delay_(delay), interval_(interval) {}

void ProgressLine::update(std::string_view phase, std::size_t done, std::size_t total) {
  const auto now = Clock::now();
  if (now - start_ < delay_ || (shown_ && now - last_ < interval_)) return;
  const std::size_t percent = total == 0 ? 100 : done * 100 / total;
  out_ << fmt::format("\r\x1b[K{}: {} of {} facts ({}%)", phase, done, total, percent)
       << std::flush;
  last_ = now;
  shown_ = true;
}

void ProgressLine::finish() {
  if (shown_) out_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace cc::cli
