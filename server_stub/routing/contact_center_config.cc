#include "routing/contact_center_config.h"


#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_string_view.h"
#include "common/proto_config_file.h"
#include "google/protobuf/text_format.h"

namespace journeydesk::routing {
namespace {

bool MatchesIdRule(std::string_view value, size_t max_length, std::string_view extra = "") {
  if (value.empty() || value.size() > max_length) return false;
  for (char c : value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    extra.find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

constexpr std::string_view kWhat = "contact centre configuration";

absl::Status Invalid(std::string_view source, std::string_view rule) {
  return absl::InvalidArgumentError(absl::StrCat(ToAbsl(source), ": ", ToAbsl(rule)));
}

}  // namespace

absl::StatusOr<v1::ContactCenterConfig> LoadDefaultContactCenterConfig() {
  return ParseContactCenterConfigText(DefaultContactCenterConfigText(),
                                      "contact_center/default.textproto (built in)");
}

absl::StatusOr<v1::ContactCenterConfig> ParseContactCenterConfigText(std::string_view text,
                                                                     std::string_view source) {
  v1::ContactCenterConfig config;
  if (absl::Status parsed = ParseTextConfig(text, source, kWhat, &config); !parsed.ok()) return parsed;
  if (absl::Status valid = ValidateContactCenterConfig(config, source); !valid.ok()) return valid;
  return config;
}

absl::StatusOr<v1::ContactCenterConfig> LoadContactCenterConfigFile(const std::string& path) {
  absl::StatusOr<ConfigFormat> format = ConfigFormatOf(path, kWhat);
  if (!format.ok()) return format.status();
  absl::StatusOr<std::string> text = ReadConfigFile(path, kWhat);
  if (!text.ok()) return text.status();
  if (*format == ConfigFormat::kText) return ParseContactCenterConfigText(*text, path);
  v1::ContactCenterConfig config;
  if (absl::Status parsed = ParseJsonConfig(*text, path, kWhat, &config); !parsed.ok()) return parsed;
  if (absl::Status valid = ValidateContactCenterConfig(config, path); !valid.ok()) return valid;
  return config;
}

absl::Status ValidateContactCenterConfig(const v1::ContactCenterConfig& config,
                                         std::string_view source) {
  if (config.queues().empty()) return Invalid(source, "at least one queue is needed");
  absl::flat_hash_set<std::string> names;
  for (const v1::QueueConfig& queue : config.queues()) {
    const std::string where = absl::StrCat("queue \"", queue.name(), "\"");
    if (!MatchesIdRule(queue.name(), 64)) {
      return Invalid(source, absl::StrCat(where, ": name must match [a-z0-9_]{1,64}"));
    }
    if (!names.insert(queue.name()).second) {
      return Invalid(source, absl::StrCat(where, ": name is used by another queue"));
    }
    if (!MatchesIdRule(queue.channel(), 32, ".-")) {
      return Invalid(source, absl::StrCat(where, ": channel must match [a-z0-9_.-]{1,32}"));
    }
    if (!(queue.service_level_target() > 0 && queue.service_level_target() <= 1)) {
      return Invalid(source, absl::StrCat(where, ": service_level_target must be in (0, 1], e.g. 0.8"));
    }
    if (queue.answer_within_seconds() < 1) {
      return Invalid(source, absl::StrCat(where, ": answer_within_seconds must be at least 1"));
    }
    if (queue.default_capacity() < 1 || queue.default_capacity() > 100) {
      return Invalid(source, absl::StrCat(where, ": default_capacity must be 1–100"));
    }
    if (queue.default_handling_seconds() < 0) {
      return Invalid(source, absl::StrCat(where, ": default_handling_seconds must not be negative"));
    }
  }
  if (config.offer_timeout_seconds() < 1 || config.offer_timeout_seconds() > 3600) {
    return Invalid(source, "offer_timeout_seconds must be 1–3600");
  }
  if (config.wrap_up_codes().empty()) return Invalid(source, "at least one wrap-up code is needed");
  absl::flat_hash_set<std::string> codes;
  for (const v1::WrapUpCode& code : config.wrap_up_codes()) {
    if (!MatchesIdRule(code.code(), 64)) {
      return Invalid(source, absl::StrCat("wrap-up code \"", code.code(), "\": must match [a-z0-9_]{1,64}"));
    }
    if (!codes.insert(code.code()).second) {
      return Invalid(source, absl::StrCat("wrap-up code \"", code.code(), "\" is listed twice"));
    }
    if (code.name().empty()) {
      return Invalid(source, absl::StrCat("wrap-up code \"", code.code(), "\": a name is needed"));
    }
  }
  return absl::OkStatus();
}

}  // namespace journeydesk::routing
