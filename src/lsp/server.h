#pragma once
// `crosscheck lsp`: a Language Server over stdio (docs/EDITORS.md). Server handles one
// message body at a time and says when the next debounced check is due; run_server is the
// loop around it: it reads the input with poll(2), so that a check runs once the editor
// has been quiet for `debounce`, without a second thread.

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "lsp/workspace.h"

namespace cc::lsp {

using Clock = std::chrono::steady_clock;

struct ServerOptions {
  std::chrono::milliseconds debounce{300};  // from the last change to the check
};

class Server {
 public:
  using Send = std::function<void(const nlohmann::json&)>;
  Server(Send send, std::ostream& log, ServerOptions options = {});

  // One message body as it came (not yet parsed).
  void receive(std::string_view body);
  // Runs the checks due by `now` and publishes their findings.
  void run_due(Clock::time_point now);
  [[nodiscard]] std::optional<Clock::time_point> next_due() const;
  [[nodiscard]] bool exited() const { return exited_; }
  // 0 after shutdown then exit, 1 for an exit without shutdown (the protocol's rule).
  [[nodiscard]] int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Document {
    std::string uri;
    std::filesystem::path path;
    std::string text;
    std::optional<std::filesystem::path> base;  // the fact base holding it
  };
  struct BaseState {
    std::shared_ptr<Analysis> current;  // the editor's text as it is now
    std::shared_ptr<Analysis> checked;  // the latest analysis checked
    std::optional<Clock::time_point> check_due;
    std::set<std::string> articles;
    std::set<std::string> published;  // URIs with diagnostics out
  };

  void dispatch(const nlohmann::json& message);
  void request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  [[nodiscard]] nlohmann::json answer(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);

  [[nodiscard]] nlohmann::json initialize_result() const;
  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void did_save(const nlohmann::json& params);
  [[nodiscard]] nlohmann::json hover(const nlohmann::json& params);
  [[nodiscard]] nlohmann::json code_actions(const nlohmann::json& params);

  // Loads the fact base again and publishes its input errors at once; the check follows
  // after the debounce.
  void changed(const std::filesystem::path& root);
  // The document's fact base, checked as its text is now (for hover and code actions).
  [[nodiscard]] const Analysis* checked_now(const Document& document);
  void check(BaseState& state);
  void publish(BaseState& state);
  void publish_outside(const Document& document);
  [[nodiscard]] std::string uri_of(const std::filesystem::path& path) const;
  [[nodiscard]] Document* document(const nlohmann::json& params);

  void respond(const nlohmann::json& id, nlohmann::json result);
  void respond_error(const nlohmann::json& id, int code, std::string_view message);
  void note(std::string_view message);

  Send send_;
  std::ostream& log_;
  ServerOptions options_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  std::map<std::string, Document> documents_;  // by URI
  std::map<std::filesystem::path, BaseState> bases_;
};

// Serves `in` (a file descriptor: the program's stdin) until `exit` or the end of input,
// writing framed messages to `out` and what goes wrong to `log`. Returns the exit status.
[[nodiscard]] int run_server(int in, std::ostream& out, std::ostream& log,
                             const ServerOptions& options = {});

}  // namespace cc::lsp
