// journeydesk's budgets (issue 5), each against a baseline measured in the same run:
//   resident memory with a 1,000-touchpoint journey shown   ≤ 1.3× a minimal wx frame
//   start → interactive (journey painted)                   ≤ 2× a minimal wx frame (shown, idle)
//   one paint of a 1,000-touchpoint canvas, p50              ≤ 16 ms
//   screen pop: EnqueueContact sent → journey painted        ≤ 100 ms on loopback (and × an empty RPC)
// It starts its own Xvfb (unless --use-display), its own journeyd on 127.0.0.1:0 with a
// temporary SQLite file and demo data, and the real journeydesk and minimal_wx_frame
// executables. The minimal frame runs under the GTK settings journeydesk gives itself
// (kDeskGtkEnvironment) — the budget's baseline — and, for reference, under GTK's defaults.
// Not part of the test suite. Usage: desktop_bench [--repetitions N] …
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/dcmemory.h>
#include <wx/init.h>

#include "CLI/CLI.hpp"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "bench_process.h"
#include "core/journey_map_view_model.h"
#include "google/protobuf/util/time_util.h"
#include "grpcpp/create_channel.h"
#include "journeydesk/v1/contact_center.grpc.pb.h"
#include "journeydesk/v1/journey_service.grpc.pb.h"
#include "latency_stats.h"
#include "ui/journey_canvas.h"

namespace journeydesk::bench {
namespace {

namespace fs = std::filesystem;
using google::protobuf::util::TimeUtil;
using Clock = BenchProcess::Clock;

// What journeydesk's main() sets for GTK before wx starts (agent_app/ui/main.cc): the
// baseline frame runs with the same, so the ratio is journeydesk's own cost.
const std::map<std::string, std::string> kDeskGtkEnvironment = {{"GDK_GL", "disable"}};

struct BenchFlags {
  int repetitions = 5;
  int settle_ms = 1000;
  int touchpoints = 1000;
  int paint_iterations = 300;
  int canvas_width = 1100;
  int canvas_height = 600;
  bool use_display = false;
  bool keep_workdir = false;
  bool paint_only = false;
  std::vector<std::string> desk_env;  // NAME=VALUE, for journeydesk only
};

double MillisBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

// Start-up phases a program marked on stdout ("PROGRAM: startup PHASE MS", MS on
// CLOCK_MONOTONIC, steady_clock's clock): PHASE → ms since the spawn, in the order they came.
using StartupPhases = std::vector<std::pair<std::string, double>>;

// Reads stdout until a line starting with `until` (returned), collecting the start-up phases
// marked on the way into `phases`; nullopt at `deadline`.
std::optional<BenchProcess::Line> WaitCollectingPhases(BenchProcess& process, const std::string& program,
                                                       const std::string& until, Clock::time_point deadline,
                                                       StartupPhases* phases) {
  const std::string marker = program + ": startup ";
  const double spawned_ms =
      std::chrono::duration<double, std::milli>(process.spawned_at().time_since_epoch()).count();
  while (std::optional<BenchProcess::Line> line = process.ReadLine(deadline)) {
    if (line->text.rfind(until, 0) == 0) return line;
    if (line->text.rfind(marker, 0) != 0) continue;
    const std::vector<std::string> words = absl::StrSplit(line->text.substr(marker.size()), ' ');
    double at_ms = 0;
    if (words.size() == 2 && absl::SimpleAtod(words[1], &at_ms)) phases->emplace_back(words[0], at_ms - spawned_ms);
  }
  return std::nullopt;
}

Clock::time_point In(int seconds) { return Clock::now() + std::chrono::seconds(seconds); }

// N from "journeydesk: showing C (N touchpoints…"; -1 when the line says otherwise.
int ShownTouchpoints(const std::string& line) {
  const size_t open = line.find(" (");
  int count = -1;
  if (open == std::string::npos) return -1;
  const size_t space = line.find(' ', open + 2);
  if (space == std::string::npos || !absl::SimpleAtoi(line.substr(open + 2, space - open - 2), &count)) return -1;
  return count;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// `text` left-aligned in `width` columns, counting UTF-8 characters (×, ≤, →), not bytes.
std::string Pad(const std::string& text, size_t width) {
  const size_t shown = static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
  return shown >= width ? text : text + std::string(width - shown, ' ');
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return absl::StrCat(one, " / ", five);
}

std::string Joined(const std::vector<double>& values, const char* format) {
  std::string text;
  for (double v : values) absl::StrAppend(&text, text.empty() ? "" : " ", absl::StrFormat(format, v));
  return text;
}

// VmRSS and its parts from /proc/PID/status, in KiB; threads as a count.
struct MemoryFigures {
  double rss_kib = 0, anon_kib = 0, file_kib = 0, shmem_kib = 0;
  double threads = 0;
};

MemoryFigures ReadMemory(pid_t pid) {
  MemoryFigures figures;
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  const std::map<std::string, double*> wanted = {{"VmRSS", &figures.rss_kib},     {"RssAnon", &figures.anon_kib},
                                                 {"RssFile", &figures.file_kib},  {"RssShmem", &figures.shmem_kib},
                                                 {"Threads", &figures.threads}};
  while (std::getline(status, line)) {
    std::vector<std::string> parts = absl::StrSplit(line, absl::ByAnyChar(": \t"), absl::SkipEmpty());
    if (parts.size() < 2) continue;
    if (auto it = wanted.find(parts[0]); it != wanted.end()) (void)absl::SimpleAtod(parts[1], it->second);
  }
  return figures;
}

absl::Status WriteSecretFile(const fs::path& path, const std::string& secret) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot write ", path.string()));
  const std::string text = secret + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return written ? absl::OkStatus() : absl::InternalError(absl::StrCat("cannot write ", path.string()));
}

// One customer's touchpoints, spread over two years across channels, kinds and outcomes,
// like a long-standing subscriber's journey.
v1::RecordTouchpointsRequest JourneyOf(const std::string& customer_id, int touchpoints) {
  static const char* kChannels[] = {"web", "email", "phone", "chat", "app", "store", "sms", "social"};
  static const char* kKinds[] = {"page_view", "email_inbound", "call_inbound", "chat_inbound", "usage",
                                 "purchase",  "bill_issued",   "viewed_rate_card", "complaint"};
  const int64_t now_us = absl::ToUnixMicros(absl::Now()) - 60'000'000;
  const int64_t span_us = int64_t{730} * 86400 * 1'000'000;
  v1::RecordTouchpointsRequest request;
  for (int n = 0; n < touchpoints; ++n) {
    v1::Touchpoint* tp = request.add_touchpoints();
    tp->set_id(absl::StrCat(customer_id, "-tp-", n));
    tp->set_customer_id(customer_id);
    tp->set_channel(kChannels[n % 8]);
    tp->set_kind(kKinds[(n / 3) % 9]);
    tp->set_direction(n % 2 ? v1::DIRECTION_INBOUND : v1::DIRECTION_OUTBOUND);
    tp->set_summary(absl::StrFormat("Touchpoint %d with a summary of typical length for an agent note", n));
    tp->set_outcome(static_cast<v1::Outcome>(n % 4));
    tp->set_sentiment(static_cast<v1::Sentiment>((n / 2) % 4));
    if (n % 17 == 0) tp->set_nps(n % 11);
    *tp->mutable_occurred_at() = TimeUtil::MicrosecondsToTimestamp(now_us - span_us + span_us / touchpoints * n);
  }
  return request;
}

// journeyd's two services on one loopback channel, with a token per role.
struct Journeyd {
  std::unique_ptr<BenchProcess> process;
  std::string address;
  std::unique_ptr<v1::JourneyService::Stub> journeys;
  std::unique_ptr<v1::ContactCenter::Stub> contacts;
  std::string admin_token;
  std::string integration_token;

