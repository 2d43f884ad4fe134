#pragma once
// What the human-facing reports (Markdown, HTML) show the same way: where the number is
// in a quote, how a value reads, a source's line, whether notes differ, the `accept:`
// snippet. Rendering only: nothing here decides anything about a finding.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "explain/finding.h"
#include "model/fact.h"

namespace cc {

struct TextSpan {
  std::size_t offset = 0;  // bytes into the text
  std::size_t length = 0;
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

// Where the fact's value is written in its quote, to highlight it: the written value
// itself where the quote holds it ("more than 7,000"), else each shortest run of words
// that holds one of the value's numbers ("89%" in "a rise of 89% since"). Sorted, disjoint.
[[nodiscard]] std::vector<TextSpan> value_spans(std::string_view quote, const Value& value);
[[nodiscard]] std::vector<TextSpan> value_spans(std::string_view quote, const FactValue& value);

// The value as written and, where it differs, what it means: "89% (88.5%…89.5%)", "7,062".
[[nodiscard]] std::string value_text(const Fact& fact);

// "LBC · 2024-11-01", from the publisher and the date (either may be missing).
[[nodiscard]] std::string source_byline(const Source& source);

// "facts/lbc.yaml:24:7"
[[nodiscard]] std::string location_text(const FactBase& base, const Mark& mark);

// The diagnosis in one sentence, for every format: "check 'a/b' (2,714): likely a digits
// slip for 2,174 — 2,174 with two digits swapped; …"; "" for a finding without one.
[[nodiscard]] std::string likely_cause_text(const FactBase& base, const Finding& finding);

// "1.4%" for a gap of 0.014; "" without one.
[[nodiscard]] std::string gap_text(const Finding& finding);

// The `accept:` entry that would accept the finding (FORMAT §6), placed on the finding's
// first fact, `with` its second. Nothing for an accepted or a stale-accept finding.
struct AcceptSnippet {
  FactIndex on = 0;     // the fact to put it on
  bool append = false;  // the fact has an `accept:` list already: add the item to it
  std::string yaml;     // indented as under a fact in a fact file
};
[[nodiscard]] std::optional<AcceptSnippet> accept_snippet(const FactBase& base,
                                                          const Finding& finding);

// "1 source", "2 facts"
[[nodiscard]] std::string plural(std::size_t n, std::string_view word);

// "error", "warning" or "accepted" (an accepted finding of any severity): how the reports
// group and colour findings.
[[nodiscard]] std::string_view finding_status(const Finding& finding);

}  // namespace cc
