#pragma once
// Percentiles over measured latencies, for the benchmark tables.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace journeydesk::bench {

struct LatencyStats {
  double p50_us = 0;
  double p99_us = 0;
  size_t samples = 0;
};

inline LatencyStats Summarise(std::vector<int64_t> nanos) {
  LatencyStats stats;
  stats.samples = nanos.size();
  if (nanos.empty()) return stats;
  std::sort(nanos.begin(), nanos.end());
  auto at = [&](double q) {
    size_t index = static_cast<size_t>(q * static_cast<double>(nanos.size() - 1) + 0.5);
    return static_cast<double>(nanos[index]) / 1000.0;
  };
  stats.p50_us = at(0.50);
  stats.p99_us = at(0.99);
  return stats;
}

}  // namespace journeydesk::bench
