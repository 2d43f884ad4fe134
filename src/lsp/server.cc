// The messages: the lifecycle (initialize … shutdown, exit), JSON-RPC's errors, and the
// documents the editor has open (docs/EDITORS.md says what each does).
#include "lsp/server.h"

#include <fmt/format.h>

#include <ostream>

namespace cc::lsp {
namespace {

using nlohmann::json;

// JSON-RPC's and the protocol's error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

}  // namespace

Server::Server(Send send, std::ostream& log, ServerOptions options)
    : send_(std::move(send)), log_(log), options_(options) {}

void Server::note(std::string_view message) {
  log_ << "crosscheck lsp: " << message << "\n";
}

void Server::respond(const json& id, json result) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respond_error(const json& id, int code, std::string_view message) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::receive(std::string_view body) {
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    note("a message that is not JSON");
    respond_error(nullptr, kParseError, "the message is not JSON");
    return;
  }
  try {
    dispatch(message);
  } catch (const std::exception& e) {  // whatever it was, the next message is served
    note(fmt::format("a message could not be handled: {}", e.what()));
  }
}

void Server::dispatch(const json& message) {
  if (!message.is_object()) {
    respond_error(nullptr, kInvalidRequest, "a message is a JSON object");
    return;
  }
  const auto method = message.find("method");
  const auto id = message.find("id");
  const bool id_ok = id != message.end() && (id->is_number_integer() || id->is_string());
  if (method == message.end() || !method->is_string()) {
    if (id != message.end() && (message.contains("result") || message.contains("error"))) {
      return;  // a response: the server sends no requests, so none is awaited
    }
    respond_error(id_ok ? *id : json(nullptr), kInvalidRequest, "the message has no method");
    return;
  }
  const json params = message.value("params", json::object());
  if (id == message.end()) {
    notification(method->get<std::string>(), params);
  } else if (!id_ok) {
    respond_error(nullptr, kInvalidRequest, "a request's id is a number or a string");
  } else {
    request(*id, method->get<std::string>(), params);
  }
}

void Server::request(const json& id, const std::string& method, const json& params) {
  if (!initialized_ && method != "initialize") {
    respond_error(id, kServerNotInitialized, "the server is not initialized");
    return;
  }
  if (shutdown_) {
    respond_error(id, kInvalidRequest, "the server is shut down: only 'exit' is left");
    return;
  }
  if (initialized_ && method == "initialize") {
    respond_error(id, kInvalidRequest, "the server is initialized already");
    return;
  }
  try {
    json result = answer(method, params);
    if (result.is_discarded()) {
      respond_error(id, kMethodNotFound, fmt::format("no method '{}'", method));
    } else {
      respond(id, std::move(result));
    }
  } catch (const json::exception& e) {  // a field missing or of the wrong type
    respond_error(id, kInvalidParams, fmt::format("the params of '{}': {}", method, e.what()));
  } catch (const std::exception& e) {
    respond_error(id, kInternalError, fmt::format("'{}' failed: {}", method, e.what()));
  }
}

json Server::answer(const std::string& method, const json& params) {
  if (method == "initialize") {
    initialized_ = true;
    return initialize_result();
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/hover") return hover(params);
  if (method == "textDocument/codeAction") return code_actions(params);
  return json(json::value_t::discarded);
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  try {
    if (method == "textDocument/didOpen") did_open(params);
    if (method == "textDocument/didChange") did_change(params);
    if (method == "textDocument/didClose") did_close(params);
    if (method == "textDocument/didSave") did_save(params);
    // Every other notification ('initialized', '$/cancelRequest', settings) is ignored.
  } catch (const json::exception& e) {
    note(fmt::format("'{}' with params the server cannot read: {}", method, e.what()));
  }
}

json Server::initialize_result() const {
  return {{"capabilities",
           {{"textDocumentSync",
             {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "crosscheck"}, {"version", CROSSCHECK_VERSION}}}};
}

}  // namespace cc::lsp
