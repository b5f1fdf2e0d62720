#include "core/outbox_write.h"

#include "absl/strings/str_cat.h"

namespace journeydesk::agent {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

template <typename Message>
absl::StatusOr<OutboxWrite> Parse(const std::string& kind, const std::string& bytes) {
  Message message;
  if (!message.ParseFromString(bytes)) {
    return absl::DataLossError(absl::StrCat("an outboxed ", kind, " write is corrupt"));
  }
  return OutboxWrite(std::move(message));
}

}  // namespace

std::string OutboxKind(const OutboxWrite& write) {
  return std::visit(Overloaded{
                        [](const v1::RecordTouchpointsRequest&) { return std::string("touchpoints"); },
                        [](const v1::RecordActionOutcomeRequest&) { return std::string("action_outcome"); },
                        [](const WrapUpWrite&) { return std::string("wrap_up"); },
                    },
                    write);
}

absl::Status CheckReplayable(const OutboxWrite& write) {
  return std::visit(
      Overloaded{
          [](const v1::RecordTouchpointsRequest& request) {
            for (int i = 0; i < request.touchpoints_size(); ++i) {
              if (request.touchpoints(i).id().empty()) {
                return absl::InvalidArgumentError(absl::StrCat(
                    "touchpoints[", i, "] has no id; outboxed writes need ids so replay is idempotent"));
              }
            }
            return absl::OkStatus();
          },
          [](const v1::RecordActionOutcomeRequest& request) {
            if (request.outcome_touchpoint_id().empty()) {
              return absl::InvalidArgumentError(
                  "outcome_touchpoint_id is empty; outboxed outcomes need it so replay is idempotent");
            }
            return absl::OkStatus();
          },
          [](const WrapUpWrite& wrap_up) {
            if (wrap_up.request.contact_id().empty() || wrap_up.request.wrap_up_code().empty()) {
              return absl::InvalidArgumentError("a wrap-up needs its contact_id and wrap_up_code");
            }
            return absl::OkStatus();
          },
      },
      write);
}

std::string SerializeOutboxWrite(const OutboxWrite& write) {
  return std::visit(Overloaded{
                        [](const WrapUpWrite& wrap_up) { return wrap_up.request.SerializeAsString(); },
                        [](const auto& request) { return request.SerializeAsString(); },
                    },
                    write);
}

std::string SerializeOutboxTouchpoint(const OutboxWrite& write) {
  const auto* wrap_up = std::get_if<WrapUpWrite>(&write);
  if (wrap_up == nullptr || !wrap_up->touchpoint.has_value()) return "";
  return wrap_up->touchpoint->SerializeAsString();
}

absl::StatusOr<OutboxWrite> ParseOutboxWrite(const std::string& kind, const std::string& bytes,
                                             const std::string& touchpoint_bytes) {
  if (kind == "touchpoints") return Parse<v1::RecordTouchpointsRequest>(kind, bytes);
  if (kind == "action_outcome") return Parse<v1::RecordActionOutcomeRequest>(kind, bytes);
  if (kind == "wrap_up") {
    WrapUpWrite wrap_up;
    if (!wrap_up.request.ParseFromString(bytes)) {
      return absl::DataLossError("an outboxed wrap_up write is corrupt");
    }
    if (!touchpoint_bytes.empty() && !wrap_up.touchpoint.emplace().ParseFromString(touchpoint_bytes)) {
      return absl::DataLossError("the touchpoint of an outboxed wrap_up write is corrupt");
    }
    return OutboxWrite(std::move(wrap_up));
  }
  return absl::DataLossError(absl::StrCat("outbox holds a write of unknown kind '", kind,
                                          "' (from a newer journeydesk?)"));
}

std::string DescribeOutboxWrite(const OutboxWrite& write) {
  return std::visit(
      Overloaded{
          [](const v1::RecordTouchpointsRequest& request) {
            return request.touchpoints_size() == 1 ? std::string("1 touchpoint")
                                                   : absl::StrCat(request.touchpoints_size(), " touchpoints");
          },
          [](const v1::RecordActionOutcomeRequest& request) {
            return absl::StrCat("next-step outcome for ", request.customer_id());
          },
          [](const WrapUpWrite& wrap_up) {
            return absl::StrCat("wrap-up of ", wrap_up.request.contact_id());
          },
      },
      write);
}

}  // namespace journeydesk::agent
