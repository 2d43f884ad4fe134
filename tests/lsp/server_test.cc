#include "catch.h"

#include <sstream>
#include <string>
#include <vector>

#include "lsp/server.h"
#include "lsp/text.h"
#include "support/test_support.h"

using nlohmann::json;

namespace {

struct Session {
  std::vector<json> sent;
  std::ostringstream log;
  cc::lsp::Server server{[this](const json& m) { sent.push_back(m); }, log,
                         cc::lsp::ServerOptions{std::chrono::milliseconds(0)}};

  json call(int id, const std::string& method, json params = json::object()) {
    server.receive(
        json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    REQUIRE_FALSE(sent.empty());
    return sent.back();
  }
  void notify(const std::string& method, json params = json::object()) {
    server.receive(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  void initialize() {
    call(1, "initialize", {{"capabilities", json::object()}});
    notify("initialized");
  }
  // The diagnostics last published for `uri`, after the due checks ran.
  json diagnostics(const std::string& uri) {
    server.run_due(cc::lsp::Clock::now() + std::chrono::hours(1));
    return published(uri);
  }
  // The diagnostics last published for `uri` so far (no check run here).
  json published(const std::string& uri) const {
    json last = nullptr;
    for (const json& m : sent) {
      if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri) {
        last = m["params"]["diagnostics"];
      }
    }
    return last;
  }
};

constexpr const char* kVocabulary =
    "measures:\n  residents:\n    name: residents\n    unit: people\nplaces:\n  Land:\n";
constexpr const char* kCensus =
    "source:\n  id: census\n  title: Census\n  published: 2022-06-28\n"
    "facts:\n  - id: land\n    quote: \"2,417,306 people\"\n    value: 2,417,306\n"
    "    measure: residents\n    when: 2021-03-21\n    where: Land\n";

}  // namespace

TEST_CASE("server: exit without shutdown is status 1, after shutdown 0", "[lsp]") {
  Session a;
  a.initialize();
  a.notify("exit");
  CHECK(a.server.exited());
  CHECK(a.server.exit_code() == 1);
  Session b;
  b.initialize();
  CHECK(b.call(2, "shutdown").at("result").is_null());
  CHECK(b.call(3, "textDocument/hover")["error"]["code"] == -32600);  // only exit is left
  b.notify("exit");
  CHECK(b.server.exit_code() == 0);
}

TEST_CASE("server: JSON-RPC errors for what is not a request it can serve", "[lsp]") {
  Session s;
  CHECK(s.call(1, "textDocument/hover")["error"]["code"] == -32002);  // before initialize
  s.initialize();
  CHECK(s.call(2, "initialize")["error"]["code"] == -32600);  // twice
  CHECK(s.call(3, "no/such/method")["error"]["code"] == -32601);
  CHECK(s.call(4, "textDocument/hover", {{"textDocument", 1}})["error"]["code"] == -32602);
  const std::size_t before = s.sent.size();
  s.notify("no/such/notification");
  s.server.receive(R"({"jsonrpc":"2.0","id":9,"result":null})");  // a response: ignored
  CHECK(s.sent.size() == before);
  s.server.receive(R"({"jsonrpc":"2.0","id":[1],"method":"shutdown"})");
  CHECK(s.sent.back()["error"]["code"] == -32600);
  CHECK(s.sent.back()["id"].is_null());
  s.server.receive("\xff\xfe not json");
  CHECK(s.sent.back()["error"]["code"] == -32700);
  s.notify("textDocument/didOpen", {{"textDocument", "not an object"}});  // logged, not fatal
  CHECK(s.log.str().find("params the server cannot read") != std::string::npos);
  CHECK_FALSE(s.server.exited());
}

TEST_CASE("server: incremental changes apply, and the check runs once due", "[lsp]") {
  const auto dir = cc::test::scratch_dir("lsp-server") / "facts";
  cc::test::write_file(dir / "vocabulary.yaml", kVocabulary);
  cc::test::write_file(dir / "census.yaml", kCensus);
  const std::string uri = cc::lsp::uri_of_path(dir / "census.yaml");
  Session s;
  s.initialize();
  s.notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", kCensus}}}});
  CHECK(s.server.next_due().has_value());
  CHECK(s.diagnostics(uri) == nullptr);  // clean: nothing to publish
  CHECK_FALSE(s.server.next_due().has_value());
  // "residents" → "resinents" on line 8 (0-based), by a range edit of two characters.
  const json edit = {
      {"range",
       {{"start", {{"line", 8}, {"character", 17}}}, {"end", {{"line", 8}, {"character", 19}}}}},
      {"text", "ne"}};
  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {edit}}});
  const json ds = s.diagnostics(uri);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0]["code"] == "unknown-measure");
  CHECK(ds[0]["message"].get<std::string>().find("'resinents'") != std::string::npos);
  CHECK(ds[0]["range"]["start"]["line"] == 8);
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  CHECK(s.diagnostics(uri) == json::array());  // cleared on close
}

