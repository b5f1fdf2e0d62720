#ifndef JOURNEYDESK_SERVER_STUB_IMPORT_TOUCHPOINT_COLUMNS_H_
#define JOURNEYDESK_SERVER_STUB_IMPORT_TOUCHPOINT_COLUMNS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "journeydesk/v1/touchpoint.pb.h"

namespace journeydesk::import {

// The columns of a touchpoint CSV file, from its header row, and the conversion of one
// record into a Touchpoint. Columns: id, customer_id, address, channel, kind, occurred_at
// (RFC 3339), stage, direction (inbound/outbound/internal), summary, outcome
// (resolved/unresolved/escalated), sentiment (negative/neutral/positive), agent_id,
// contact_id, nps (0–10), effort (1–7), and attr.<key> for attributes. An empty cell
// leaves its field unset.
class TouchpointColumns {
 public:
  // INVALID_ARGUMENT naming the first unknown, duplicate or empty column.
  static absl::StatusOr<TouchpointColumns> FromHeader(const std::vector<std::string>& header);

  // INVALID_ARGUMENT naming the column and the value, e.g.
  // `column "nps": not a number: "ten"`.
  absl::StatusOr<v1::Touchpoint> ToTouchpoint(const std::vector<std::string>& fields) const;

 private:
  enum class Field {
    kId, kCustomerId, kAddress, kChannel, kKind, kOccurredAt, kStage, kDirection, kSummary,
    kOutcome, kSentiment, kAgentId, kContactId, kNps, kEffort, kAttribute,
  };
  struct Column {
    std::string name;           // as in the header
    Field field;
    std::string attribute_key;  // for kAttribute
  };
  static absl::Status SetField(const Column& column, const std::string& value, v1::Touchpoint& out);

  std::vector<Column> columns_;
};

// Checks that hold for a touchpoint from any file format: a kind, a customer_id or an
// address, nps 0–10 and effort 1–7 when present.
absl::Status ValidateImportedTouchpoint(const v1::Touchpoint& touchpoint);

}  // namespace journeydesk::import

#endif  // JOURNEYDESK_SERVER_STUB_IMPORT_TOUCHPOINT_COLUMNS_H_
