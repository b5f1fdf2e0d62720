#pragma once
// The bird's-eye journey as plain text for a terminal.

#include <ostream>

#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::jdctl {

void PrintJourney(const v1::Journey& journey, std::ostream& out);

}  // namespace journeydesk::jdctl