TEST_CASE("server: a file in no fact base is left alone", "[lsp]") {
  const auto dir = cc::test::scratch_dir("lsp-no-base");
  cc::test::write_file(dir / "x.yaml", "a: 1\n");
  const std::string uri = cc::lsp::uri_of_path(dir / "x.yaml");
  Session s;
  s.initialize();
  s.notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", "a: 1\n"}}}});
  CHECK(s.diagnostics(uri) == nullptr);
  CHECK(s.log.str().find("is in no fact base") != std::string::npos);
  const json hover =
      s.call(5, "textDocument/hover",
             {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(hover["result"].is_null());
}

TEST_CASE("server: input errors at once, findings after the debounce, kept in place meanwhile",
          "[lsp]") {
  const auto dir = cc::test::scratch_dir("lsp-debounce") / "facts";
  const std::string paper =
      "source:\n  id: paper\n  title: Paper\n  published: 2022-07-01\n"
      "facts:\n  - id: land\n    quote: \"2.38 million people\"\n    value: 2.38 million\n"
      "    measure: residents\n    when: 2021-03-21\n    where: Land\n";
  cc::test::write_file(dir / "vocabulary.yaml", kVocabulary);
  cc::test::write_file(dir / "census.yaml", kCensus);
  cc::test::write_file(dir / "paper.yaml", paper);
  const std::string uri = cc::lsp::uri_of_path(dir / "paper.yaml");
  Session s;
  s.initialize();
  s.notify(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", paper}}}});
  CHECK(s.published(uri) == nullptr);  // no check yet: nothing to say
  const json checked = s.diagnostics(uri);
  REQUIRE(checked.size() == 1);
  CHECK(checked[0]["code"] == "conflict");
  CHECK(checked[0]["range"]["start"]["line"] == 7);
  // Two lines added above the fact: before the check runs again, the finding is shown
  // at once on the value's new line.
  const std::string moved = "# a comment\n# another\n" + paper;
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                      {"contentChanges", {{{"text", moved}}}}});
  const json meanwhile = s.published(uri);
  REQUIRE(meanwhile.size() == 1);
  CHECK(meanwhile[0]["range"]["start"]["line"] == 9);
  // An input error shows before the check, and the findings go (no check with errors).
  const std::string broken = moved + "    oops: 1\n";
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                      {"contentChanges", {{{"text", broken}}}}});
  const json at_once = s.published(uri);
  REQUIRE(at_once.size() == 1);
  CHECK(at_once[0]["code"] == "unknown-field");
  CHECK(at_once[0]["range"]["start"]["line"] == 13);
}

TEST_CASE("server: a misspelled rule id in vocabulary.yaml is an input error, as in lint",
          "[lsp]") {
  const auto dir = cc::test::scratch_dir("lsp-rules") / "facts";
  const std::string vocabulary = std::string(kVocabulary) + "rules:\n  unit: off\n";
  cc::test::write_file(dir / "vocabulary.yaml", vocabulary);
  cc::test::write_file(dir / "census.yaml", kCensus);
  const std::string uri = cc::lsp::uri_of_path(dir / "vocabulary.yaml");
  Session s;
  s.initialize();
  s.notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", vocabulary}}}});
  const json ds = s.published(uri);  // input errors are published at once
  REQUIRE(ds.is_array());
  REQUIRE(ds.size() == 1);
  CHECK(ds[0]["code"] == "unknown-rule");
  CHECK(ds[0]["message"].get<std::string>().find("units") != std::string::npos);
}
