// The progress line of a long check on a terminal.
#include "catch.h"

#include <sstream>

#include "cli/progress.h"

using cc::cli::ProgressLine;
using namespace std::chrono_literals;

TEST_CASE("the progress line is drawn in place and erased at the end", "[cli][progress]") {
  std::ostringstream out;
  ProgressLine line(out, 0ms, 0ms);
  line.update("checking", 1234, 5000);
  CHECK(out.str() == "\r\x1b[Kchecking: 1234 of 5000 facts (24%)");
  line.update("checking", 5000, 5000);
  CHECK(out.str().ends_with("\r\x1b[Kchecking: 5000 of 5000 facts (100%)"));
  line.finish();
  CHECK(out.str().ends_with("(100%)\r\x1b[K"));
}

TEST_CASE("a quick run shows no progress line and leaves nothing to erase", "[cli][progress]") {
  std::ostringstream out;
  ProgressLine line(out, 1h, 0ms);
  line.update("checking", 1, 2);
  line.finish();
  CHECK(out.str().empty());
}

TEST_CASE("the progress line is not redrawn more often than its interval", "[cli][progress]") {
  std::ostringstream out;
  ProgressLine line(out, 0ms, 1h);
  line.update("checking", 1, 3);
  line.update("checking", 2, 3);
  CHECK(out.str() == "\r\x1b[Kchecking: 1 of 3 facts (33%)");
}
