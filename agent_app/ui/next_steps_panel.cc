#include "ui/next_steps_panel.h"

#include <wx/choicdlg.h>
#include <wx/hyperlink.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

std::string CategoryText(v1::ActionCategory category) {
  std::string name = absl::AsciiStrToLower(v1::ActionCategory_Name(category));
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  return name;
}

std::string OutcomeText(v1::ActionOutcome outcome) {
  switch (outcome) {
    case v1::ACTION_ACCEPTED: return "accepted";
    case v1::ACTION_DECLINED: return "declined";
    case v1::ACTION_OFFERED: return "offered";
    case v1::ACTION_COMPLETED: return "completed";
    default: return "recorded";
  }
}

const wxColour kCardBackground(255, 255, 255);
const wxColour kCardHighlight(255, 246, 200);

}  // namespace

NextStepsPanel::NextStepsPanel(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL),
      highlight_timer_(this) {
  SetName("Next steps");
  SetScrollRate(0, FromDIP(12));
  SetBackgroundColour(wxColour(244, 246, 249));
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    highlight_ = false;
    for (Card& card : cards_) {
      if (card.panel) card.panel->SetBackgroundColour(kCardBackground);
      if (card.why) card.why->SetBackgroundColour(kCardBackground);
    }
    Refresh();
  });
}

void NextStepsPanel::ShowNoCustomer() { ShowMessage("Next steps appear here when a customer is on screen."); }

void NextStepsPanel::ShowLoading(const std::string& customer_id) {
  if (customer_id != customer_id_) {
    customer_id_ = customer_id;
    response_.Clear();
    cards_.clear();
    headline_ = "Finding the next best step…";
    Rebuild();
  }
}

void NextStepsPanel::ShowSuggestions(const SuggestionsLoaded& loaded) {
  customer_id_ = loaded.customer_id;
  response_ = loaded.response;
  highlight_ = loaded.proactive;
  headline_ = loaded.proactive ? "Updated just now: the journey changed" : "";
  cards_.clear();
  for (const v1::Suggestion& suggestion : response_.suggestions()) cards_.push_back(Card{.suggestion = suggestion});
  Rebuild();
  if (highlight_) highlight_timer_.StartOnce(4000);
}

void NextStepsPanel::ShowMessage(const std::string& text) {
  headline_ = text;
  cards_.clear();
  response_.Clear();
  Rebuild();
}

void NextStepsPanel::Rebuild() {
  Freeze();
  // Everything but the panel's title, which stays (a label less to build on every change).
  if (title_ == nullptr) {
    title_ = new wxStaticText(this, wxID_ANY, "Next steps");
    title_->SetFont(title_->GetFont().Bold().Scaled(1.15f));
  }
  for (wxWindow* child : wxWindowList(GetChildren())) {
    if (child != title_) child->Destroy();
  }
  if (wxSizer* previous = GetSizer()) previous->Detach(title_);  // it goes into the new sizer
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  const int gap = FromDIP(6);
  sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
  std::string headline = headline_;
  if (headline.empty() && cards_.empty()) headline = "No suggestion fits this journey right now.";
  if (!response_.note().empty()) absl::StrAppend(&headline, headline.empty() ? "" : "\n", response_.note());
  if (!headline.empty()) {
    auto* text = new wxStaticText(this, wxID_ANY, Utf8(headline));
    text->SetForegroundColour(highlight_ ? wxColour(150, 100, 0) : MutedText());
    text->Wrap(FromDIP(360));
    sizer->Add(text, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
  }
  for (Card& card : cards_) sizer->Add(BuildCard(card, highlight_), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap * 2);
  if (response_.suppressed_size() > 0) {
    auto* toggle = new wxButton(this, wxID_ANY,
                                Utf8(absl::StrCat(show_suppressed_ ? "Hide" : "Show", " suppressed (",
                                                  response_.suppressed_size(), ")  Ctrl+Shift+E")),
                                wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT | wxBORDER_NONE);
    toggle->SetName("Show suppressed alternatives");
    toggle->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CallAfter(&NextStepsPanel::ToggleSuppressed); });
    sizer->Add(toggle, 0, wxLEFT | wxTOP, gap * 2);
    if (show_suppressed_) {
      for (const v1::SuppressedAction& suppressed : response_.suppressed()) {
        auto* line = new wxStaticText(this, wxID_ANY, Utf8(absl::StrCat("• ", suppressed.title(), " — ", suppressed.text())));
        line->SetForegroundColour(MutedText());
        line->Wrap(FromDIP(360));
        sizer->Add(line, 0, wxLEFT | wxRIGHT | wxTOP, gap * 2);
      }
    }
  }
  sizer->AddSpacer(gap * 2);
  SetSizer(sizer);
  FitInside();
  Layout();
  Thaw();
}

