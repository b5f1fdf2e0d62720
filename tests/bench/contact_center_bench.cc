// The contact centre's performance budgets (issue 4), each measured against a baseline taken
// on the same server in the same run (absolute times drift on shared machines; ratios hold):
//   offer latency: EnqueueContact sent → the agent's AgentStream receives the offer,
//     contacts routed through 200 simulated agents         p99 ≤ 3× an empty unary RPC's p99
//   queue board fan-out to 100 WatchQueues streams: journeyd's CPU time per board update
//     (CPU with 100 watchers − CPU with none, same scripted changes, ÷ updates published)
// journeyd runs in-process on 127.0.0.1:0; the supervisors' streams run in a child process
// (this executable with --watch-port) so that the process CPU of the parent is journeyd plus
// the scripted driver, and the driver's share cancels out in the difference.
// Not part of the test suite. Usage: contact_center_bench [--contacts N] [--agents N] …
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_format.h"
#include "api/journeyd_server.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/support/channel_arguments.h"
#include "journey/default_stage_map.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"
#include "latency_stats.h"
#include "google/protobuf/util/time_util.h"
#include "store/sqlite_journey_store.h"

extern char** environ;

namespace journeydesk::bench {
namespace {

using google::protobuf::util::TimeUtil;
using Clock = std::chrono::steady_clock;
constexpr const char* kTokenEnv = "JD_CC_BENCH_SUPERVISOR_TOKEN";

struct BenchFlags {
  int contacts = 10'000;
  int agents = 200;
  double rate = 125;          // contacts a second, over all enqueuers
  int enqueuers = 4;
  int workers = 8;
  int handle_ms = 300;        // accept → complete
  int customers = 3'000;
  int customer_touchpoints = 10;
  double max_seconds = 100;   // the offer phase stops enqueuing after this
  std::string channel = "phone";
  int watchers = 100;
  int board_contacts = 150;
  double board_rate = 30;
  int board_rounds = 1;
  std::string workdir;
  // Child mode: the supervisors' streams.
  int watch_port = 0;
  int watch_streams = 0;
};

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

int64_t ProcessCpuNs() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto ns = [](const timeval& tv) { return int64_t{tv.tv_sec} * 1'000'000'000 + int64_t{tv.tv_usec} * 1000; };
  return ns(usage.ru_utime) + ns(usage.ru_stime);
}

// Distinct channel arguments give distinct connections, like separate desktops.
std::shared_ptr<grpc::Channel> NewChannel(int port, int index) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt("journeydesk.bench_connection", index);
  return grpc::CreateCustomChannel(absl::StrFormat("127.0.0.1:%d", port), grpc::InsecureChannelCredentials(),
                                   args);
}

void Authorise(grpc::ClientContext& context, const std::string& token) {
  context.AddMetadata("authorization", "Bearer " + token);
}

// ---------------------------------------------------------------- simulated agents

struct Job {
  int64_t due_ns;
  bool complete;  // false: accept
  int agent;
  std::string contact_id;
  bool operator>(const Job& other) const { return due_ns > other.due_ns; }
};

// Accepts and completes offers for the agents, so that reading a stream never waits for an
// RPC: the reader stamps the offer's arrival and hands it here.
class JobQueue {
 public:
  void Push(Job job) {
    {
      std::lock_guard lock(mu_);
      jobs_.push(std::move(job));
    }
    cv_.notify_one();
  }
  bool Pop(Job* job) {
    std::unique_lock lock(mu_);
    while (true) {
      if (closed_) return false;
      if (!jobs_.empty()) {
        const int64_t wait = jobs_.top().due_ns - NowNs();
        if (wait <= 0) {
          *job = jobs_.top();
          jobs_.pop();
          return true;
        }
        cv_.wait_for(lock, std::chrono::nanoseconds(wait));
      } else {
        cv_.wait(lock);
      }
    }
  }
  void Close() {
    {
      std::lock_guard lock(mu_);
      closed_ = true;
    }
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::priority_queue<Job, std::vector<Job>, std::greater<Job>> jobs_;
  bool closed_ = false;
};

struct Agent {
  std::string id;
  std::string token;
  std::unique_ptr<v1::ContactCenter::Stub> stub;
  grpc::ClientContext stream_context;
  std::unique_ptr<grpc::ClientReader<v1::AgentEvent>> reader;
  std::thread thread;
};

// What the offer phase records, per contact (index n, subject "bench-n").
struct OfferLog {
  explicit OfferLog(int n) : sent_ns(n), offered_ns(n), enqueued_id(n), offered_id(n) {
    for (auto& v : sent_ns) v = 0;
    for (auto& v : offered_ns) v = 0;
  }
  std::vector<std::atomic<int64_t>> sent_ns;
  std::vector<std::atomic<int64_t>> offered_ns;
  std::vector<std::string> enqueued_id;  // written by the enqueuer of n only
  std::mutex offered_mu;
  std::vector<std::string> offered_id;
  int repeated_offers = 0;
};

class AgentPool {
 public:
  AgentPool(const BenchFlags& flags, OfferLog& log) : flags_(flags), log_(log) {}

