#pragma once
// The `rules:` of vocabulary.yaml (FORMAT §8), as ruff's select/ignore: a finding rule,
// a single-fact check or an inference rule turned off, or a finding rule given a severity.
// The loader reads the settings; the ids are checked here, where the registries are known.

#include <vector>

#include "engine/check.h"
#include "model/diagnostic.h"

namespace cc {

// One diagnostic (file:line:col) for each setting that names no rule ("did you mean"), or
// gives a severity to an inference rule, or turns off a rule every claim needs.
void check_rule_settings(const FactBase& base, Diagnostics& diagnostics);

// The ids of the inference rules and checks turned off.
[[nodiscard]] std::vector<std::string> rules_turned_off(const FactBase& base);

// Drops the findings of rules turned off (and the stale-accept findings of accepts of
// them) and gives the others the severity their rule is set to.
void apply_rule_settings(const FactBase& base, std::vector<Finding>& findings);

}  // namespace cc
