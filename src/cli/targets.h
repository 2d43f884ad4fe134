#pragma once
// What the paths on a command line name: fact bases (folders holding vocabulary.yaml) and
// the fact files in them. `check facts/x.yaml` checks the fact base `facts` with x.yaml as
// the draft; with no path, the fact base is found from the current folder (docs/FORMAT.md
// is silent on this: README "Using it" and docs/ARCHITECTURE.md, "Finding the fact base").

#include <string>
#include <vector>

namespace cc::cli {

struct FactBaseTarget {
  std::string dir;                 // as the loader is given it: "facts", ".", "../.."
  std::vector<std::string> files;  // fact files named in it (names at its top)
  bool whole = false;              // the folder (or its vocabulary.yaml) was named itself
};

struct Targets {
  std::vector<FactBaseTarget> bases;  // in the order first named
  std::vector<std::string> notes;     // paths skipped, and why
};

// `paths` as typed; `fallback` is the folder used when no path is given and none is found
// from the current folder. A path that does not exist is taken as a folder (the loader
// then says it does not exist).
[[nodiscard]] Targets resolve_targets(const std::vector<std::string>& paths,
                                      const std::string& fallback);

}  // namespace cc::cli
