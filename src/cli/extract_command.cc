// `crosscheck extract ARTICLE.txt [--source-id ID]`: a draft fact file for an article, on
// stdout (src/extract/ does the work; this file reads the article and prints).
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/print.h"
#include "extract/article_text.h"
#include "extract/draft.h"
#include "model/terminal_text.h"

namespace cc::cli {

int run_extract(const ExtractOptions& options, const Streams& streams) {
  if (!options.source_id.empty() && !extract::valid_id(options.source_id)) {
    print_error(streams.err,
                fmt::format("--source-id '{}' is not an id: use lower-case letters, digits and "
                            "'-', starting with a letter or digit",
                            options.source_id));
    return 2;
  }
  // Refused input is reported as lint reports a file: `PATH[:LINE:COLUMN]: error: …`.
  extract::ReadError error;
  const std::optional<std::string> text = extract::read_article(options.article, error);
  if (!text) {
    if (error.line > 0) {
      print_lines(streams.err, fmt::format("{}:{}:{}: error: {}", options.article, error.line,
                                           error.column, error.message));
    } else {
      print_lines(streams.err, fmt::format("{}: error: {}", options.article, error.message));
    }
    return 2;
  }
  extract::DraftOptions draft_options;
  draft_options.article_path = options.article;
  draft_options.source_id = options.source_id;
  const extract::Draft draft = extract::build_draft(*text, draft_options);
  streams.out << draft.yaml;
  streams.err << fmt::format("{}: {} {} drafted", terminal_safe(options.article), draft.facts,
                             draft.facts == 1 ? "fact" : "facts");
  if (draft.doubtful > 0) streams.err << fmt::format(" ({} marked \"check\")", draft.doubtful);
  streams.err << fmt::format(", {} {} left out", draft.left_out,
                             draft.left_out == 1 ? "number" : "numbers");
  if (draft.truncated) streams.err << ", stopped at the limit";
  streams.err << "\n";
  return 0;
}

}  // namespace cc::cli
