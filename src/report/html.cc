// report.html: one self-contained page an editor opens in a browser (docs/REPORTS.md). No
// network and no external assets: the style and the filter script are inline, the graph
// and charts are inline SVG, and a Content-Security-Policy forbids every fetch, so a
// stray URL in a fact file can never load anything. Everything from the fact files goes
// through html_escape.
#include <fmt/format.h>

#include <exception>
#include <map>
#include <thread>

#include "report/escape.h"
#include "report/graphviz.h"
#include "report/html_parts.h"
#include "report/html_review.h"
#include "report/report_text.h"

namespace cc {
namespace {

// No fetch of any kind: only the page's own inline style and script, images as data: URLs.
constexpr std::string_view kPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'";

std::string head(const ReportInput& input) {
  const Counts counts = count_findings(input.result.findings);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"crosscheck {}\">\n"
      "<title>crosscheck report: {}, {}</title>\n<style>{}</style>\n</head>\n",
      kPolicy, CROSSCHECK_VERSION, plural(counts.error, "error"), plural(counts.warning, "warning"),
      html::kStyle);
}

std::string tile(std::string_view cls, std::size_t n, std::string_view label) {
  return fmt::format("<div class=\"tile {}\"><b>{}</b><span>{}</span></div>", cls, n, label);
}

std::string summary(const ReportInput& input) {
  const Counts counts = count_findings(input.result.findings);
  std::size_t claims = 0;
  for (const Fact& fact : input.base.facts) claims += fact.kind == FactKind::figure ? 0 : 1;
  std::string out = "<div class=\"tiles\" id=\"summary\">";
  out += tile(counts.error > 0 ? "error" : "none", counts.error,
              counts.error == 1 ? "error" : "errors");
  out += tile(counts.warning > 0 ? "warning" : "none", counts.warning,
              counts.warning == 1 ? "warning" : "warnings");
  if (counts.info > 0) out += tile("info", counts.info, "info");
  out += tile("accepted", counts.accepted, "accepted");
  out += tile("plain", input.base.sources.size(),
              input.base.sources.size() == 1 ? "source" : "sources");
  out += tile("plain", input.base.facts.size(), input.base.facts.size() == 1 ? "fact" : "facts");
  out += tile("plain", claims, claims == 1 ? "claim" : "claims");
  out += tile("plain", input.base.keys.key_count(), "quantities");
  return out + "</div>\n";
}

// The filters work on the cards' data-status, data-rule and data-sources; the script
// shows the form (without a script every finding stays visible).
std::string filters(const ReportInput& input) {
  std::map<std::string, std::size_t> statuses, rules, sources;
  for (const Finding& finding : input.result.findings) {
    ++statuses[std::string(finding_status(finding))];
    ++rules[std::string(finding_rule_id(finding.rule))];
    std::map<std::string, bool> seen;
    for (const FactIndex f : finding.facts)
      seen[input.base.sources[input.base.facts[f].source].id] = true;
    for (const auto& [id, yes] : seen) ++sources[id];
  }
  std::string out = "<form id=\"filters\" hidden><fieldset><legend>Show</legend>";
  for (const std::string_view status : {"error", "warning", "info", "accepted"}) {
    const auto it = statuses.find(std::string(status));
    if (it == statuses.end()) continue;
    out += fmt::format(
        "<label><input type=\"checkbox\" name=\"status\" value=\"{0}\" checked> {0} ({1})</label>",
        status, it->second);
  }
  out += "</fieldset><label>Rule <select name=\"rule\"><option value=\"\">all rules</option>";
  for (const auto& [rule, n] : rules)
    out += fmt::format("<option value=\"{0}\">{0} ({1})</option>", rule, n);
  out +=
      "</select></label><label>Source <select name=\"source\"><option value=\"\">all "
      "sources</option>";
  for (const auto& [id, n] : sources) {
    out += fmt::format("<option value=\"{0}\">{0} ({1})</option>", html_escape(id), n);
  }
  return out + "</select></label></form>\n";
}

std::string findings_section(const ReportInput& input, const HtmlOptions& options) {
  std::string out = "<section id=\"findings\"><h2>Findings</h2>\n";
  const std::size_t n = input.result.findings.size();
  if (n == 0) {
    out += "<p class=\"clean\">No findings: every number agrees with the others.</p>\n";
    if (input.review) {  // the review line, and what the baseline had that is fixed now
      FactFileLines lines(input.base);
      out += html::reviewed_cards(input, *input.review, lines, {});
    }
    return out + "</section>\n";
  }
  out += filters(input);
  out += fmt::format("<p id=\"shown\" aria-live=\"polite\">{}</p>\n", plural(n, "finding"));
  const html::FindingGraphs graphs = html::draw_finding_graphs(input, options);
  out += html::finding_graphs_notice(graphs);
  FactFileLines lines(input.base);
  if (input.review)
    return out + html::reviewed_cards(input, *input.review, lines, graphs.svg) + "</section>\n";
  for (std::size_t i = 0; i < n; ++i)
    out += html::finding_card(input.base, input.result.findings[i], lines, graphs.svg[i]);
  return out + "</section>\n";
}

// Only http(s) addresses become links: a fact file cannot smuggle a javascript: URL in.
std::string url_cell(const std::string& url) {
  if (url.starts_with("https://") || url.starts_with("http://")) {
    return fmt::format("<a href=\"{0}\" rel=\"noreferrer noopener\">{0}</a>", html_escape(url));
  }
  return html_escape(url);
}

// Where the source can be read: its address (a link when http(s)), the article text kept
// beside the facts, and the fact file that holds it.
std::string address_cell(const FactBase& base, const Source& source) {
  std::string out;
  if (!source.url.empty()) out += url_cell(source.url) + "<br>";
  if (!source.article_file.empty())
    out += fmt::format("text: <code>{}</code><br>", html_escape(source.article_file));
  if (source.file < base.files.size())
    out += fmt::format("facts: <code>{}</code>", html_escape(base.files[source.file]));
  return out;
}

std::string sources_section(const ReportInput& input) {
  std::string out =
      "<section id=\"sources\"><h2>Sources</h2><div "
      "class=\"table\"><table><thead><tr><th>source</th>"
      "<th>title</th><th>published</th><th>facts</th><th>address</th></tr></thead><tbody>\n";
  for (SourceIndex s = 0; s < input.base.sources.size(); ++s) {
    const Source& source = input.base.sources[s];
    out += fmt::format(
        "<tr><td>{} <code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        html::source_swatch(s), html_escape(source.id), html_escape(source.title),
        html_escape(source_byline(source)), source.facts.size(), address_cell(input.base, source));
  }
  return out + "</tbody></table></div></section>\n";
}

std::string notices(const ReportInput& input) {
  if (input.result.notices.empty()) return {};
  std::string out = "<section id=\"notices\"><h2>Notices</h2><ul>";
  for (const std::string& notice : input.result.notices)
    out += "<li>" + html_escape(notice) + "</li>";
  return out + "</ul></section>\n";
}

}  // namespace

