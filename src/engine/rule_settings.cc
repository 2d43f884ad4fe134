#include "engine/rule_settings.h"

#include <fmt/format.h>

#include <algorithm>

#include "checks/check.h"
#include "rules/rule.h"

namespace cc {
namespace {

// Every id `rules:` may name: finding rules, checks, inference rules.
std::vector<std::string> known_rule_ids() {
  std::vector<std::string> ids;
  for (const FindingRule rule : kAllFindingRules) ids.emplace_back(finding_rule_id(rule));
  for (const FactCheck& check : fact_checks()) ids.emplace_back(check.id);
  for (const InferenceRule& rule : inference_rules()) ids.emplace_back(rule.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::string> nearest(const std::vector<std::string>& ids, std::string_view id) {
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const std::string& known : ids) {
    const std::size_t d = edit_distance(id, known);
    if (d <= std::max<std::size_t>(2, id.size() / 3)) near.emplace_back(d, known);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) out.push_back(near[i].second);
  return out;
}

std::optional<Severity> severity_of(RuleLevel level) {
  switch (level) {
    case RuleLevel::error:
      return Severity::error;
    case RuleLevel::warning:
      return Severity::warning;
    case RuleLevel::info:
      return Severity::info;
    case RuleLevel::off:
      break;
  }
  return std::nullopt;
}

const RuleSetting* setting_for(const FactBase& base, std::string_view id) {
  const RuleSetting* found = nullptr;
  for (const RuleSetting& setting : base.vocabulary.rules)
    if (setting.id == id) found = &setting;  // the last one written wins
  return found;
}

bool turned_off(const FactBase& base, std::string_view id) {
  const RuleSetting* setting = setting_for(base, id);
  return setting && setting->level == RuleLevel::off;
}

// The stale-accept finding of an accept of a rule turned off: its discriminator is
// "<rule>|<with>" (engine/check.cc).
bool excuses_rule_turned_off(const FactBase& base, const Finding& finding) {
  if (finding.rule != FindingRule::stale_accept) return false;
  const std::string_view rule =
      std::string_view(finding.discriminator).substr(0, finding.discriminator.find('|'));
  return turned_off(base, rule);
}

}  // namespace

void check_rule_settings(const FactBase& base, Diagnostics& diagnostics) {
  const std::vector<std::string> ids = known_rule_ids();
  for (const RuleSetting& setting : base.vocabulary.rules) {
    const std::string& file = base.file_of(setting.mark);
    if (!std::binary_search(ids.begin(), ids.end(), setting.id)) {
      diagnostics.error(
          file, setting.mark.line, setting.mark.column,
          fmt::format("unknown rule '{}'{}", setting.id, did_you_mean(nearest(ids, setting.id))),
          "unknown-rule");
      continue;
    }
    const bool finding_rule = parse_finding_rule(setting.id).has_value();
    if (!finding_rule && setting.level != RuleLevel::off) {
      diagnostics.error(file, setting.level_mark.line, setting.level_mark.column,
                        fmt::format("'{}' is an inference rule: it can be turned off, its findings "
                                    "have the severity of their own rule",
                                    setting.id),
                        "vocabulary");
    }
    const InferenceRule* rule = find_inference_rule(setting.id);
    if (rule && rule->role == RuleRole::definitions && setting.level == RuleLevel::off) {
      diagnostics.error(file, setting.mark.line, setting.mark.column,
                        fmt::format("'{}' defines the relations every claim needs: it cannot be "
                                    "turned off",
                                    setting.id),
                        "vocabulary");
    }
  }
}

std::vector<std::string> rules_turned_off(const FactBase& base) {
  std::vector<std::string> off;
  for (const RuleSetting& setting : base.vocabulary.rules)
    if (turned_off(base, setting.id)) off.push_back(setting.id);
  return off;
}

void apply_rule_settings(const FactBase& base, std::vector<Finding>& findings) {
  if (base.vocabulary.rules.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    return turned_off(base, finding_rule_id(f.rule)) || excuses_rule_turned_off(base, f);
  });
  for (Finding& finding : findings) {
    const RuleSetting* setting = setting_for(base, finding_rule_id(finding.rule));
    if (!setting) continue;
    if (const auto severity = severity_of(setting->level)) finding.severity = *severity;
  }
}

}  // namespace cc
