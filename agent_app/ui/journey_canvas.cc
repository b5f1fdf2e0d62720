#include "ui/journey_canvas.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include <wx/control.h>
#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "core/pending_touchpoints.h"
#include "core/proto_time.h"
#include "ui/mark_sprites.h"
#include "ui/ui_palette.h"

namespace journeydesk::agent::ui {
namespace {

wxString Utf8(const std::string& text) { return wxString::FromUTF8(text.data(), text.size()); }

wxString Capitalised(const std::string& text) {
  wxString out = Utf8(text);
  out.Replace("_", " ");
  if (!out.empty()) out[0] = wxToupper(out[0]);
  return out;
}

wxString TooltipOf(const v1::Touchpoint& tp) {
  const std::string when =
      absl::FormatTime("%a %d %b %Y %H:%M", FromProto(tp.occurred_at()), absl::LocalTimeZone());
  wxString text = Capitalised(tp.kind()) + Utf8(" · ") + Utf8(tp.channel()) + Utf8(" · ") + Utf8(when);
  if (!tp.summary().empty()) text += "\n" + Utf8(tp.summary());
  if (tp.has_nps()) text += wxString::Format("\nNPS response: %d", tp.nps());
  if (IsPendingTouchpoint(tp)) text += "\n" + Utf8(kPendingText);
  return text;
}

void DrawTextFitted(wxDC& dc, const wxString& text, int x, int y, int width) {
  dc.DrawText(wxControl::Ellipsize(text, dc, wxELLIPSIZE_END, width), x, y);
}

// Up to two lines, broken at a space when the name does not fit in one.
void DrawWrapped(wxDC& dc, const wxString& text, int x, int y, int width) {
  if (dc.GetTextExtent(text).x <= width) {
    dc.DrawText(text, x, y);
    return;
  }
  const int line_height = dc.GetCharHeight() - 2;
  size_t split = wxString::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && dc.GetTextExtent(text.Left(i)).x <= width) split = i;
  }
  if (split == wxString::npos) {
    DrawTextFitted(dc, text, x, y, width);
    return;
  }
  dc.DrawText(text.Left(split), x, y);
  DrawTextFitted(dc, text.Mid(split + 1), x, y + line_height, width);
}

// The fonts of a paint, derived from the system's GUI font once and again only when that
// changes (a theme switch).
struct CanvasFonts {
  wxFont base, stage, small;
};

const CanvasFonts& Fonts() {
  static CanvasFonts* fonts = new CanvasFonts;  // never destroyed: no wx object outlives wx
  const wxFont base = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
  if (!fonts->base.IsOk() || fonts->base != base) {
    fonts->base = base;
    fonts->stage = base.Bold().Smaller();
    fonts->small = base.Smaller();
  }
  return *fonts;
}

// The mark images every Render shares. Main thread only, like Render; never destroyed, so
// no bitmap outlives wx.
MarkSprites& SharedMarkSprites() {
  static MarkSprites* sprites = new MarkSprites;
  return *sprites;
}

// The desktop's own writes journeyd does not have yet: hollow, a dashed ring in their tone.
void DrawPendingMarks(wxDC& dc, const std::vector<Mark>& marks) {
  dc.SetBrush(*wxTRANSPARENT_BRUSH);
  for (const Mark& mark : marks) {
    if (!mark.pending) continue;
    dc.SetPen(wxPen(ToneColour(mark.tone), 2, wxPENSTYLE_SHORT_DASH));
    dc.DrawCircle(mark.cx, mark.cy, mark.radius);
  }
}

// Marks as circles, for DCs that images would be scaled into (see MarkSprites::Suits); the
// pen and brush change only where the tone or ring does.
void DrawMarkCircles(wxDC& dc, const std::vector<Mark>& marks) {
  std::optional<std::pair<MarkTone, bool>> style;
  for (const Mark& mark : marks) {
    if (mark.pending) continue;  // DrawPendingMarks
    const bool dark_ring = mark.evidence || mark.open_issue;
    if (style != std::pair(mark.tone, dark_ring)) {
      style = std::pair(mark.tone, dark_ring);
      dc.SetPen(MarkPen(mark.tone, dark_ring));
      dc.SetBrush(wxBrush(ToneColour(mark.tone)));
    }
    dc.DrawCircle(mark.cx, mark.cy, mark.radius);
  }
}

}  // namespace

