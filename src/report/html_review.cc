#include "report/html_review.h"

#include <fmt/format.h>

#include "report/escape.h"
#include "report/html_parts.h"

namespace cc::html {
namespace {

// The finding's marks as small labels: "draft", "baseline: new" or "baseline: unchanged".
std::string mark_labels(const Review& review, const Finding& finding) {
  std::string out;
  if (review.in_draft(finding)) out += "<span class=\"rmark draft\">draft</span> ";
  if (const auto state = review.baseline_state(finding)) {
    const std::string_view name = baseline_state_name(*state);
    out += fmt::format("<span class=\"rmark {0}\">baseline: {0}</span> ", name);
  }
  return out;
}

// The card with its marks in its header line, after the severity and the rule (before the
// id, which keeps to the right).
std::string marked_card(const Review& review, const Finding& finding, std::string card) {
  const std::string marks = mark_labels(review, finding);
  if (marks.empty()) return card;
  const std::size_t header = card.find("<header>");
  const std::size_t id = card.find("<a class=\"id\"");
  if (header != std::string::npos && id != std::string::npos && header < id) {
    card.insert(id, marks);
  } else if (const std::size_t open = card.find('>'); open != std::string::npos) {
    card.insert(open + 1, "<p class=\"review-mark\">" + marks + "</p>");
  }
  return card;
}

// "The draft under review (lbc-2024-11-01)".
std::string draft_heading(const Review& review) {
  std::string sources;
  for (const std::string& id : review.draft_sources)
    sources += (sources.empty() ? "" : ", ") + fmt::format("<code>{}</code>", html_escape(id));
  return fmt::format("<h3 class=\"review\">The draft under review{}</h3>\n",
                     sources.empty() ? "" : " (" + sources + ")");
}

std::string fixed_list(const Review& review) {
  if (review.fixed.empty()) return {};
  std::string out = fmt::format("<h3 class=\"review\">Fixed since the baseline ({})</h3>\n<ul>\n",
                                review.fixed.size());
  for (const BaselineFinding& f : review.fixed) {
    out += fmt::format("<li><code>{}</code> {} (<code>{}</code>) at <code>{}:{}:{}</code></li>\n",
                       html_escape(f.id), html_escape(f.message), html_escape(f.rule),
                       html_escape(f.file), f.line, f.column);
  }
  return out + "</ul>\n";
}

}  // namespace

std::string reviewed_cards(const ReportInput& input, const Review& review, FactFileLines& lines,
                           const std::vector<std::string>& graphs) {
  std::string out = fmt::format("<p class=\"review\"><b>Review</b>: {}</p>\n",
                                html_escape(review_summary(review, input.result.findings)));
  bool in_draft_part = false;
  bool in_rest_part = false;
  for (std::size_t i = 0; i < input.result.findings.size(); ++i) {
    const Finding& finding = input.result.findings[i];
    const std::string_view graph = i < graphs.size() ? std::string_view(graphs[i]) : "";
    const bool draft = review.in_draft(finding);
    if (review.has_draft && draft && !in_draft_part) {
      out += draft_heading(review);
      in_draft_part = true;
    }
    if (review.has_draft && !draft && !in_rest_part) {
      out += "<h3 class=\"review\">The rest of the fact base (background)</h3>\n";
      in_rest_part = true;
    }
    out += marked_card(review, finding, finding_card(input.base, finding, lines, graph));
  }
  return out + fixed_list(review);
}

}  // namespace cc::html
