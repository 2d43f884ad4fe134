#pragma once
// A finding: one minimal set of facts that cannot all hold (or one fact's own problem),
// with its rule, severity, the arithmetic in words, and whether an editor accepted it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc {

enum class FindingRule {
  conflict,
  recompute,
  implied,
  containment,
  record,
  hedge,
  units,
  quote,
  stale_accept,
  revision
};

[[nodiscard]] std::string_view finding_rule_id(FindingRule rule);
[[nodiscard]] std::optional<FindingRule> parse_finding_rule(std::string_view id);
[[nodiscard]] std::string_view finding_rule_summary(FindingRule rule);
inline constexpr FindingRule kAllFindingRules[] = {
    FindingRule::conflict,    FindingRule::recompute, FindingRule::implied,
    FindingRule::containment, FindingRule::record,    FindingRule::hedge,
    FindingRule::units,       FindingRule::quote,     FindingRule::stale_accept,
    FindingRule::revision};

struct Acceptance {
  std::string reason;
  FactIndex by = 0;  // the fact whose `accept` matched
};

// Which number to fix: the doubted fact, the slip it looks like and the value that makes
// everything agree, and why it is the one (docs/ARCHITECTURE.md, "Which fact to doubt").
struct FindingDiagnosis {
  FactIndex doubt = 0;
  std::string cause;      // "digits", "scale", "points", "base-period", "whole",
                          // "direction", "revision"; empty when no slip explains it
  std::string corrected;  // what it should have been; empty when unknown
  std::string detail;     // the slip in a clause: "two digits swapped"
  std::string because;    // one sentence: why this fact and not another
};

struct Finding {
  std::string id;  // "<rule>-<8 hex>": stable, from the rule and the sorted fact refs
  FindingRule rule = FindingRule::conflict;
  Severity severity = Severity::error;
  std::optional<Acceptance> accepted;
  std::string message;           // one sentence, no final period
  std::string quantity;          // where the contradiction shows, e.g. "offences · UK · 2017-18"
  std::optional<Rational> gap;   // relative gap; nullopt where it is not a number
  std::vector<FactIndex> facts;  // the fact most to blame first
  std::vector<std::string> steps;
  Mark location;  // where the terminal line points: the first fact, its quote, or an accept
  std::string discriminator;  // part of the id hash where one fact has several findings
  // The facts' notes differ (say "42 police forces" against "45"): reports show them side
  // by side, since they are often the explanation.
  bool notes_differ = false;
  std::optional<FindingDiagnosis> diagnosis;  // for contradictions between facts
};

// "implied-5f2a9c01": FNV-1a over the rule id, the discriminator and the sorted refs.
[[nodiscard]] std::string finding_id(const FactBase& base, FindingRule rule,
                                     const std::vector<FactIndex>& facts,
                                     std::string_view discriminator);

}  // namespace cc
