#pragma once
// `extract`: a draft fact file for an article (docs/EXTRACT.md). Each statistic of the text
// becomes a fact with its quote and value as written and TODO placeholders for its key,
// with comments saying what the sentence names; the result is YAML that `lint` accepts
// once the TODOs are filled. The core never prints: the command writes Draft::yaml.

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/statistics.h"

namespace cc::extract {

struct DraftOptions {
  std::string article_path;  // as given on the command line: named in comments, and its
                             // file name becomes `article: articles/<name>`
  std::string source_id;     // "" → a slug of the title and the date of publication
  Limits limits;
};

struct Draft {
  std::string yaml;
  std::size_t facts = 0;     // drafted
  std::size_t doubtful = 0;  // of them, marked "check"
  std::size_t left_out = 0;  // numbers that are not statistics
  bool truncated = false;    // a limit was reached
};

// The draft for an article's text (UTF-8, without a byte order mark; any bytes are
// accepted: malformed ones are written as U+FFFD). Deterministic.
[[nodiscard]] Draft build_draft(std::string_view text, const DraftOptions& options);

// [a-z0-9][a-z0-9-]*: a source or fact id.
[[nodiscard]] bool valid_id(std::string_view id);

// A YAML scalar for `text`, written by YAML::Emitter: plain where every YAML reader reads
// it back as the same string ("7,062", "89%", "1 in 4"), else double-quoted with escapes.
[[nodiscard]] std::string yaml_scalar(std::string_view text);
[[nodiscard]] std::string yaml_double_quoted(std::string_view text);

}  // namespace cc::extract
