#include "ui/supervisor/queue_board_panel.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <wx/control.h>
#include <wx/dcbuffer.h>

#include "absl/strings/str_cat.h"
#include "core/supervisor/supervisor_format.h"
#include "ui/supervisor/supervisor_palette.h"

namespace journeydesk::agent::ui::supervisor_ui {
namespace {

using agent::supervisor::FormatPercent;
using agent::supervisor::FormatWait;
using agent::supervisor::QueueRow;
using agent::supervisor::ServiceLevelStatus;

// Column widths in DIPs; the trend takes what is left.
struct Columns {
  int queue = 190, waiting = 136, oldest = 100, level = 150, abandoned = 116, agents = 236, status = 110;
};
const char* const kHeaders[] = {"Queue", "Waiting", "Oldest wait", "Service level", "Abandoned", "Agents", "Status",
                                "Trend (waiting, service level)"};

wxString StatusLabel(ServiceLevelStatus status) {
  switch (status) {
    case ServiceLevelStatus::kOk: return "ON TARGET";
    case ServiceLevelStatus::kWarning: return "WARNING";
    case ServiceLevelStatus::kBreach: return "BREACH";
    case ServiceLevelStatus::kNoData: return "NO DATA";
  }
  return "NO DATA";
}

void DrawFitted(wxDC& dc, const wxString& text, int x, int y, int width) {
  dc.DrawText(wxControl::Ellipsize(text, dc, wxELLIPSIZE_END, std::max(0, width)), x, y);
}

// One slot per sample the model keeps, newest at the right edge, so the line grows from the
// right as boards arrive. Waiting as bars (scaled to the largest in view, at least 1), the
// service level as a line (0–100 %) and the target as a dotted rule.
void DrawTrend(wxDC& dc, const QueueRow& row, const wxRect& box, size_t capacity) {
  dc.SetPen(wxPen(BoardRule()));
  dc.SetBrush(wxBrush(wxColour(250, 251, 252)));
  dc.DrawRectangle(box);
  if (row.trend.empty() || box.width < 8 || capacity == 0) return;
  const int n = static_cast<int>(row.trend.size());
  int peak = 1;
  for (const auto& sample : row.trend) peak = std::max(peak, sample.waiting);
  const int inner_height = box.height - 6;
  const double step = static_cast<double>(box.width - 4) / static_cast<double>(capacity);
  const int first_slot = static_cast<int>(capacity) - n;
  auto x_of = [&](int i) { return box.x + 2 + static_cast<int>((first_slot + i) * step); };
  dc.SetPen(*wxTRANSPARENT_PEN);
  dc.SetBrush(wxBrush(WaitingBars()));
  const int bar_width = std::max(1, static_cast<int>(step) - 1);
  for (int i = 0; i < n; ++i) {
    const int height = static_cast<int>(std::lround(inner_height * 0.85 * row.trend[i].waiting / double(peak)));
    if (height <= 0) continue;
    dc.DrawRectangle(x_of(i), box.GetBottom() - 2 - height, bar_width, height);
  }
  auto y_of = [&](double level) { return box.GetBottom() - 3 - static_cast<int>(std::lround(inner_height * level)); };
  dc.SetPen(wxPen(BoardHeaderText(), 1, wxPENSTYLE_DOT));
  const int target_y = y_of(row.status.service_level_target());
  dc.DrawLine(box.x + 1, target_y, box.GetRight(), target_y);
  std::vector<wxPoint> line;
  for (int i = 0; i < n; ++i) {
    if (!row.trend[i].service_level) continue;
    line.emplace_back(x_of(i) + bar_width / 2, y_of(*row.trend[i].service_level));
  }
  dc.SetPen(wxPen(LevelColour(row.level), 2));
  dc.SetBrush(wxBrush(LevelColour(row.level)));
  if (line.size() == 1) dc.DrawCircle(line[0], 2);
  if (line.size() > 1) dc.DrawLines(static_cast<int>(line.size()), line.data());
  // The latest figure at the right, so the line reads without a legend.
  dc.SetFont(dc.GetFont().Smaller());
  dc.SetTextForeground(BoardHeaderText());
  const wxString latest = wxString::Format("%d waiting", row.trend.back().waiting);
  dc.DrawText(latest, box.x + 4, box.GetBottom() - dc.GetCharHeight() - 1);
}

}  // namespace

QueueBoardPanel::QueueBoardPanel(wxWindow* parent, const agent::supervisor::QueueBoardViewModel* model)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE,
              "Queue board"),
      model_(model) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetName("Queue board");
  UpdateAccessibleText();
  Bind(wxEVT_PAINT, &QueueBoardPanel::OnPaint, this);
  Bind(wxEVT_KEY_DOWN, &QueueBoardPanel::OnKey, this);
  Bind(wxEVT_LEFT_DOWN, &QueueBoardPanel::OnClick, this);
  Bind(wxEVT_MOTION, &QueueBoardPanel::OnMotion, this);
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& event) {
    if (!selected_ && !model_->queues().empty()) Select(0);
    Refresh();
    event.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
    Refresh();
    event.Skip();
  });
}

