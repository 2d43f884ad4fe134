// The documents the editor has open, their fact bases, and what the server says about
// them: diagnostics (input errors at once, findings after the debounce), hover, code
// actions.
#include <fmt/format.h>

#include <algorithm>

#include "lsp/accept_edit.h"
#include "lsp/hover.h"
#include "lsp/publish.h"
#include "lsp/server.h"

namespace cc::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

[[nodiscard]] Position position_of(const json& position) {
  return {position.at("line").get<std::uint32_t>(), position.at("character").get<std::uint32_t>()};
}

[[nodiscard]] json position_json(const Position& position) {
  return {{"line", position.line}, {"character", position.character}};
}

// A change of didChange applied to the text: a whole new text, or a range replaced.
void apply_change(std::string& text, const json& change) {
  const std::string& replacement = change.at("text").get_ref<const std::string&>();
  const auto range = change.find("range");
  if (range == change.end() || range->is_null()) {
    text = replacement;
    return;
  }
  const LineIndex lines(text);
  const std::size_t begin = lines.offset(position_of(range->at("start")));
  const std::size_t end = std::max(begin, lines.offset(position_of(range->at("end"))));
  text.replace(begin, end - begin, replacement);
}

}  // namespace

Server::Document* Server::document(const json& params) {
  const auto it = documents_.find(params.at("textDocument").at("uri").get<std::string>());
  return it == documents_.end() ? nullptr : &it->second;
}

std::string Server::uri_of(const fs::path& path) const {
  for (const auto& [uri, document] : documents_) {
    if (document.path == path) return uri;  // the spelling the editor uses
  }
  return uri_of_path(path);
}

void Server::did_open(const json& params) {
  const json& item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  const auto path = path_of_uri(uri);
  if (!path) {
    note(fmt::format("'{}' is not a file:// URI: not checked", uri));
    return;
  }
  Document document{uri, *path, item.at("text").get<std::string>(), find_fact_base(*path)};
  if (!document.base) {
    note(fmt::format("{} is in no fact base (no vocabulary.yaml above it): not checked",
                     path->string()));
  }
  const auto base = document.base;
  documents_.insert_or_assign(uri, std::move(document));
  if (base) changed(*base);
}

void Server::did_change(const json& params) {
  Document* open = document(params);
  if (open == nullptr) return;
  for (const json& change : params.at("contentChanges")) apply_change(open->text, change);
  if (open->base) changed(*open->base);
}

void Server::did_save(const json& params) {
  const Document* open = document(params);
  if (open != nullptr && open->base) changed(*open->base);
}

