// `jdctl simulate`: drives a running journeyd like a real contact centre — Poisson
// arrivals per channel, customer messages, callers who give up waiting, and optionally
// simulated agents who accept, reply and wrap up. Always stops by itself: after
// --duration seconds or --max-contacts contacts, whichever comes first.
#include <atomic>
#include <fstream>
#include <chrono>
#include <cmath>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "grpcpp/create_channel.h"
#include "jdctl/service_connection.h"
#include "jdctl/simulate_command.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::jdctl {
namespace {

using Clock = std::chrono::steady_clock;

struct SimulateFlags {
  ConnectionFlags connection;
  double duration_seconds = 60;
  int max_contacts = 500;
  std::vector<std::string> rates = {"phone=120", "chat=180", "email=60"};
  int customers = 100;
  bool use_addresses = false;
  int agents = 0;
  std::string db;
  std::vector<std::string> agent_token_files;
  double patience_seconds = 60;
  double handle_seconds = 20;
  double message_seconds = 8;
  unsigned seed = 1;
};

struct Counters {
  std::atomic<int> enqueued{0}, abandoned{0}, messages{0}, accepted{0}, completed{0}, errors{0};
  std::map<std::string, int> per_channel;  // under `mu`
  std::mutex mu;
};

struct SimContact {
  std::string id;
  std::string channel;
  Clock::time_point give_up_at;
  Clock::time_point next_message_at;
  bool waiting = true;
};

std::string Describe(const grpc::Status& status) {
  return absl::StrCat(status.error_code(), " ", status.error_message());
}

double Exponential(std::mt19937& random, double mean) {
  return std::exponential_distribution<double>(1.0 / mean)(random);
}

std::unique_ptr<grpc::ClientContext> TokenContext(const std::string& token, int deadline_seconds) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  if (deadline_seconds > 0) {
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(deadline_seconds));
  }
  return context;
}

// One simulated agent: connects its stream, goes AVAILABLE, accepts every offer after a
// short pause, replies once, and completes after an exponential handling time.
class SimAgent {
 public:
  SimAgent(std::shared_ptr<grpc::Channel> channel, std::string token, const SimulateFlags& flags,
           Counters& counters, unsigned seed)
      : stub_(v1::ContactCenter::NewStub(channel)), token_(std::move(token)), flags_(flags),
        counters_(counters), random_(seed) {}

  void Start(Clock::time_point until) {
    thread_ = std::thread([this, until] { Run(until); });
  }
  void Stop() {
    stopping_ = true;
    {
      std::lock_guard lock(mu_);
      if (stream_context_) stream_context_->TryCancel();
    }
    if (thread_.joinable()) thread_.join();
    for (std::thread& worker : workers_) worker.join();
  }

 private:
  void Run(Clock::time_point until) {
    auto context = TokenContext(token_, 0);
    {
      std::lock_guard lock(mu_);
      stream_context_ = context.get();
    }
    auto reader = stub_->AgentStream(context.get(), v1::AgentStreamRequest());
    v1::AgentEvent event;
    if (!reader->Read(&event)) {
      std::cerr << "jdctl simulate: agent stream refused: " << Describe(reader->Finish()) << "\n";
      ++counters_.errors;
      return;
    }
    wrap_up_codes_.clear();
    for (const auto& code : event.started().wrap_up_codes()) wrap_up_codes_.push_back(code.code());
    SetState(v1::AVAILABLE);
    while (!stopping_ && reader->Read(&event)) {
      if (event.has_offer() && Clock::now() < until) {
        const std::string contact_id = event.offer().contact_id();
        const double think = 0.2 + Exponential(random_, 0.5);
        const double handle = Exponential(random_, flags_.handle_seconds);
        const std::string code = wrap_up_codes_.empty()
                                     ? "resolved"
                                     : wrap_up_codes_[random_() % wrap_up_codes_.size()];
        workers_.emplace_back([this, contact_id, think, handle, code] { Handle(contact_id, think, handle, code); });
      } else if (event.has_agent_updated() && event.agent_updated().state() == v1::AWAY &&
                 !stopping_) {
        SetState(v1::AVAILABLE);  // missed an offer: back to work
      }
    }
    {
      std::lock_guard lock(mu_);
      stream_context_ = nullptr;
    }
    SetState(v1::OFFLINE);
    reader->Finish();
  }

