#include "catch.h"

#include <algorithm>
#include <string>

#include "lsp/accept_edit.h"
#include "lsp/text.h"

using cc::lsp::Analysis;

namespace {

constexpr const char* kVocabulary =
    "measures:\n  residents:\n    name: residents\n    unit: people\nplaces:\n  Land:\n";

[[nodiscard]] std::string census(const std::string& facts) {
  return "source:\n  id: census\n  title: Census\n  published: 2022-06-28\n"
         "defaults:\n  measure: residents\n  when: 2021-03-21\n  where: Land\n" +
         facts;
}

constexpr const char* kPaper =
    "source:\n  id: paper\n  title: Paper\n  published: 2022-07-01\n"
    "facts:\n  - id: land\n    quote: \"Land has 2.38 million people\"\n    value: 2.38 million\n"
    "    measure: residents\n    when: 2021-03-21\n    where: Land\n";

[[nodiscard]] Analysis analysed(const std::string& census_text) {
  Analysis analysis;
  analysis.texts = {
      {"vocabulary.yaml", kVocabulary}, {"census.yaml", census_text}, {"paper.yaml", kPaper}};
  analysis.base = cc::load_fact_base_from_memory("facts", analysis.texts, analysis.diagnostics);
  std::string problem;
  cc::lsp::check_analysis(analysis, problem);
  REQUIRE(analysis.diagnostics.sorted().empty());
  REQUIRE(analysis.check.has_value());
  return analysis;
}

// The conflict between the census and the paper.
[[nodiscard]] const cc::Finding& conflict_of(const Analysis& analysis) {
  const auto& findings = analysis.check->findings;
  const auto it = std::ranges::find(findings, cc::FindingRule::conflict, &cc::Finding::rule);
  REQUIRE(it != findings.end());
  return *it;
}

// The census file with the conflict's accept inserted on the census fact.
[[nodiscard]] std::string accepted(const std::string& census_text) {
  const Analysis analysis = analysed(census_text);
  const cc::Finding& finding = conflict_of(analysis);
  const auto on = analysis.base.find_fact("census/land");
  REQUIRE(on.has_value());
  const auto insertion = cc::lsp::accept_insertion(analysis, finding, *on);
  REQUIRE(insertion.has_value());
  CHECK(insertion->name == "census.yaml");
  std::string text = census_text;
  text.insert(cc::lsp::LineIndex(text).offset(insertion->at), insertion->text);
  return text;
}

// The conflict of the edited fact base is accepted: the snippet went where it belongs.
void check_accepted(const std::string& text) {
  const Analysis again = analysed(text);
  CHECK(conflict_of(again).accepted.has_value());
}

}  // namespace

TEST_CASE("accept edit: after the fact's last field, before the comments that follow", "[lsp]") {
  const std::string text = accepted(
      census("facts:\n  - id: land\n    quote: \"2,417,306 people\"\n    value: 2,417,306\n\n"
             "  # the next fact\n  - id: other\n    quote: \"12 people\"\n    value: 12\n"
             "    measure: residents\n    where: Land\n    when: 2020\n"));
  CHECK(text.find("    value: 2,417,306\n    accept:\n      - rule: conflict\n"
                  "        with: paper/land\n        reason: <why this discrepancy is explained>\n"
                  "\n  # the next fact\n") != std::string::npos);
  check_accepted(text);
}

TEST_CASE("accept edit: indented as the fact's fields are", "[lsp]") {
  const std::string text = accepted(
      census("facts:\n- id: land\n  quote: \"2,417,306 people\"\n  value: 2,417,306"));  // no EOL
  CHECK(text.ends_with(
      "  value: 2,417,306\n  accept:\n    - rule: conflict\n"
      "      with: paper/land\n      reason: <why this discrepancy is explained>\n"));
  check_accepted(text);
}

TEST_CASE("accept edit: an item added to the accept list the fact has, wherever it is", "[lsp]") {
  const std::string text = accepted(
      census("facts:\n  - id: land\n    quote: \"2,417,306 people\"\n    accept:\n"
             "        - rule: hedge\n          reason: an old one\n    value: 2,417,306\n"));
  CHECK(text.find("          reason: an old one\n        - rule: conflict\n"
                  "          with: paper/land\n") != std::string::npos);
  check_accepted(text);
}

TEST_CASE("accept edit: none for a fact written as a flow mapping", "[lsp]") {
  const Analysis analysis = analysed(
      census("facts:\n  - {id: land, quote: \"2,417,306 people\", value: \"2,417,306\"}\n"));
  const auto on = analysis.base.find_fact("census/land");
  REQUIRE(on.has_value());
  CHECK_FALSE(cc::lsp::accept_insertion(analysis, conflict_of(analysis), *on));
  // On the other fact, written in block style, it is offered.
  const auto paper = analysis.base.find_fact("paper/land");
  REQUIRE(paper.has_value());
  CHECK(cc::lsp::accept_insertion(analysis, conflict_of(analysis), *paper));
}

TEST_CASE("accept edit: CRLF line ends are kept", "[lsp]") {
  std::string crlf;
  for (const char c :
       census("facts:\n  - id: land\n    quote: \"2,417,306 people\"\n    value: 2,417,306\n")) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  const std::string text = accepted(crlf);
  CHECK(
      text.ends_with("    value: 2,417,306\r\n    accept:\r\n      - rule: conflict\r\n"
                     "        with: paper/land\r\n"
                     "        reason: <why this discrepancy is explained>\r\n"));
  check_accepted(text);
}
