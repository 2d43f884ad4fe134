#include "load/quotes.h"

#include "grammar/quote_text.h"

namespace cc::load {

void match_quotes(RawFile& file) {
  if (!file.source.article.empty()) {  // quotes are checked where the article is given
    const QuoteIndex article(fold_quote_text(file.source.article_text));
    for (RawFact& fact : file.facts)
      fact.quote_in_article = article.contains(fold_quote_text(fact.quote));
  }
  drop_article(file);
}

void drop_article(RawFile& file) {
  // Swapped out, not assigned: moving an empty (short, inline) string into it copies the
  // characters and keeps its heap buffer, so `text = std::string()` would free nothing.
  std::string().swap(file.source.article_text);
}

}  // namespace cc::load
