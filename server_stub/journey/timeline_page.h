#pragma once
// One page of a journey's timeline, newest first (ties: id descending), and the opaque
// page token that continues it.
//
// A token is web-safe base64 of "<occurred_at unix micros>:<touchpoint id>" of the last
// touchpoint on the previous page; the next page holds the touchpoints strictly older than
// it in timeline order. Because the token names a position, not an offset, touchpoints
// recorded between two page requests neither repeat nor shift the pages that follow.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "journey/staged_touchpoints.h"
#include "journeydesk/v1/journey.pb.h"

namespace journeydesk::journey {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// Appends a copy of `touchpoint` to `touchpoints` (on the field's arena, if it has one).
void AppendCopy(const v1::Touchpoint& touchpoint,
                google::protobuf::RepeatedPtrField<v1::Touchpoint>* touchpoints);

std::string EncodePageToken(int64_t occurred_at_us, std::string_view touchpoint_id);

// INVALID_ARGUMENT "page_token: …" for anything EncodePageToken did not make.
absl::Status DecodePageToken(std::string_view token, int64_t* occurred_at_us,
                             std::string* touchpoint_id);

// Appends the page to journey->timeline and sets journey->next_page_token (empty on the
// last page). `oldest_first` is ordered by StagedBefore. page_size 0 means 50; a negative
// one or one above 500 is INVALID_ARGUMENT "page_size: …".
// The checks FillTimelinePage makes of the request, without filling anything.
absl::Status CheckPageRequest(int page_size, std::string_view page_token);

absl::Status FillTimelinePage(absl::Span<const StagedTouchpoint> oldest_first, int page_size,
                              std::string_view page_token, v1::Journey* journey);

}  // namespace journeydesk::journey
