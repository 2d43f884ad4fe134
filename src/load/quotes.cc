#include "load/quotes.h"

#include <string>
#include <vector>

#include "grammar/quote_text.h"

namespace cc::load {

void match_quotes(RawFile& file) {
  if (!file.source.article.empty()) {  // quotes are checked where the article is given
    std::vector<std::string> quotes;
    quotes.reserve(file.facts.size());
    for (const RawFact& fact : file.facts) quotes.push_back(fold_quote_text(fact.quote));
    const std::vector<bool> found = quotes_in(fold_quote_text(file.source.article_text), quotes);
    std::size_t q = 0;
    for (RawFact& fact : file.facts) fact.quote_in_article = found[q++];
  }
  drop_article(file);
}

void drop_article(RawFile& file) {
  // Swapped out, not assigned: moving an empty (short, inline) string into it copies the
  // characters and keeps its heap buffer, so `text = std::string()` would free nothing.
  std::string().swap(file.source.article_text);
}

}  // namespace cc::load
