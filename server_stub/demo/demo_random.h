#ifndef JOURNEYDESK_SERVER_STUB_DEMO_DEMO_RANDOM_H_
#define JOURNEYDESK_SERVER_STUB_DEMO_DEMO_RANDOM_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace journeydesk::demo {

// A small deterministic PRNG (splitmix64). Unlike std distributions, every method gives
// the same sequence on every standard library and platform, so a demo population is
// reproducible from its seed. Not for cryptography. Not thread-safe; one per customer.
class DemoRandom {
 public:
  explicit DemoRandom(uint64_t seed) : state_(seed) {}

  // A stream independent of others derived from the same seed (e.g. one per customer).
  static DemoRandom ForStream(uint64_t seed, uint64_t stream) {
    DemoRandom mixer(seed ^ (stream * 0xD1B54A32D192ED03ull));
    return DemoRandom(mixer.Next());
  }

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform integer in [lo, hi], both inclusive; requires lo <= hi.
  int64_t Uniform(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(Next() % span);
  }

  // Uniform double in [0, 1) from the top 53 bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // True with probability `p` (0..1).
  bool Chance(double p) { return Unit() < p; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Uniform(0, static_cast<int64_t>(items.size()) - 1))];
  }

 private:
  uint64_t state_;
};

}  // namespace journeydesk::demo

#endif  // JOURNEYDESK_SERVER_STUB_DEMO_DEMO_RANDOM_H_
