#pragma once
// The next steps panel: journeyd's top suggestions for the customer on screen, each with its
// title, talking points and channel hint; "why" opens the reasons, and each reason's link
// highlights its evidence touchpoints on the journey canvas; accept / decline (with a reason)
// report the outcome. Suggestions pushed while the contact is live (a new touchpoint changed
// them) replace the list with a brief highlight. Suppressed alternatives on request.
// Main thread only.

#include <functional>
#include <string>
#include <vector>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/stattext.h>
#include <wx/timer.h>

#include "core/notification_queue.h"

namespace journeydesk::agent::ui {

class NextStepsPanel : public wxScrolledWindow {
 public:
  // Empty until told what to show: ShowNoCustomer(), ShowLoading(), ShowSuggestions() or
  // ShowMessage() (each builds the panel's content; the first decides the start's).
  explicit NextStepsPanel(wxWindow* parent);
  void ShowNoCustomer();

  void ShowLoading(const std::string& customer_id);
  // New suggestions for the customer on screen; proactive ones are highlighted for a moment.
  void ShowSuggestions(const SuggestionsLoaded& loaded);
  void ShowMessage(const std::string& text);
  // The outcome went out (or waits in the outbox): the card says so and its buttons rest.
  void MarkRecorded(const std::string& suggestion_id, v1::ActionOutcome outcome, bool queued);
  const std::string& customer_id() const { return customer_id_; }

  // Keyboard: act on the first suggestion without an outcome yet.
  void AcceptFirst();
  void DeclineFirst();
  void ToggleWhyFirst();
  void ToggleSuppressed();
  void FocusFirst();

  // The agent accepted or declined (reason given for a decline).
  std::function<void(const v1::Suggestion& suggestion, v1::ActionOutcome outcome, const std::string& reason)>
      on_outcome;
  // A reason's link: highlight these touchpoints on the canvas (empty: clear).
  std::function<void(const std::vector<std::string>& touchpoint_ids)> on_evidence;

 private:
  struct Card {
    v1::Suggestion suggestion;
    wxPanel* panel = nullptr;
    wxPanel* why = nullptr;
    wxButton* why_button = nullptr;
    wxButton* accept = nullptr;
    wxButton* decline = nullptr;
    wxStaticText* state = nullptr;
    bool recorded = false;
    std::string recorded_text;  // "✓ accepted", …
  };

  void Rebuild();
  wxPanel* BuildCard(Card& card, bool highlight);
  void BuildWhy(Card& card);  // the card's reasons, on first opening
  void ToggleWhy(Card& card);
  void Decline(Card& card);
  Card* FirstOpen();

  wxStaticText* title_ = nullptr;  // built with the first content, kept
  std::string customer_id_;
  v1::SuggestNextStepsResponse response_;
  bool highlight_ = false;
  std::string headline_;
  std::vector<Card> cards_;
  bool show_suppressed_ = false;
  wxTimer highlight_timer_;
};

}  // namespace journeydesk::agent::ui
