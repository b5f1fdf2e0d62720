// journeyd's performance budgets, each measured as a ratio against a baseline taken on the
// same server in the same run (absolute times drift on shared machines; ratios hold):
//   GetJourney (1,000-touchpoint customer, store of 1M)   p50 ≤ 1.5× an empty unary RPC
//   batched ingest (RecordTouchpoints, 1,000 a batch)     ≥ 0.5× raw SQLite inserts of the same rows
//   WatchCustomer push (commit → watcher receives)        p99 ≤ 3× an empty unary RPC
//   SuggestNextSteps (1,000 touchpoints, 51 rules)        p50 ≤ 1.5× an empty unary RPC
// Not part of the test suite. Usage: journeyd_bench [--customers N] [--touchpoints N] …
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/strings/str_format.h"
#include "api/journeyd_server.h"
#include "grpcpp/create_channel.h"
#include "journey/default_stage_map.h"
#include "nba/rules_loader.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"
#include "latency_stats.h"
#include "google/protobuf/util/time_util.h"
#include "store/sqlite_database.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::bench {
namespace {

using google::protobuf::util::TimeUtil;
using Clock = std::chrono::steady_clock;

struct BenchFlags {
  int customers = 100'000;
  int touchpoints = 1'000'000;
  int target_touchpoints = 1'000;
  int iterations = 3'000;
  int ingest_batches = 30;
  int page_size = 0;  // GetJourney's timeline page; 0: the service's default
  std::string workdir;
};

int64_t NanosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

v1::Touchpoint BenchTouchpoint(const std::string& id, const std::string& customer_id, int64_t at_us,
                               int n) {
  static const char* kChannels[] = {"web", "email", "phone", "chat", "app", "store", "sms", "social"};
  static const char* kKinds[] = {"page_view", "email_inbound", "call_inbound", "chat_inbound",
                                 "usage", "purchase", "bill_issued", "viewed_rate_card"};
  v1::Touchpoint tp;
  tp.set_id(id);
  tp.set_customer_id(customer_id);
  tp.set_channel(kChannels[n % 8]);
  tp.set_kind(kKinds[(n / 3) % 8]);
  tp.set_direction(n % 2 ? v1::DIRECTION_INBOUND : v1::DIRECTION_OUTBOUND);
  tp.set_summary(absl::StrFormat("Benchmark touchpoint %d with a summary of typical length for an agent note", n));
  *tp.mutable_occurred_at() = TimeUtil::MicrosecondsToTimestamp(at_us);
  if (n % 17 == 0) tp.set_nps(n % 11);
  return tp;
}

std::string CustomerId(int index) { return absl::StrFormat("B-%06d", index); }

// Builds the store through the service core (validation, stage derivation, identity
// resolution, one transaction per 1,000 touchpoints), without gRPC. Customer 0 (B-000000)
// gets `target_touchpoints`; the other customers arrive by email address as prospects
// (bench-N@example.com), the way an integration's first touchpoints create them.
absl::Status PopulateStore(service::JourneyServiceCore& core, const BenchFlags& flags) {
  const auth::Caller admin{"bench", store::Role::kAdmin, ""};
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id(CustomerId(0));
  upsert.mutable_customer()->set_display_name("Bench Target");
  if (auto done = core.UpsertCustomer(admin, upsert); !done.ok()) return done.status();

  const int64_t now_us = absl::ToUnixMicros(absl::Now());
  const int64_t span_us = int64_t{730} * 86400 * 1'000'000;
  v1::RecordTouchpointsRequest batch;
  auto flush = [&]() -> absl::Status {
    if (batch.touchpoints_size() == 0) return absl::OkStatus();
    auto recorded = core.RecordTouchpoints(admin, batch);
    batch.Clear();
    return recorded.status();
  };
  for (int n = 0; n < flags.touchpoints; ++n) {
    const int64_t at_us = now_us - span_us + (span_us / flags.touchpoints) * n;
    v1::Touchpoint tp = BenchTouchpoint(absl::StrFormat("bt-%d", n), CustomerId(0), at_us, n);
    if (n >= flags.target_touchpoints) {
      const int customer = 1 + (n - flags.target_touchpoints) % std::max(1, flags.customers - 1);
      tp.clear_customer_id();
      tp.set_address(absl::StrFormat("bench-%d@example.com", customer));
    }
    *batch.add_touchpoints() = std::move(tp);
    if (batch.touchpoints_size() == 1000) {
      if (absl::Status s = flush(); !s.ok()) return s;
    }
    if ((n + 1) % 100'000 == 0) std::fprintf(stderr, "\r  populated %d touchpoints", n + 1);
  }
  std::fprintf(stderr, "\n");
  return flush();
}

struct RpcClient {
  std::unique_ptr<v1::JourneyService::Stub> stub;
  std::string token;

  void Prepare(grpc::ClientContext& context) const {
    context.AddMetadata("authorization", "Bearer " + token);
  }
  bool Ping() const {
    grpc::ClientContext context;
    Prepare(context);
    v1::PingResponse response;
    return stub->Ping(&context, v1::PingRequest(), &response).ok();
  }
  bool SuggestNextSteps(const std::string& customer_id) const {
    grpc::ClientContext context;
    Prepare(context);
    v1::SuggestNextStepsRequest request;
    request.set_customer_id(customer_id);
    request.mutable_context()->set_channel("phone");
    v1::SuggestNextStepsResponse response;
    return stub->SuggestNextSteps(&context, request, &response).ok();
  }
  bool GetJourney(const std::string& customer_id, int page_size) const {
    grpc::ClientContext context;
    Prepare(context);
    v1::GetJourneyRequest request;
    request.set_customer_id(customer_id);
    request.set_page_size(page_size);
    v1::Journey response;
    return stub->GetJourney(&context, request, &response).ok();
  }
};

// Alternates the baseline and the measured call so that drift hits both equally.
std::pair<LatencyStats, LatencyStats> MeasureAgainstPing(const RpcClient& client, int iterations,
                                                         const std::function<bool()>& call) {
  for (int i = 0; i < 200; ++i) {
    client.Ping();
    call();
  }
  std::vector<int64_t> ping_ns, call_ns;
  ping_ns.reserve(iterations);
  call_ns.reserve(iterations);
  for (int i = 0; i < iterations; ++i) {
    auto start = Clock::now();
    if (!client.Ping()) std::abort();
    ping_ns.push_back(NanosSince(start));
    start = Clock::now();
    if (!call()) std::abort();
    call_ns.push_back(NanosSince(start));
  }
  return {Summarise(ping_ns), Summarise(call_ns)};
}

// Rows per second for RecordTouchpoints over gRPC, and for plain SQLite inserts of the same
// rows into a snapshot of the same database taken just before (same table size, indexes and
// pragmas; one transaction per 1,000; each row with the customer id journeyd resolved), so
// both pay SQLite's cost of inserting into a table of this size.
std::pair<double, double> MeasureIngest(const RpcClient& client, const BenchFlags& flags,
                                        const std::string& db_path, const std::string& snapshot_path) {
  {
    sqlite3* db = nullptr;
    sqlite3_open(db_path.c_str(), &db);
    const std::string vacuum = "VACUUM INTO '" + snapshot_path + "'";
    if (sqlite3_exec(db, vacuum.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "snapshot failed: %s\n", sqlite3_errmsg(db));
      std::abort();
    }
    sqlite3_close(db);
  }
  std::vector<v1::RecordTouchpointsRequest> batches(flags.ingest_batches);
  const int64_t now_us = absl::ToUnixMicros(absl::Now()) - 3600'000'000LL;
  for (int b = 0; b < flags.ingest_batches; ++b) {
    for (int i = 0; i < 1000; ++i) {
      const int n = b * 1000 + i;
      v1::Touchpoint tp = BenchTouchpoint(absl::StrFormat("ingest-%d-%d", now_us, n), CustomerId(0), now_us + n, n);
      tp.clear_customer_id();
      tp.set_address(absl::StrFormat("bench-%d@example.com", 1 + n % std::max(1, std::min(1000, flags.customers - 1))));
      *batches[b].add_touchpoints() = std::move(tp);
    }
  }
  std::vector<v1::RecordTouchpointsResponse> responses(flags.ingest_batches);
  auto start = Clock::now();
  for (int b = 0; b < flags.ingest_batches; ++b) {
    grpc::ClientContext context;
    client.Prepare(context);
    grpc::Status status = client.stub->RecordTouchpoints(&context, batches[b], &responses[b]);
    if (!status.ok() || responses[b].stored() != 1000) {
      std::fprintf(stderr, "ingest failed: %s\n", status.error_message().c_str());
      std::abort();
    }
  }
  const double service_rate = flags.ingest_batches * 1000.0 / (NanosSince(start) / 1e9);

  // The same rows as journeyd stored them, owners resolved.
  for (int b = 0; b < flags.ingest_batches; ++b) {
    for (int i = 0; i < 1000; ++i) {
      v1::Touchpoint* tp = batches[b].mutable_touchpoints(i);
      tp->clear_address();
      tp->set_customer_id(responses[b].results(i).customer_id());
      tp->set_stage(responses[b].results(i).stage());
    }
  }
  store::SqliteOpenOptions options;
  options.cache_kib = 64 * 1024;  // as journeyd's writer
  auto raw = store::SqliteDatabase::Open(snapshot_path, options);
  if (!raw.ok()) std::abort();
  sqlite3* db = raw->handle();
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO touchpoints (id, customer_id, occurred_at, channel, kind, stage, body) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &insert, nullptr);
  start = Clock::now();
  std::string body;
  for (const auto& batch : batches) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (const v1::Touchpoint& tp : batch.touchpoints()) {
      tp.SerializeToString(&body);
      sqlite3_bind_text(insert, 1, tp.id().data(), static_cast<int>(tp.id().size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, tp.customer_id().data(), static_cast<int>(tp.customer_id().size()), SQLITE_STATIC);
      sqlite3_bind_int64(insert, 3, TimeUtil::TimestampToMicroseconds(tp.occurred_at()));
      sqlite3_bind_text(insert, 4, tp.channel().data(), static_cast<int>(tp.channel().size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 5, tp.kind().data(), static_cast<int>(tp.kind().size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 6, tp.stage().data(), static_cast<int>(tp.stage().size()), SQLITE_STATIC);
      sqlite3_bind_blob(insert, 7, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
      if (sqlite3_step(insert) != SQLITE_DONE) {
        std::fprintf(stderr, "raw insert failed: %s\n", sqlite3_errmsg(db));
        std::abort();
      }
      sqlite3_reset(insert);
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) std::abort();
  }
  const double raw_rate = flags.ingest_batches * 1000.0 / (NanosSince(start) / 1e9);
  sqlite3_finalize(insert);
  return {service_rate, raw_rate};
}

// Commit → watcher latency: the event's `at` is stamped when journeyd publishes after the
// commit; the watcher compares it with its own clock on receipt (same process, same clock).
// Also reports send → receive, which includes the ingest call and its fsync.
std::pair<LatencyStats, LatencyStats> MeasurePush(const RpcClient& client, const std::string& customer_id,
                                                  int iterations) {
  grpc::ClientContext watch_context;
  client.Prepare(watch_context);
  v1::WatchCustomerRequest watch;
  watch.set_customer_id(customer_id);
  auto reader = client.stub->WatchCustomer(&watch_context, watch);
  v1::CustomerEvent event;
  if (!reader->Read(&event) || !event.started()) std::abort();
  std::vector<int64_t> commit_to_receive, send_to_receive;
  const int64_t base_us = absl::ToUnixMicros(absl::Now()) - 1800'000'000LL;
  for (int i = 0; i < iterations; ++i) {
    v1::RecordTouchpointsRequest request;
    *request.add_touchpoints() = BenchTouchpoint(absl::StrFormat("push-%d-%d", base_us, i), customer_id, base_us + i, i);
    const auto sent = Clock::now();
    grpc::ClientContext context;
    client.Prepare(context);
    v1::RecordTouchpointsResponse response;
    std::thread send([&] { client.stub->RecordTouchpoints(&context, request, &response); });
    do {  // other events (e.g. proactive suggestions) may come between
      if (!reader->Read(&event)) std::abort();
    } while (!event.has_touchpoint_recorded());
    const int64_t received_ns = absl::ToUnixNanos(absl::Now());
    send_to_receive.push_back(NanosSince(sent));
    commit_to_receive.push_back(received_ns - TimeUtil::TimestampToNanoseconds(event.at()));
    send.join();
  }
  watch_context.TryCancel();
  return {Summarise(commit_to_receive), Summarise(send_to_receive)};
}

void PrintRow(const char* name, const LatencyStats& stats) {
  std::printf("  %-46s %9.1f %9.1f %8zu\n", name, stats.p50_us, stats.p99_us, stats.samples);
}

int Run(const BenchFlags& flags) {
  namespace fs = std::filesystem;
  const fs::path dir = flags.workdir.empty() ? fs::temp_directory_path() / absl::StrFormat("jd-bench-%d", getpid())
                                             : fs::path(flags.workdir);
  fs::create_directories(dir);
  const std::string db_path = (dir / "journeyd-bench.db").string();
  const bool reuse = fs::exists(db_path);

  auto stage_map = journey::LoadDefaultStageMap();
  api::ServerOptions options;
  options.db_path = db_path;
  options.listen = "127.0.0.1:0";
  options.stage_map = *stage_map;
  auto rules = nba::LoadRulesFile(JD_BENCH_RULES_PATH, &options.stage_map);
  if (!rules.ok()) {
    std::fprintf(stderr, "journeyd_bench: %s\n", std::string(rules.status().message()).c_str());
    return 1;
  }
  options.nba_rules = *rules;
  auto server = api::JourneydServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "journeyd_bench: %s\n", std::string(server.status().message()).c_str());
    return 1;
  }
  auto populate_start = Clock::now();
  if (!reuse) {
    std::fprintf(stderr, "building a store of %d touchpoints over %d customers in %s\n", flags.touchpoints,
                 flags.customers, db_path.c_str());
    if (absl::Status s = PopulateStore((*server)->core(), flags); !s.ok()) {
      std::fprintf(stderr, "journeyd_bench: %s\n", std::string(s.message()).c_str());
      return 1;
    }
  }
  const double populate_s = NanosSince(populate_start) / 1e9;
  auto token = (*server)->store().CreateToken(store::Role::kAdmin, "", "bench");
  RpcClient client{v1::JourneyService::NewStub(grpc::CreateChannel(
                       absl::StrFormat("127.0.0.1:%d", (*server)->port()), grpc::InsecureChannelCredentials())),
                   token->secret};

  auto [ping_for_journey, journey] = MeasureAgainstPing(client, flags.iterations,
                                                        [&] { return client.GetJourney(CustomerId(0), flags.page_size); });
  // Where GetJourney's time goes: what the RPC runs (the serialized journey), in-process, without
  // gRPC (diagnostic, no budget).
  std::vector<int64_t> in_process_ns;
  {
    const auth::Caller agent{"bench", store::Role::kAgent, "agent-bench"};
    v1::GetJourneyRequest request;
    request.set_customer_id(CustomerId(0));
    request.set_page_size(flags.page_size);
    for (int i = 0; i < flags.iterations; ++i) {
      const auto start = Clock::now();
      if (!(*server)->core().GetJourneySerialized(agent, request).ok()) std::abort();
      in_process_ns.push_back(NanosSince(start));
    }
  }
  const LatencyStats journey_in_process = Summarise(in_process_ns);
  auto [ping_for_suggest, suggest] = MeasureAgainstPing(
      client, flags.iterations, [&] { return client.SuggestNextSteps(CustomerId(0)); });
  auto [ping_for_push, unused] = MeasureAgainstPing(client, flags.iterations / 3, [&] { return client.Ping(); });
  // Pushes go to a customer of their own, so a reused store keeps B-000000 at its size.
  v1::UpsertCustomerRequest push_customer;
  push_customer.mutable_customer()->set_id("B-PUSH");
  push_customer.mutable_customer()->set_display_name("Bench Watched");
  if (!(*server)->core().UpsertCustomer({"bench", store::Role::kAdmin, ""}, push_customer).ok()) return 1;
  auto [push_commit, push_send] = MeasurePush(client, "B-PUSH", flags.iterations / 3);
  const std::string snapshot = (dir / absl::StrFormat("snapshot-%d.db", getpid())).string();
  auto [service_rate, raw_rate] = MeasureIngest(client, flags, db_path, snapshot);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(snapshot + suffix);

  const auto* cpu = "";
  std::printf("\njourneyd benchmark — store of %d touchpoints over %d customers (%s in %.1f s)%s\n",
              flags.touchpoints, flags.customers, reuse ? "reused" : "built", populate_s, cpu);
  std::printf("  %-46s %9s %9s %8s\n", "latency (µs)", "p50", "p99", "samples");
  PrintRow("empty unary RPC (Ping), alternated with GetJourney", ping_for_journey);
  PrintRow("GetJourney, customer with 1,000 touchpoints", journey);
  PrintRow("  the same in-process, without gRPC (diagnostic)", journey_in_process);
  PrintRow("empty unary RPC (Ping), alternated with Suggest…", ping_for_suggest);
  PrintRow("SuggestNextSteps, 1,000 touchpoints, 51 rules", suggest);
  PrintRow("empty unary RPC (Ping), back to back", ping_for_push);
  PrintRow("WatchCustomer push: commit → watcher", push_commit);
  PrintRow("WatchCustomer push: send → watcher (incl. fsync)", push_send);
  std::printf("\n  %-46s %12s\n", "ingest (rows/s)", "rate");
  std::printf("  %-46s %12.0f\n", "RecordTouchpoints over gRPC, 1,000 a batch", service_rate);
  std::printf("  %-46s %12.0f\n", "raw SQLite insert, same rows, same-size snapshot", raw_rate);

  const double journey_ratio = journey.p50_us / ping_for_journey.p50_us;
  const double suggest_ratio = suggest.p50_us / ping_for_suggest.p50_us;
  const double ingest_ratio = service_rate / raw_rate;
  const double push_ratio = push_commit.p99_us / ping_for_push.p99_us;
  std::printf("\n  %-52s %8s %10s %s\n", "budget", "measured", "target", "");
  std::printf("  %-52s %7.2f× %10s %s\n", "GetJourney p50 / empty RPC p50", journey_ratio, "≤ 1.5×",
              journey_ratio <= 1.5 ? "met" : "MISSED");
  std::printf("  %-52s %7.2f× %10s %s\n", "SuggestNextSteps p50 / empty RPC p50", suggest_ratio, "≤ 1.5×",
              suggest_ratio <= 1.5 ? "met" : "MISSED");
  std::printf("  %-52s %7.2f× %10s %s\n", "ingest rate / raw SQLite rate", ingest_ratio, "≥ 0.5×",
              ingest_ratio >= 0.5 ? "met" : "MISSED");
  std::printf("  %-52s %7.2f× %10s %s\n", "push p99 (commit → watcher) / empty RPC p99", push_ratio, "≤ 3×",
              push_ratio <= 3.0 ? "met" : "MISSED");
  (*server)->Shutdown();
  if (flags.workdir.empty()) fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace journeydesk::bench

int main(int argc, char** argv) {
  CLI::App app{"journeyd_bench — journeyd's performance budgets as ratios against same-run baselines"};
  journeydesk::bench::BenchFlags flags;
  app.add_option("--customers", flags.customers, "customers in the store")->capture_default_str();
  app.add_option("--touchpoints", flags.touchpoints, "touchpoints in the store")->capture_default_str();
  app.add_option("--iterations", flags.iterations, "measured calls per latency figure")->capture_default_str();
  app.add_option("--ingest-batches", flags.ingest_batches, "1,000-touchpoint batches in the ingest run")
      ->capture_default_str();
  app.add_option("--page-size", flags.page_size, "GetJourney timeline page (0: the service's default)")
      ->capture_default_str();
  app.add_option("--workdir", flags.workdir,
                 "keep the store here and reuse it on the next run (default: a temporary directory)");
  CLI11_PARSE(app, argc, argv);
  return journeydesk::bench::Run(flags);
}
