#include "core/desk_core.h"

#include "absl/strings/str_cat.h"
#include "core/desk_channel.h"

namespace journeydesk::agent {

DeskCore::DeskCore(DeskCoreOptions options) : options_(std::move(options)) {
  const std::filesystem::path store_path =
      options_.store_path.empty() ? LocalStore::DefaultPath() : options_.store_path;
  auto store = LocalStore::Open(store_path);
  if (store.ok()) {
    store_ = *std::move(store);
  } else {
    store_error_ = absl::StrCat("no offline copy: ", store.status().message());
  }

  // One channel for both services: one connection, one reconnect.
  auto channel = NewDeskChannel(options_.session);
  JourneyClientOptions journey_options;
  journey_options.server = options_.session.server;
  journey_options.token = options_.session.token;
  journey_options.channel = channel;
  journey_options.tls_ca_file = options_.session.tls_ca_file;
  journeys_ = std::make_unique<JourneyClient>(journey_options, &queue_, store_.get());
  ContactCenterClientOptions contact_options;
  contact_options.channel = channel;
  contact_options.token = options_.session.token;
  contacts_ = std::make_unique<ContactCenterClient>(contact_options, &queue_);

  journeys_->Start();
  if (!options_.customer_id.empty()) {
    journeys_->LoadJourney(options_.customer_id);
    journeys_->Watch(options_.customer_id);
  }
  contacts_->Start();
}

DeskCore::~DeskCore() { Stop(); }

void DeskCore::Stop() {
  contacts_->Stop();
  journeys_->Stop();
}

}  // namespace journeydesk::agent