JourneyCanvas::JourneyCanvas(wxWindow* parent)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxHSCROLL | wxVSCROLL | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE, "Journey map") {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetScrollRate(16, 16);
  SetName("Journey map");
  SetHelpText("The customer's journey: stages left to right, channels top to bottom, one mark per touchpoint");
  empty_text_ = "No customer yet. Press Ctrl+K to find one.";
  Bind(wxEVT_PAINT, &JourneyCanvas::OnPaint, this);
  Bind(wxEVT_SIZE, &JourneyCanvas::OnSize, this);
  Bind(wxEVT_MOTION, &JourneyCanvas::OnMotion, this);
  Bind(wxEVT_LEAVE_WINDOW, &JourneyCanvas::OnLeave, this);
  Bind(wxEVT_LEFT_DOWN, &JourneyCanvas::OnClick, this);
  Bind(wxEVT_KEY_DOWN, &JourneyCanvas::OnKey, this);
}

void JourneyCanvas::SetJourney(std::shared_ptr<const v1::Journey> journey) {
  const bool same_customer =
      journey_ && journey && journey_->customer().id() == journey->customer().id();
  std::optional<std::string> selected_id;
  if (same_customer && selected_ && *selected_ < journey_->timeline_size()) {
    selected_id = journey_->timeline(*selected_).id();
  }
  journey_ = std::move(journey);
  selected_.reset();
  hovered_.reset();
  if (selected_id && journey_) {
    for (int i = 0; i < journey_->timeline_size(); ++i) {
      if (journey_->timeline(i).id() == *selected_id) selected_ = i;
    }
  }
  if (!same_customer) highlighted_ids_.clear();
  ResolveHighlighted();
  Relayout();
}

void JourneyCanvas::SetHighlighted(std::vector<std::string> touchpoint_ids) {
  highlighted_ids_ = std::move(touchpoint_ids);
  ResolveHighlighted();
  if (!highlighted_.empty()) {
    Select(highlighted_.front());  // scrolls it into view; the timeline follows via on_select
    if (on_select) on_select(highlighted_.front());
  }
  Refresh();
}

void JourneyCanvas::ResolveHighlighted() {
  highlighted_.clear();
  if (!journey_ || highlighted_ids_.empty()) return;
  for (int i = 0; i < journey_->timeline_size(); ++i) {
    const std::string& id = journey_->timeline(i).id();
    if (std::find(highlighted_ids_.begin(), highlighted_ids_.end(), id) != highlighted_ids_.end()) {
      highlighted_.push_back(i);
    }
  }
}

void JourneyCanvas::SetTimeWindow(const TimeWindow& window) {
  window_ = window;
  Relayout();
}

void JourneyCanvas::SetEmptyText(const wxString& text) {
  empty_text_ = text;
  Refresh();
}

void JourneyCanvas::Select(std::optional<int> timeline_index) {
  selected_ = timeline_index;
  if (model_ && selected_) {
    if (const Mark* mark = model_->MarkOf(*selected_)) {
      // Scroll the mark into view.
      int ux = 0, uy = 0;
      GetScrollPixelsPerUnit(&ux, &uy);
      const wxPoint view = CalcUnscrolledPosition(wxPoint(0, 0));
      const wxSize size = GetClientSize();
      if (ux > 0 && uy > 0 &&
          (mark->cx < view.x || mark->cx > view.x + size.x || mark->cy < view.y || mark->cy > view.y + size.y)) {
        Scroll(std::max(0, (mark->cx - size.x / 2) / ux), std::max(0, (mark->cy - size.y / 2) / uy));
      }
    }
  }
  Refresh();
}

void JourneyCanvas::Relayout() {
  if (!journey_) {
    model_.reset();
    SetVirtualSize(GetClientSize());
    Refresh();
    return;
  }
  MapGeometry geometry;
  const wxSize size = GetClientSize();
  geometry.width = std::max(size.x, 300);
  geometry.height = std::max(size.y, 200);
  model_ = JourneyMapViewModel::Build(journey_, geometry, window_);
  model_size_ = size;
  SetVirtualSize(model_->content_width(), model_->content_height());
  Refresh();
}

