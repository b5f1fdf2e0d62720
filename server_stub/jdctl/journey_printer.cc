#include "jdctl/journey_printer.h"

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "google/protobuf/util/time_util.h"

namespace journeydesk::jdctl {
namespace {

std::string FormatTimestamp(const google::protobuf::Timestamp& at) {
  absl::Time time = absl::FromUnixMicros(google::protobuf::util::TimeUtil::TimestampToMicroseconds(at));
  return absl::FormatTime("%Y-%m-%d %H:%M", time, absl::UTCTimeZone());
}

std::string FormatNps(const v1::NpsSummary& nps) {
  if (!nps.has_score()) return "—";
  return absl::StrFormat("%+.0f (%d)", nps.score(), nps.responses());
}

const char* StatusMark(v1::StageStatus status) {
  switch (status) {
    case v1::STAGE_CURRENT: return "▶";
    case v1::STAGE_REACHED: return "✓";
    default: return "·";
  }
}

}  // namespace

void PrintJourney(const v1::Journey& journey, std::ostream& out) {
  const v1::Customer& customer = journey.customer();
  out << absl::StrFormat("%s  %s   emails: %s   phones: %s\n", customer.id(), customer.display_name(),
                         absl::StrJoin(customer.emails(), ", "), absl::StrJoin(customer.phones(), ", "));
  out << absl::StrFormat("stage map: %s   current stage: %s   as of %s UTC\n\n",
                         journey.stage_map_name(), journey.current_stage(),
                         FormatTimestamp(journey.as_of()));
  out << "   STAGE                                TOUCH  NPS        OPEN  CHANNELS\n";
  for (const v1::StageView& stage : journey.stages()) {
    std::vector<std::string> channels;
    for (const v1::ChannelCount& count : stage.channels()) {
      channels.push_back(absl::StrFormat("%s %d", count.channel(), count.touchpoints()));
    }
    out << absl::StrFormat(" %s %-36s %5d  %-10s %4d  %s\n", StatusMark(stage.status()), stage.name(),
                           stage.touchpoint_count(), FormatNps(stage.nps()), stage.open_issues(),
                           absl::StrJoin(channels, ", "));
  }
  const v1::JourneyMetrics& metrics = journey.metrics();
  out << absl::StrFormat(
      "\njourney NPS %s · effort %s · %d contacts in 30 days · %d repeat within 7 days · "
      "%d channel switches within 24 h · %d touchpoints\n",
      FormatNps(metrics.nps()),
      metrics.has_average_effort() ? absl::StrFormat("%.1f/7", metrics.average_effort()) : "—",
      metrics.contacts_last_30_days(), metrics.repeat_contacts_7d(), metrics.channel_switches_24h(),
      metrics.total_touchpoints());
  if (journey.signals_size() > 0) {
    out << "\nlive signals:\n";
    for (const v1::LiveSignal& signal : journey.signals()) out << "  ! " << signal.text() << "\n";
  }
  out << "\nlatest touchpoints:\n";
  for (const v1::Touchpoint& tp : journey.timeline()) {
    out << absl::StrFormat("  %s  %-7s %-22s %s\n", FormatTimestamp(tp.occurred_at()), tp.channel(),
                           tp.kind(), tp.summary());
  }
}

}  // namespace journeydesk::jdctl