int QueueBoardPanel::HeaderHeight() const { return FromDIP(30); }
int QueueBoardPanel::RowHeight() const { return FromDIP(58); }

wxSize QueueBoardPanel::DoGetBestClientSize() const {
  const int rows = std::max<int>(5, static_cast<int>(model_->queues().size()));
  return wxSize(FromDIP(1200), HeaderHeight() + rows * RowHeight() + FromDIP(2));
}

void QueueBoardPanel::ModelChanged() {
  if (selected_ && *selected_ >= model_->queues().size()) selected_.reset();
  UpdateAccessibleText();
  if (model_->queues().size() != laid_out_rows_) {  // more (or fewer) rows than 5: grow the board
    laid_out_rows_ = model_->queues().size();
    InvalidateBestSize();
    if (GetParent()) GetParent()->Layout();
  }
  Refresh();
}

void QueueBoardPanel::Select(std::optional<size_t> row) {
  selected_ = row;
  UpdateAccessibleText();
  Refresh();
}

void QueueBoardPanel::UpdateAccessibleText() {
  wxString text;
  if (model_->queues().empty()) {
    text = "Queue board: waiting for journeyd's first board";
  } else if (selected_) {
    text = Utf8(model_->queues()[*selected_].Describe());
  } else {
    text = Utf8(absl::StrCat("Queue board: ", model_->queues().size(), " queues, ", model_->total_waiting(),
                             " contacts waiting; arrow keys read each queue"));
  }
  SetHelpText(text);
  SetToolTip(text);
}

std::optional<size_t> QueueBoardPanel::RowAt(int y) const {
  if (y < HeaderHeight()) return std::nullopt;
  const size_t row = static_cast<size_t>((y - HeaderHeight()) / RowHeight());
  if (row >= model_->queues().size()) return std::nullopt;
  return row;
}

void QueueBoardPanel::OnKey(wxKeyEvent& event) {
  const size_t count = model_->queues().size();
  if (count == 0) {
    event.Skip();
    return;
  }
  switch (event.GetKeyCode()) {
    case WXK_UP: Select(selected_ && *selected_ > 0 ? *selected_ - 1 : 0); return;
    case WXK_DOWN: Select(selected_ ? std::min(*selected_ + 1, count - 1) : 0); return;
    case WXK_HOME: Select(0); return;
    case WXK_END: Select(count - 1); return;
    case WXK_TAB: Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward); return;
    default: event.Skip();
  }
}

void QueueBoardPanel::OnClick(wxMouseEvent& event) {
  SetFocus();
  if (auto row = RowAt(event.GetY())) Select(row);
  event.Skip();
}

void QueueBoardPanel::OnMotion(wxMouseEvent& event) {
  if (auto row = RowAt(event.GetY())) {
    const wxString text = Utf8(model_->queues()[*row].Describe());
    if (GetToolTipText() != text) SetToolTip(text);
  }
  event.Skip();
}

void QueueBoardPanel::OnPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  Render(dc, GetClientSize());
}