  std::unique_ptr<grpc::ClientContext> Context(const std::string& token) const {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + token);
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return context;
  }
  bool Ping() const {
    v1::PingResponse response;
    return journeys->Ping(Context(integration_token).get(), v1::PingRequest(), &response).ok();
  }
  absl::Status AddCustomer(const std::string& customer_id, int touchpoints) const {
    v1::UpsertCustomerRequest upsert;
    upsert.mutable_customer()->set_id(customer_id);
    upsert.mutable_customer()->set_display_name("Bench " + customer_id);
    v1::UpsertCustomerResponse upserted;
    grpc::Status status = journeys->UpsertCustomer(Context(admin_token).get(), upsert, &upserted);
    if (!status.ok()) return absl::InternalError("UpsertCustomer: " + status.error_message());
    v1::RecordTouchpointsResponse recorded;
    status = journeys->RecordTouchpoints(Context(integration_token).get(), JourneyOf(customer_id, touchpoints),
                                         &recorded);
    if (!status.ok()) return absl::InternalError("RecordTouchpoints: " + status.error_message());
    if (recorded.stored() != touchpoints) {
      return absl::InternalError(absl::StrCat("RecordTouchpoints stored ", recorded.stored(), " of ", touchpoints));
    }
    return absl::OkStatus();
  }
  // The whole journey, page by page, as journeydesk fetches it.
  absl::StatusOr<v1::Journey> FullJourney(const std::string& customer_id) const {
    v1::GetJourneyRequest request;
    request.set_customer_id(customer_id);
    request.set_page_size(500);
    v1::Journey journey;
    for (int page = 0;; ++page) {
      v1::Journey response;
      grpc::Status status = journeys->GetJourney(Context(admin_token).get(), request, &response);
      if (!status.ok()) return absl::InternalError("GetJourney: " + status.error_message());
      if (page == 0) {
        journey = response;
      } else {
        for (const auto& tp : response.timeline()) *journey.add_timeline() = tp;
      }
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    journey.clear_next_page_token();
    return journey;
  }
  std::optional<v1::AgentStatus> Agent(const std::string& agent_id) const {
    v1::ListAgentsResponse response;
    if (!contacts->ListAgents(Context(admin_token).get(), v1::ListAgentsRequest(), &response).ok()) return std::nullopt;
    for (const auto& agent : response.agents()) {
      if (agent.agent_id() == agent_id) return agent;
    }
    return std::nullopt;
  }
  // Agents other than `agent_id` that could take a contact now (ids, comma-separated).
  std::string OtherAvailableAgents(const std::string& agent_id) const {
    v1::ListAgentsResponse response;
    if (!contacts->ListAgents(Context(admin_token).get(), v1::ListAgentsRequest(), &response).ok()) return "?";
    std::string others;
    for (const auto& a : response.agents()) {
      if (a.agent_id() != agent_id && a.connected() && a.state() == v1::AVAILABLE) {
        absl::StrAppend(&others, others.empty() ? "" : ", ", a.agent_id());
      }
    }
    return others;
  }
};

class DesktopBench {
 public:
  explicit DesktopBench(BenchFlags flags) : flags_(std::move(flags)) {}
  int Run();

