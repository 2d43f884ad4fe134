#pragma once
// A fixture for the layering test: model may not include rules, a layer above it.
#include "rules/rule.h"
