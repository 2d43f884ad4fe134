#pragma once
// check --draft's cache (cli/rest_cache.h), its second part: the solve's outcome of each
// component of the whole graph the draft leaves alone (docs/REPORTS.md, "The draft's
// cache"). A later run with the same rest takes them instead of solving those components
// again (EngineOptions::known_components), and solves only the components that hold a
// draft fact or whose facts or shape differ. In the file, a fact is its place among its
// component's facts (in fact order), a component is known by the XXH3-128 of its facts'
// refs and its shape, and a key by its parts as text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/check.h"

namespace cc::cli {

// The lines of the outcomes of `checked` (run with EngineOptions::keep_outcomes) of the
// components the `draft` (every source of its files) leaves alone ("outcomes N" first), or
// "" when there are none or they cannot be written. With `threads` > 1 the components are
// rendered in that many parts at once (the lines are the same).
[[nodiscard]] std::string render_outcomes(const FactBase& base, const CheckResult& checked,
                                          const std::vector<SourceIndex>& draft,
                                          unsigned threads = 1);

class CachedOutcomes {
 public:
  // The outcomes `lines` (as render_outcomes wrote them) hold, or nullopt when they are not
  // such lines.
  [[nodiscard]] static std::optional<CachedOutcomes> parse(std::string_view lines);

  // By component of `graph` (the whole fact base's): the cached outcome of each component
  // the `draft` leaves alone whose facts, shape and keys are a cached component's, in the
  // terms of `base`; nullopt for the others, and for all when the provenance of the sources
  // but those `outside` the entry's files (sorted: for an entry a draft run wrote, the
  // draft's files' sources, which render_outcomes leaves out) differs from the one cached.
  [[nodiscard]] std::vector<std::optional<ComponentOutcome>> known(
      const FactBase& base, const FactGraph& graph, const std::vector<SourceIndex>& draft,
      const std::vector<SourceIndex>& outside) const;

  [[nodiscard]] std::size_t size() const { return components_.size(); }

  // A finding as cached: its facts (and doubted fact) by place in the component, its
  // location's file by name.
  struct CachedFinding {
    Finding finding;
    std::string file;
  };
  struct Component {
    std::string facts_hash;
    std::size_t facts = 0;
    std::size_t constraints = 0;
    std::size_t arity = 0;
    std::vector<CachedFinding> findings;
    std::vector<std::uint32_t> set_aside;
    std::vector<std::pair<std::string, Interval>> implied;  // by key text
    std::size_t exhausted = 0;
    std::size_t truncated = 0;
    std::size_t bounded = 0;
  };

 private:
  std::string provenance_;  // the hash of the rest's sources' witnesses and releases
  std::vector<Component> components_;
  std::unordered_map<std::string, std::size_t> by_facts_;  // facts_hash → component
};

}  // namespace cc::cli