 private:
  absl::Status StartDisplay();
  absl::Status StartJourneyd();
  absl::StatusOr<std::string> CreateToken(const std::string& role, const std::string& agent_id);
  // DISPLAY and friends; `desk_gtk`: plus kDeskGtkEnvironment.
  std::map<std::string, std::string> GuiEnvironment(bool desk_gtk) const;
  // `phases`: the frame's start-up phases (it is run with JOURNEYDESK_STARTUP_TRACE).
  absl::StatusOr<std::pair<double, MemoryFigures>> MeasureMinimalFrame(bool desk_gtk, StartupPhases* phases);
  absl::StatusOr<BenchProcess> StartDesk(const std::string& token_file, const std::string& customer_id,
                                         bool available, const std::string& tag,
                                         const std::map<std::string, std::string>& extra_env = {});
  void ReportStartupPhases() const;
  bool DeskHasAvailableFlag();
  absl::Status MeasureStartAndMemory();
  absl::Status MeasureScreenPop();
  absl::Status MeasurePaint();
  void Report();

  BenchFlags flags_;
  fs::path dir_;
  fs::path log_;
  std::unique_ptr<BenchProcess> xvfb_;
  std::string display_;
  Journeyd journeyd_;
  std::string rss_agent_token_file_;
  std::vector<std::string> pop_agent_token_files_;  // one agent per pop repetition (index 0: warm-up)

