#pragma once
// The names of periods and keys as an editor reads them: a period by its spelling in the
// period grammar ("2017-18", "2023-Q1"), a key as "offences · UK · 2017-18 · age: under 12".
// In grammar, not model, because a period's name is the spelling that reads back to it.

#include <string>

#include "model/fact.h"

namespace cc {

[[nodiscard]] std::string period_name(const FactBase& base, PeriodId period);
[[nodiscard]] std::string describe_key(const FactBase& base, KeyId key);

}  // namespace cc
