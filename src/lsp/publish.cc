#include "lsp/publish.h"

#include <fmt/format.h>

#include "report/report_text.h"

namespace cc::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

[[nodiscard]] json range_json(const Range& range) {
  return {{"start", {{"line", range.start.line}, {"character", range.start.character}}},
          {"end", {{"line", range.end.line}, {"character", range.end.character}}}};
}

[[nodiscard]] int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    case Severity::info:
      return 3;
  }
  return 3;
}

[[nodiscard]] std::string name_of_display(const Analysis& analysis, std::string_view display) {
  const std::string prefix = analysis.base.root + "/";
  if (display.starts_with(prefix)) return std::string(display.substr(prefix.size()));
  return std::string(display);
}

[[nodiscard]] json input_diagnostic(const Analysis& analysis, const Diagnostic& d) {
  const std::string name = name_of_display(analysis, d.file);
  Range range;
  if (const auto it = analysis.texts.find(name); it != analysis.texts.end() && d.line > 0) {
    const LineIndex lines(it->second);
    const Position start = lines.from_mark(d.line, d.column == 0 ? 1 : d.column);
    // To the end of the line's text: the part not understood and what follows it.
    std::string_view text = lines.line(start.line);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    range = {start, lines.position(start.line, text.size())};
    if (range.end.character <= range.start.character) {
      range.end.character = range.start.character + 1;
    }
  }
  json out = {{"range", range_json(range)},
              {"severity", lsp_severity(d.severity)},
              {"source", "crosscheck"},
              {"message", d.message}};
  if (!d.code.empty()) out["code"] = d.code;
  return out;
}

// Where each fact of a finding is shown: its value (a stale accept: the accept).
[[nodiscard]] std::vector<std::pair<std::optional<FactIndex>, Mark>> marks_of(
    const FactBase& base, const Finding& finding) {
  std::vector<std::pair<std::optional<FactIndex>, Mark>> marks;
  if (finding.rule == FindingRule::stale_accept || finding.facts.empty()) {
    std::optional<FactIndex> fact;
    if (!finding.facts.empty()) fact = finding.facts.front();
    marks.emplace_back(fact, finding.location);
    return marks;
  }
  for (const FactIndex f : finding.facts) {
    const Fact& fact = base.facts[f];
    const bool seen = std::ranges::any_of(marks, [&](const auto& m) { return m.first == f; });
    if (!seen) marks.emplace_back(f, fact.value_mark().line > 0 ? fact.value_mark() : fact.mark);
  }
  return marks;
}

[[nodiscard]] std::string finding_text(const FactBase& base, const Finding& finding) {
  std::string text = finding.message;
  if (finding.accepted) {
    text += fmt::format("\naccepted on {}: {}", base.ref(finding.accepted->by),
                        finding.accepted->reason);
  }
  if (const std::string likely = likely_cause_text(base, finding); !likely.empty()) {
    text += "\nlikely cause: " + likely;
  }
  for (const std::string& step : finding.steps) text += "\n  " + step;
  return text + fmt::format("\nfinding {}", finding.id);
}

void add_finding(const Analysis& analysis, const Finding& finding, const UriOf& uri_of,
                 std::map<std::string, json>& out) {
  const FactBase& base = analysis.base;
  const auto marks = marks_of(base, finding);
  std::vector<std::pair<Place, std::string>> places;
  for (const auto& [fact, mark] : marks) {
    const std::string label =
        fact ? fmt::format("{}: {}", base.ref(*fact), value_text(base.facts[*fact])) : "";
    places.emplace_back(place_of(analysis, mark), label);
  }
  const std::string message = finding_text(base, finding);
  for (std::size_t i = 0; i < marks.size(); ++i) {
    json related = json::array();
    for (std::size_t j = 0; j < places.size(); ++j) {
      if (j == i) continue;
      related.push_back(
          {{"location",
            {{"uri", uri_of(places[j].first.path)}, {"range", range_json(places[j].first.range)}}},
           {"message", places[j].second}});
    }
    json diagnostic = {{"range", range_json(places[i].first.range)},
                       {"severity", finding.accepted ? 4 : lsp_severity(finding.severity)},
                       {"code", finding_rule_id(finding.rule)},
                       {"source", "crosscheck"},
                       {"message", message},
                       {"data", {{"finding", finding.id}}}};
    if (marks[i].first) diagnostic["data"]["fact"] = base.ref(*marks[i].first);
    if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
    out[uri_of(places[i].first.path)].push_back(std::move(diagnostic));
  }
}

}  // namespace

Place place_of_file(const Analysis& analysis, std::string_view display) {
  const std::string name = name_of_display(analysis, display);
  return {fs::path(analysis.base.root) / name, Range{}};
}

Place place_of(const Analysis& analysis, const Mark& mark) {
  const FactBase& base = analysis.base;
  const std::string display = mark.file < base.files.size() ? base.files[mark.file] : "";
  Place place = place_of_file(analysis, display);
  const auto it = analysis.texts.find(name_of_display(analysis, display));
  if (it == analysis.texts.end() || mark.line == 0) return place;
  const LineIndex lines(it->second);
  place.range = scalar_range(lines, lines.from_mark(mark.line, mark.column));
  return place;
}

std::map<std::string, json> diagnostics_by_uri(const Analysis& analysis,
                                               const std::vector<Finding>& findings,
                                               const UriOf& uri_of) {
  std::map<std::string, json> out;
  for (const Diagnostic& d : analysis.diagnostics.sorted()) {
    out[uri_of(place_of_file(analysis, d.file).path)].push_back(input_diagnostic(analysis, d));
  }
  for (const std::string& skipped : analysis.base.skipped) {
    const Diagnostic d{
        skipped, 0, 0, Severity::info, "skipped: neither 'source' nor 'facts' at the top level",
        ""};
    out[uri_of(place_of_file(analysis, skipped).path)].push_back(input_diagnostic(analysis, d));
  }
  for (const Finding& finding : findings) add_finding(analysis, finding, uri_of, out);
  return out;
}

std::vector<Finding> carry_over(const FactBase& before, const std::vector<Finding>& findings,
                                const FactBase& now) {
  std::vector<Finding> kept;
  for (const Finding& finding : findings) {
    if (finding.rule == FindingRule::stale_accept) continue;
    Finding moved = finding;
    bool whole = true;
    for (FactIndex& f : moved.facts) {
      const auto there = now.find_fact(before.ref(f));
      whole = whole && there.has_value();
      if (there) f = *there;
    }
    if (moved.diagnosis) {
      const auto doubt = now.find_fact(before.ref(moved.diagnosis->doubt));
      if (doubt)
        moved.diagnosis->doubt = *doubt;
      else
        moved.diagnosis.reset();
    }
    if (moved.accepted) {
      const auto by = now.find_fact(before.ref(moved.accepted->by));
      if (by)
        moved.accepted->by = *by;
      else
        moved.accepted.reset();
    }
    if (whole && !moved.facts.empty()) kept.push_back(std::move(moved));
  }
  return kept;
}

}  // namespace cc::lsp