  // Figures, one entry per repetition.
  std::vector<MemoryFigures> desk_memory_, frame_memory_, frame_defaults_memory_;
  std::vector<double> desk_start_ms_, frame_start_ms_, frame_defaults_start_ms_;
  std::string desk_smaps_rollup_;
  // Where the start went, per recorded start (see WaitCollectingPhases).
  std::vector<StartupPhases> desk_phases_, frame_phases_;
  // What journeydesk said it painted ("showing C (N touchpoints)"); less than
  // flags_.touchpoints means the figures are for a partial journey, and the report says so.
  int desk_shown_touchpoints_ = 0;
  int pop_shown_touchpoints_ = 0;
  LatencyStats paint_;
  LatencyStats paint_cpu_;  // this thread's CPU time per paint (diagnostic)
  int paint_content_width_ = 0, paint_content_height_ = 0;
  bool pop_pending_ = false;
  std::vector<double> pop_ms_, pop_offer_ms_;
  LatencyStats pop_ping_;
};

absl::Status DesktopBench::StartDisplay() {
  if (flags_.use_display) {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') return absl::FailedPreconditionError("--use-display: DISPLAY is not set");
    display_ = display;
    return absl::OkStatus();
  }
  // Xvfb picks a free display itself and writes its number to our stdout pipe.
  auto xvfb = BenchProcess::Start({JD_XVFB_PATH, "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"},
                                  {}, log_.string());
  if (!xvfb.ok()) return absl::FailedPreconditionError(absl::StrCat(xvfb.status().message(), " (apt-get install xvfb, or pass --use-display)"));
  xvfb_ = std::make_unique<BenchProcess>(std::move(*xvfb));
  std::optional<BenchProcess::Line> number = xvfb_->ReadLine(In(20));
  if (!number) return absl::DeadlineExceededError("Xvfb did not report its display within 20 s");
  display_ = absl::StrCat(":", absl::StripAsciiWhitespace(number->text));
  return absl::OkStatus();
}

absl::StatusOr<std::string> DesktopBench::CreateToken(const std::string& role, const std::string& agent_id) {
  std::vector<std::string> argv = {JDCTL_PATH, "token", "create", "--role", role, "--db", (dir_ / "journey.db").string(),
                                   "--label", "desktop_bench"};
  if (!agent_id.empty()) argv.insert(argv.end(), {"--agent-id", agent_id});
  auto out = RunToCompletion(argv, log_.string());
  if (!out.ok()) return out.status();
  return std::string(absl::StripAsciiWhitespace(*out));
}

absl::Status DesktopBench::StartJourneyd() {
  // Tokens first: jdctl writes the database before journeyd opens it.
  auto admin = CreateToken("admin", "");
  if (!admin.ok()) return admin.status();
  auto integration = CreateToken("integration", "");
  if (!integration.ok()) return integration.status();
  journeyd_.admin_token = *admin;
  journeyd_.integration_token = *integration;
  auto rss_agent = CreateToken("agent", "bench-desk");
  if (!rss_agent.ok()) return rss_agent.status();
  rss_agent_token_file_ = (dir_ / "bench-desk.token").string();
  if (absl::Status s = WriteSecretFile(rss_agent_token_file_, *rss_agent); !s.ok()) return s;
  for (int r = 0; r <= flags_.repetitions; ++r) {
    const std::string agent_id = absl::StrCat("bench-pop-", r);
    auto token = CreateToken("agent", agent_id);
    if (!token.ok()) return token.status();
    pop_agent_token_files_.push_back((dir_ / (agent_id + ".token")).string());
    if (absl::Status s = WriteSecretFile(pop_agent_token_files_.back(), *token); !s.ok()) return s;
  }

  auto process = BenchProcess::Start({JOURNEYD_PATH, "--db", (dir_ / "journey.db").string(), "--listen",
                                      "127.0.0.1:0", "--demo", "--demo-customers", "50", "--log-level", "warn"},
                                     {}, log_.string());
  if (!process.ok()) return process.status();
  journeyd_.process = std::make_unique<BenchProcess>(std::move(*process));
  const std::string prefix = "journeyd listening on ";
  std::optional<BenchProcess::Line> line = journeyd_.process->WaitForLine(prefix, In(120));
  if (!line) return absl::DeadlineExceededError(absl::StrCat("journeyd did not report listening; see ", log_.string()));
  journeyd_.address = line->text.substr(prefix.size());
  auto channel = grpc::CreateChannel(journeyd_.address, grpc::InsecureChannelCredentials());
  journeyd_.journeys = v1::JourneyService::NewStub(channel);
  journeyd_.contacts = v1::ContactCenter::NewStub(channel);

  if (absl::Status s = journeyd_.AddCustomer("B-DESK", flags_.touchpoints); !s.ok()) return s;
  for (int r = 0; r <= flags_.repetitions; ++r) {
    if (absl::Status s = journeyd_.AddCustomer(absl::StrCat("B-POP-", r), flags_.touchpoints); !s.ok()) return s;
  }
  return absl::OkStatus();
}

std::map<std::string, std::string> DesktopBench::GuiEnvironment(bool desk_gtk) const {
  std::map<std::string, std::string> env = {{"DISPLAY", display_},
                                            {"GDK_BACKEND", "x11"},
                                            {"NO_AT_BRIDGE", "1"},
                                            {"XDG_DATA_HOME", (dir_ / "xdg").string()}};
  if (desk_gtk) env.insert(kDeskGtkEnvironment.begin(), kDeskGtkEnvironment.end());
  return env;
}

// Spawn → "shown" line in ms, and the memory once settled.
absl::StatusOr<std::pair<double, MemoryFigures>> DesktopBench::MeasureMinimalFrame(bool desk_gtk,
                                                                                  StartupPhases* phases) {
  std::map<std::string, std::string> env = GuiEnvironment(desk_gtk);
  env["JOURNEYDESK_STARTUP_TRACE"] = "1";
  auto frame = BenchProcess::Start({MINIMAL_WX_FRAME_PATH}, env, log_.string());
  if (!frame.ok()) return frame.status();
  std::optional<BenchProcess::Line> shown =
      WaitCollectingPhases(*frame, "minimal_wx_frame", "minimal_wx_frame: shown", In(60), phases);
  if (!shown) return absl::DeadlineExceededError(absl::StrCat("minimal_wx_frame never showed; see ", log_.string()));
  std::this_thread::sleep_for(std::chrono::milliseconds(flags_.settle_ms));
  return std::make_pair(MillisBetween(frame->spawned_at(), shown->read_at), ReadMemory(frame->pid()));
}

absl::StatusOr<BenchProcess> DesktopBench::StartDesk(const std::string& token_file, const std::string& customer_id,
                                                     bool available, const std::string& tag,
                                                     const std::map<std::string, std::string>& extra_env) {
  // Not kDeskGtkEnvironment: journeydesk sets that itself.
  std::map<std::string, std::string> env = GuiEnvironment(false);
  env.insert(extra_env.begin(), extra_env.end());
  for (const std::string& assignment : flags_.desk_env) {
    const size_t eq = assignment.find('=');
    if (eq != std::string::npos) env[assignment.substr(0, eq)] = assignment.substr(eq + 1);
  }
  const fs::path data_file = dir_ / absl::StrCat("desk-", tag, ".db");
  std::vector<std::string> argv = {JOURNEYDESK_PATH, "--server", journeyd_.address, "--token-file", token_file,
                                   "--customer", customer_id, "--data-file", data_file.string()};
  if (available) argv.push_back("--available");
  return BenchProcess::Start(argv, env, log_.string());
}

bool DesktopBench::DeskHasAvailableFlag() {
  auto help = RunToCompletion({JOURNEYDESK_PATH, "--help"}, log_.string());
  return help.ok() && help->find("--available") != std::string::npos;
}

// Alternates the minimal frame (as journeydesk sets GTK, then GTK's defaults) and
// journeydesk, after one unrecorded start of each (page cache, fonts, Xvfb's first clients).
// journeydesk keeps one data file across these starts, as on an agent's machine day to day
// (the warm-up start creates it).
absl::Status DesktopBench::MeasureStartAndMemory() {
  for (int r = 0; r <= flags_.repetitions; ++r) {
    const bool record = r > 0;
    for (bool desk_gtk : {true, false}) {
      StartupPhases phases;
      auto frame = MeasureMinimalFrame(desk_gtk, &phases);
      if (!frame.ok()) return frame.status();
      if (!record) continue;
      if (desk_gtk) frame_phases_.push_back(std::move(phases));
      (desk_gtk ? frame_start_ms_ : frame_defaults_start_ms_).push_back(frame->first);
      (desk_gtk ? frame_memory_ : frame_defaults_memory_).push_back(frame->second);
    }
    {
      auto desk = StartDesk(rss_agent_token_file_, "B-DESK", false, "start", {{"JOURNEYDESK_STARTUP_TRACE", "1"}});
      if (!desk.ok()) return desk.status();
      StartupPhases phases;
      std::optional<BenchProcess::Line> shown =
          WaitCollectingPhases(*desk, "journeydesk", "journeydesk: showing ", In(60), &phases);
      if (!shown) {
        return absl::DeadlineExceededError(
            absl::StrCat("journeydesk never showed B-DESK (", desk->Describe(), "); see ", log_.string()));
      }
      if (shown->text.rfind("journeydesk: showing B-DESK (", 0) != 0 || shown->text.find("offline") != std::string::npos) {
        return absl::InternalError(absl::StrCat("journeydesk showed something else: ", shown->text));
      }
      desk_shown_touchpoints_ = ShownTouchpoints(shown->text);
      std::this_thread::sleep_for(std::chrono::milliseconds(flags_.settle_ms));
      if (record) {
        desk_start_ms_.push_back(MillisBetween(desk->spawned_at(), shown->read_at));
        desk_phases_.push_back(std::move(phases));
        desk_memory_.push_back(ReadMemory(desk->pid()));
        if (r == flags_.repetitions) {
          std::ifstream rollup(absl::StrCat("/proc/", desk->pid(), "/smaps_rollup"));
          std::ostringstream text;
          text << rollup.rdbuf();
          desk_smaps_rollup_ = text.str();
        }
      }
    }
  }
  return absl::OkStatus();
}

// A fresh journeydesk per repetition (its own agent, showing B-DESK, AVAILABLE), then a
// contact for a customer it has not shown (B-POP-r): from just before EnqueueContact is
// sent to journeydesk's "showing B-POP-r" line. The contact is ended afterwards so that
// nothing is left in the queue for the next repetition.
absl::Status DesktopBench::MeasureScreenPop() {
  if (!DeskHasAvailableFlag()) {
    pop_pending_ = true;
    return absl::OkStatus();
  }
  std::vector<int64_t> ping_ns;
  for (int i = 0; i < 500; ++i) {
    const auto start = Clock::now();
    if (!journeyd_.Ping()) return absl::UnavailableError("Ping failed");
    if (i >= 100) ping_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
  }
  pop_ping_ = Summarise(ping_ns);

  for (int r = 0; r <= flags_.repetitions; ++r) {
    const std::string agent_id = absl::StrCat("bench-pop-", r);
    const std::string customer_id = absl::StrCat("B-POP-", r);
    auto desk = StartDesk(pop_agent_token_files_[r], "B-DESK", true, absl::StrCat("pop-", r));
    if (!desk.ok()) return desk.status();
    if (!desk->WaitForLine("journeydesk: showing B-DESK", In(60))) {
      return absl::DeadlineExceededError(
          absl::StrCat("journeydesk never showed B-DESK for the pop (", desk->Describe(), "); see ", log_.string()));
    }
    // Ready when journeyd routes to it: connected and AVAILABLE, and nobody else is.
    const auto ready_by = In(30);
    while (true) {
      std::optional<v1::AgentStatus> agent = journeyd_.Agent(agent_id);
      if (agent && agent->connected() && agent->state() == v1::AVAILABLE) break;
      if (Clock::now() > ready_by) return absl::DeadlineExceededError(agent_id + " never became AVAILABLE");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // The previous repetition's journeydesk was killed; journeyd drops its stream soon after.
    for (std::string others = journeyd_.OtherAvailableAgents(agent_id); !others.empty();
         others = journeyd_.OtherAvailableAgents(agent_id)) {
      if (Clock::now() > ready_by) {
        return absl::InternalError(absl::StrCat("other agents are available (", others, "); the pop would not be clean"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(flags_.settle_ms));

    v1::EnqueueContactRequest enqueue;
    enqueue.set_channel("phone");
    enqueue.set_customer_id(customer_id);
    enqueue.set_subject("desktop_bench screen pop");
    v1::EnqueueContactResponse enqueued;
    const auto sent = Clock::now();
    grpc::Status status = journeyd_.contacts->EnqueueContact(journeyd_.Context(journeyd_.integration_token).get(),
                                                             enqueue, &enqueued);
    if (!status.ok()) return absl::InternalError("EnqueueContact: " + status.error_message());
    std::optional<BenchProcess::Line> offer;
    std::optional<BenchProcess::Line> shown;
    while (std::optional<BenchProcess::Line> line = desk->ReadLine(In(30))) {
      if (line->text.rfind("journeydesk: offer ", 0) == 0 && !offer) offer = line;
      if (line->text.rfind("journeydesk: showing " + customer_id + " ", 0) == 0) {
        shown = line;
        break;
      }
    }
    if (!shown) return absl::DeadlineExceededError(absl::StrCat("no screen pop of ", customer_id, "; see ", log_.string()));
    pop_shown_touchpoints_ = ShownTouchpoints(shown->text);
    if (r > 0) {
      pop_ms_.push_back(MillisBetween(sent, shown->read_at));
      pop_offer_ms_.push_back(offer ? MillisBetween(sent, offer->read_at) : -1);
    }
    v1::EndContactRequest end;
    end.set_contact_id(enqueued.contact_id());
    v1::Contact ended;
    (void)journeyd_.contacts->EndContact(journeyd_.Context(journeyd_.integration_token).get(), end, &ended);
  }
  return absl::OkStatus();
}

// In-process: the view model of B-DESK's journey laid out at the canvas size, painted by
// JourneyCanvas::Render into a memory bitmap of the whole content, one mark selected and
// one hovered, as on screen.
absl::Status DesktopBench::MeasurePaint() {
  auto journey = journeyd_.FullJourney("B-DESK");
  if (!journey.ok()) return journey.status();
  if (journey->timeline_size() != flags_.touchpoints) {
    return absl::InternalError(absl::StrCat("B-DESK has ", journey->timeline_size(), " touchpoints"));
  }
  ::setenv("DISPLAY", display_.c_str(), 1);
  ::setenv("GDK_BACKEND", "x11", 1);
  ::setenv("NO_AT_BRIDGE", "1", 1);
  for (const auto& [name, value] : kDeskGtkEnvironment) ::setenv(name.c_str(), value.c_str(), 0);
  char program[] = "desktop_bench";
  char* argv[] = {program, nullptr};
  int argc = 1;
  wxInitializer wx(argc, argv);
  if (!wx.IsOk()) return absl::FailedPreconditionError("wxWidgets could not start (no display?)");

  agent::MapGeometry geometry;
  geometry.width = flags_.canvas_width;
  geometry.height = flags_.canvas_height;
  const agent::JourneyMapViewModel model =
      agent::JourneyMapViewModel::Build(std::make_shared<const v1::Journey>(*std::move(journey)), geometry);
  paint_content_width_ = std::max(model.content_width(), geometry.width);
  paint_content_height_ = std::max(model.content_height(), geometry.height);
  wxBitmap bitmap(paint_content_width_, paint_content_height_);
  wxMemoryDC dc(bitmap);
  // Wall time is the budget; this thread's CPU time beside it shows what is the paint's own
  // cost and what is waiting for a core on a loaded machine.
  auto thread_cpu_ns = [] {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
  };
  std::vector<int64_t> paint_ns, paint_cpu_ns;
  for (int i = 0; i < flags_.paint_iterations + 20; ++i) {
    const auto start = Clock::now();
    const int64_t cpu_start = thread_cpu_ns();
    agent::ui::JourneyCanvas::Render(dc, model, 0, 1);
    if (i < 20) continue;
    paint_cpu_ns.push_back(thread_cpu_ns() - cpu_start);
    paint_ns.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
  }
  dc.SelectObject(wxNullBitmap);
  paint_ = Summarise(paint_ns);
  paint_cpu_ = Summarise(paint_cpu_ns);
  return absl::OkStatus();
}

// Where the start goes: the median ms since spawn at which each phase was marked, journeydesk
// and the minimal frame (GDK_GL=disable) side by side, phases in journeydesk's order. A phase
// only one of them has shows "—" for the other.
void DesktopBench::ReportStartupPhases() const {
  auto medians = [](const std::vector<StartupPhases>& runs) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<double>> at;
    for (const StartupPhases& run : runs) {
      for (const auto& [phase, ms] : run) {
        if (!at.count(phase)) order.push_back(phase);
        at[phase].push_back(ms);
      }
    }
    std::vector<std::pair<std::string, double>> result;
    for (const std::string& phase : order) result.emplace_back(phase, Median(at[phase]));
    return result;
  };
  const auto desk = medians(desk_phases_);
  const auto frame = medians(frame_phases_);
  if (desk.empty() && frame.empty()) return;
  std::printf("  where the start goes (median ms since spawn):\n");
  std::printf("    %s %11s %11s\n", Pad("phase", 42).c_str(), "journeydesk", "minimal wx");
  auto find = [](const std::vector<std::pair<std::string, double>>& list, const std::string& phase) -> std::string {
    for (const auto& [name, ms] : list) {
      if (name == phase) return absl::StrFormat("%.1f", ms);
    }
    return "—";
  };
  std::vector<std::string> phases;
  for (const auto& [phase, ms] : desk) phases.push_back(phase);
  for (const auto& [phase, ms] : frame) {
    if (std::find(phases.begin(), phases.end(), phase) == phases.end()) phases.push_back(phase);
  }
  for (const std::string& phase : phases) {
    std::printf("    %s %11s %11s\n", Pad(phase, 42).c_str(), find(desk, phase).c_str(), find(frame, phase).c_str());
  }
}

void DesktopBench::Report() {
  auto column = [](const std::vector<MemoryFigures>& figures, double MemoryFigures::*field, double scale) {
    std::vector<double> values;
    for (const MemoryFigures& f : figures) values.push_back(f.*field / scale);
    return values;
  };
  auto budget = [](const std::string& name, const std::string& measured, const std::string& target, bool met,
                   const std::string& note) {
    std::printf("  %s %s %s %s%s\n", Pad(name, 52).c_str(), Pad(measured, 10).c_str(), Pad(target, 9).c_str(),
                met ? "met" : "MISSED", note.c_str());
  };

  std::printf("\njourneydesk benchmark — %d repetitions (medians), journeyd on %s, display %s%s, load average %s\n",
              flags_.repetitions, journeyd_.address.c_str(), display_.c_str(), flags_.use_display ? "" : " (own Xvfb)",
              LoadAverage().c_str());
  for (const std::string& assignment : flags_.desk_env) std::printf("  journeydesk started with %s\n", assignment.c_str());
  if (!flags_.paint_only) {
    if (desk_shown_touchpoints_ != flags_.touchpoints ||
        (!pop_pending_ && pop_shown_touchpoints_ != flags_.touchpoints)) {
      std::printf("  NOTE: journeyd holds %d touchpoints for each customer, but journeydesk painted %d (start) and %d "
                  "(screen pop): the desktop figures below are for that partial journey\n",
                  flags_.touchpoints, desk_shown_touchpoints_, pop_shown_touchpoints_);
    }
    std::string gtk;
    for (const auto& [name, value] : kDeskGtkEnvironment) absl::StrAppend(&gtk, gtk.empty() ? "" : " ", name, "=", value);
    std::printf("  %s %11s %11s %8s %13s\n", Pad("", 44).c_str(), "journeydesk", "minimal wx", "ratio", "minimal wx");
    std::printf("  %s %11s %11s %8s %13s\n", Pad("", 44).c_str(), "", gtk.c_str(), "", "GTK defaults");
    auto row = [&](const char* name, const std::vector<double>& desk, const std::vector<double>& frame,
                   const std::vector<double>& defaults, bool ratio) {
      std::printf("  %s %11.1f %11.1f", Pad(name, 44).c_str(), Median(desk), Median(frame));
      std::printf(" %s", ratio ? absl::StrFormat("%7.2f×", Median(desk) / Median(frame)).c_str() : "        ");
      std::printf(" %13.1f\n", Median(defaults));
    };
    auto memory_row = [&](const char* name, double MemoryFigures::*field, double scale, bool ratio) {
      row(name, column(desk_memory_, field, scale), column(frame_memory_, field, scale),
          column(frame_defaults_memory_, field, scale), ratio);
    };
    memory_row("resident memory, MiB (VmRSS, settled)", &MemoryFigures::rss_kib, 1024, true);
    memory_row("  anonymous (RssAnon), MiB", &MemoryFigures::anon_kib, 1024, false);
    memory_row("  file-backed (RssFile), MiB", &MemoryFigures::file_kib, 1024, false);
    memory_row("  threads", &MemoryFigures::threads, 1, false);
    row("start → interactive, ms", desk_start_ms_, frame_start_ms_, frame_defaults_start_ms_, true);
    std::printf("  each run, RSS MiB:  journeydesk %s; minimal %s; GTK defaults %s\n",
                Joined(column(desk_memory_, &MemoryFigures::rss_kib, 1024), "%.1f").c_str(),
                Joined(column(frame_memory_, &MemoryFigures::rss_kib, 1024), "%.1f").c_str(),
                Joined(column(frame_defaults_memory_, &MemoryFigures::rss_kib, 1024), "%.1f").c_str());
    std::printf("  each run, start ms: journeydesk %s; minimal %s; GTK defaults %s\n",
                Joined(desk_start_ms_, "%.0f").c_str(), Joined(frame_start_ms_, "%.0f").c_str(),
                Joined(frame_defaults_start_ms_, "%.0f").c_str());
    ReportStartupPhases();
  }

  std::printf("\n  %s %9s %9s %8s\n", Pad("canvas paint (ms)", 52).c_str(), "p50", "p99", "samples");
  std::printf("  %s %9.2f %9.2f %8zu\n",
              Pad(absl::StrFormat("Render, %d touchpoints, %d×%d (bitmap %d×%d)", flags_.touchpoints,
                                  flags_.canvas_width, flags_.canvas_height, paint_content_width_,
                                  paint_content_height_),
                  52).c_str(),
              paint_.p50_us / 1000, paint_.p99_us / 1000, paint_.samples);
  std::printf("  %s %9.2f %9.2f %8zu\n", Pad("  the same, the painting thread's CPU time", 52).c_str(),
              paint_cpu_.p50_us / 1000, paint_cpu_.p99_us / 1000, paint_cpu_.samples);

  if (!flags_.paint_only && !pop_pending_) {
    std::printf("\n  %s %9s\n", Pad("screen pop (ms)", 52).c_str(), "median");
    std::printf("  %s %9.1f   each: %s\n", Pad("EnqueueContact sent → \"offer\" line", 52).c_str(),
                Median(pop_offer_ms_), Joined(pop_offer_ms_, "%.1f").c_str());
    std::printf("  %s %9.1f   each: %s\n", Pad("EnqueueContact sent → \"showing\" (journey painted)", 52).c_str(),
                Median(pop_ms_), Joined(pop_ms_, "%.1f").c_str());
    std::printf("  %s %9.3f   (p99 %.3f, %zu calls)\n", Pad("empty unary RPC (Ping), p50", 52).c_str(),
                pop_ping_.p50_us / 1000, pop_ping_.p99_us / 1000, pop_ping_.samples);
  } else if (pop_pending_) {
    std::printf("\n  screen pop: pending — journeydesk has no --available flag yet\n");
  }

  std::printf("\n  %s %s %s\n", Pad("budget", 52).c_str(), Pad("measured", 10).c_str(), "target");
  if (!flags_.paint_only) {
    const double rss_ratio = Median(column(desk_memory_, &MemoryFigures::rss_kib, 1)) /
                             Median(column(frame_memory_, &MemoryFigures::rss_kib, 1));
    const double start_ratio = Median(desk_start_ms_) / Median(frame_start_ms_);
    budget("resident memory / minimal wx frame", absl::StrFormat("%.2f×", rss_ratio), "≤ 1.3×", rss_ratio <= 1.3,
           absl::StrFormat(" (%.2f× the frame with GTK defaults)",
                           Median(column(desk_memory_, &MemoryFigures::rss_kib, 1)) /
                               Median(column(frame_defaults_memory_, &MemoryFigures::rss_kib, 1))));
    budget("start → interactive / minimal wx frame", absl::StrFormat("%.2f×", start_ratio), "≤ 2×", start_ratio <= 2,
           absl::StrFormat(" (%.2f× the frame with GTK defaults)",
                           Median(desk_start_ms_) / Median(frame_defaults_start_ms_)));
  }
  budget("canvas paint p50, 1,000 touchpoints", absl::StrFormat("%.2f ms", paint_.p50_us / 1000), "≤ 16 ms",
         paint_.p50_us / 1000 <= 16, "");
  if (!flags_.paint_only && !pop_pending_) {
    const double pop = Median(pop_ms_);
    budget("screen pop, enqueue → journey painted", absl::StrFormat("%.1f ms", pop), "≤ 100 ms", pop <= 100,
           absl::StrFormat(" (%.0f× Ping p50)", pop / (pop_ping_.p50_us / 1000)));
  } else if (pop_pending_) {
    std::printf("  %s %s %s pending\n", Pad("screen pop, enqueue → journey painted", 52).c_str(), Pad("—", 10).c_str(),
                Pad("≤ 100 ms", 9).c_str());
  }
  if (!desk_smaps_rollup_.empty()) {
    std::printf("\n  journeydesk's /proc/PID/smaps_rollup (last run):\n   ");
    for (absl::string_view line : absl::StrSplit(desk_smaps_rollup_, '\n', absl::SkipEmpty())) {
      if (absl::StartsWith(line, "Rss") || absl::StartsWith(line, "Pss:") || absl::StartsWith(line, "Anonymous") ||
          absl::StartsWith(line, "Private") || absl::StartsWith(line, "Shared_Clean")) {
        std::printf(" %s;", std::string(absl::StripAsciiWhitespace(absl::StrReplaceAll(line, {{"  ", ""}}))).c_str());
      }
    }
    std::printf("\n");
  }
}

int DesktopBench::Run() {
  dir_ = fs::temp_directory_path() / absl::StrFormat("jd-desktop-bench-%d", getpid());
  fs::create_directories(dir_ / "xdg");
  log_ = dir_ / "children.log";
  auto fail = [&](const absl::Status& status) {
    std::fprintf(stderr, "desktop_bench: %s (work files kept in %s)\n", std::string(status.message()).c_str(),
                 dir_.c_str());
    return 1;
  };
  std::fprintf(stderr, "desktop_bench: work files in %s\n", dir_.c_str());
  if (absl::Status s = StartDisplay(); !s.ok()) return fail(s);
  if (absl::Status s = StartJourneyd(); !s.ok()) return fail(s);
  std::fprintf(stderr, "desktop_bench: journeyd on %s, display %s\n", journeyd_.address.c_str(), display_.c_str());
  if (!flags_.paint_only) {
    std::fprintf(stderr, "desktop_bench: start and memory…\n");
    if (absl::Status s = MeasureStartAndMemory(); !s.ok()) return fail(s);
    std::fprintf(stderr, "desktop_bench: screen pop…\n");
    if (absl::Status s = MeasureScreenPop(); !s.ok()) return fail(s);
  }
  std::fprintf(stderr, "desktop_bench: canvas paint…\n");
  if (absl::Status s = MeasurePaint(); !s.ok()) return fail(s);
  Report();
  journeyd_.process.reset();
  xvfb_.reset();
  if (!flags_.keep_workdir) fs::remove_all(dir_);
  return 0;
}

// Only for wxInitializer: GTK is started by wxApp::Initialize; OnInit never runs.
class PaintBenchApp : public wxApp {
 public:
  bool OnInit() override { return true; }
};

}  // namespace
}  // namespace journeydesk::bench

wxIMPLEMENT_APP_NO_MAIN(journeydesk::bench::PaintBenchApp);

int main(int argc, char** argv) {
  CLI::App app{"desktop_bench — journeydesk's memory, start-up, paint and screen-pop budgets"};
  journeydesk::bench::BenchFlags flags;
  app.add_option("--repetitions", flags.repetitions, "measured starts of each program and screen pops")
      ->capture_default_str();
  app.add_option("--settle-ms", flags.settle_ms, "wait after the window is shown before reading its memory")
      ->capture_default_str();
  app.add_option("--touchpoints", flags.touchpoints, "touchpoints of the journeys shown")->capture_default_str();
  app.add_option("--paint-iterations", flags.paint_iterations, "measured canvas paints")->capture_default_str();
  app.add_option("--canvas-width", flags.canvas_width, "canvas size the journey is laid out for")->capture_default_str();
  app.add_option("--canvas-height", flags.canvas_height)->capture_default_str();
  app.add_flag("--use-display", flags.use_display, "use $DISPLAY instead of starting Xvfb");
  app.add_flag("--keep-workdir", flags.keep_workdir, "keep the database, token files and children's stderr log");
  app.add_flag("--paint-only", flags.paint_only, "only the canvas paint (no journeydesk processes)");
  app.add_option("--desk-env", flags.desk_env, "NAME=VALUE in journeydesk's environment (e.g. MALLOC_ARENA_MAX=2)");
  CLI11_PARSE(app, argc, argv);
  return journeydesk::bench::DesktopBench(flags).Run();
}
