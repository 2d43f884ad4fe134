// report.md: for a pull request or an email (docs/REPORTS.md). GitHub-flavoured Markdown: a
// summary, then each finding with its facts, steps, notes and the `accept:` that would
// accept it. Every text from the fact files goes through markdown_escape.
#include <fmt/format.h>

#include <algorithm>

#include "report/escape.h"
#include "report/report.h"
#include "report/report_text.h"
#include "report/review.h"

namespace cc {
namespace {

// The quote with the value's number in bold.
std::string marked_quote(const FactBase& base, FactIndex f) {
  const std::string quote = base.quote(f);
  const std::string_view in(quote);
  std::string out = "“";
  std::size_t at = 0;
  for (const TextSpan& span : value_spans(in, base.facts[f].value)) {
    out += markdown_escape(in.substr(at, span.offset - at));
    out += "**" + markdown_escape(in.substr(span.offset, span.length)) + "**";
    at = span.offset + span.length;
  }
  return out + markdown_escape(in.substr(at)) + "”";
}

std::string summary(const ReportInput& input) {
  const Counts counts = count_findings(input.result.findings);
  std::size_t claims = 0;
  for (const Fact& fact : input.base.facts) claims += fact.kind == FactKind::figure ? 0 : 1;
  std::string out = "| | |\n|---|---:|\n";
  out += fmt::format("| sources | {} |\n", input.base.sources.size());
  out += fmt::format("| facts | {} ({}, {}) |\n", input.base.facts.size(),
                     plural(input.base.facts.size() - claims, "figure"), plural(claims, "claim"));
  out += fmt::format("| quantities | {} |\n", input.base.keys.key_count());
  out += fmt::format("| **open errors** | **{}** |\n", counts.error);
  out += fmt::format("| open warnings | {} |\n", counts.warning);
  if (counts.info > 0) out += fmt::format("| info | {} |\n", counts.info);
  out += fmt::format("| accepted | {} |\n", counts.accepted);
  return out;
}

std::string sources_table(const ReportInput& input) {
  std::vector<std::size_t> in_findings(input.base.sources.size(), 0);
  for (const Finding& finding : input.result.findings) {
    std::vector<SourceIndex> seen;
    for (const FactIndex f : finding.facts) {
      const SourceIndex s = input.base.facts[f].source;
      if (std::find(seen.begin(), seen.end(), s) == seen.end()) seen.push_back(s);
    }
    for (const SourceIndex s : seen) ++in_findings[s];
  }
  std::string out = "| source | title | published | facts | findings |\n|---|---|---|---:|---:|\n";
  for (SourceIndex s = 0; s < input.base.sources.size(); ++s) {
    const Source& source = input.base.sources[s];
    out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_code(source.id),
                       markdown_escape(source.title), markdown_escape(source_byline(source)),
                       source.facts.size(), in_findings[s]);
  }
  return out;
}

std::string facts_table(const FactBase& base, const Finding& finding) {
  std::string out = "| source | quote | value | where |\n|---|---|---|---|\n";
  for (const FactIndex f : finding.facts) {
    const Fact& fact = base.facts[f];
    out += fmt::format(
        "| {}<br>{} | {} | {} | {} |\n", markdown_code(base.sources[fact.source].id),
        markdown_escape(fact.id), marked_quote(base, f), markdown_escape(value_text(fact)),
        markdown_code(fmt::format("{}:{}", base.file_of(fact.mark), fact.mark.line)));
  }
  return out;
}

std::string steps_list(const Finding& finding) {
  std::string out = "**Steps**\n\n";
  for (std::size_t i = 0; i < finding.steps.size(); ++i) {
    out += fmt::format("{}. {}\n", i + 1, markdown_escape(finding.steps[i]));
  }
  return out;
}

// One column per fact: the notes side by side.
std::string notes_table(const FactBase& base, const Finding& finding) {
  std::string head = "|";
  std::string rule = "|";
  std::string row = "|";
  for (const FactIndex f : finding.facts) {
    head += fmt::format(" {} |", markdown_code(base.ref(f)));
    rule += "---|";
    const std::string_view note = base.facts[f].note();
    row += fmt::format(" {} |", note.empty() ? "*(no note)*" : markdown_escape(note));
  }
  return fmt::format("**The notes differ**: they may explain it.\n\n{}\n{}\n{}\n", head, rule, row);
}

std::string accept_part(const FactBase& base, const Finding& finding) {
  if (finding.accepted) {
    return fmt::format("**Accepted** on {}: {}\n", markdown_code(base.ref(finding.accepted->by)),
                       markdown_escape(finding.accepted->reason));
  }
  if (finding.rule == FindingRule::stale_accept) {
    return fmt::format("**To resolve it**, remove the `accept` at {}, or review it again.\n",
                       markdown_code(location_text(base, finding.location)));
  }
  const std::optional<AcceptSnippet> snippet = accept_snippet(base, finding);
  if (!snippet) return {};
  const Fact& on = base.facts[snippet->on];
  const std::string where = fmt::format("{}:{}", base.file_of(on.mark), on.mark.line);
  const std::string intro =
      snippet->append
          ? fmt::format("**To accept it**, add to the `accept:` list of {} ({}):",
                        markdown_code(base.ref(snippet->on)), markdown_code(where))
          : fmt::format("**To accept it**, add to {} ({}):", markdown_code(base.ref(snippet->on)),
                        markdown_code(where));
  return fmt::format("{}\n\n```yaml\n{}```\n", intro, snippet->yaml);
}

std::string finding_section(const FactBase& base, const Finding& finding, const Review* review) {
  std::string out = fmt::format("### {}\n\n", markdown_escape(finding.message));
  std::string meta =
      fmt::format("{} · **{}** · rule {}", markdown_code(finding.id), finding_status(finding),
                  markdown_code(finding_rule_id(finding.rule)));
  if (review) {
    if (const std::string marks = review_marks(*review, finding); !marks.empty())
      meta = fmt::format("**[{}]** · {}", marks, meta);
  }
  if (finding.accepted) meta += fmt::format(" · {}", severity_name(finding.severity));
  if (const std::string gap = gap_text(finding); !gap.empty()) meta += " · gap " + gap;
  meta += " · at " + markdown_code(location_text(base, finding.location));
  out += meta + "\n\n";
  if (const std::string likely = likely_cause_text(base, finding); !likely.empty())
    out += fmt::format("**Likely cause**: {}\n\n", markdown_escape(likely));
  if (!finding.quantity.empty())
    out += fmt::format("Quantity: {}\n\n", markdown_escape(finding.quantity));
  if (!finding.facts.empty()) out += facts_table(base, finding) + "\n";
  if (!finding.steps.empty()) out += steps_list(finding) + "\n";
  if (finding.notes_differ) out += notes_table(base, finding) + "\n";
  if (const std::string accept = accept_part(base, finding); !accept.empty()) out += accept + "\n";
  return out;
}

struct Group {
  std::string_view title;
  std::string_view status;
};

constexpr Group kGroups[] = {
    {"Errors", "error"}, {"Warnings", "warning"}, {"Info", "info"}, {"Accepted", "accepted"}};

// The findings `keep` selects, grouped by status, under headings of `level`.
template <typename Keep>
std::string grouped(const ReportInput& input, std::string_view level, Keep keep) {
  std::string out;
  for (const Group& group : kGroups) {
    std::string body;
    std::size_t n = 0;
    for (const Finding& finding : input.result.findings) {
      if (finding_status(finding) != group.status || !keep(finding)) continue;
      body += finding_section(input.base, finding, input.review);
      ++n;
    }
    if (n > 0) out += fmt::format("{} {} ({})\n\n{}", level, group.title, n, body);
  }
  return out;
}

// With --draft: the draft's findings first, then the rest as background; with
// --baseline, the findings it had that are gone (docs/REPORTS.md, "Draft and baseline").
std::string reviewed_findings(const ReportInput& input, const Review& review) {
  std::string out = fmt::format("**Review**: {}\n\n",
                                markdown_escape(review_summary(review, input.result.findings)));
  if (review.has_draft) {
    std::string sources;
    for (const std::string& id : review.draft_sources)
      sources += (sources.empty() ? "" : ", ") + markdown_code(id);
    const std::string draft =
        grouped(input, "###", [&](const Finding& f) { return review.in_draft(f); });
    out += fmt::format("## The draft under review ({})\n\n{}", sources,
                       draft.empty() ? "No findings involve the draft.\n\n" : draft);
    const std::string rest =
        grouped(input, "###", [&](const Finding& f) { return !review.in_draft(f); });
    if (!rest.empty()) out += "## The rest of the fact base (background)\n\n" + rest;
  } else {
    out += grouped(input, "##", [](const Finding&) { return true; });
  }
  if (!review.fixed.empty()) {
    out += fmt::format("## Fixed since the baseline ({})\n\n", review.fixed.size());
    for (const BaselineFinding& f : review.fixed) {
      out += fmt::format("- {} {} ({}) at {}\n", markdown_code(f.id), markdown_escape(f.message),
                         markdown_code(f.rule),
                         markdown_code(fmt::format("{}:{}:{}", f.file, f.line, f.column)));
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string render_markdown(const ReportInput& input) {
  const FactBase& base = input.base;
  const Counts counts = count_findings(input.result.findings);
  std::string out = "# crosscheck report\n\n";
  const std::size_t open = input.result.findings.size() - counts.accepted;
  out += open == 0
             ? fmt::format("No open findings in {} and {}.", plural(base.sources.size(), "source"),
                           plural(base.facts.size(), "fact"))
             : fmt::format("{} and {} in {} and {}.", plural(counts.error, "error"),
                           plural(counts.warning, "warning"), plural(base.sources.size(), "source"),
                           plural(base.facts.size(), "fact"));
  if (counts.accepted > 0) out += fmt::format(" {} accepted.", counts.accepted);
  out += "\n\n" + summary(input) + "\n## Sources\n\n" + sources_table(input) + "\n";
  out += input.review ? reviewed_findings(input, *input.review)
                      : grouped(input, "##", [](const Finding&) { return true; });
  if (!input.result.notices.empty()) {
    out += "## Notices\n\n";
    for (const std::string& notice : input.result.notices)
      out += "- " + markdown_escape(notice) + "\n";
    out += "\n";
  }
  out += fmt::format("---\n*crosscheck {}*\n", CROSSCHECK_VERSION);
  return out;
}

}  // namespace cc