void JourneyCanvas::OnSize(wxSizeEvent& event) {
  // The toolkit repeats size events with an unchanged size while the window is shown and laid
  // out; a 1,000-touchpoint layout is only redone when the size really changed.
  if (!model_ || GetClientSize() != model_size_) Relayout();
  event.Skip();
}

void JourneyCanvas::OnPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(*wxWHITE_BRUSH);
  dc.Clear();
  if (!model_) {
    dc.SetFont(GetFont().Larger());
    dc.SetTextForeground(MutedText());
    const wxSize size = GetClientSize();
    const wxSize extent = dc.GetTextExtent(empty_text_);
    dc.DrawText(empty_text_, (size.x - extent.x) / 2, (size.y - extent.y) / 2);
    return;
  }
  DoPrepareDC(dc);
  Render(dc, *model_, selected_, hovered_, highlighted_);
  if (on_painted) on_painted();
}

void JourneyCanvas::Render(wxDC& dc, const JourneyMapViewModel& model, std::optional<int> selected,
                           std::optional<int> hovered, const std::vector<int>& highlighted) {
  const CanvasFonts& fonts = Fonts();
  const wxFont& base = fonts.base;
  const wxFont& stage_font = fonts.stage;
  const wxFont& small = fonts.small;
  dc.SetPen(*wxTRANSPARENT_PEN);

  // Lane stripes, then the current stage's column on top of them.
  const wxBrush stripe(LaneStripe());
  for (size_t l = 0; l < model.lanes().size(); ++l) {
    const ChannelLane& lane = model.lanes()[l];
    dc.SetBrush(l % 2 ? stripe : *wxWHITE_BRUSH);
    dc.DrawRectangle(0, lane.body.y, model.content_width(), lane.body.height);
  }
  for (const StageColumn& column : model.columns()) {
    if (!column.current) continue;
    dc.SetBrush(wxBrush(CurrentStageFill()));
    dc.DrawRectangle(column.header.x, 0, column.header.width, model.content_height());
    dc.SetBrush(wxBrush(CurrentStageAccent()));
    dc.DrawRectangle(column.header.x, 0, column.header.width, 4);
  }

  // Grid.
  dc.SetPen(wxPen(GridLine()));
  for (const StageColumn& column : model.columns()) {
    dc.DrawLine(column.header.x, 0, column.header.x, model.content_height());
  }
  for (const ChannelLane& lane : model.lanes()) {
    dc.DrawLine(0, lane.body.y, model.content_width(), lane.body.y);
  }
  dc.DrawLine(0, model.content_height() - 1, model.content_width(), model.content_height() - 1);

  // Stage headers and the NPS heat strip.
  for (const StageColumn& column : model.columns()) {
    const int x = column.header.x + 6;
    const int width = column.header.width - 12;
    const bool reached = column.shown_touchpoints > 0 || column.status == v1::STAGE_REACHED || column.current;
    dc.SetFont(stage_font);
    dc.SetTextForeground(column.current ? CurrentStageAccent() : reached ? *wxBLACK : MutedText());
    DrawWrapped(dc, wxString::FromUTF8(column.name), x, 6, width);
    dc.SetFont(small);
    wxString detail = column.current ? Utf8("current · ") : wxString();
    detail += wxString::Format("%d", column.shown_touchpoints);
    if (column.nps) detail += Utf8(" · ") + wxString::Format("NPS %+.0f", *column.nps);
    dc.SetTextForeground(MutedText());
    DrawTextFitted(dc, detail, x, 36, width);
    if (column.open_issues > 0) {
      const wxString issues = wxString::Format("%d open", column.open_issues);
      const wxSize extent = dc.GetTextExtent(issues);
      if (dc.GetTextExtent(detail).x + extent.x + 8 < width) {
        dc.SetTextForeground(ToneColour(MarkTone::kNegative));
        dc.DrawText(issues, column.header.x + column.header.width - 6 - extent.x, 36);
      }
    }
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(HeatColour(column.heat_class)));
    dc.DrawRectangle(column.heat.x + 1, column.heat.y + 2, column.heat.width - 1, column.heat.height - 4);
  }

  // Lane labels.
  dc.SetFont(base);
  for (const ChannelLane& lane : model.lanes()) {
    dc.SetTextForeground(lane.shown_touchpoints ? *wxBLACK : MutedText());
    wxString label = Capitalised(lane.channel);
    DrawTextFitted(dc, label, 8, lane.label.y + 6, lane.label.width - 12);
    dc.SetFont(small);
    dc.SetTextForeground(MutedText());
    dc.DrawText(wxString::Format("%d", lane.shown_touchpoints), 8, lane.label.y + 22);
    dc.SetFont(base);
  }

  // Marks, in the model's order (a later one covers an earlier one it overlaps): evidence and
  // open issues get a dark ring; the hovered and the selected a bold one.
  if (MarkSprites::Suits(dc)) {
    MarkSprites& sprites = SharedMarkSprites();
    for (const Mark& mark : model.marks()) {
      if (mark.pending) continue;  // DrawPendingMarks
      sprites.Draw(dc, mark.tone, mark.evidence || mark.open_issue, mark.cx, mark.cy, mark.radius);
    }
  } else {
    DrawMarkCircles(dc, model.marks());
  }
  DrawPendingMarks(dc, model.marks());
  // A next step's evidence: a violet halo, unmistakable against the tone colours.
  dc.SetBrush(*wxTRANSPARENT_BRUSH);
  dc.SetPen(wxPen(EvidenceHalo(), 3));
  for (int index : highlighted) {
    const Mark* mark = model.MarkOf(index);
    if (mark == nullptr) continue;
    dc.DrawCircle(mark->cx, mark->cy, mark->radius + 6);
  }
  for (std::optional<int> index : {hovered, selected}) {
    if (!index) continue;
    const Mark* mark = model.MarkOf(*index);
    if (mark == nullptr) continue;
    dc.SetPen(wxPen(index == selected ? CurrentStageAccent() : HoverRing(), 2));
    dc.DrawCircle(mark->cx, mark->cy, mark->radius + 4);
  }
}

