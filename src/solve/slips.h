#pragma once
// What kind of slip a doubted figure is: each usual newsroom slip is tried on it, and one
// is reported only when, corrected, the figure agrees with everything that stands (and no
// other correction of the same kind does too).
//
//   digits       one digit-edit away: two neighbours swapped, one dropped, doubled or
//                changed (2,714 for 2,174)
//   scale        ×10ⁿ away: a thousand for a million, a misplaced decimal point
//   direction    a fall written as a rise, or the reverse
//   points       a change in percentage points written as per cent (40% → 45%: 5 points)
//   base-period  a change that fits another stated period of the same quantity as its base
//   whole        a share that fits another stated whole of the same measure and period
//
// digits, scale and direction are confirmed by a propagation of the standing facts with the
// corrected value; points, base-period and whole change what the claim relates, so they are
// confirmed on what the standing facts imply for the quantities involved.

#include <functional>
#include <optional>
#include <vector>

#include "solve/conflicts.h"

namespace cc {

// Does the doubted fact, read as `value` (in its variable's terms), agree with the facts
// that stand?
using SlipCheck = std::function<bool(const Interval& value)>;

[[nodiscard]] std::optional<Slip> find_slip(const FactBase& base, const FactGraph& graph,
                                            const MinimalConflict& conflict,
                                            const KeyIntervals& implied, const SlipCheck& agrees);

// The keys whose implied values find_slip reads for `fact` besides its own operands' (the
// base-period slip: the change's first quantity at every other period; the whole: every
// quantity of the share's whole's measure and period), in key order. A solve of part of a
// graph (engine/check.h, EngineOptions::known_components) reads them only where they are.
[[nodiscard]] std::vector<KeyId> slip_keys(const FactBase& base, const Fact& fact);

}  // namespace cc
