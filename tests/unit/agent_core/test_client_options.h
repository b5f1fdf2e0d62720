#pragma once
// The JourneyClient options the core tests use against a journeyd on loopback: a 2 s call
// deadline and a 50–400 ms reconnect backoff, so a restarted journeyd is found again quickly.

#include <string>

#include "absl/time/time.h"
#include "core/journey_client.h"

namespace journeydesk::agent {

inline JourneyClientOptions TestJourneyClientOptions(const std::string& address, const std::string& token) {
  JourneyClientOptions options;
  options.server = address;
  options.token = token;
  options.call_deadline = absl::Seconds(2);
  options.backoff.initial = absl::Milliseconds(50);
  options.backoff.max = absl::Milliseconds(400);
  return options;
}

}  // namespace journeydesk::agent
