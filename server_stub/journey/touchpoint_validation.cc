#include "journey/touchpoint_validation.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "journey/address.h"
#include "journey/timestamps.h"

namespace journeydesk::journey {
namespace {

// Timestamp bounds of google.protobuf.Timestamp: 0001-01-01 to 9999-12-31.
constexpr int64_t kMinTimestampSeconds = -62'135'596'800;
constexpr int64_t kMaxTimestampSeconds = 253'402'300'799;

std::string Field(absl::string_view prefix, absl::string_view field) {
  if (prefix.empty()) return std::string(field);
  return absl::StrCat(prefix, ".", field);
}

absl::Status Invalid(absl::string_view prefix, absl::string_view field, absl::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(Field(prefix, field), ": ", rule));
}

bool IsLowerIdentifierChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

bool AllOf(absl::string_view value, bool (*ok)(char)) {
  for (char c : value) {
    if (!ok(c)) return false;
  }
  return true;
}

bool IsChannelChar(char c) { return IsLowerIdentifierChar(c) || c == '.' || c == '-'; }
bool IsPrintableNoSpace(char c) { return c > ' ' && c < 0x7f; }
bool IsCustomerIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '-';
}

bool IsValidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      const unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      code = (code << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
    if ((extra == 1 && code < 0x80) || (extra == 2 && code < 0x800) ||
        (extra == 3 && code < 0x10000) || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

absl::Status ValidateToken(absl::string_view prefix, absl::string_view field, absl::string_view value,
                           bool required, size_t max_length) {
  if (value.empty()) {
    if (required) return Invalid(prefix, field, "required");
    return absl::OkStatus();
  }
  if (value.size() > max_length) {
    return Invalid(prefix, field,
                   absl::StrCat("at most ", max_length, " characters, got ", value.size()));
  }
  if (!AllOf(value, IsPrintableNoSpace)) {
    return Invalid(prefix, field, "must be printable ASCII without spaces");
  }
  return absl::OkStatus();
}

absl::Status ValidatePattern(absl::string_view prefix, absl::string_view field, absl::string_view value,
                             size_t max_length, bool (*ok)(char), absl::string_view pattern) {
  if (value.empty()) return Invalid(prefix, field, "required");
  if (value.size() > max_length || !AllOf(value, ok)) {
    return Invalid(prefix, field, absl::StrCat("must match ", pattern, ", got \"",
                                               value.substr(0, 80), "\""));
  }
  return absl::OkStatus();
}

absl::Status ValidateCustomerId(absl::string_view prefix, absl::string_view field,
                                absl::string_view id) {
  if (id.size() > 64 || !AllOf(id, IsCustomerIdChar)) {
    return Invalid(prefix, field, "must match [A-Za-z0-9_.:-]{1,64}");
  }
  return absl::OkStatus();
}

absl::Status ValidateAttributes(const google::protobuf::Map<std::string, std::string>& attributes,
                                absl::string_view prefix) {
  if (attributes.size() > kMaxAttributes) {
    return Invalid(prefix, "attributes",
                   absl::StrCat("at most ", kMaxAttributes, " entries, got ", attributes.size()));
  }
  for (const auto& [key, value] : attributes) {
    if (key.empty() || key.size() > 64 || !AllOf(key, IsLowerIdentifierChar)) {
      return Invalid(prefix, "attributes",
                     absl::StrCat("key \"", absl::string_view(key).substr(0, 80),
                                  "\" must match [a-z0-9_]{1,64}"));
    }
    const std::string field = absl::StrCat("attributes[\"", key, "\"]");
    if (value.size() > kMaxAttributeValueBytes) {
      return Invalid(prefix, field, absl::StrCat("at most ", kMaxAttributeValueBytes,
                                                 " bytes, got ", value.size()));
    }
    if (!IsValidUtf8(value)) return Invalid(prefix, field, "must be valid UTF-8");
    if (key == "contract_end") {
      absl::Time ignored;
      absl::Status status = ParseContractEnd(value, &ignored);
      if (!status.ok()) return Invalid(prefix, field, status.message());
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ParseContractEnd(std::string_view date, absl::Time* midnight_utc) {
  const absl::string_view value = ToAbsl(date);
  const bool shape = value.size() == 10 && value[4] == '-' && value[7] == '-';
  std::string error;
  if (!shape || !absl::ParseTime("%Y-%m-%d", value, absl::UTCTimeZone(), midnight_utc, &error)) {
    return absl::InvalidArgumentError("must be a date YYYY-MM-DD, e.g. 2025-03-31");
  }
  // absl::ParseTime normalises 2025-02-30 to March 2; refuse dates that are not real.
  if (absl::FormatTime("%Y-%m-%d", *midnight_utc, absl::UTCTimeZone()) != value) {
    return absl::InvalidArgumentError("must be a date YYYY-MM-DD, e.g. 2025-03-31");
  }
  return absl::OkStatus();
}

absl::Status ValidateTouchpoint(const v1::Touchpoint& touchpoint, std::string_view field_prefix,
                                absl::Time now, const StageResolver& stages) {
  const absl::string_view prefix = ToAbsl(field_prefix);
  absl::Status status = ValidateToken(prefix, "id", touchpoint.id(), /*required=*/true,
                                      kMaxTouchpointIdLength);
  if (!status.ok()) return status;

  const bool has_customer = !touchpoint.customer_id().empty();
  const bool has_address = !touchpoint.address().empty();
  if (has_customer && has_address) {
    return absl::InvalidArgumentError(absl::StrCat(
        prefix.empty() ? "touchpoint" : std::string(prefix),
        ": set customer_id or address, not both"));
  }
  if (!has_customer && !has_address) {
    return Invalid(prefix, "customer_id",
                   "required (or set address to an email address, phone number or chat handle)");
  }
  if (has_customer) {
    status = ValidateCustomerId(prefix, "customer_id", touchpoint.customer_id());
    if (!status.ok()) return status;
  } else {
    absl::StatusOr<store::Address> address = NormalizeAddress(touchpoint.address());
    if (!address.ok()) return Invalid(prefix, "address", address.status().message());
  }

  status = ValidatePattern(prefix, "channel", touchpoint.channel(), 32, IsChannelChar,
                           "[a-z0-9_.-]{1,32}");
  if (!status.ok()) return status;
  status = ValidatePattern(prefix, "kind", touchpoint.kind(), 64, IsLowerIdentifierChar,
                           "[a-z0-9_]{1,64}");
  if (!status.ok()) return status;

  if (!touchpoint.has_occurred_at()) return Invalid(prefix, "occurred_at", "required");
  const google::protobuf::Timestamp& at = touchpoint.occurred_at();
  if (at.seconds() < kMinTimestampSeconds || at.seconds() > kMaxTimestampSeconds ||
      at.nanos() < 0 || at.nanos() > 999'999'999) {
    return Invalid(prefix, "occurred_at", "not a valid timestamp");
  }
  const absl::Time occurred_at = absl::FromUnixSeconds(at.seconds()) + absl::Nanoseconds(at.nanos());
  if (occurred_at > now + kMaxClockSkew) {
    return Invalid(prefix, "occurred_at",
                   absl::StrCat("must not be more than 24 h in the future, got ",
                                absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", occurred_at,
                                                 absl::UTCTimeZone()),
                                "; check the sender's clock"));
  }

  if (!touchpoint.stage().empty() && !stages.HasStage(touchpoint.stage())) {
    return Invalid(prefix, "stage",
                   absl::StrCat("\"", absl::string_view(touchpoint.stage()).substr(0, 80),
                                "\" is not a stage of the stage map; leave it empty to derive it "
                                "from the kind"));
  }
  if (!v1::Direction_IsValid(touchpoint.direction())) {
    return Invalid(prefix, "direction", absl::StrCat("unknown value ", touchpoint.direction()));
  }
  if (!v1::Outcome_IsValid(touchpoint.outcome())) {
    return Invalid(prefix, "outcome", absl::StrCat("unknown value ", touchpoint.outcome()));
  }
  if (!v1::Sentiment_IsValid(touchpoint.sentiment())) {
    return Invalid(prefix, "sentiment", absl::StrCat("unknown value ", touchpoint.sentiment()));
  }
  if (touchpoint.has_nps() && (touchpoint.nps() < 0 || touchpoint.nps() > 10)) {
    return Invalid(prefix, "nps", absl::StrCat("must be between 0 and 10, got ", touchpoint.nps()));
  }
  if (touchpoint.has_effort() && (touchpoint.effort() < 1 || touchpoint.effort() > 7)) {
    return Invalid(prefix, "effort",
                   absl::StrCat("must be between 1 and 7, got ", touchpoint.effort()));
  }
  if (touchpoint.summary().size() > kMaxSummaryBytes) {
    return Invalid(prefix, "summary", absl::StrCat("at most ", kMaxSummaryBytes, " bytes, got ",
                                                   touchpoint.summary().size()));
  }
  if (!IsValidUtf8(touchpoint.summary())) return Invalid(prefix, "summary", "must be valid UTF-8");
  status = ValidateToken(prefix, "agent_id", touchpoint.agent_id(), false, 128);
  if (!status.ok()) return status;
  status = ValidateToken(prefix, "contact_id", touchpoint.contact_id(), false, 128);
  if (!status.ok()) return status;
  return ValidateAttributes(touchpoint.attributes(), prefix);
}

absl::Status ValidateCustomer(const v1::Customer& customer, std::string_view field_prefix) {
  const absl::string_view prefix = ToAbsl(field_prefix);
  if (!customer.id().empty()) {
    absl::Status status = ValidateCustomerId(prefix, "id", customer.id());
    if (!status.ok()) return status;
  }
  if (customer.display_name().size() > kMaxDisplayNameBytes) {
    return Invalid(prefix, "display_name",
                   absl::StrCat("at most ", kMaxDisplayNameBytes, " bytes, got ",
                                customer.display_name().size()));
  }
  if (!IsValidUtf8(customer.display_name())) {
    return Invalid(prefix, "display_name", "must be valid UTF-8");
  }
  for (int i = 0; i < customer.emails_size(); ++i) {
    absl::StatusOr<std::string> email = NormalizeEmail(customer.emails(i));
    if (!email.ok()) return Invalid(prefix, absl::StrCat("emails[", i, "]"), email.status().message());
  }
  for (int i = 0; i < customer.phones_size(); ++i) {
    absl::StatusOr<std::string> phone = NormalizePhone(customer.phones(i));
    if (!phone.ok()) return Invalid(prefix, absl::StrCat("phones[", i, "]"), phone.status().message());
  }
  for (int i = 0; i < customer.chat_handles_size(); ++i) {
    absl::StatusOr<std::string> handle = NormalizeChatHandle(customer.chat_handles(i));
    if (!handle.ok()) {
      return Invalid(prefix, absl::StrCat("chat_handles[", i, "]"), handle.status().message());
    }
  }
  if (!v1::LifecycleState_IsValid(customer.lifecycle_state())) {
    return Invalid(prefix, "lifecycle_state",
                   absl::StrCat("unknown value ", customer.lifecycle_state()));
  }
  return ValidateAttributes(customer.attributes(), prefix);
}

}  // namespace journeydesk::journey
