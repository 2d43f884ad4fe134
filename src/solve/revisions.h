#pragma once
// Revised figures: a figure an earlier release of a publisher gave, which a later release
// of the same publisher revised, is set aside before the diagnosis (docs/ARCHITECTURE.md,
// "Which fact to doubt"), as a `revision` finding.

#include <vector>

#include "graph/fact_graph.h"
#include "model/fact.h"
#include "model/provenance.h"
#include "solve/conflicts.h"
#include "solve/diagnosis.h"

namespace cc {

// Figures an earlier release of a publisher gave and a later release of the same
// publisher revised (they state one quantity and do not overlap): set aside first, each
// unit one `revision` finding against the latest release that revises it.
// `releases` by source (model/provenance.h); the facts set aside leave `active` (sorted).
[[nodiscard]] std::vector<MinimalConflict> set_aside_revisions(
    const FactBase& base, const FactGraph& graph, const std::vector<std::vector<Release>>& releases,
    const Units& units, std::vector<FactIndex>& active);

}  // namespace cc
