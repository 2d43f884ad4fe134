#pragma once
// `check --draft` checks the fact base without the draft's sources too. Rather than a
// second load of the folder with those files left out, the rest is derived from the loaded
// fact base: its other sources and facts, renumbered, and its keys interned again in the
// order a load of the rest would have met them. What the fact base alone does not tell is
// traced while it is resolved (`LoadOptions::trace`): the order in which each file's facts
// interned key parts, and which sources each source's references named (a reference to a
// figure leaves only the figure's key). Whenever the rest cannot be shown to be what
// `load_fact_base` with `LoadOptions::leave_out` gives (a reference or a `based_on` into a
// source left out, which such a load reports as an error; a trace that does not fit), the
// result is nullopt and the caller loads the rest from disk (docs/ARCHITECTURE.md, "The
// commands' paths, the draft and the baseline").

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/fact.h"

namespace cc::load {

// One call of the resolver into the key table: a subset value interned (`id` its value id;
// `spelling` an index into ResolveTrace::spellings when the value was written otherwise than
// the table keeps it), or a key (with its period and subset, interned just before it).
struct KeyEvent {
  enum class Kind : std::uint8_t { value, key };
  static constexpr std::uint32_t kSame = 0xffffffffU;
  Kind kind = Kind::value;
  std::uint32_t id = 0;
  std::uint32_t spelling = kSame;
};

struct ResolveTrace {
  // By pass (0: the figures' keys, 1: the relation claims') and source: the key events of
  // that source's file in that pass, at events[pass * sources + source].
  std::vector<std::vector<KeyEvent>> events;
  std::vector<std::string> spellings;
  // By source: the other sources its facts' references (operands, anchors, accepts) name.
  std::vector<std::vector<SourceIndex>> refers_to;
};

// Whether a source kept names one of `left_out` (by a reference, which the fact base keeps
// only as a figure's key, or in `based_on`): a load without their files then reports the
// name as unknown (an error, source ids being unique in a fact base without errors), so
// there is no rest to check. `base` must have been loaded with `trace`.
[[nodiscard]] bool rest_names_left_out(const FactBase& base, const ResolveTrace& trace,
                                       std::span<const SourceIndex> left_out);

// The fact base without the `left_out` sources, as load_fact_base with their files in
// LoadOptions::leave_out would give it; nullopt when that cannot be shown. `base` must have
// been loaded with `trace` and without errors.
[[nodiscard]] std::optional<FactBase> without_sources(const FactBase& base,
                                                      const ResolveTrace& trace,
                                                      std::span<const SourceIndex> left_out);

}  // namespace cc::load
