#pragma once
// Fills an empty journey store with the deterministic demo population, through the same
// use cases (validation, stage derivation, identity resolution) as live traffic.

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "service/journey_service_core.h"

namespace journeydesk::service {

struct DemoSeedReport {
  int customers = 0;
  int touchpoints = 0;
  bool skipped = false;  // the store already had customers: nothing was added
};

// Seeds only a store without customers, so restarting with --demo keeps earlier data.
absl::StatusOr<DemoSeedReport> SeedDemoData(JourneyServiceCore& core,
                                            store::CustomerStore& customers, int customer_count,
                                            absl::Time now);

}  // namespace journeydesk::service
