// gRPC's core configuration for the desktop's executable, linked in place of gRPC's own
// (src/core/plugin_registry/grpc_plugin_registry.cc in gRPC 1.51, Debian 12's libgrpc.a) when
// the network stack is linked statically (cmake/link_network_stack_statically.sh).
//
// The desktop talks to one journeyd by address, in plain text on loopback or over TLS,
// possibly through an HTTP proxy. gRPC's own list also registers what only cloud deployments
// use — xDS (resolvers, six load-balancing policies, RBAC, file-watcher certificates, Google
// default credentials), grpclb, RLS, ring hash, priority, weighted target, outlier detection,
// fault injection and a test resolver — and the linker keeps everything registered: ~1.5 MB
// of code, read in at start-up though never run. This list is gRPC's in gRPC's order with
// those left out; every registration kept is unchanged.
//
// Contract: defines grpc_core::BuildCoreConfiguration, which gRPC's init calls once to build
// its configuration. gRPC's internal headers are not installed, so the declarations below
// name gRPC's functions as gRPC 1.51 defines them; a gRPC without one of them fails the link,
// never the run.

namespace grpc_core {

// Only named here (as a pointer parameter), never used as a complete type.
class CoreConfiguration {
 public:
  class Builder;
};

void RegisterHttpConnectHandshaker(CoreConfiguration::Builder* builder);
void RegisterTCPConnectHandshaker(CoreConfiguration::Builder* builder);
void RegisterPickFirstLbPolicy(CoreConfiguration::Builder* builder);
void RegisterRoundRobinLbPolicy(CoreConfiguration::Builder* builder);
void BuildClientChannelConfiguration(CoreConfiguration::Builder* builder);
void SecurityRegisterHandshakerFactories(CoreConfiguration::Builder* builder);
void RegisterClientAuthorityFilter(CoreConfiguration::Builder* builder);
void RegisterChannelIdleFilters(CoreConfiguration::Builder* builder);
void RegisterHttpFilters(CoreConfiguration::Builder* builder);
void RegisterDeadlineFilter(CoreConfiguration::Builder* builder);
void RegisterMessageSizeFilter(CoreConfiguration::Builder* builder);
void RegisterServiceConfigChannelArgFilter(CoreConfiguration::Builder* builder);
void RegisterResourceQuota(CoreConfiguration::Builder* builder);
void RegisterAresDnsResolver(CoreConfiguration::Builder* builder);
void RegisterNativeDnsResolver(CoreConfiguration::Builder* builder);
void RegisterSockaddrResolver(CoreConfiguration::Builder* builder);
void RegisterHttpProxyMapper(CoreConfiguration::Builder* builder);
void RegisterSecurityFilters(CoreConfiguration::Builder* builder);
void RegisterBuiltins(CoreConfiguration::Builder* builder);

}  // namespace grpc_core

namespace grpc_event_engine::experimental {
void RegisterEventEngineChannelArgPreconditioning(grpc_core::CoreConfiguration::Builder* builder);
}  // namespace grpc_event_engine::experimental

namespace grpc_core {

void BuildCoreConfiguration(CoreConfiguration::Builder* builder) {
  grpc_event_engine::experimental::RegisterEventEngineChannelArgPreconditioning(builder);
  // gRPC's order: the TCP connect handshaker registered after the HTTP CONNECT one runs first.
  RegisterHttpConnectHandshaker(builder);
  RegisterTCPConnectHandshaker(builder);
  RegisterPickFirstLbPolicy(builder);
  RegisterRoundRobinLbPolicy(builder);
  BuildClientChannelConfiguration(builder);
  SecurityRegisterHandshakerFactories(builder);
  RegisterClientAuthorityFilter(builder);
  RegisterChannelIdleFilters(builder);
  RegisterHttpFilters(builder);
  RegisterDeadlineFilter(builder);
  RegisterMessageSizeFilter(builder);
  RegisterServiceConfigChannelArgFilter(builder);
  RegisterResourceQuota(builder);
  RegisterAresDnsResolver(builder);
  RegisterNativeDnsResolver(builder);
  RegisterSockaddrResolver(builder);
  RegisterHttpProxyMapper(builder);
  // gRPC runs these last.
  RegisterSecurityFilters(builder);
  RegisterBuiltins(builder);
}

}  // namespace grpc_core