std::string render_html(const ReportInput& input) {
  return render_html(input, HtmlOptions{});
}

std::string render_html(const ReportInput& input, const HtmlOptions& options) {
  std::string out = head(input);
  out +=
      "<body>\n<header class=\"top\"><h1>crosscheck report</h1><nav><a "
      "href=\"#findings\">Findings</a> "
      "<a href=\"#charts\">Charts</a> <a href=\"#sources\">Sources</a> <a "
      "href=\"#graph\">Whole graph</a></nav>"
      "</header>\n<main>\n";
  out += summary(input);
  // The charts are drawn beside the findings (on a thread of their own when the input
  // has more than one), and the page puts them after, as one thread would.
  std::string charts;
  std::exception_ptr failed;
  const auto draw_charts = [&] {
    try {
      charts = html::charts_section(input);
    } catch (...) {
      failed = std::current_exception();
    }
  };
  {
    std::jthread beside;
    if (input.threads > 1) beside = std::jthread(draw_charts);
    out += findings_section(input, options);
    if (!beside.joinable()) draw_charts();
  }
  if (failed) std::rethrow_exception(failed);
  out += charts;
  out += sources_section(input);
  out += html::whole_graph_section(input, options);
  out += notices(input);
  out += fmt::format(
      "</main>\n<footer>crosscheck {}</footer>\n<script>{}</script>\n</body>\n</html>\n",
      CROSSCHECK_VERSION, html::kScript);
  return out;
}

std::string render_graph_svg(const ReportInput& input) {
  const SvgResult svg = run_dot_svg(render_dot(input));
  if (svg.status == SvgStatus::ok) return svg.svg;
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"640\" "
      "height=\"40\"><text x=\"8\" y=\"24\" font-family=\"sans-serif\" font-size=\"14\">{} "
      "(graph.dot holds the "
      "graph)</text></svg>\n",
      html_escape(svg.message));
}

}  // namespace cc
