#pragma once
// Reading a YAML text the way the reader's tests do: the tree, and each diagnostic as the
// user sees it (tests/load/yaml_reader_test.cc, yaml_reader_libyaml_test.cc).

#include <string>
#include <vector>

#include "load/yaml_reader.h"
#include "model/diagnostic.h"

namespace cc::test {

struct Read {
  load::ReadResult result;
  std::vector<std::string> errors;
  [[nodiscard]] std::vector<load::NodeRef> top() const { return result.tree.root().children(); }
};

// Reads `text` as the file "t.yaml".
inline Read read(const std::string& text, const load::ReadOptions& options = {},
                 const load::ItemHandler& on_item = {}) {
  static const std::string file = "t.yaml";
  Diagnostics diagnostics;
  Read out;
  out.result = load::read_yaml(text, file, diagnostics, options, on_item);
  for (const auto& d : diagnostics.sorted()) out.errors.push_back(format_diagnostic(d));
  return out;
}

}  // namespace cc::test
