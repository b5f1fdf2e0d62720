#include "core/plugin_host/out_of_process_runner.h"

#include <unistd.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"

namespace journeydesk::agent::plugins {
namespace {

std::chrono::system_clock::time_point DeadlineAfter(absl::Duration budget) {
  return absl::ToChronoTime(absl::Now() + budget);
}

}  // namespace

OutOfProcessRunner::OutOfProcessRunner(Manifest manifest, std::string config, OutOfProcessOptions options)
    : manifest_(std::move(manifest)), config_(std::move(config)), options_(std::move(options)) {
  socket_path_ = absl::StrCat(options_.socket_dir, "/", manifest_.fields.id(), ".sock");
}

OutOfProcessRunner::~OutOfProcessRunner() { Stop(); }

absl::Status OutOfProcessRunner::Start() {
  Stop();
  unlink(socket_path_.c_str());
  auto process = SpawnedProcess::Spawn({options_.host_process_path, "--socket", socket_path_, "--parent-pid",
                                        absl::StrCat(getpid())});
  if (!process.ok()) return process.status();
  process_ = std::move(*process);

  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 10);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 10);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 100);
  args.SetMaxReceiveMessageSize(64 << 20);
  auto channel = grpc::CreateCustomChannel(absl::StrCat("unix:", socket_path_),
                                           grpc::InsecureChannelCredentials(), args);
  stub_ = plugin::v1::PluginProcess::NewStub(channel);
  if (auto status = WaitUntilServing(); !status.ok()) {
    Stop();
    return status;
  }

  plugin::v1::StartRequest request;
  request.set_plugin_dir(manifest_.dir.string());
  request.set_config(config_);
  plugin::v1::StartResponse response;
  grpc::ClientContext context;
  context.set_deadline(DeadlineAfter(options_.start_budget));
  grpc::Status status = stub_->Start(&context, request, &response);
  if (!status.ok()) {
    Stop();
    if (status.error_code() == grpc::StatusCode::UNAVAILABLE || status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
      return absl::UnavailableError(absl::StrCat("the plugin's process failed while starting it: ", status.error_message()));
    }
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return absl::OkStatus();
}

absl::Status OutOfProcessRunner::WaitUntilServing() {
  const absl::Time deadline = absl::Now() + options_.start_budget;
  while (absl::Now() < deadline) {
    plugin::v1::PingRequest request;
    plugin::v1::PingResponse response;
    grpc::ClientContext context;
    context.set_wait_for_ready(true);
    context.set_deadline(DeadlineAfter(absl::Milliseconds(100)));
    if (stub_->Ping(&context, request, &response).ok()) return absl::OkStatus();
    if (auto exited = process_.WaitFor(absl::ZeroDuration())) {
      return absl::UnavailableError(absl::StrCat("the plugin host process ", DescribeWaitStatus(*exited),
                                                 " before it was ready (is ", options_.host_process_path,
                                                 " installed?)"));
    }
  }
  return absl::DeadlineExceededError(absl::StrCat("the plugin host process did not start within ",
                                                  absl::FormatDuration(options_.start_budget)));
}

absl::StatusOr<std::string> OutOfProcessRunner::Deliver(const std::string& event_bytes) {
  if (!stub_ || !process_.running()) return absl::FailedPreconditionError("the plugin is not started");
  plugin::v1::Envelope request;
  request.set_payload(event_bytes);
  plugin::v1::Envelope response;
  grpc::ClientContext context;
  context.set_deadline(DeadlineAfter(options_.call_budget));
  grpc::Status status = stub_->Deliver(&context, request, &response);
  if (status.ok()) {
    if (!response.plugin_error().empty()) return absl::AbortedError(response.plugin_error());
    return std::move(*response.mutable_payload());
  }
  if (status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    return absl::DeadlineExceededError(CollectFailure(/*hung=*/true));
  }
  return absl::UnavailableError(CollectFailure(/*hung=*/false));
}

std::string OutOfProcessRunner::CollectFailure(bool hung) {
  std::string what;
  if (hung) {
    process_.Kill();
    what = absl::StrCat("did not answer within ", absl::FormatDuration(options_.call_budget),
                        " and its process was stopped");
  } else if (auto exited = process_.WaitFor(absl::Seconds(2))) {
    what = absl::StrCat("crashed: its process ", DescribeWaitStatus(*exited));
  } else {
    process_.Kill();
    what = "lost its connection to the desktop and its process was stopped";
  }
  stub_.reset();
  return what;
}

absl::Status OutOfProcessRunner::Ping() {
  if (!stub_) return absl::FailedPreconditionError("the plugin is not started");
  plugin::v1::PingRequest request;
  plugin::v1::PingResponse response;
  grpc::ClientContext context;
  context.set_deadline(DeadlineAfter(options_.call_budget));
  grpc::Status status = stub_->Ping(&context, request, &response);
  return status.ok() ? absl::OkStatus() : absl::UnavailableError(status.error_message());
}

void OutOfProcessRunner::Stop() {
  stub_.reset();
  if (process_.running()) process_.Stop(absl::Milliseconds(500));
  unlink(socket_path_.c_str());
}

}  // namespace journeydesk::agent::plugins
