// run_server: the input read as it comes (poll(2) with the time to the next due check as
// its timeout), framed into messages for the Server, replies framed on the way out.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "lsp/framing.h"
#include "lsp/server.h"

namespace cc::lsp {
namespace {

// Milliseconds until `due` (0 when past), or -1 (wait for input only) without one.
[[nodiscard]] int timeout_until(std::optional<Clock::time_point> due) {
  if (!due) return -1;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(*due - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

// Reads what is there; false at the end of the input or on an error.
[[nodiscard]] bool read_some(int in, FrameReader& reader, std::ostream& log) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n > 0) {
      reader.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
      return true;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    log << "crosscheck lsp: cannot read the input: " << std::strerror(errno) << "\n";
    return false;
  }
}

}  // namespace

int run_server(int in, std::ostream& out, std::ostream& log, const ServerOptions& options) {
  Server server(
      [&out](const nlohmann::json& message) {
        out << frame(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        out.flush();
      },
      log, options);
  FrameReader reader;
  bool open = true;
  while (!server.exited()) {
    while (auto message = reader.next()) {
      if (const auto* error = std::get_if<FrameError>(&*message)) {
        log << "crosscheck lsp: " << error->message << "\n";
      } else {
        server.receive(std::get<std::string>(*message));
      }
      if (server.exited()) return server.exit_code();
    }
    if (!open) break;  // the editor is gone without 'exit'
    pollfd fd{in, POLLIN, 0};
    const int ready = ::poll(&fd, 1, timeout_until(server.next_due()));
    if (ready < 0 && errno != EINTR) {
      log << "crosscheck lsp: cannot wait for input: " << std::strerror(errno) << "\n";
      break;
    }
    if (ready > 0) open = read_some(in, reader, log);
    server.run_due(Clock::now());
  }
  return server.exit_code();  // the end of the input counts as exit
}

}  // namespace cc::lsp
