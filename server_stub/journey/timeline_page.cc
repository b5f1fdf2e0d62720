#include "journey/timeline_page.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"

namespace journeydesk::journey {
namespace {

absl::Status BadToken() {
  return absl::InvalidArgumentError(
      "page_token: not a token from a previous GetJourney response; request the first page "
      "without a page_token");
}

}  // namespace

void AppendCopy(const v1::Touchpoint& touchpoint,
                google::protobuf::RepeatedPtrField<v1::Touchpoint>* touchpoints) {
  if (touchpoints->GetArena() != nullptr) {
    *touchpoints->Add() = touchpoint;
    return;
  }
  // Copy construction fills the fields once; Add() then assignment clears and merges.
  touchpoints->AddAllocated(new v1::Touchpoint(touchpoint));
}

std::string EncodePageToken(int64_t occurred_at_us, std::string_view touchpoint_id) {
  return absl::WebSafeBase64Escape(absl::StrCat(occurred_at_us, ":", ToAbsl(touchpoint_id)));
}

absl::Status DecodePageToken(std::string_view token, int64_t* occurred_at_us,
                             std::string* touchpoint_id) {
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(ToAbsl(token), &decoded)) return BadToken();
  const size_t colon = decoded.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == decoded.size()) return BadToken();
  if (!absl::SimpleAtoi(absl::string_view(decoded).substr(0, colon), occurred_at_us)) {
    return BadToken();
  }
  *touchpoint_id = decoded.substr(colon + 1);
  return absl::OkStatus();
}

absl::Status CheckPageRequest(int page_size, std::string_view page_token) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must not be negative, got ", page_size));
  }
  if (page_size > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: at most ", kMaxPageSize, ", got ", page_size));
  }
  if (page_token.empty()) return absl::OkStatus();
  int64_t token_us = 0;
  std::string token_id;
  return DecodePageToken(page_token, &token_us, &token_id);
}

absl::Status FillTimelinePage(absl::Span<const StagedTouchpoint> oldest_first, int page_size,
                              std::string_view page_token, v1::Journey* journey) {
  if (page_size < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must not be negative, got ", page_size));
  }
  if (page_size > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: at most ", kMaxPageSize, ", got ", page_size));
  }
  if (page_size == 0) page_size = kDefaultPageSize;

  // `end` is one past the newest touchpoint of this page in oldest-first order.
  size_t end = oldest_first.size();
  if (!page_token.empty()) {
    int64_t token_us = 0;
    std::string token_id;
    absl::Status status = DecodePageToken(page_token, &token_us, &token_id);
    if (!status.ok()) return status;
    auto it = std::lower_bound(oldest_first.begin(), oldest_first.end(), 0,
                               [&](const StagedTouchpoint& entry, int) {
                                 if (entry.at_us != token_us) return entry.at_us < token_us;
                                 return entry.touchpoint->id() < token_id;
                               });
    end = static_cast<size_t>(it - oldest_first.begin());
  }
  const size_t count = std::min(end, static_cast<size_t>(page_size));
  auto* timeline = journey->mutable_timeline();
  timeline->Reserve(timeline->size() + static_cast<int>(count));
  for (size_t i = 0; i < count; ++i) AppendCopy(*oldest_first[end - 1 - i].touchpoint, timeline);
  if (count < end) {
    const StagedTouchpoint& last = oldest_first[end - count];
    journey->set_next_page_token(EncodePageToken(last.at_us, last.touchpoint->id()));
  } else {
    journey->clear_next_page_token();
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::journey
