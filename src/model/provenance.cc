#include "model/provenance.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <utility>

namespace cc {
namespace {

// Union-find over source indices; each root is its group's smallest index.
class Groups {
 public:
  explicit Groups(std::size_t count) : parent_(count) {
    std::iota(parent_.begin(), parent_.end(), 0U);
  }

  [[nodiscard]] std::uint32_t find(std::uint32_t at) {
    while (parent_[at] != at) {
      parent_[at] = parent_[parent_[at]];  // path halving
      at = parent_[at];
    }
    return at;
  }

  void join(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;  // the smaller index stays the root
  }

 private:
  std::vector<std::uint32_t> parent_;
};

}  // namespace

std::vector<std::uint32_t> witness_of_sources(const FactBase& base) {
  const std::size_t count = base.sources.size();
  Groups groups(count);
  std::map<std::pair<std::string, std::string>, SourceIndex> first_with_release;
  for (SourceIndex s = 0; s < count; ++s) {
    for (const Upstream& upstream : base.sources[s].based_on) {
      if (!upstream.source.empty()) {
        if (const auto other = base.find_source(upstream.source)) groups.join(s, *other);
        continue;
      }
      const auto [it, inserted] =
          first_with_release.try_emplace({upstream.publisher, upstream.published}, s);
      if (!inserted) groups.join(s, it->second);
    }
  }
  std::vector<std::uint32_t> witness(count);
  for (SourceIndex s = 0; s < count; ++s) witness[s] = groups.find(s);
  return witness;
}

std::vector<Release> releases_of(const FactBase& base, SourceIndex source) {
  std::vector<Release> out;
  if (source >= base.sources.size()) return out;
  std::vector<bool> seen(base.sources.size(), false);
  std::vector<SourceIndex> stack = {source};
  seen[source] = true;
  while (!stack.empty()) {
    const SourceIndex at = stack.back();
    stack.pop_back();
    const std::vector<Upstream>& upstreams = base.sources[at].based_on;
    std::vector<SourceIndex> next;  // pushed in reverse so that `based_on` order is kept
    for (const Upstream& upstream : upstreams) {
      if (upstream.source.empty()) {
        Release release{upstream.publisher, upstream.published};
        if (std::find(out.begin(), out.end(), release) == out.end())
          out.push_back(std::move(release));
        continue;
      }
      const auto other = base.find_source(upstream.source);
      if (other && !seen[*other]) {
        seen[*other] = true;
        next.push_back(*other);
      }
    }
    stack.insert(stack.end(), next.rbegin(), next.rend());
  }
  return out;
}

}  // namespace cc