wxPanel* NextStepsPanel::BuildCard(Card& card, bool highlight) {
  const v1::Suggestion& suggestion = card.suggestion;
  const int gap = FromDIP(6);
  auto* panel = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE | wxTAB_TRAVERSAL);
  panel->SetName(Utf8(absl::StrCat("Suggestion: ", suggestion.title())));
  panel->SetBackgroundColour(highlight ? kCardHighlight : kCardBackground);
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  auto* title = new wxStaticText(panel, wxID_ANY, Utf8(suggestion.title()));
  title->SetFont(title->GetFont().Bold().Scaled(1.1f));
  title->Wrap(FromDIP(340));
  std::string meta = absl::StrFormat("%s · priority %.2f", CategoryText(suggestion.category()),
                                     suggestion.priority().score());
  auto* meta_text = new wxStaticText(panel, wxID_ANY, Utf8(meta));
  meta_text->SetForegroundColour(MutedText());
  auto* script = new wxStaticText(panel, wxID_ANY, Utf8(suggestion.script()));
  script->Wrap(FromDIP(340));
  sizer->Add(title, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  sizer->Add(meta_text, 0, wxLEFT | wxRIGHT, gap);
  sizer->Add(script, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  if (!suggestion.channel_hint().empty()) {
    auto* hint = new wxStaticText(panel, wxID_ANY, Utf8(absl::StrCat("On this channel: ", suggestion.channel_hint())));
    hint->SetForegroundColour(CurrentStageAccent());
    hint->Wrap(FromDIP(340));
    sizer->Add(hint, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  }

  // Why (the reasons) is built when the agent first opens it (BuildWhy); a rebuilt card
  // starts without, its old panel destroyed with the others.
  card.why = nullptr;

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  card.why_button = new wxButton(panel, wxID_ANY, "Why?", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  card.why_button->SetName("Why this suggestion");
  card.accept = new wxButton(panel, wxID_ANY, "Accept", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  card.accept->SetName(Utf8(absl::StrCat("Accept suggestion ", suggestion.title())));
  card.decline = new wxButton(panel, wxID_ANY, wxString::FromUTF8("Decline…"), wxDefaultPosition, wxDefaultSize,
                              wxBU_EXACTFIT);
  card.decline->SetName(Utf8(absl::StrCat("Decline suggestion ", suggestion.title())));
  card.state = new wxStaticText(panel, wxID_ANY, "");
  card.state->SetForegroundColour(ToneColour(MarkTone::kPositive));
  buttons->Add(card.why_button, 0, wxRIGHT, gap);
  buttons->Add(card.accept, 0, wxRIGHT, gap);
  buttons->Add(card.decline, 0, wxRIGHT, gap);
  buttons->Add(card.state, 0, wxALIGN_CENTER_VERTICAL);
  sizer->Add(buttons, 0, wxALL, gap);
  panel->SetSizer(sizer);

  const std::string id = suggestion.id();
  auto find = [this, id]() -> Card* {
    for (Card& c : cards_) {
      if (c.suggestion.id() == id) return &c;
    }
    return nullptr;
  };
  card.why_button->Bind(wxEVT_BUTTON, [this, find](wxCommandEvent&) {
    if (Card* c = find()) ToggleWhy(*c);
  });
  card.accept->Bind(wxEVT_BUTTON, [this, find](wxCommandEvent&) {
    if (Card* c = find(); c && on_outcome) on_outcome(c->suggestion, v1::ACTION_ACCEPTED, "");
  });
  card.decline->Bind(wxEVT_BUTTON, [this, find](wxCommandEvent&) {
    if (Card* c = find()) Decline(*c);
  });
  if (card.recorded) {
    card.accept->Disable();
    card.decline->Disable();
    card.state->SetLabel(Utf8(card.recorded_text));
  }
  card.panel = panel;
  return panel;
}

void NextStepsPanel::BuildWhy(Card& card) {
  const v1::Suggestion& suggestion = card.suggestion;
  wxPanel* panel = card.panel;
  // The reasons, each a link that highlights its evidence on the canvas; above the buttons.
  card.why = new wxPanel(panel);
  card.why->SetBackgroundColour(panel->GetBackgroundColour());
  auto* why_sizer = new wxBoxSizer(wxVERTICAL);
  for (const v1::Reason& reason : suggestion.reasons()) {
    // The whole sentence, wrapped to the card (a link's text would be cut at its edge), then a
    // link that highlights the reason's evidence.
    auto* text = new wxStaticText(card.why, wxID_ANY, Utf8(absl::StrCat("• ", reason.text())));
    text->Wrap(FromDIP(330));
    why_sizer->Add(text, 0, wxTOP, FromDIP(4));
    if (reason.evidence_touchpoint_ids_size() == 0) continue;
    const int count = reason.evidence_touchpoint_ids_size();
    auto* link = new wxHyperlinkCtrl(card.why, wxID_ANY,
                                     Utf8(absl::StrCat("show ", count == 1 ? "it" : absl::StrCat("these ", count),
                                                       " on the map")),
                                     "#", wxDefaultPosition, wxDefaultSize, wxHL_ALIGN_LEFT);
    link->SetName(Utf8(absl::StrCat("Reason: ", reason.text())));
    std::vector<std::string> evidence(reason.evidence_touchpoint_ids().begin(), reason.evidence_touchpoint_ids().end());
    link->Bind(wxEVT_HYPERLINK, [this, evidence](wxHyperlinkEvent&) {
      if (on_evidence) on_evidence(evidence);
    });
    why_sizer->Add(link, 0, wxLEFT, FromDIP(10));
  }
  card.why->SetSizer(why_sizer);
  card.why->Hide();
  wxSizer* sizer = panel->GetSizer();
  sizer->Insert(sizer->GetItemCount() - 1, card.why, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
  // Tab order: the reasons before the card's buttons.
  card.why->MoveBeforeInTabOrder(card.why_button);
}

void NextStepsPanel::ToggleWhy(Card& card) {
  if (card.why == nullptr) BuildWhy(card);
  const bool show = !card.why->IsShown();
  card.why->Show(show);
  card.why_button->SetLabel(show ? "Hide why" : "Why?");
  if (on_evidence) {
    std::vector<std::string> evidence;
    if (show) {
      for (const v1::Reason& reason : card.suggestion.reasons()) {
        evidence.insert(evidence.end(), reason.evidence_touchpoint_ids().begin(), reason.evidence_touchpoint_ids().end());
      }
    }
    on_evidence(evidence);
  }
  FitInside();
  Layout();
}

void NextStepsPanel::Decline(Card& card) {
  const wxString reasons[] = {"not interested", "too expensive", "not now", "already has it", "not relevant",
                              wxString::FromUTF8("other…")};
  wxSingleChoiceDialog dialog(this, Utf8(absl::StrCat("Why did the customer decline \"", card.suggestion.title(), "\"?")),
                              "Decline suggestion", static_cast<int>(std::size(reasons)), reasons);
  if (dialog.ShowModal() != wxID_OK) return;
  std::string reason = dialog.GetStringSelection().utf8_string();
  if (dialog.GetSelection() == static_cast<int>(std::size(reasons)) - 1) {
    wxTextEntryDialog other(this, "The customer's reason, in a few words:", "Decline suggestion");
    if (other.ShowModal() != wxID_OK || other.GetValue().Trim().IsEmpty()) return;
    reason = other.GetValue().Trim().utf8_string();
  }
  if (on_outcome) on_outcome(card.suggestion, v1::ACTION_DECLINED, reason);
}

void NextStepsPanel::MarkRecorded(const std::string& suggestion_id, v1::ActionOutcome outcome, bool queued) {
  for (Card& card : cards_) {
    if (card.suggestion.id() != suggestion_id) continue;
    card.recorded = true;
    card.recorded_text = absl::StrCat("✓ ", OutcomeText(outcome), queued ? " — will be sent when back online" : "");
    card.accept->Disable();
    card.decline->Disable();
    card.state->SetLabel(Utf8(card.recorded_text));
    card.panel->Layout();
  }
}

NextStepsPanel::Card* NextStepsPanel::FirstOpen() {
  for (Card& card : cards_) {
    if (!card.recorded) return &card;
  }
  return nullptr;
}

void NextStepsPanel::AcceptFirst() {
  if (Card* card = FirstOpen(); card && on_outcome) on_outcome(card->suggestion, v1::ACTION_ACCEPTED, "");
}

void NextStepsPanel::DeclineFirst() {
  if (Card* card = FirstOpen()) Decline(*card);
}

void NextStepsPanel::ToggleWhyFirst() {
  if (!cards_.empty()) ToggleWhy(FirstOpen() ? *FirstOpen() : cards_.front());
}

void NextStepsPanel::ToggleSuppressed() {
  show_suppressed_ = !show_suppressed_;
  Rebuild();
}

void NextStepsPanel::FocusFirst() {
  if (Card* card = FirstOpen()) {
    card->accept->SetFocus();
  } else {
    SetFocus();
  }
}

}  // namespace journeydesk::agent::ui
