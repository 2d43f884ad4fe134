#pragma once
// Where figures come from (FORMAT §1.1): the sources that share an upstream count as one
// witness, and the outside releases each source traces to.

#include <cstdint>
#include <string>
#include <vector>

#include "model/fact.h"

namespace cc {

// A release outside the fact base: who published it and when (as written).
struct Release {
  std::string publisher;
  std::string published;
  friend bool operator==(const Release&, const Release&) = default;
};

// For each source (by index), its witness: the smallest source index of its group. Two
// sources are one witness when one is based on the other (directly or through others), or
// they share an upstream: the same source of the fact base, or the same outside release
// (the same publisher and date, written alike). A source with no `based_on` that no other
// names is a witness of its own.
[[nodiscard]] std::vector<std::uint32_t> witness_of_sources(const FactBase& base);

// The outside releases `source` traces to, following `source:` upstreams transitively, in
// the order met (a source's own releases, then those of its upstream sources, depth first),
// each once. A source with no
// `based_on` traces to none; an unknown source id is passed over.
[[nodiscard]] std::vector<Release> releases_of(const FactBase& base, SourceIndex source);

}  // namespace cc
