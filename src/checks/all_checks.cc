// The one explicit registry of single-fact checks, sorted by id. Adding a check is adding
// its file src/checks/<id>.cc, which defines check_<id>, and its entry here: one
// declaration and one line in kChecks.
#include <array>

#include "checks/check.h"

namespace cc {

void check_hedge(const FactBase& base, std::vector<Finding>& findings);
void check_quote(const FactBase& base, std::vector<Finding>& findings);
void check_units(const FactBase& base, std::vector<Finding>& findings);

namespace {

constexpr std::array kChecks = {
    FactCheck{"hedge", check_hedge},
    FactCheck{"quote", check_quote},
    FactCheck{"units", check_units},
};

}  // namespace

std::span<const FactCheck> fact_checks() {
  return kChecks;
}

}  // namespace cc
