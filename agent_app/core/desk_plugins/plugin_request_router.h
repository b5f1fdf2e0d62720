#pragma once
// Carries out what a channel plugin asks of the desktop (PluginHostRequests): messages, hold,
// resume and transfer through ContactCenterClient; touchpoints and the wrap-up through
// JourneyClient's outbox, so they survive journeyd being away. A request that cannot even be
// queued is reported back to the plugin at once; journeyd's later refusals reach the desktop
// as ContactCommandFailed / OutboxChanged and are reported by it.
// Thread-safe: the host calls it on the plugin worker thread; the UI tells it the contacts.

#include <map>
#include <mutex>
#include <string>

#include "core/contact_center_client.h"
#include "core/journey_client.h"
#include "core/plugin_host/plugin_host.h"
#include "core/plugin_host/plugin_host_delegates.h"
#include "core/wrap_up_touchpoint.h"

namespace journeydesk::agent {

class PluginRequestRouter : public plugins::PluginHostRequests {
 public:
  // Neither client is owned; both must outlive the router.
  PluginRequestRouter(ContactCenterClient* contacts, JourneyClient* journeys, std::string agent_id);
  // The host to report failures to (set once it exists; not owned).
  void SetHost(plugins::PluginHost* host);
  // A contact handed to a plugin: its touchpoints are recorded on its customer, and its
  // wrap-up is queued with the touchpoint journeyd will record (`wrap_up` says how).
  void RememberContact(const v1::Contact& contact, const WrapUpRecording& wrap_up);
  void ForgetContact(const std::string& contact_id);
  void SetAgentId(std::string agent_id);

  void OnHostRequest(const std::string& plugin_id, const std::string& contact_id, const std::string& channel,
                     const plugin::v1::HostRequest& request) override;

 private:
  void ReportFailure(const std::string& contact_id, const std::string& request, const std::string& message);

  ContactCenterClient* const contacts_;
  JourneyClient* const journeys_;
  std::mutex mutex_;
  plugins::PluginHost* host_ = nullptr;
  std::string agent_id_;
  struct KnownContact {
    v1::Contact contact;
    WrapUpRecording wrap_up;
  };
  std::map<std::string, KnownContact> contacts_by_id_;
};

}  // namespace journeydesk::agent
