#pragma once
// STUB until the provenance branch lands (replaced by its version at merge).
#include <cstdint>
#include <string>
#include <vector>

#include "model/fact.h"

namespace cc {
struct Release {
  std::string publisher;
  std::string published;
};
[[nodiscard]] std::vector<std::uint32_t> witness_of_sources(const FactBase& base);
[[nodiscard]] std::vector<Release> releases_of(const FactBase& base, SourceIndex source);
}  // namespace cc
