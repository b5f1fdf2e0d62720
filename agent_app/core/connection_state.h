#pragma once
// Where the desktop stands with journeyd, as the status bar shows it.

#include <string>

namespace journeydesk::agent {

enum class ConnectionState {
  kConnecting,    // first contact not made yet
  kConnected,     // the last call reached journeyd
  kReconnecting,  // a call failed for transport reasons; retrying with backoff
  kOffline,       // several attempts in a row failed; showing cached journeys, writes go to the outbox
};

// "connecting", "connected", "reconnecting", "offline".
std::string ToString(ConnectionState state);

}  // namespace journeydesk::agent
