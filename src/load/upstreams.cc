#include "load/upstreams.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <string_view>
#include <unordered_map>

#include "load/convert.h"

namespace cc::load {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

class UpstreamResolver {
 public:
  UpstreamResolver(const std::vector<RawFile>& files, FactBase& base, Diagnostics& diagnostics)
      : files_(files), base_(base), diagnostics_(diagnostics) {}

  void run() {
    for (SourceIndex s = 0; s < base_.sources.size() && s < files_.size(); ++s) resolve(s);
    find_cycles();
  }

 private:
  void error(SourceIndex at, Pos pos, std::string message, std::string rule) {
    diagnostics_.error(base_.files[base_.sources[at].file], pos.line, pos.column,
                       std::move(message), std::move(rule));
  }

  [[nodiscard]] Mark mark(SourceIndex at, Pos pos) const {
    return {base_.sources[at].file, pos.line, pos.column};
  }

  void resolve(SourceIndex at) {
    Source& source = base_.sources[at];
    for (const RawUpstream& raw : files_[at].source.based_on) {
      if (raw.source.empty()) {
        source.based_on.push_back({"", raw.publisher, raw.published, mark(at, raw.pos)});
        continue;
      }
      if (raw.source == source.id) {
        error(at, raw.source_pos, fmt::format("the source '{}' is based on itself", raw.source),
              "cycle");
        continue;
      }
      if (!base_.find_source(raw.source)) {
        error(at, raw.source_pos,
              fmt::format("unknown source '{}' in 'based_on'{}", raw.source,
                          did_you_mean(nearest_names(raw.source, known_ids()))),
              "dangling-ref");
        continue;
      }
      source.based_on.push_back({raw.source, "", "", mark(at, raw.pos)});
    }
  }

  [[nodiscard]] std::vector<std::string_view> known_ids() const {
    std::vector<std::string_view> known;
    for (const Source& source : base_.sources) {
      if (!source.id.empty()) known.push_back(source.id);
    }
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    return known;
  }

  // The sources `at` is based on directly.
  [[nodiscard]] std::vector<SourceIndex> upstreams_of(SourceIndex at) const {
    std::vector<SourceIndex> out;
    for (const Upstream& upstream : base_.sources[at].based_on) {
      if (const auto index = base_.find_source(upstream.source)) out.push_back(*index);
    }
    return out;
  }

  // One error per set of sources based on each other (a strongly connected component).
  void find_cycles() {
    const std::size_t count = base_.sources.size();
    Graph graph(count);
    for (SourceIndex s = 0; s < count; ++s) {
      for (const SourceIndex to : upstreams_of(s)) boost::add_edge(s, to, graph);
    }
    std::vector<std::size_t> component(count);
    const std::size_t components = boost::strong_components(
        graph, boost::make_iterator_property_map(component.begin(),
                                                 boost::get(boost::vertex_index, graph)));
    std::vector<std::vector<SourceIndex>> members(components);
    for (SourceIndex s = 0; s < count; ++s) members[component[s]].push_back(s);
    for (const auto& group : members) {
      if (group.size() > 1) report_cycle(group);
    }
  }

  // "a → b → a": the shortest way round from the group's first source, at its entry in
  // `based_on` that names the next.
  void report_cycle(const std::vector<SourceIndex>& group) {
    const SourceIndex first = group.front();  // members are in index order
    std::unordered_map<SourceIndex, SourceIndex> came_from;
    std::vector<SourceIndex> queue = {first};
    for (std::size_t q = 0; q < queue.size(); ++q) {
      for (const SourceIndex to : upstreams_of(queue[q])) {
        if (!std::binary_search(group.begin(), group.end(), to) || came_from.contains(to)) continue;
        came_from.emplace(to, queue[q]);
        if (to != first) queue.push_back(to);
      }
    }
    std::vector<SourceIndex> path = {first};
    for (SourceIndex at = came_from.at(first); at != first; at = came_from.at(at))
      path.push_back(at);
    path.push_back(first);
    std::reverse(path.begin(), path.end());
    std::vector<std::string_view> names;
    for (const SourceIndex s : path) names.push_back(base_.sources[s].id);
    const std::string& next = base_.sources[path[1]].id;
    const Source& source = base_.sources[first];
    const auto entry = std::find_if(source.based_on.begin(), source.based_on.end(),
                                    [&](const Upstream& u) { return u.source == next; });
    const Mark at = entry != source.based_on.end() ? entry->mark : source.mark;
    diagnostics_.error(
        base_.files[at.file], at.line, at.column,
        fmt::format("a cycle of sources based on each other: {}", fmt::join(names, " → ")),
        "cycle");
  }

  const std::vector<RawFile>& files_;
  FactBase& base_;
  Diagnostics& diagnostics_;
};

}  // namespace

void resolve_upstreams(const std::vector<RawFile>& files, FactBase& base,
                       Diagnostics& diagnostics) {
  UpstreamResolver(files, base, diagnostics).run();
}

}  // namespace cc::load
