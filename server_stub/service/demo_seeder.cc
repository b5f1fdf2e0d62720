#include "service/demo_seeder.h"

#include "demo/demo_population.h"

namespace journeydesk::service {

absl::StatusOr<DemoSeedReport> SeedDemoData(JourneyServiceCore& core,
                                            store::CustomerStore& customers, int customer_count,
                                            absl::Time now) {
  DemoSeedReport report;
  absl::StatusOr<std::vector<std::string>> existing = customers.ListCustomerIds();
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) {
    report.skipped = true;
    return report;
  }
  const auth::Caller seeder{"demo-seed", store::Role::kAdmin, ""};
  demo::DemoOptions options;
  options.customers = customer_count;
  options.now = now;
  absl::Status status = demo::GenerateDemoPopulation(options, [&](const demo::DemoBatch& batch) {
    for (const v1::Customer& customer : batch.customers) {
      v1::UpsertCustomerRequest request;
      *request.mutable_customer() = customer;
      if (auto upserted = core.UpsertCustomer(seeder, request); !upserted.ok()) return upserted.status();
      ++report.customers;
    }
    for (const demo::DemoConsent& consent : batch.consents) {
      v1::SetConsentRequest request;
      request.set_customer_id(consent.customer_id);
      request.set_profiling(consent.profiling);
      request.set_marketing(consent.marketing);
      if (auto set = core.SetConsent(seeder, request); !set.ok()) return set.status();
    }
    if (batch.touchpoints.empty()) return absl::OkStatus();
    v1::RecordTouchpointsRequest request;
    for (const v1::Touchpoint& tp : batch.touchpoints) *request.add_touchpoints() = tp;
    auto recorded = core.RecordTouchpoints(seeder, request);
    if (!recorded.ok()) return recorded.status();
    report.touchpoints += recorded->stored();
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace journeydesk::service