void Server::did_close(const json& params) {
  const Document* open = document(params);
  if (open == nullptr) return;
  const auto base = open->base;
  const std::string uri = open->uri;
  documents_.erase(uri);
  send_({{"jsonrpc", "2.0"},
         {"method", "textDocument/publishDiagnostics"},
         {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  if (!base) return;
  const bool still_open =
      std::ranges::any_of(documents_, [&](const auto& entry) { return entry.second.base == base; });
  if (still_open) {
    changed(*base);
    return;
  }
  BaseState& state = bases_[*base];
  state.current.reset();
  state.checked.reset();
  publish(state);  // clears every file's diagnostics
  bases_.erase(*base);
}

void Server::changed(const fs::path& root) {
  std::map<std::string, std::string> overlays;
  for (const auto& [uri, document] : documents_) {
    if (document.base != root) continue;
    if (const auto name = name_in_base(root, document.path)) overlays[*name] = document.text;
  }
  BaseState& state = bases_[root];
  state.current = std::make_shared<Analysis>(load_analysis(root, overlays, state.articles));
  state.check_due = Clock::now() + options_.debounce;
  publish(state);
  for (const auto& [uri, document] : documents_) {
    if (document.base != root) continue;
    const auto name = name_in_base(root, document.path);
    if (!name || !is_fact_base_file(*name)) publish_outside(document);
  }
}

void Server::publish_outside(const Document& document) {
  const std::string message = fmt::format(
      "not read by crosscheck: fact files are the *.yaml and *.yml files at the top of the fact "
      "base folder ({})",
      document.base->string());
  json diagnostic = {{"range", {{"start", position_json({})}, {"end", position_json({})}}},
                     {"severity", 3},
                     {"source", "crosscheck"},
                     {"message", message}};
  send_({{"jsonrpc", "2.0"},
         {"method", "textDocument/publishDiagnostics"},
         {"params", {{"uri", document.uri}, {"diagnostics", json::array({diagnostic})}}}});
}

void Server::check(BaseState& state) {
  if (!state.current || state.current->check || !state.current->checkable()) return;
  std::string problem;
  check_analysis(*state.current, problem);
  if (!problem.empty()) note(problem);
  if (state.current->check) state.checked = state.current;
}

void Server::publish(BaseState& state) {
  std::map<std::string, json> by_uri;
  if (state.current) {
    const Analysis& now = *state.current;
    std::vector<Finding> findings;
    if (now.check) {
      findings = now.check->findings;
    } else if (now.checkable() && state.checked) {  // until the check: the last findings, moved
      findings = carry_over(state.checked->base, state.checked->check->findings, now.base);
    }
    by_uri = diagnostics_by_uri(now, findings, [this](const fs::path& p) { return uri_of(p); });
  }
  std::set<std::string> published;
  for (auto& [uri, diagnostics] : by_uri) {
    published.insert(uri);
    send_({{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params", {{"uri", uri}, {"diagnostics", std::move(diagnostics)}}}});
  }
  for (const std::string& uri : state.published) {
    if (published.contains(uri)) continue;
    send_({{"jsonrpc", "2.0"},
           {"method", "textDocument/publishDiagnostics"},
           {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  }
  state.published = std::move(published);
}

std::optional<Clock::time_point> Server::next_due() const {
  std::optional<Clock::time_point> next;
  for (const auto& [root, state] : bases_) {
    if (state.check_due && (!next || *state.check_due < *next)) next = state.check_due;
  }
  return next;
}

void Server::run_due(Clock::time_point now) {
  for (auto& [root, state] : bases_) {
    if (!state.check_due || *state.check_due > now) continue;
    state.check_due.reset();
    check(state);
    publish(state);
  }
}

const Analysis* Server::checked_now(const Document& document) {
  if (!document.base) return nullptr;
  const auto it = bases_.find(*document.base);
  if (it == bases_.end() || !it->second.current) return nullptr;
  check(it->second);  // the debounced publish still follows
  return it->second.current.get();
}

json Server::hover(const json& params) {
  const Document* open = document(params);
  if (open == nullptr || !open->base) return nullptr;
  const Analysis* analysis = checked_now(*open);
  const auto name = name_in_base(*open->base, open->path);
  if (analysis == nullptr || !name) return nullptr;
  const Position position = position_of(params.at("position"));
  const auto fact = fact_with_value_at(*analysis, *name, position);
  if (!fact) return nullptr;
  const Place place = place_of(*analysis, analysis->base.facts[*fact].value_mark());
  return {{"contents", {{"kind", "markdown"}, {"value", hover_text(*analysis, *fact)}}},
          {"range",
           {{"start", position_json(place.range.start)}, {"end", position_json(place.range.end)}}}};
}

json Server::code_actions(const json& params) {
  json actions = json::array();
  const Document* open = document(params);
  if (open == nullptr || !open->base) return actions;
  const Analysis* analysis = checked_now(*open);
  const auto name = name_in_base(*open->base, open->path);
  if (analysis == nullptr || !analysis->check || !name) return actions;
  const Position start = position_of(params.at("range").at("start"));
  const Position end = position_of(params.at("range").at("end"));
  const json context_diagnostics =
      params.value("context", json::object()).value("diagnostics", json::array());
  const std::string display = analysis->base.root + "/" + *name;
  for (const Finding& finding : analysis->check->findings) {
    for (const FactIndex f : finding.facts) {
      const Mark mark = analysis->base.facts[f].value_mark();
      const bool here = mark.line >= start.line + 1 && mark.line <= end.line + 1 &&
                        analysis->base.file_of(mark) == display;
      if (!here) continue;
      const auto insertion = accept_insertion(*analysis, finding, f);
      if (!insertion) continue;
      json diagnostics = json::array();
      for (const json& d : context_diagnostics) {
        if (d.is_object() && d.contains("data") && d["data"].is_object() &&
            d["data"].value("finding", "") == finding.id) {
          diagnostics.push_back(d);
        }
      }
      const Position at_pos = insertion->at;
      json edit = {{"range", {{"start", position_json(at_pos)}, {"end", position_json(at_pos)}}},
                   {"newText", insertion->text}};
      actions.push_back(
          {{"title", fmt::format("Accept {} on {} (add an accept: entry)", finding.id,
                                 analysis->base.ref(f))},
           {"kind", "quickfix"},
           {"diagnostics", std::move(diagnostics)},
           {"edit",
            {{"changes", {{uri_of(*open->base / insertion->name), json::array({edit})}}}}}});
    }
  }
  return actions;
}

}  // namespace cc::lsp
