#pragma once
// Everything the desktop does that is not drawing, started as one piece: the local file
// (cache and outbox), one gRPC channel, JourneyClient and ContactCenterClient on it, and —
// when a customer is given — that customer's journey already asked for and watched. The
// desktop creates it before the window toolkit starts, so the first journey is on its way
// while the window is being built. Results wait in queue() until the UI drains it (the UI
// sets the waker and then drains once: what arrived before the waker is there too).

#include <filesystem>
#include <memory>
#include <string>

#include "core/contact_center_client.h"
#include "core/journey_client.h"
#include "core/local_store.h"
#include "core/notification_queue.h"
#include "core/session.h"

namespace journeydesk::agent {

struct DeskCoreOptions {
  Session session;
  std::filesystem::path store_path;  // empty: LocalStore::DefaultPath()
  std::string customer_id;           // asked for at once when set
};

class DeskCore {
 public:
  // Starts both clients. A local file that cannot be opened is not fatal: no cache, no
  // outbox, and store_error() says why.
  explicit DeskCore(DeskCoreOptions options);
  ~DeskCore();  // Stop()
  DeskCore(const DeskCore&) = delete;
  DeskCore& operator=(const DeskCore&) = delete;

  // Stops the clients (joins their threads). Idempotent.
  void Stop();

  NotificationQueue& queue() { return queue_; }
  LocalStore* store() { return store_.get(); }
  JourneyClient& journeys() { return *journeys_; }
  ContactCenterClient& contacts() { return *contacts_; }
  const std::string& store_error() const { return store_error_; }
  const std::string& requested_customer() const { return options_.customer_id; }

 private:
  DeskCoreOptions options_;
  NotificationQueue queue_;
  std::unique_ptr<LocalStore> store_;
  std::string store_error_;
  std::unique_ptr<JourneyClient> journeys_;
  std::unique_ptr<ContactCenterClient> contacts_;
};

}  // namespace journeydesk::agent
