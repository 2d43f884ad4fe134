#include "model/provenance.h"

namespace cc {
std::vector<std::uint32_t> witness_of_sources(const FactBase& base) {
  std::vector<std::uint32_t> out(base.sources.size());
  for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = i;
  return out;
}
std::vector<Release> releases_of(const FactBase&, SourceIndex) { return {}; }
}  // namespace cc
