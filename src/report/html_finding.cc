// report.html: one card per finding. Everything from the fact files is escaped.
#include <fmt/format.h>

#include <algorithm>

#include "report/escape.h"
#include "report/html_parts.h"
#include "report/report_text.h"

namespace cc::html {
namespace {

std::string marked_quote(const FactBase& base, FactIndex f) {
  const Fact& fact = base.facts[f];
  const std::string quote = base.quote(f);
  const std::string_view in(quote);
  std::string out;
  std::size_t at = 0;
  for (const TextSpan& span : value_spans(quote, fact.value)) {
    out += html_escape(in.substr(at, span.offset - at));
    out += "<mark>" + html_escape(in.substr(span.offset, span.length)) + "</mark>";
    at = span.offset + span.length;
  }
  return out + html_escape(in.substr(at));
}

std::string excerpt_block(const FactBase& base, FactIndex f, FactFileLines& lines) {
  const Fact& fact = base.facts[f];
  const std::string where = fmt::format("{}:{}", base.file_of(fact.mark), fact.mark.line);
  const std::optional<Excerpt> excerpt = lines.excerpt(f);
  if (!excerpt) return fmt::format("<p class=\"loc\"><code>{}</code></p>", html_escape(where));
  std::string rows;
  for (std::size_t i = 0; i < excerpt->lines.size(); ++i) {
    const std::uint32_t number = excerpt->first_line + static_cast<std::uint32_t>(i);
    rows +=
        fmt::format("<span class=\"ln{}\" data-line=\"{}\">{}</span>\n",
                    number == fact.mark.line ? " at" : "", number, html_escape(excerpt->lines[i]));
  }
  return fmt::format(
      "<details class=\"loc\"><summary><code>{}</code> <span class=\"hint\">the "
      "lines</span></summary>"
      "<pre class=\"yaml\">{}</pre></details>",
      html_escape(where), rows);
}

std::string fact_item(const FactBase& base, FactIndex f, FactFileLines& lines, bool with_note) {
  const Fact& fact = base.facts[f];
  const Source& source = base.sources[fact.source];
  std::string out = fmt::format("<li class=\"fact\" data-ref=\"{}\">", html_escape(base.ref(f)));
  out += fmt::format("<div class=\"who\">{} <b>{}</b>", source_swatch(fact.source),
                     html_escape(source.title));
  if (const std::string byline = source_byline(source); !byline.empty()) {
    out += fmt::format(" <span class=\"byline\">{}</span>", html_escape(byline));
  }
  out += fmt::format(" <code class=\"ref\">{}</code></div>", html_escape(base.ref(f)));
  out += fmt::format("<blockquote>{}</blockquote>", marked_quote(base, f));
  out += fmt::format("<div class=\"value\">value <b>{}</b></div>", html_escape(value_text(fact)));
  if (with_note && !fact.note().empty())
    out += fmt::format("<div class=\"note\">note: {}</div>", html_escape(fact.note()));
  out += excerpt_block(base, f, lines);
  return out + "</li>";
}

std::string notes_grid(const FactBase& base, const Finding& finding) {
  std::string out =
      "<div class=\"notes\"><h4>The notes differ: they may explain it</h4><div class=\"side\">";
  for (const FactIndex f : finding.facts) {
    const std::string_view note = base.facts[f].note();
    out += fmt::format("<div><code>{}</code><p>{}</p></div>", html_escape(base.ref(f)),
                       note.empty() ? "<i>no note</i>" : html_escape(note));
  }
  return out + "</div></div>";
}

std::string accept_block(const FactBase& base, const Finding& finding) {
  if (finding.accepted) {
    return fmt::format("<p class=\"accepted-by\">Accepted on <code>{}</code>: {}</p>",
                       html_escape(base.ref(finding.accepted->by)),
                       html_escape(finding.accepted->reason));
  }
  if (finding.rule == FindingRule::stale_accept) {
    return fmt::format(
        "<p class=\"fix\">Remove the <code>accept</code> at <code>{}</code>, or review it "
        "again.</p>",
        html_escape(location_text(base, finding.location)));
  }
  const std::optional<AcceptSnippet> snippet = accept_snippet(base, finding);
  if (!snippet) return {};
  const Fact& on = base.facts[snippet->on];
  return fmt::format(
      "<details class=\"accept\"><summary>Accept this finding</summary><p>Where the difference is "
      "explained, add "
      "this to {}<code>{}</code> in <code>{}:{}</code>:</p><pre class=\"yaml\">{}</pre></details>",
      snippet->append ? "the <code>accept:</code> list of " : "",
      html_escape(base.ref(snippet->on)), html_escape(base.file_of(on.mark)), on.mark.line,
      html_escape(snippet->yaml));
}

std::string sources_attribute(const FactBase& base, const Finding& finding) {
  std::vector<std::string> ids;
  for (const FactIndex f : finding.facts) ids.push_back(base.sources[base.facts[f].source].id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

}  // namespace

std::string finding_card(const FactBase& base, const Finding& finding, FactFileLines& lines,
                         std::string_view graph) {
  const std::string_view status = finding_status(finding);
  std::string out = fmt::format(
      "<article class=\"finding {}\" id=\"{}\" data-status=\"{}\" data-rule=\"{}\" "
      "data-sources=\"{}\">\n",
      status, html_escape(finding.id), status, finding_rule_id(finding.rule),
      html_escape(sources_attribute(base, finding)));
  out += fmt::format("<header><span class=\"badge {}\">{}</span> <span class=\"rule\">{}</span>",
                     status, status, finding_rule_id(finding.rule));
  if (finding.accepted)
    out += fmt::format(" <span class=\"was\">({})</span>", severity_name(finding.severity));
  if (const std::string gap = gap_text(finding); !gap.empty()) {
    out += fmt::format(
        " <span class=\"gap\" title=\"the relative gap between the readings\">gap {}</span>", gap);
  }
  out += fmt::format(" <a class=\"id\" href=\"#{0}\">{0}</a></header>\n", html_escape(finding.id));
  out += fmt::format("<h3>{}</h3>\n", html_escape(finding.message));
  if (const std::string likely = likely_cause_text(base, finding); !likely.empty())
    out += fmt::format("<p class=\"likely\"><b>Likely cause</b>: {}</p>\n", html_escape(likely));
  if (!finding.quantity.empty())
    out += fmt::format("<p class=\"quantity\">{}</p>\n", html_escape(finding.quantity));
  const bool notes_aside = finding.notes_differ;  // then shown side by side below
  out += "<ol class=\"facts\">";
  for (const FactIndex f : finding.facts) {
    std::string item = fact_item(base, f, lines, !notes_aside);
    if (finding.diagnosis && finding.diagnosis->doubt == f) {
      const auto at = item.find("class=\"fact\"");
      if (at != std::string::npos) item.replace(at, 12, "class=\"fact doubted\"");
    }
    out += item;
  }
  out += "</ol>\n";
  out += finding_graph_block(graph);
  if (!finding.steps.empty()) {
    out += "<h4>Steps</h4><ol class=\"steps\">";
    for (const std::string& step : finding.steps)
      out += fmt::format("<li>{}</li>", html_escape(step));
    out += "</ol>\n";
  }
  if (notes_aside) out += notes_grid(base, finding) + "\n";
  out += accept_block(base, finding);
  return out + "\n</article>\n";
}

}  // namespace cc::html
