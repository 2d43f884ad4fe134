#include "cli/timing.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace cc::cli {
namespace {

// CPU seconds of the whole process, every thread (user and system), or of the calling
// thread alone.
double cpu_seconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The process's peak resident memory so far, in MiB.
double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
}

// Its resident memory now, in MiB (/proc/self/statm: pages); 0 where there is none.
double rss_mib() {
  std::ifstream statm("/proc/self/statm");
  double size = 0;
  double resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

}  // namespace

PhaseTimer::PhaseTimer(std::ostream& out) : out_(out) {
  const char* value = std::getenv("CROSSCHECK_TIMING");
  on_ = value != nullptr && std::string_view(value) != "" && std::string_view(value) != "0";
  wall_ = std::chrono::steady_clock::now();
  cpu_ = cpu_seconds(RUSAGE_SELF);
  own_ = cpu_seconds(RUSAGE_THREAD);
}

void PhaseTimer::phase(std::string_view name) {
  if (!on_) return;
  const auto now = std::chrono::steady_clock::now();
  const double cpu = cpu_seconds(RUSAGE_SELF);
  const double own = cpu_seconds(RUSAGE_THREAD);
  const double wall = std::chrono::duration<double>(now - wall_).count();
  const double used = cpu - cpu_;
  out_ << fmt::format(
      "crosscheck: timing: {:<22} wall {:7.3f} s  cpu {:7.3f} s  main thread {:7.3f} s  "
      "cores {:4.2f}  rss {:6.0f} MiB  peak {:6.0f} MiB\n",
      name, wall, used, own - own_, wall > 0 ? used / wall : 0.0, rss_mib(), peak_rss_mib());
  out_.flush();
  wall_ = now;
  cpu_ = cpu;
  own_ = own;
}

}  // namespace cc::cli
