#ifndef JOURNEYDESK_SERVER_STUB_DEMO_DEMO_PEOPLE_H_
#define JOURNEYDESK_SERVER_STUB_DEMO_DEMO_PEOPLE_H_

#include <string>

#include "demo/demo_random.h"

namespace journeydesk::demo {

// Who a demo customer is and how to reach them.
struct DemoPerson {
  std::string display_name;  // UTF-8, e.g. "Zeynep Yılmaz"
  std::string email;         // lower case ASCII, unique per customer index
  std::string phone;         // "+" and digits, unique per customer index
  std::string chat_handle;   // empty for about two thirds of customers
  std::string country;       // "GB", "NL" or "DE", matches the phone's country code
  std::string currency;      // "£" or "€", for amounts in summaries
};

// Names from several cultures, independent of the phone's country (as in a real customer
// base). Uniqueness of email, phone and chat handle comes from `customer_index`.
DemoPerson MakeDemoPerson(int customer_index, uint64_t seed, DemoRandom& rng);

// Lower-case ASCII form of a name for addresses: "Müller-Şahin" → "mullersahin".
std::string AsciiFold(const std::string& utf8_name);

}  // namespace journeydesk::demo

#endif  // JOURNEYDESK_SERVER_STUB_DEMO_DEMO_PEOPLE_H_