  absl::Status Start(api::JourneydServer& server) {
    std::vector<std::shared_ptr<grpc::Channel>> channels;
    for (int i = 0; i < 8; ++i) channels.push_back(NewChannel(server.port(), 100 + i));
    for (int i = 0; i < flags_.agents; ++i) {
      auto agent = std::make_unique<Agent>();
      agent->id = absl::StrFormat("agent-%03d", i + 1);
      auto token = server.store().CreateToken(store::Role::kAgent, agent->id, "contact_center_bench");
      if (!token.ok()) return token.status();
      agent->token = token->secret;
      agent->stub = v1::ContactCenter::NewStub(channels[i % channels.size()]);
      Authorise(agent->stream_context, agent->token);
      agent->reader = agent->stub->AgentStream(&agent->stream_context, v1::AgentStreamRequest());
      v1::AgentEvent started;
      if (!agent->reader->Read(&started) || !started.has_started()) {
        return absl::UnavailableError("AgentStream did not start for " + agent->id);
      }
      grpc::ClientContext context;
      Authorise(context, agent->token);
      v1::SetAgentStateRequest request;
      request.set_state(v1::AVAILABLE);
      v1::AgentStatus status;
      grpc::Status set = agent->stub->SetAgentState(&context, request, &status);
      if (!set.ok()) return absl::UnavailableError("SetAgentState: " + set.error_message());
      agents_.push_back(std::move(agent));
    }
    for (int i = 0; i < flags_.agents; ++i) {
      agents_[i]->thread = std::thread([this, i] { ReadStream(i); });
    }
    for (int i = 0; i < flags_.workers; ++i) workers_.emplace_back([this] { Work(); });
    return absl::OkStatus();
  }

  void Stop() {
    for (auto& agent : agents_) agent->stream_context.TryCancel();
    for (auto& agent : agents_) {
      agent->thread.join();
      (void)agent->reader->Finish();
    }
    jobs_.Close();
    for (auto& worker : workers_) worker.join();
  }

  int64_t completed() const { return completed_.load(); }
  int64_t offers() const { return offers_.load(); }
  int64_t errors() const { return errors_.load(); }

 private:
  void ReadStream(int index) {
    Agent& agent = *agents_[index];
    v1::AgentEvent event;
    while (agent.reader->Read(&event)) {
      if (!event.has_offer()) continue;
      const int64_t now = NowNs();
      offers_.fetch_add(1);
      const std::string& subject = event.offer().subject();
      if (subject.rfind("bench-", 0) == 0) {
        const int n = std::atoi(subject.c_str() + 6);
        if (n >= 0 && n < static_cast<int>(log_.offered_ns.size())) {
          int64_t unset = 0;
          if (log_.offered_ns[n].compare_exchange_strong(unset, now)) {
            std::lock_guard lock(log_.offered_mu);
            log_.offered_id[n] = event.offer().contact_id();
          } else {
            std::lock_guard lock(log_.offered_mu);
            ++log_.repeated_offers;
          }
        }
      }
      jobs_.Push(Job{now, false, index, event.offer().contact_id()});
    }
  }

  void Work() {
    Job job;
    while (jobs_.Pop(&job)) {
      Agent& agent = *agents_[job.agent];
      grpc::ClientContext context;
      Authorise(context, agent.token);
      v1::Contact contact;
      grpc::Status status;
      if (!job.complete) {
        v1::AcceptContactRequest request;
        request.set_contact_id(job.contact_id);
        status = agent.stub->AcceptContact(&context, request, &contact);
        if (status.ok()) {
          jobs_.Push(Job{NowNs() + int64_t{flags_.handle_ms} * 1'000'000, true, job.agent, job.contact_id});
        }
      } else {
        v1::CompleteContactRequest request;
        request.set_contact_id(job.contact_id);
        request.set_wrap_up_code("resolved");
        request.set_notes("handled by contact_center_bench");
        status = agent.stub->CompleteContact(&context, request, &contact);
        if (status.ok()) completed_.fetch_add(1);
      }
      if (!status.ok() && errors_.fetch_add(1) < 5) {
        std::fprintf(stderr, "  %s %s: %s\n", job.complete ? "CompleteContact" : "AcceptContact",
                     job.contact_id.c_str(), status.error_message().c_str());
      }
    }
  }

