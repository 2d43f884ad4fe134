#pragma once
// The quote check's look-up in the article (docs/rules/quote.md), made as each file is
// loaded: whether each fact's quote occurs in its source's article. The article's text is
// needed for nothing else, so it is freed here and never held in the FactBase.

#include "load/raw.h"

namespace cc::load {

// Sets quote_in_article of the file's raw facts (build_facts() hands it to each Fact) when
// its source names an article (an article that could not be read counts as empty), and
// frees the article's text. Call in the file's loader thread right after read_article():
// the article and its index are freed before the file's values and facts are made, which
// then reuse their memory (freed later, it would stay a hole in the thread's heap).
void match_quotes(RawFile& file);

// Frees the article's text without looking anything up (a load for `lint`).
void drop_article(RawFile& file);

}  // namespace cc::load
