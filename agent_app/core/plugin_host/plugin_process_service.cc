#include "core/plugin_host/plugin_process_service.h"

#include <unistd.h>

#include <utility>

#include "core/plugin_host/plugin_manifest.h"

namespace journeydesk::agent::plugins {
namespace {

// Canonical codes map one to one; the runner maps them back.
grpc::Status ToGrpc(const absl::Status& status) {
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

}  // namespace

grpc::Status PluginProcessService::Start(grpc::ServerContext*, const plugin::v1::StartRequest* request,
                                         plugin::v1::StartResponse* response) {
  std::lock_guard lock(mutex_);
  if (instance_) return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "a plugin is already started");
  auto manifest = ReadManifest(request->plugin_dir());
  if (!manifest.ok()) return ToGrpc(manifest.status());
  auto library = PluginLibrary::Load(*manifest);
  if (!library.ok()) return ToGrpc(library.status());
  auto instance = PluginInstance::Create(*library, request->config());
  if (!instance.ok()) return ToGrpc(instance.status());
  instance_ = std::move(*instance);
  plugin_id_ = manifest->fields.id();
  response->set_plugin_id(plugin_id_);
  response->set_pid(getpid());
  return grpc::Status::OK;
}

grpc::Status PluginProcessService::Deliver(grpc::ServerContext*, const plugin::v1::Envelope* request,
                                           plugin::v1::Envelope* response) {
  std::lock_guard lock(mutex_);
  if (!instance_) return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "no plugin started");
  auto answer = instance_->HandleEvent(request->payload());
  if (!answer.ok()) {
    response->set_plugin_error(std::string(answer.status().message()));
  } else {
    response->set_payload(std::move(*answer));
  }
  return grpc::Status::OK;
}

grpc::Status PluginProcessService::Ping(grpc::ServerContext*, const plugin::v1::PingRequest*,
                                        plugin::v1::PingResponse*) {
  return grpc::Status::OK;
}

}  // namespace journeydesk::agent::plugins
