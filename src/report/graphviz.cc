#include "report/graphviz.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

extern char** environ;

namespace cc {
namespace {

// A pipe whose ends close themselves.
struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) == 0) {
      read = fds[0];
      write = fds[1];
    }
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_read() {
    if (read >= 0) ::close(read);
    read = -1;
  }
  void close_write() {
    if (write >= 0) ::close(write);
    write = -1;
  }
  [[nodiscard]] bool ok() const { return read >= 0 && write >= 0; }
};

struct Output {
  std::string out;
  std::string err;
};

// Feeds `input` to the child's stdin while draining its stdout and stderr, so that
// neither side blocks on a full pipe.
Output exchange(Pipe& in, Pipe& out, Pipe& err, std::string_view input) {
  Output result;
  std::size_t written = 0;
  if (input.empty()) in.close_write();
  std::array<char, 65536> buffer{};
  while (out.read >= 0 || err.read >= 0) {
    std::vector<pollfd> fds;
    if (in.write >= 0) fds.push_back({in.write, POLLOUT, 0});
    if (out.read >= 0) fds.push_back({out.read, POLLIN, 0});
    if (err.read >= 0) fds.push_back({err.read, POLLIN, 0});
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in.write) {
        const ssize_t n = ::write(in.write, input.data() + written, input.size() - written);
        if (n < 0 && errno != EINTR && errno != EAGAIN) {
          in.close_write();
        } else if (n > 0) {
          written += static_cast<std::size_t>(n);
          if (written == input.size()) in.close_write();
        }
        continue;
      }
      const ssize_t n = ::read(p.fd, buffer.data(), buffer.size());
      if (n > 0) {
        (p.fd == out.read ? result.out : result.err)
            .append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        (p.fd == out.read ? out : err).close_read();
      }
    }
  }
  return result;
}

std::string first_line(std::string_view text) {
  const std::size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

SvgResult from_exit(int status, Output output, const DotOptions& options) {
  SvgResult result;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (code == 0) {
    result.status = SvgStatus::ok;
    result.svg = std::move(output.out);
  } else if (code == 124 || code == 128 + SIGKILL) {  // timeout's "timed out", or its -k kill
    result.status = SvgStatus::timed_out;
    result.message = fmt::format("Graphviz '{}' did not finish within {} s", options.program,
                                 options.time_limit.count());
  } else if (code == 126 || code == 127) {  // timeout: cannot run, or not found
    result.status = SvgStatus::missing;
    result.message = fmt::format("Graphviz '{}' was not found; install Graphviz to draw the graph",
                                 options.program);
  } else {
    result.status = SvgStatus::failed;
    const std::string why = first_line(output.err);
    result.message = fmt::format("Graphviz '{}' failed (exit {}){}{}", options.program, code,
                                 why.empty() ? "" : ": ", why);
  }
  return result;
}

}  // namespace

SvgResult run_dot_svg(std::string_view dot, const DotOptions& options) {
  Pipe in, out, err;
  if (!in.ok() || !out.ok() || !err.ok())
    return {SvgStatus::failed, {}, "cannot create a pipe to run Graphviz"};
  // A write to a child that exited early must not kill the report.
  std::signal(SIGPIPE, SIG_IGN);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
  const std::string seconds = std::to_string(options.time_limit.count());
  std::vector<std::string> args = {"timeout", "-k", "5", seconds, options.program, "-Tsvg"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "timeout", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return {SvgStatus::missing,
            {},
            fmt::format("cannot run 'timeout' for Graphviz: {}", std::strerror(spawned))};
  }
  in.close_read();
  out.close_write();
  err.close_write();
  // The child's stdin is written without blocking: dot writes each graph's SVG before it
  // reads the next graph, so a blocking write of input larger than the pipe would wait on
  // a child that waits for its full stdout to be read (a deadlock until the time limit,
  // as with the findings' graphs of a million facts).
  const int flags = fcntl(in.write, F_GETFL);
  if (flags >= 0) fcntl(in.write, F_SETFL, flags | O_NONBLOCK);
  Output output = exchange(in, out, err, dot);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return from_exit(status, std::move(output), options);
}

std::string inline_svg(std::string_view svg_document) {
  const std::size_t start = svg_document.find("<svg");
  if (start == std::string_view::npos) return {};
  std::string_view svg = svg_document.substr(start);
  while (!svg.empty() && (svg.back() == '\n' || svg.back() == ' ')) svg.remove_suffix(1);
  return std::string(svg);
}

}  // namespace cc
