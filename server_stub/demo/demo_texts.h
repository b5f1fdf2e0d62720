#ifndef JOURNEYDESK_SERVER_STUB_DEMO_DEMO_TEXTS_H_
#define JOURNEYDESK_SERVER_STUB_DEMO_DEMO_TEXTS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journeydesk::demo {

// Agent-readable summary templates, keyed by touchpoint kind ("bill_issued") or by
// "<situation>.<detail>" ("contact.billing", "nps.detractor"). Placeholders in braces
// ({cur}, {amount}, {month}, {plan}, {new_plan}, {device}, {ref}, {gb}, {days}, {topic})
// are filled by FillTemplate. Returns an empty list for an unknown key.
const std::vector<std::string>& SummaryTemplates(std::string_view key);

// Replaces each "{name}" of `vars` in `text`; unknown placeholders are left as they are.
std::string FillTemplate(std::string_view text,
                         const std::vector<std::pair<std::string, std::string>>& vars);

// A chain of contacts about one unresolved issue, in order (first, second, third, …).
struct IssueChain {
  std::string topic;                  // short, e.g. "Wi-Fi dropping every evening"
  std::vector<std::string> contacts;  // summaries of the successive contacts
};
const std::vector<IssueChain>& RepeatIssueChains();

}  // namespace journeydesk::demo

#endif  // JOURNEYDESK_SERVER_STUB_DEMO_DEMO_TEXTS_H_