  void SetState(v1::AgentState state) {
    v1::SetAgentStateRequest request;
    request.set_state(state);
    v1::AgentStatus status;
    grpc::Status result = stub_->SetAgentState(TokenContext(token_, 10).get(), request, &status);
    if (!result.ok()) ++counters_.errors;
  }

  void SleepUnlessStopping(double seconds) {
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (!stopping_ && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  void Handle(const std::string& contact_id, double think, double handle, const std::string& code) {
    SleepUnlessStopping(think);
    v1::AcceptContactRequest accept;
    accept.set_contact_id(contact_id);
    v1::Contact contact;
    if (!stub_->AcceptContact(TokenContext(token_, 10).get(), accept, &contact).ok()) return;  // gone meanwhile
    ++counters_.accepted;
    if (contact.channel() != "phone") {
      v1::SendMessageRequest reply;
      reply.set_contact_id(contact_id);
      reply.set_text("Thanks for getting in touch — let me look into that for you.");
      (void)stub_->SendMessage(TokenContext(token_, 10).get(), reply, &contact);
    }
    SleepUnlessStopping(handle);
    v1::CompleteContactRequest complete;
    complete.set_contact_id(contact_id);
    complete.set_wrap_up_code(code);
    complete.set_notes("simulated contact");
    if (stub_->CompleteContact(TokenContext(token_, 10).get(), complete, &contact).ok()) ++counters_.completed;
  }

  std::unique_ptr<v1::ContactCenter::Stub> stub_;
  std::string token_;
  const SimulateFlags& flags_;
  Counters& counters_;
  std::mt19937 random_;
  std::vector<std::string> wrap_up_codes_;
  std::vector<std::thread> workers_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  grpc::ClientContext* stream_context_ = nullptr;
};

absl::StatusOr<std::vector<std::pair<std::string, double>>> ParseRates(const std::vector<std::string>& specs) {
  std::vector<std::pair<std::string, double>> rates;
  for (const std::string& spec : specs) {
    std::vector<std::string> parts = absl::StrSplit(spec, '=');
    double per_hour = 0;
    if (parts.size() != 2 || parts[0].empty() || !absl::SimpleAtod(parts[1], &per_hour) || per_hour < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--rate '", spec, "': expected CHANNEL=CONTACTS_PER_HOUR, e.g. chat=180"));
    }
    if (per_hour > 0) rates.emplace_back(parts[0], per_hour);
  }
  if (rates.empty()) return absl::InvalidArgumentError("--rate: at least one channel with a positive rate");
  return rates;
}

absl::StatusOr<std::vector<std::string>> AgentTokens(const SimulateFlags& flags) {
  std::vector<std::string> tokens;
  for (const std::string& file : flags.agent_token_files) {
    ConnectionFlags one;
    one.token_file = file;
    std::ifstream in(file);
    std::string token;
    if (!(in >> token)) return absl::NotFoundError(absl::StrCat("cannot read agent token file ", file));
    tokens.push_back(token);
  }
  if (flags.agents > static_cast<int>(tokens.size())) {
    if (flags.db.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--agents ", flags.agents, " needs --db FILE (to create agent tokens) or that many --agent-token-file"));
    }
    auto store = store::SqliteJourneyStore::Open(flags.db);
    if (!store.ok()) return store.status();
    for (int i = static_cast<int>(tokens.size()); i < flags.agents; ++i) {
      auto token = (*store)->CreateToken(store::Role::kAgent, absl::StrCat("sim-agent-", i + 1), "jdctl simulate");
      if (!token.ok()) return token.status();
      tokens.push_back(token->secret);
    }
  }
  return tokens;
}

int RunSimulation(const SimulateFlags& flags) {
  auto rates = ParseRates(flags.rates);
  if (!rates.ok()) {
    std::cerr << "jdctl simulate: " << rates.status().message() << "\n";
    return 2;
  }
  auto connection = ServiceConnection::Open(flags.connection);
  if (!connection.ok()) {
    std::cerr << "jdctl simulate: " << connection.status().message() << "\n";
    return 2;
  }
  auto tokens = AgentTokens(flags);
  if (!tokens.ok()) {
    std::cerr << "jdctl simulate: " << tokens.status().message() << "\n";
    return 2;
  }
  auto stub = v1::ContactCenter::NewStub(connection->channel());
  std::mt19937 random(flags.seed);
  Counters counters;
  const Clock::time_point start = Clock::now();
  const Clock::time_point until = start + std::chrono::duration_cast<Clock::duration>(
                                              std::chrono::duration<double>(flags.duration_seconds));
  std::vector<std::unique_ptr<SimAgent>> agents;
  for (size_t i = 0; i < tokens->size(); ++i) {
    agents.push_back(std::make_unique<SimAgent>(connection->channel(), (*tokens)[i], flags, counters,
                                                flags.seed * 7919 + static_cast<unsigned>(i)));
    agents.back()->Start(until);
  }

  auto after = [&](double seconds) {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  };
  std::vector<Clock::time_point> next_arrival;
  for (const auto& [channel, per_hour] : *rates) next_arrival.push_back(after(Exponential(random, 3600 / per_hour)));
  std::vector<SimContact> open;
  bool use_addresses = flags.use_addresses;
  int next_customer = 0;
  std::cout << "jdctl simulate: running for " << flags.duration_seconds << " s (at most "
            << flags.max_contacts << " contacts) with " << agents.size() << " simulated agents\n";

  while (Clock::now() < until) {
    const Clock::time_point now = Clock::now();
    for (size_t c = 0; c < rates->size(); ++c) {
      if (now < next_arrival[c] || counters.enqueued >= flags.max_contacts) continue;
      const std::string& channel = (*rates)[c].first;
      next_arrival[c] = after(Exponential(random, 3600 / (*rates)[c].second));
      v1::EnqueueContactRequest request;
      request.set_channel(channel);
      const int n = next_customer++ % std::max(1, flags.customers) + 1;
      if (use_addresses) {
        request.set_address(absl::StrFormat("sim-customer-%06d@example.com", n));
      } else {
        request.set_customer_id(absl::StrFormat("C-%06d", n));
      }
      request.set_subject(channel == "phone" ? "Inbound call" : "Hello, I have a question about my bill");
      v1::EnqueueContactResponse response;
      grpc::Status status = stub->EnqueueContact(connection->NewContext(10).get(), request, &response);
      if (status.error_code() == grpc::StatusCode::NOT_FOUND && !use_addresses) {
        std::cout << "jdctl simulate: no demo customers (start journeyd with --demo); using addresses\n";
        use_addresses = true;
        continue;
      }
      if (!status.ok()) {
        std::cerr << "jdctl simulate: EnqueueContact: " << Describe(status) << "\n";
        if (++counters.errors > 20) break;
        continue;
      }
      ++counters.enqueued;
      {
        std::lock_guard lock(counters.mu);
        ++counters.per_channel[channel];
      }
      open.push_back({response.contact_id(), channel, after(Exponential(random, flags.patience_seconds)),
                      after(Exponential(random, flags.message_seconds)), true});
    }
    for (SimContact& contact : open) {
      if (contact.waiting && now >= contact.give_up_at) {
        v1::EndContactRequest end;
        end.set_contact_id(contact.id);
        end.set_only_if_waiting(true);
        v1::Contact result;
        if (stub->EndContact(connection->NewContext(10).get(), end, &result).ok()) {
          contact.waiting = false;
          if (result.state() == v1::CONTACT_ABANDONED) {
            ++counters.abandoned;
            contact.channel.clear();  // no more messages
          }
        }
      }
      if (contact.channel == "chat" || contact.channel == "sms" || contact.channel == "social") {
        if (now < contact.next_message_at) continue;
        contact.next_message_at = after(Exponential(random, flags.message_seconds));
        v1::PostCustomerMessageRequest message;
        message.set_contact_id(contact.id);
        message.set_text("Are you still there? Any news?");
        v1::Contact result;
        if (stub->PostCustomerMessage(connection->NewContext(10).get(), message, &result).ok()) {
          ++counters.messages;
        } else {
          contact.channel.clear();  // ended: stop writing
        }
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (auto& agent : agents) agent->Stop();

  std::cout << "jdctl simulate: " << counters.enqueued << " contacts (";
  bool first = true;
  for (const auto& [channel, count] : counters.per_channel) {
    std::cout << (first ? "" : ", ") << channel << " " << count;
    first = false;
  }
  std::cout << "), " << counters.abandoned << " abandoned, " << counters.messages
            << " customer messages, " << counters.accepted << " accepted and " << counters.completed
            << " completed by simulated agents, " << counters.errors << " errors\n";
  return counters.errors > 20 ? 1 : 0;
}

}  // namespace

void AddSimulateCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<SimulateFlags>();
  CLI::App* simulate = app.add_subcommand(
      "simulate", "drive a running journeyd like a contact centre: arrivals, messages, abandons, agents");
  simulate->add_option("--server", flags->connection.server, "journeyd HOST:PORT (default $JD_SERVER or 127.0.0.1:50051)");
  simulate->add_option("--token-file", flags->connection.token_file,
                       "file with an integration or admin token (default $JD_TOKEN)");
  simulate->add_option("--tls-ca", flags->connection.tls_ca, "PEM roots for TLS");
  simulate->add_option("--duration", flags->duration_seconds, "seconds to run")->capture_default_str()
      ->check(CLI::Range(0.1, 86400.0));
  simulate->add_option("--max-contacts", flags->max_contacts, "stop creating contacts after this many")
      ->capture_default_str()->check(CLI::Range(1, 10'000'000));
  simulate->add_option("--rate", flags->rates, "CHANNEL=CONTACTS_PER_HOUR, repeatable (Poisson arrivals)")
      ->capture_default_str();
  simulate->add_option("--customers", flags->customers, "demo customers C-000001 … C-<N> to draw from")
      ->capture_default_str()->check(CLI::Range(1, 1'000'000));
  simulate->add_flag("--use-addresses", flags->use_addresses,
                     "contact from e-mail addresses (prospects) instead of demo customer ids");
  simulate->add_option("--agents", flags->agents, "simulated agents (tokens from --agent-token-file, the rest created with --db)")
      ->capture_default_str()->check(CLI::Range(0, 10'000));
  simulate->add_option("--db", flags->db, "journeyd's database file, to create tokens for simulated agents");
  simulate->add_option("--agent-token-file", flags->agent_token_files, "an agent token file, repeatable");
  simulate->add_option("--patience", flags->patience_seconds, "mean seconds a customer waits before giving up")
      ->capture_default_str()->check(CLI::PositiveNumber);
  simulate->add_option("--handle-seconds", flags->handle_seconds, "mean seconds a simulated agent handles a contact")
      ->capture_default_str()->check(CLI::PositiveNumber);
  simulate->add_option("--message-seconds", flags->message_seconds, "mean seconds between a chat customer's messages")
      ->capture_default_str()->check(CLI::PositiveNumber);
  simulate->add_option("--seed", flags->seed, "random seed (same seed, same arrivals)")->capture_default_str();
  simulate->callback([flags, &exit_code] { exit_code = RunSimulation(*flags); });
}

}  // namespace journeydesk::jdctl
