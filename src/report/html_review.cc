#include "report/html_review.h"

#include <fmt/format.h>

#include "report/escape.h"
#include "report/html_parts.h"

namespace cc::html {
namespace {

// The card with a line of marks ("draft, new") just inside its <article>.
std::string marked_card(const Review& review, const Finding& finding, std::string card) {
  const std::string marks = review_marks(review, finding);
  const std::size_t open = card.find('>');
  if (marks.empty() || open == std::string::npos) return card;
  card.insert(open + 1, fmt::format("<p class=\"review-mark\"><b>{}</b></p>", html_escape(marks)));
  return card;
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
      out += "<h3 class=\"review\">The draft under review</h3>\n";
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