  const BenchFlags& flags_;
  OfferLog& log_;
  std::vector<std::unique_ptr<Agent>> agents_;
  std::vector<std::thread> workers_;
  JobQueue jobs_;
  std::atomic<int64_t> completed_{0};
  std::atomic<int64_t> offers_{0};
  std::atomic<int64_t> errors_{0};
};

// ---------------------------------------------------------------- the store

// Customers with a few touchpoints each, built through the service core (identity
// resolution creates them as prospects by address), in transactions of 1,000 touchpoints.
absl::StatusOr<std::vector<std::string>> PopulateCustomers(service::JourneyServiceCore& core,
                                                           const BenchFlags& flags) {
  const auth::Caller admin{"bench", store::Role::kAdmin, ""};
  static const char* kKinds[] = {"page_view", "email_inbound", "usage", "bill_issued", "purchase"};
  static const char* kChannels[] = {"web", "email", "app", "email", "store"};
  const int64_t now_us = absl::ToUnixMicros(absl::Now());
  std::vector<std::string> ids(flags.customers);
  v1::RecordTouchpointsRequest batch;
  std::vector<int> owners;
  auto flush = [&]() -> absl::Status {
    if (batch.touchpoints_size() == 0) return absl::OkStatus();
    auto recorded = core.RecordTouchpoints(admin, batch);
    if (!recorded.ok()) return recorded.status();
    for (int i = 0; i < recorded->results_size(); ++i) ids[owners[i]] = recorded->results(i).customer_id();
    batch.Clear();
    owners.clear();
    return absl::OkStatus();
  };
  const int per = std::max(1, flags.customer_touchpoints);
  for (int c = 0; c < flags.customers; ++c) {
    for (int k = 0; k < per; ++k) {
      v1::Touchpoint* tp = batch.add_touchpoints();
      tp->set_id(absl::StrFormat("ccb-%d-%d", c, k));
      tp->set_address(absl::StrFormat("cc-bench-%d@example.com", c));
      tp->set_channel(kChannels[k % 5]);
      tp->set_kind(kKinds[k % 5]);
      tp->set_direction(v1::DIRECTION_INBOUND);
      tp->set_summary(absl::StrFormat("Benchmark touchpoint %d of customer %d", k, c));
      *tp->mutable_occurred_at() = TimeUtil::MicrosecondsToTimestamp(now_us - int64_t{86400'000'000} * (per - k));
      owners.push_back(c);
      if (batch.touchpoints_size() == 1000) {
        if (absl::Status s = flush(); !s.ok()) return s;
      }
    }
  }
  if (absl::Status s = flush(); !s.ok()) return s;
  return ids;
}

// ---------------------------------------------------------------- phase 1: offer latency

struct OfferResults {
  LatencyStats ping, offer;
  int64_t enqueued = 0, enqueue_errors = 0, throttled = 0, completed = 0, missing = 0, mismatched = 0,
          repeated = 0, agent_errors = 0;
  double seconds = 0;
  bool time_bound = false;
};

OfferResults MeasureOffers(int port, const std::string& integration_token, const BenchFlags& flags,
                           const std::vector<std::string>& customers, AgentPool& agents, OfferLog& log) {
  OfferResults results;
  std::atomic<int64_t> enqueued{0}, enqueue_errors{0}, throttled{0};
  std::atomic<bool> out_of_time{false};
  std::vector<std::vector<int64_t>> ping_ns(flags.enqueuers);
  // At most this many contacts in the agents' hands at once: there is always a free agent,
  // so the queue does not build up and the figure is routing, not waiting for an agent.
  const int64_t max_in_flight = std::max(1, flags.agents * 3 / 4);
  const int64_t start = NowNs();
  const int64_t deadline = start + static_cast<int64_t>(flags.max_seconds * 1e9);
  std::vector<std::thread> threads;
  for (int k = 0; k < flags.enqueuers; ++k) {
    threads.emplace_back([&, k] {
      auto channel = NewChannel(port, k);
      auto center = v1::ContactCenter::NewStub(channel);
      auto journeys = v1::JourneyService::NewStub(channel);
      for (int n = k; n < flags.contacts; n += flags.enqueuers) {
        const int64_t scheduled = start + static_cast<int64_t>(n / flags.rate * 1e9);
        std::this_thread::sleep_until(Clock::time_point(std::chrono::nanoseconds(scheduled)));
        while (enqueued.load() - agents.completed() >= max_in_flight && NowNs() < deadline) {
          throttled.fetch_add(1);
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (NowNs() >= deadline) {
          out_of_time = true;
          return;
        }
        {  // the baseline, alternated call by call with the measured one
          grpc::ClientContext context;
          Authorise(context, integration_token);
          v1::PingResponse pong;
          const int64_t sent = NowNs();
          if (journeys->Ping(&context, v1::PingRequest(), &pong).ok()) ping_ns[k].push_back(NowNs() - sent);
        }
        v1::EnqueueContactRequest request;
        request.set_channel(flags.channel);
        request.set_customer_id(customers[static_cast<size_t>(n) * 7919 % customers.size()]);
        request.set_subject(absl::StrFormat("bench-%d", n));
        grpc::ClientContext context;
        Authorise(context, integration_token);
        v1::EnqueueContactResponse response;
        enqueued.fetch_add(1);
        log.sent_ns[n].store(NowNs());
        grpc::Status status = center->EnqueueContact(&context, request, &response);
        if (!status.ok()) {
          enqueued.fetch_sub(1);
          log.sent_ns[n].store(0);
          if (enqueue_errors.fetch_add(1) < 5) {
            std::fprintf(stderr, "  EnqueueContact: %s\n", status.error_message().c_str());
          }
          continue;
        }
        log.enqueued_id[n] = response.contact_id();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  // Let the agents finish what they were offered (bounded).
  const int64_t drain_until = NowNs() + 20'000'000'000LL;
  while (agents.completed() < enqueued.load() && NowNs() < drain_until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  results.seconds = (NowNs() - start) / 1e9;
  std::vector<int64_t> pings, offers;
  for (auto& v : ping_ns) pings.insert(pings.end(), v.begin(), v.end());
  for (int n = 0; n < flags.contacts; ++n) {
    const int64_t sent = log.sent_ns[n].load();
    if (sent == 0) continue;
    const int64_t offered = log.offered_ns[n].load();
    if (offered == 0) {
      ++results.missing;
      continue;
    }
    std::lock_guard lock(log.offered_mu);
    if (log.offered_id[n] != log.enqueued_id[n]) ++results.mismatched;
    offers.push_back(offered - sent);
  }
  results.ping = Summarise(pings);
  results.offer = Summarise(offers);
  results.enqueued = enqueued.load();
  results.enqueue_errors = enqueue_errors.load();
  results.throttled = throttled.load();
  results.completed = agents.completed();
  results.repeated = log.repeated_offers;
  results.agent_errors = agents.errors();
  results.time_bound = out_of_time.load();
  return results;
}

// ---------------------------------------------------------------- phase 2: board fan-out

// The supervisors, in a child process: N WatchQueues streams; prints "ready" once every
// stream has its first board; then, given "range A B" on stdin, cancels and prints how many
// boards with version in [A, B] each stream received, and its own CPU time.
int RunWatchers(const BenchFlags& flags) {
  const char* token = std::getenv(kTokenEnv);
  if (token == nullptr) return 2;
  struct Stream {
    grpc::ClientContext context;
    std::unique_ptr<v1::ContactCenter::Stub> stub;
    std::unique_ptr<grpc::ClientReader<v1::QueueBoard>> reader;
    std::vector<uint64_t> versions;
    std::thread thread;
  };
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < 4; ++i) channels.push_back(NewChannel(flags.watch_port, 200 + i));
  std::vector<std::unique_ptr<Stream>> streams;
  std::atomic<int> ready{0};
  for (int i = 0; i < flags.watch_streams; ++i) {
    auto stream = std::make_unique<Stream>();
    stream->stub = v1::ContactCenter::NewStub(channels[i % channels.size()]);
    Authorise(stream->context, token);
    stream->reader = stream->stub->WatchQueues(&stream->context, v1::WatchQueuesRequest());
    Stream* raw = stream.get();
    stream->thread = std::thread([raw, &ready] {
      v1::QueueBoard board;
      if (!raw->reader->Read(&board)) return;
      ready.fetch_add(1);
      while (raw->reader->Read(&board)) raw->versions.push_back(board.version());
    });
    streams.push_back(std::move(stream));
  }
  const int64_t give_up = NowNs() + 30'000'000'000LL;
  while (ready.load() < flags.watch_streams && NowNs() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::printf("ready %d\n", ready.load());
  std::fflush(stdout);
  uint64_t from = 0, to = 0;
  std::string word;
  if (!(std::cin >> word >> from >> to)) from = to = 0;
  for (auto& stream : streams) stream->context.TryCancel();
  int64_t total = 0, least = -1, most = 0;
  for (auto& stream : streams) {
    stream->thread.join();
    (void)stream->reader->Finish();
    int64_t count = 0;
    for (uint64_t v : stream->versions) count += (v >= from && v <= to);
    total += count;
    least = least < 0 ? count : std::min(least, count);
    most = std::max(most, count);
  }
  std::printf("boards %lld %lld %lld cpu_ns %lld\n", static_cast<long long>(least < 0 ? 0 : least),
              static_cast<long long>(most), static_cast<long long>(total),
              static_cast<long long>(ProcessCpuNs()));
  std::fflush(stdout);
  return 0;
}

class WatcherProcess {
 public:
  absl::Status Spawn(int port, int streams, const std::string& token) {
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) return absl::InternalError("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, to_child[1]);
    posix_spawn_file_actions_addclose(&actions, from_child[0]);
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
    std::string port_arg = std::to_string(port), streams_arg = std::to_string(streams);
    std::vector<char*> argv = {exe.data(), const_cast<char*>("--watch-port"), port_arg.data(),
                               const_cast<char*>("--watch-streams"), streams_arg.data(), nullptr};
    std::string token_env = std::string(kTokenEnv) + "=" + token;
    std::vector<char*> envp;
    for (char** e = environ; *e != nullptr; ++e) envp.push_back(*e);
    envp.push_back(token_env.data());
    envp.push_back(nullptr);
    const int spawned = posix_spawn(&pid_, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    if (spawned != 0) return absl::InternalError("posix_spawn failed");
    to_ = fdopen(to_child[1], "w");
    from_ = fdopen(from_child[0], "r");
    int ready = 0;
    if (std::fscanf(from_, " ready %d", &ready) != 1 || ready != streams) {
      return absl::UnavailableError(absl::StrFormat("only %d of %d WatchQueues streams started", ready, streams));
    }
    return absl::OkStatus();
  }
  // Stops the streams; boards with version in [from, to] received per stream.
  void Finish(uint64_t from, uint64_t to, long long* least, long long* most, long long* total,
              long long* cpu_ns) {
    std::fprintf(to_, "range %llu %llu\n", static_cast<unsigned long long>(from),
                 static_cast<unsigned long long>(to));
    std::fflush(to_);
    if (std::fscanf(from_, " boards %lld %lld %lld cpu_ns %lld", least, most, total, cpu_ns) != 4) {
      *least = *most = *total = *cpu_ns = -1;
    }
    std::fclose(to_);
    std::fclose(from_);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

 private:
  pid_t pid_ = 0;
  FILE* to_ = nullptr;
  FILE* from_ = nullptr;
};

struct BoardRound {
  int watchers = 0;
  int64_t cpu_ns = 0;
  uint64_t updates = 0;
  long long least = 0, most = 0, total = 0, watcher_cpu_ns = 0;
  double seconds = 0;
};

uint64_t LatestBoardVersion(api::JourneydServer& server) {
  std::shared_ptr<const v1::QueueBoard> latest;
  if (server.contact_center().board_feed().Next(0, absl::ZeroDuration(), &latest) ==
      events::QueueBoardFeed::ReadResult::kBoard) {
    return latest->version();
  }
  return 0;
}

// The same scripted changes each round: board_contacts contacts enqueued at board_rate,
// handled by the agents, then a fixed tail so the last changes are pushed.
absl::StatusOr<BoardRound> RunBoardRound(api::JourneydServer& server, const std::string& integration_token,
                                         const std::string& supervisor_token, const BenchFlags& flags,
                                         const std::vector<std::string>& customers, int watchers, int round) {
  BoardRound result;
  result.watchers = watchers;
  WatcherProcess process;
  if (watchers > 0) {
    if (absl::Status s = process.Spawn(server.port(), watchers, supervisor_token); !s.ok()) return s;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // settle: connection setup is not counted
  auto center = v1::ContactCenter::NewStub(NewChannel(server.port(), 50));
  const uint64_t first = LatestBoardVersion(server);
  const int64_t cpu_start = ProcessCpuNs();
  const int64_t start = NowNs();
  for (int i = 0; i < flags.board_contacts; ++i) {
    const int64_t scheduled = start + static_cast<int64_t>(i / flags.board_rate * 1e9);
    std::this_thread::sleep_until(Clock::time_point(std::chrono::nanoseconds(scheduled)));
    v1::EnqueueContactRequest request;
    request.set_channel(flags.channel);
    request.set_customer_id(customers[(static_cast<size_t>(i) * 31 + round) % customers.size()]);
    request.set_subject(absl::StrFormat("board-%d", i));
    grpc::ClientContext context;
    Authorise(context, integration_token);
    v1::EnqueueContactResponse response;
    grpc::Status status = center->EnqueueContact(&context, request, &response);
    if (!status.ok()) return absl::UnavailableError("EnqueueContact: " + status.error_message());
  }
  const int64_t end = start + static_cast<int64_t>(flags.board_contacts / flags.board_rate * 1e9) +
                      int64_t{flags.handle_ms} * 1'000'000 + 1'000'000'000;
  std::this_thread::sleep_until(Clock::time_point(std::chrono::nanoseconds(end)));
  result.cpu_ns = ProcessCpuNs() - cpu_start;
  result.seconds = (NowNs() - start) / 1e9;
  const uint64_t last = LatestBoardVersion(server);
  result.updates = last - first;
  if (watchers > 0) process.Finish(first + 1, last, &result.least, &result.most, &result.total, &result.watcher_cpu_ns);
  return result;
}

// ---------------------------------------------------------------- the run

void PrintRow(const char* name, const LatencyStats& stats) {
  std::printf("  %-50s %9.1f %9.1f %8zu\n", name, stats.p50_us, stats.p99_us, stats.samples);
}

int Run(const BenchFlags& flags) {
  namespace fs = std::filesystem;
  const fs::path dir = flags.workdir.empty()
                           ? fs::temp_directory_path() / absl::StrFormat("jd-cc-bench-%d", getpid())
                           : fs::path(flags.workdir);
  fs::create_directories(dir);
  const std::string db_path = (dir / absl::StrFormat("contact-center-bench-%d.db", getpid())).string();
  auto stage_map = journey::LoadDefaultStageMap();
  api::ServerOptions options;
  options.db_path = db_path;
  options.listen = "127.0.0.1:0";
  options.stage_map = *stage_map;
  auto server = api::JourneydServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "contact_center_bench: %s\n", std::string(server.status().message()).c_str());
    return 1;
  }
  api::JourneydServer& journeyd = **server;
  auto fail = [&](const absl::Status& status) {
    std::fprintf(stderr, "contact_center_bench: %s\n", std::string(status.message()).c_str());
    journeyd.Shutdown();
    if (flags.workdir.empty()) fs::remove_all(dir);
    return 1;
  };

  std::fprintf(stderr, "creating %d customers with %d touchpoints each in %s\n", flags.customers,
               flags.customer_touchpoints, db_path.c_str());
  const int64_t populate_start = NowNs();
  auto customers = PopulateCustomers(journeyd.core(), flags);
  if (!customers.ok()) return fail(customers.status());
  const double populate_s = (NowNs() - populate_start) / 1e9;
  auto integration = journeyd.store().CreateToken(store::Role::kIntegration, "", "contact_center_bench");
  auto supervisor = journeyd.store().CreateToken(store::Role::kSupervisor, "", "contact_center_bench");
  if (!integration.ok()) return fail(integration.status());
  if (!supervisor.ok()) return fail(supervisor.status());

  std::fprintf(stderr, "connecting %d agents\n", flags.agents);
  OfferLog log(flags.contacts);
  AgentPool agents(flags, log);
  if (absl::Status s = agents.Start(journeyd); !s.ok()) return fail(s);

  std::fprintf(stderr, "offer latency: %d contacts at %.0f/s from %d threads (at most %.0f s)\n",
               flags.contacts, flags.rate, flags.enqueuers, flags.max_seconds);
  const int64_t offer_cpu_start = ProcessCpuNs();
  OfferResults offers = MeasureOffers(journeyd.port(), integration->secret, flags, *customers, agents, log);
  const double offer_cpu_s = (ProcessCpuNs() - offer_cpu_start) / 1e9;

  std::vector<BoardRound> rounds;
  for (int r = 0; r < flags.board_rounds; ++r) {
    for (int watchers : {0, flags.watchers}) {
      std::fprintf(stderr, "queue board: round %d with %d watchers\n", r + 1, watchers);
      auto round = RunBoardRound(journeyd, integration->secret, supervisor->secret, flags, *customers,
                                 watchers, r);
      if (!round.ok()) {
        agents.Stop();
        return fail(round.status());
      }
      rounds.push_back(*round);
    }
  }
  agents.Stop();

  // ---- the table
  std::printf("\ncontact centre benchmark — %d agents (%s, accept at once, complete after %d ms), "
              "%d customers with %d touchpoints (built in %.1f s)\n",
              flags.agents, flags.channel.c_str(), flags.handle_ms, flags.customers,
              flags.customer_touchpoints, populate_s);
  std::printf("  offer phase: %lld of %d contacts enqueued in %.1f s (%.0f/s target, %.0f/s achieved)%s; "
              "%lld completed; process CPU %.1f s\n",
              static_cast<long long>(offers.enqueued), flags.contacts, offers.seconds, flags.rate,
              offers.enqueued / offers.seconds, offers.time_bound ? " — stopped by the time bound" : "",
              static_cast<long long>(offers.completed), offer_cpu_s);
  std::printf("  offers missing %lld, contact_id mismatches %lld, repeated offers %lld, enqueue errors %lld, "
              "agent RPC errors %lld, enqueuer waits for a free agent %lld ms\n",
              static_cast<long long>(offers.missing), static_cast<long long>(offers.mismatched),
              static_cast<long long>(offers.repeated), static_cast<long long>(offers.enqueue_errors),
              static_cast<long long>(offers.agent_errors), static_cast<long long>(offers.throttled));
  std::printf("  %-50s %9s %9s %8s\n", "latency (µs)", "p50", "p99", "samples");
  PrintRow("empty unary RPC (Ping), alternated with enqueues", offers.ping);
  PrintRow("offer: EnqueueContact sent → agent's stream", offers.offer);

  std::printf("\n  queue board fan-out — the same scripted changes per round (%d contacts at %.0f/s, "
              "handled by the agents),\n  once without watchers and once with %d WatchQueues streams "
              "(in a child process). journeyd's CPU = this process's\n  getrusage(RUSAGE_SELF) user+sys "
              "over the round (journeyd + the scripted driver + the agents); the difference\n  between "
              "the rounds is the fan-out, divided by the board updates journeyd published in the round.\n",
              flags.board_contacts, flags.board_rate, flags.watchers);
  std::printf("  %-8s %9s %10s %8s %24s %14s\n", "watchers", "seconds", "CPU (ms)", "updates",
              "boards/stream min…max", "client CPU ms");
  int64_t base_cpu = 0, watch_cpu = 0;
  uint64_t base_updates = 0, watch_updates = 0;
  double updates_per_second = 0;  // the most any stream received, per second of its round
  bool every_stream = true;        // each stream got every update of its round (±1 at the edges)
  long long least = -1;
  for (const BoardRound& round : rounds) {
    std::printf("  %-8d %9.1f %10.1f %8llu", round.watchers, round.seconds, round.cpu_ns / 1e6,
                static_cast<unsigned long long>(round.updates));
    if (round.watchers > 0) {
      std::printf(" %15lld … %-6lld %14.1f\n", round.least, round.most, round.watcher_cpu_ns / 1e6);
      watch_cpu += round.cpu_ns;
      watch_updates += round.updates;
      least = least < 0 ? round.least : std::min(least, round.least);
      updates_per_second = std::max(updates_per_second, round.most / round.seconds);
      if (round.least + 1 < static_cast<long long>(round.updates)) every_stream = false;
    } else {
      std::printf(" %24s %14s\n", "-", "-");
      base_cpu += round.cpu_ns;
      base_updates += round.updates;
    }
  }
  const double fanout_us_per_update =
      watch_updates > 0 ? (watch_cpu - base_cpu) / 1e3 / static_cast<double>(watch_updates) : 0;
  const double fanout_us_per_delivery = flags.watchers > 0 ? fanout_us_per_update / flags.watchers : 0;
  const double base_us_per_update =
      base_updates > 0 ? base_cpu / 1e3 / static_cast<double>(base_updates) : 0;
  std::printf("  %-58s %10.1f µs\n", "fan-out CPU per board update (100 watchers − none) ÷ updates",
              fanout_us_per_update);
  std::printf("  %-58s %10.1f µs\n", "  … per board delivered to one stream", fanout_us_per_delivery);
  std::printf("  %-58s %10.1f µs\n", "  (for scale: whole round without watchers ÷ its updates)",
              base_us_per_update);
  const double ping_ratio = offers.offer.p99_us / offers.ping.p99_us;

  std::printf("\n  %-58s %10s %10s %s\n", "budget", "measured", "target", "");
  std::printf("  %-58s %9.2f× %10s %s\n", "offer p99 (enqueue sent → offer received) / Ping p99", ping_ratio,
              "≤ 3×", ping_ratio <= 3.0 ? "met" : "MISSED");
  std::printf("  %-58s %9.1f/s %9s %s\n", "board updates per stream, most received (coalesced)",
              updates_per_second, "≤ 4/s", updates_per_second <= 4.0 ? "met" : "MISSED");
  std::printf("  %-58s %10s %10s %s\n", "every stream received every update of its round (±1)",
              absl::StrFormat("%lld/%llu", least, static_cast<unsigned long long>(watch_updates / flags.board_rounds)).c_str(),
              "all", every_stream ? "(reported: all)" : "(reported: a slow stream skipped boards)");
  std::printf("  %-58s %9.1fµs %10s %s\n", "fan-out CPU per board update to all streams", fanout_us_per_update,
              "no target", "(reported)");
  journeyd.Shutdown();
  if (flags.workdir.empty()) fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace journeydesk::bench

int main(int argc, char** argv) {
  CLI::App app{"contact_center_bench — the contact centre's budgets as ratios against same-run baselines"};
  journeydesk::bench::BenchFlags flags;
  app.add_option("--contacts", flags.contacts, "contacts in the offer-latency phase")->capture_default_str();
  app.add_option("--agents", flags.agents, "simulated agents, each with its own token and AgentStream")
      ->capture_default_str();
  app.add_option("--rate", flags.rate, "contacts enqueued per second (steady, over all enqueuers)")
      ->capture_default_str();
  app.add_option("--enqueuers", flags.enqueuers, "client threads enqueueing")->capture_default_str();
  app.add_option("--workers", flags.workers, "client threads accepting and completing for the agents")
      ->capture_default_str();
  app.add_option("--handle-ms", flags.handle_ms, "accept → complete, per contact")->capture_default_str();
  app.add_option("--customers", flags.customers, "customers created before the run")->capture_default_str();
  app.add_option("--customer-touchpoints", flags.customer_touchpoints, "touchpoints per customer")
      ->capture_default_str();
  app.add_option("--max-seconds", flags.max_seconds, "the offer phase stops enqueuing after this")
      ->capture_default_str();
  app.add_option("--channel", flags.channel, "the channel contacts arrive on")->capture_default_str();
  app.add_option("--watchers", flags.watchers, "WatchQueues streams in the fan-out phase")->capture_default_str();
  app.add_option("--board-contacts", flags.board_contacts, "contacts in each fan-out round")
      ->capture_default_str();
  app.add_option("--board-rate", flags.board_rate, "contacts a second in each fan-out round")
      ->capture_default_str();
  app.add_option("--board-rounds", flags.board_rounds, "pairs of rounds (without / with watchers)")
      ->capture_default_str();
  app.add_option("--workdir", flags.workdir, "directory for the store (default: a temporary one, removed)");
  app.add_option("--watch-port", flags.watch_port)->group("");  // child mode
  app.add_option("--watch-streams", flags.watch_streams)->group("");
  CLI11_PARSE(app, argc, argv);
  if (flags.watch_port > 0) return journeydesk::bench::RunWatchers(flags);
  if (flags.contacts < 1 || flags.agents < 1 || flags.rate <= 0 || flags.enqueuers < 1 || flags.workers < 1 ||
      flags.customers < 1 || flags.board_rate <= 0 || flags.board_rounds < 1) {
    std::fprintf(stderr, "contact_center_bench: counts and rates must be positive\n");
    return 2;
  }
  return journeydesk::bench::Run(flags);
}
