#include "core/connection_state.h"

namespace journeydesk::agent {

std::string ToString(ConnectionState state) {
  switch (state) {
    case ConnectionState::kConnecting: return "connecting";
    case ConnectionState::kConnected: return "connected";
    case ConnectionState::kReconnecting: return "reconnecting";
    case ConnectionState::kOffline: return "offline";
  }
  return "unknown";
}

}  // namespace journeydesk::agent