void QueueBoardPanel::Render(wxDC& dc, const wxSize& size) const {
  dc.SetBackground(wxBrush(BoardBackground()));
  dc.Clear();
  const wxFont base = GetFont();
  const wxFont small = base.Smaller();
  const wxFont bold = base.Bold();
  const wxFont big = base.Scaled(1.5f).Bold();
  const Columns c;
  const int pad = FromDIP(12);
  const std::vector<int> widths = {FromDIP(c.queue), FromDIP(c.waiting), FromDIP(c.oldest), FromDIP(c.level),
                                   FromDIP(c.abandoned), FromDIP(c.agents), FromDIP(c.status)};
  std::vector<int> xs;
  int x = FromDIP(10);
  for (int w : widths) {
    xs.push_back(x);
    x += w;
  }
  xs.push_back(x);  // the trend
  const int trend_width = std::max(FromDIP(60), size.x - x - pad);

  // Header.
  dc.SetFont(small.Bold());
  dc.SetTextForeground(BoardHeaderText());
  const int header_y = (HeaderHeight() - dc.GetCharHeight()) / 2;
  for (size_t i = 0; i < xs.size(); ++i) {
    const int width = i < widths.size() ? widths[i] - FromDIP(8) : trend_width;
    DrawFitted(dc, kHeaders[i], xs[i] + (i == 0 ? FromDIP(8) : 0), header_y, width);
  }
  dc.SetPen(wxPen(BoardRule()));
  dc.DrawLine(0, HeaderHeight() - 1, size.x, HeaderHeight() - 1);

  if (model_->queues().empty()) {
    dc.SetFont(base);
    dc.SetTextForeground(BoardHeaderText());
    dc.DrawText(wxString::FromUTF8("Waiting for the queue board from journeyd…"), FromDIP(18), HeaderHeight() + FromDIP(16));
    return;
  }
  for (size_t r = 0; r < model_->queues().size(); ++r) {
    const QueueRow& row = model_->queues()[r];
    const v1::QueueStatus& q = row.status;
    const int top = HeaderHeight() + static_cast<int>(r) * RowHeight();
    const wxRect rect(0, top, size.x, RowHeight());
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(LevelTint(row.level)));
    dc.DrawRectangle(rect);
    dc.SetBrush(wxBrush(LevelColour(row.level)));
    dc.DrawRectangle(0, top, FromDIP(6), RowHeight());
    dc.SetPen(wxPen(BoardRule()));
    dc.DrawLine(0, rect.GetBottom(), size.x, rect.GetBottom());
    if (selected_ && *selected_ == r) {
      dc.SetPen(wxPen(SelectedRow(), HasFocus() ? 2 : 1, HasFocus() ? wxPENSTYLE_SOLID : wxPENSTYLE_SHORT_DASH));
      dc.SetBrush(*wxTRANSPARENT_BRUSH);
      dc.DrawRectangle(wxRect(rect).Deflate(1));
    }
    const int line1 = top + FromDIP(9);
    const int line2 = top + RowHeight() - FromDIP(9) - dc.GetCharHeight();

    // Queue.
    dc.SetFont(bold);
    dc.SetTextForeground(*wxBLACK);
    DrawFitted(dc, Utf8(row.name()), xs[0] + FromDIP(8), line1, widths[0] - FromDIP(12));
    dc.SetFont(small);
    dc.SetTextForeground(BoardHeaderText());
    DrawFitted(dc, Utf8(absl::StrCat(q.channel(), " · target ", FormatPercent(q.service_level_target()), " in ",
                                     FormatWait(q.answer_within_seconds()))),
               xs[0] + FromDIP(8), line2 + FromDIP(2), widths[0] - FromDIP(12));

    // Waiting and oldest wait.
    dc.SetFont(big);
    dc.SetTextForeground(q.waiting() > 0 ? *wxBLACK : BoardHeaderText());
    dc.DrawText(wxString::Format("%d", q.waiting()), xs[1], top + FromDIP(6));
    dc.SetFont(small);
    dc.SetTextForeground(BoardHeaderText());
    DrawFitted(dc, Utf8(absl::StrCat(q.offered(), " offered · ", q.active(), " active")), xs[1], line2 + FromDIP(2),
               widths[1] - FromDIP(6));
    dc.SetFont(big);
    const bool late = q.waiting() > 0 && q.oldest_wait_seconds() > q.answer_within_seconds();
    dc.SetTextForeground(late ? LevelColour(ServiceLevelStatus::kBreach) : *wxBLACK);
    dc.DrawText(Utf8(q.waiting() > 0 ? FormatWait(q.oldest_wait_seconds()) : "—"), xs[2], top + FromDIP(6));

    // Service level.
    dc.SetFont(big);
    dc.SetTextForeground(row.service_level ? LevelColour(row.level).ChangeLightness(80) : BoardHeaderText());
    dc.DrawText(Utf8(row.service_level ? FormatPercent(*row.service_level) : "—"), xs[3], top + FromDIP(6));
    dc.SetFont(small);
    dc.SetTextForeground(BoardHeaderText());
    std::string windows = absl::StrCat("15 min ", q.has_service_level_15m() ? FormatPercent(q.service_level_15m()) : "—",
                                       " · 60 min ", q.has_service_level_60m() ? FormatPercent(q.service_level_60m()) : "—");
    DrawFitted(dc, Utf8(windows), xs[3], line2 + FromDIP(2), widths[3] - FromDIP(6));

    // Abandoned.
    dc.SetFont(bold);
    dc.SetTextForeground(*wxBLACK);
    dc.DrawText(Utf8(q.has_abandoned_percent_60m() ? absl::StrCat(std::lround(q.abandoned_percent_60m()), " %") : "—"),
                xs[4], line1);
    dc.SetFont(small);
    dc.SetTextForeground(BoardHeaderText());
    DrawFitted(dc, Utf8(absl::StrCat(q.abandoned_60m(), " of ", q.arrivals_60m(), " in 60 min")), xs[4],
               line2 + FromDIP(2), widths[4] - FromDIP(6));

    // Agents: four counts as chips.
    struct Chip {
      const char* label;
      int count;
      wxColour colour;
    };
    const Chip chips[] = {{"available", q.agents_available(), LevelColour(ServiceLevelStatus::kOk)},
                          {"busy", q.agents_busy(), SelectedRow()},
                          {"wrap-up", q.agents_wrap_up(), wxColour(130, 90, 200)},
                          {"away", q.agents_away(), LevelColour(ServiceLevelStatus::kNoData)}};
    int chip_x = xs[5];
    const int chip_w = (widths[5] - FromDIP(12)) / 4;
    for (const Chip& chip : chips) {
      dc.SetFont(bold);
      dc.SetTextForeground(chip.count > 0 ? chip.colour.ChangeLightness(75) : BoardHeaderText());
      dc.DrawText(wxString::Format("%d", chip.count), chip_x, line1);
      dc.SetFont(small);
      dc.SetTextForeground(BoardHeaderText());
      DrawFitted(dc, chip.label, chip_x, line2 + FromDIP(2), chip_w - FromDIP(4));
      chip_x += chip_w;
    }

    // Status pill.
    dc.SetFont(small.Bold());
    const wxString label = StatusLabel(row.level);
    const wxSize extent = dc.GetTextExtent(label);
    const wxRect pill(xs[6], top + (RowHeight() - extent.y - FromDIP(8)) / 2, extent.x + FromDIP(16), extent.y + FromDIP(8));
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(LevelColour(row.level)));
    dc.DrawRoundedRectangle(pill, pill.height / 2.0);
    dc.SetTextForeground(*wxWHITE);
    dc.DrawText(label, pill.x + FromDIP(8), pill.y + FromDIP(4));

    // Trend.
    DrawTrend(dc, row, wxRect(xs[7], top + FromDIP(8), trend_width, RowHeight() - FromDIP(16)), model_->trend_capacity());
    dc.SetFont(base);
  }
}

}  // namespace journeydesk::agent::ui::supervisor_ui
