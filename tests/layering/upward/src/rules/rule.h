#pragma once
// A fixture for the layering test: rules may include model, a layer below it.
#include "model/fact.h"
