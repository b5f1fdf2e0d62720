#pragma once
// Command ids of the agent window's menus, shared by its two source files.

#include <wx/defs.h>

namespace journeydesk::agent::ui {

enum AgentFrameId {
  kIdSearch = wxID_HIGHEST + 1,
  kIdReload,
  kIdZoomAll,
  kIdZoom1,
  kIdZoom7,
  kIdZoom30,
  kIdZoom90,
  kIdFocusCanvas,
  kIdFocusTimeline,
  kIdFocusInbox,
  kIdFocusContacts,
  kIdFocusSteps,
  kIdFocusComposer,
  kIdShortcuts,
  kIdAvailable,
  kIdAway,
  kIdAcceptOffer,
  kIdDeclineOffer,
  kIdHold,
  kIdSend,
  kIdTransfer,
  kIdNote,
  kIdWrapUp,
  kIdStepAccept,
  kIdStepDecline,
  kIdStepWhy,
  kIdStepSuppressed,
  kIdPlugins,
  kIdSupervisor,
  kIdRefreshTimer,
  kIdPluginStartTimer,
  kIdExitTimer,
  kIdScreenshotTimer,
};

}  // namespace journeydesk::agent::ui