void JourneyCanvas::OnMotion(wxMouseEvent& event) {
  if (!model_) return;
  const wxPoint at = CalcUnscrolledPosition(event.GetPosition());
  const std::optional<int> hit = model_->HitTest(at.x, at.y);
  if (hit == hovered_) return;
  hovered_ = hit;
  if (hit) {
    SetToolTip(TooltipOf(model_->journey().timeline(*hit)));
    SetCursor(wxCursor(wxCURSOR_HAND));
  } else {
    UnsetToolTip();
    SetCursor(wxNullCursor);
  }
  Refresh();
}

void JourneyCanvas::OnLeave(wxMouseEvent&) {
  if (!hovered_) return;
  hovered_.reset();
  UnsetToolTip();
  Refresh();
}

void JourneyCanvas::OnClick(wxMouseEvent& event) {
  SetFocus();
  if (!model_) return;
  const wxPoint at = CalcUnscrolledPosition(event.GetPosition());
  const std::optional<int> hit = model_->HitTest(at.x, at.y);
  if (!hit) return;
  Select(hit);
  if (on_select) on_select(*hit);
}

void JourneyCanvas::OnKey(wxKeyEvent& event) {
  if (!model_ || model_->visible_timeline().empty()) {
    event.Skip();
    return;
  }
  const std::vector<int>& visible = model_->visible_timeline();  // newest first
  int position = -1;
  for (size_t i = 0; selected_ && i < visible.size(); ++i) {
    if (visible[i] == *selected_) position = static_cast<int>(i);
  }
  switch (event.GetKeyCode()) {
    case WXK_LEFT:  // older
      position = position < 0 ? 0 : std::min<int>(position + 1, visible.size() - 1);
      break;
    case WXK_RIGHT:  // newer
      position = position < 0 ? 0 : std::max(position - 1, 0);
      break;
    case WXK_HOME:
      position = static_cast<int>(visible.size()) - 1;
      break;
    case WXK_END:
      position = 0;
      break;
    default:
      event.Skip();
      return;
  }
  Select(visible[position]);
  if (on_select) on_select(visible[position]);
}

}  // namespace journeydesk::agent::ui
