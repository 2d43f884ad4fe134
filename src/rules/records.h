#pragma once
// The words of a record claim, for the records rule's reasons and the `record` finding's
// message: "a record high", "the second-highest since records began in 2002", "the first
// fall since 2018", "the largest fall", "a record low for the time of year".

#include <string>

#include "model/fact.h"

namespace cc {

[[nodiscard]] std::string record_claim_words(const FactBase& base, const Record& record);

}  // namespace cc
