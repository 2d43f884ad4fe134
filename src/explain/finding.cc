#include "explain/finding.h"

#include <fmt/format.h>
#include <algorithm>

namespace cc {

std::string_view finding_rule_id(FindingRule rule) {
  switch (rule) {
    case FindingRule::conflict:
      return "conflict";
    case FindingRule::recompute:
      return "recompute";
    case FindingRule::implied:
      return "implied";
    case FindingRule::containment:
      return "containment";
    case FindingRule::record:
      return "record";
    case FindingRule::hedge:
      return "hedge";
    case FindingRule::units:
      return "units";
    case FindingRule::quote:
      return "quote";
    case FindingRule::stale_accept:
      return "stale-accept";
    case FindingRule::revision:
      return "revision";
  }
  return "conflict";
}

std::optional<FindingRule> parse_finding_rule(std::string_view id) {
  for (const FindingRule rule : kAllFindingRules) {
    if (finding_rule_id(rule) == id) return rule;
  }
  return std::nullopt;
}

std::string_view finding_rule_summary(FindingRule rule) {
  switch (rule) {
    case FindingRule::conflict:
      return "facts stating the same quantity, or the same relation between the same quantities, "
             "disagree";
    case FindingRule::recompute:
      return "a relation claim disagrees with the stated figures it is computed from";
    case FindingRule::implied:
      return "a chain of claims implies a value that another statement or chain rules out";
    case FindingRule::containment:
      return "a part exceeds its whole: a place, a period, a subset, or disjoint shares above 100%";
    case FindingRule::record:
      return "a record claim that an earlier figure contradicts";
    case FindingRule::hedge:
      return "the two readings of one written value do not overlap";
    case FindingRule::units:
      return "a share, ratio or change between quantities of different units";
    case FindingRule::quote:
      return "a quote not found in the source text, or the value not found in its quote";
    case FindingRule::stale_accept:
      return "an accept that matches no finding";
    case FindingRule::revision:
      return "a figure from an earlier release that a later release of the same publisher revises";
  }
  return "";
}

std::string finding_id(const FactBase& base, FindingRule rule, const std::vector<FactIndex>& facts,
                       std::string_view discriminator) {
  std::vector<std::string> refs;
  for (const FactIndex f : facts) refs.push_back(base.ref(f));
  std::sort(refs.begin(), refs.end());
  std::uint64_t hash = 1469598103934665603ULL;
  const auto feed = [&](std::string_view text) {
    for (const char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff;  // separator
    hash *= 1099511628211ULL;
  };
  feed(finding_rule_id(rule));
  feed(discriminator);
  for (const auto& r : refs) feed(r);
  const auto folded = static_cast<std::uint32_t>(hash ^ (hash >> 32));
  return fmt::format("{}-{:08x}", finding_rule_id(rule), folded);
}

}  // namespace cc
