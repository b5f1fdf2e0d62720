#pragma once
// The gRPC service of journeydesk-plugin-host: loads one plugin on Start (the same manifest
// checks and loader as in process) and passes each Deliver's bytes to it. Thread-safe: calls
// into the plugin are serialized.

#include <mutex>
#include <optional>

#include "core/plugin_host/plugin_library.h"
#include "journeydesk/plugin/v1/plugin_process.grpc.pb.h"

namespace journeydesk::agent::plugins {

class PluginProcessService final : public plugin::v1::PluginProcess::Service {
 public:
  grpc::Status Start(grpc::ServerContext* context, const plugin::v1::StartRequest* request,
                     plugin::v1::StartResponse* response) override;
  grpc::Status Deliver(grpc::ServerContext* context, const plugin::v1::Envelope* request,
                       plugin::v1::Envelope* response) override;
  grpc::Status Ping(grpc::ServerContext* context, const plugin::v1::PingRequest* request,
                    plugin::v1::PingResponse* response) override;

 private:
  std::mutex mutex_;
  std::optional<PluginInstance> instance_;
  std::string plugin_id_;
};

}  // namespace journeydesk::agent::plugins
