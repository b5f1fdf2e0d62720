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
                        [](const v1::CompleteContactRequest&) { return std::string("wrap_up"); },
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
          [](const v1::CompleteContactRequest& request) {
            if (request.contact_id().empty() || request.wrap_up_code().empty()) {
              return absl::InvalidArgumentError("a wrap-up needs its contact_id and wrap_up_code");
            }
            return absl::OkStatus();
          },
      },
      write);
}

std::string SerializeOutboxWrite(const OutboxWrite& write) {
  return std::visit([](const auto& message) { return message.SerializeAsString(); }, write);
}

absl::StatusOr<OutboxWrite> ParseOutboxWrite(const std::string& kind, const std::string& bytes) {
  if (kind == "touchpoints") return Parse<v1::RecordTouchpointsRequest>(kind, bytes);
  if (kind == "action_outcome") return Parse<v1::RecordActionOutcomeRequest>(kind, bytes);
  if (kind == "wrap_up") return Parse<v1::CompleteContactRequest>(kind, bytes);
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
          [](const v1::CompleteContactRequest& request) {
            return absl::StrCat("wrap-up of ", request.contact_id());
          },
      },
      write);
}

}  // namespace journeydesk::agent
