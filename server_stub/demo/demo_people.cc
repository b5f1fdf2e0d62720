#include "demo/demo_people.h"

#include <cctype>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace journeydesk::demo {
namespace {

struct NameCulture {
  std::vector<std::string> first_names;
  std::vector<std::string> last_names;
  int weight;  // relative share of the customer base
};

const std::vector<NameCulture>& Cultures() {
  static const auto* cultures = new std::vector<NameCulture>{
      {{"Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Sophie", "Thomas",
        "Charlotte", "James", "Grace", "William", "Lucy", "Daniel", "Hannah", "Samuel",
        "Eleanor", "Callum", "Freya", "Rhys", "Niamh", "Owen", "Megan"},
       {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker",
        "Hughes", "Roberts", "Wright", "Thompson", "Clarke", "Harris", "Morgan", "O'Brien",
        "MacLeod", "Campbell", "Davies", "Fletcher", "Ashworth", "Pennington"},
       20},
      {{"Sanne", "Daan", "Lotte", "Bram", "Femke", "Jeroen", "Eva", "Sem", "Anouk", "Ruben",
        "Marloes", "Thijs", "Noor", "Joost", "Fleur", "Wouter", "Ilse", "Stijn", "Maaike",
        "Pieter"},
       {"de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
        "Brouwer", "de Wit", "van der Berg", "Kuipers"},
       16},
      {{"Lukas", "Lena", "Jonas", "Marie", "Felix", "Anna", "Maximilian", "Laura", "Paul",
        "Julia", "Tobias", "Katharina", "Florian", "Johanna", "Niklas", "Sabine", "Jürgen",
        "Birgit"},
       {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Zimmermann", "Krüger"},
       12},
      {{"Zeynep", "Emre", "Elif", "Mehmet", "Ayşe", "Burak", "Fatma", "Can", "Selin", "Murat",
        "Derya", "Hakan", "Esra", "Yusuf"},
       {"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan",
        "Doğan", "Kılıç", "Aslan"},
       7},
      {{"Fatima", "Mohamed", "Yasmina", "Youssef", "Khadija", "Said", "Nadia", "Karim",
        "Samira", "Rachid", "Imane", "Hamza", "Salma", "Bilal"},
       {"El Amrani", "Benali", "Bouzid", "El Idrissi", "Haddad", "Tahiri", "Ouali",
        "Belkacem", "Amrani", "Chaoui", "Zerouali", "Bennani"},
       7},
      {{"Jakub", "Zofia", "Kacper", "Maja", "Piotr", "Agnieszka", "Tomasz", "Katarzyna",
        "Michał", "Magdalena", "Paweł", "Ewa"},
       {"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowska",
        "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Mazur", "Krawczyk"},
       6},
      {{"Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Sanjay",
        "Divya", "Rahul", "Nisha", "Harpreet", "Gurpreet"},
       {"Patel", "Sharma", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Mehta",
        "Chopra", "Kapoor", "Desai", "Malhotra", "Gill"},
       8},
      {{"Wei", "Li Na", "Jun", "Mei", "Hao", "Xin", "Yan", "Lei", "Ying", "Chen", "Min",
        "Jia"},
       {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lin",
        "Tan"},
       5},
      {{"Chinedu", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Folake", "Tunde", "Chiamaka",
        "Ifeanyi", "Funmilayo", "Kwame", "Abena"},
       {"Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Oyelaran", "Mensah",
        "Boateng", "Adebayo", "Obi", "Asante"},
       5},
      {{"Lucía", "Javier", "Carmen", "Alejandro", "Paula", "Diego", "Marta", "Sergio",
        "Elena", "Pablo", "Nuria", "Álvaro"},
       {"García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro",
        "Torres", "Ruiz", "Jiménez", "Moreno", "Ortega"},
       4},
      {{"Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Alessia", "Davide",
        "Federica", "Simone"},
       {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
        "Marino", "Greco"},
       3},
      {{"João", "Ana", "Tiago", "Beatriz", "Rafael", "Inês", "Gustavo", "Larissa", "Bruno",
        "Camila"},
       {"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues",
        "Almeida", "Carvalho", "Sousa"},
       3},
      {{"Aoife", "Ciarán", "Siobhán", "Declan", "Saoirse", "Eoin"},
       {"Murphy", "Kelly", "O'Sullivan", "Byrne", "Ryan", "Ó Briain"},
       2},
      {{"Ingrid", "Lars", "Astrid", "Erik", "Sigrid", "Mats"},
       {"Hansen", "Johansson", "Lindqvist", "Berg", "Nilsen", "Sørensen"},
       2},
  };
  return *cultures;
}

const NameCulture& PickCulture(DemoRandom& rng) {
  int total = 0;
  for (const auto& culture : Cultures()) total += culture.weight;
  int64_t ticket = rng.Uniform(0, total - 1);
  for (const auto& culture : Cultures()) {
    if (ticket < culture.weight) return culture;
    ticket -= culture.weight;
  }
  return Cultures().front();
}

// UTF-8 letters that occur in the name tables, with their ASCII address form.
const std::vector<std::pair<std::string_view, std::string_view>>& FoldTable() {
  static const auto* table = new std::vector<std::pair<std::string_view, std::string_view>>{
      {"ä", "a"}, {"ö", "o"}, {"ü", "u"}, {"Ö", "o"}, {"Ü", "u"}, {"ß", "ss"}, {"é", "e"},
      {"è", "e"}, {"á", "a"}, {"Á", "a"}, {"í", "i"}, {"ó", "o"}, {"Ó", "o"}, {"ú", "u"},
      {"ñ", "n"}, {"ç", "c"}, {"Ç", "c"}, {"ã", "a"}, {"ê", "e"}, {"ı", "i"}, {"ş", "s"},
      {"Ş", "s"}, {"ğ", "g"}, {"ł", "l"}, {"ś", "s"}, {"ń", "n"}, {"ą", "a"}, {"ę", "e"},
      {"ź", "z"}, {"ż", "z"}, {"ć", "c"}, {"ø", "o"}, {"å", "a"}, {"Å", "a"},
  };
  return *table;
}

constexpr int64_t kPhoneTailModulus = 100'000'000;  // eight digits

// An eight-digit tail that is distinct for every index below 10^8: multiplying by a
// number coprime to 10 permutes the residues, and the large factor scatters neighbours.
std::string PhoneTail(int customer_index, uint64_t seed) {
  const int64_t tail = (static_cast<int64_t>(customer_index) * 61803399 +
                        static_cast<int64_t>(seed % kPhoneTailModulus)) %
                       kPhoneTailModulus;
  return absl::StrFormat("%08d", tail);
}

}  // namespace

std::string AsciiFold(const std::string& utf8_name) {
  std::string folded;
  for (size_t i = 0; i < utf8_name.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8_name[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) folded.push_back(static_cast<char>(std::tolower(c)));
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& [from, to] : FoldTable()) {
      if (std::string_view(utf8_name).substr(i, from.size()) == from) {
        folded.append(to);
        i += from.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;  // an unlisted non-ASCII byte is dropped
  }
  return folded;
}

DemoPerson MakeDemoPerson(int customer_index, uint64_t seed, DemoRandom& rng) {
  const NameCulture& culture = PickCulture(rng);
  const std::string& first = rng.Pick(culture.first_names);
  const std::string& last = rng.Pick(culture.last_names);
  DemoPerson person;
  person.display_name = absl::StrCat(first, " ", last);

  const std::string first_ascii = AsciiFold(first);
  const std::string last_ascii = AsciiFold(last);
  const int n = customer_index + 1;
  const double style = rng.Unit();
  if (style < 0.70) {
    person.email = absl::StrCat(first_ascii, ".", last_ascii, ".", n, "@example.com");
  } else if (style < 0.85) {
    person.email = absl::StrCat(first_ascii.substr(0, 1), ".", last_ascii, ".", n, "@example.net");
  } else if (style < 0.95) {
    person.email = absl::StrCat(first_ascii, n, "@example.org");
  } else {
    person.email = absl::StrCat(last_ascii, ".", first_ascii, ".", n, "@example.com");
  }

  const std::string tail = PhoneTail(customer_index, seed);
  const double country = rng.Unit();
  if (country < 0.40) {
    static const std::vector<std::string> kUkMobile = {"74", "75", "77", "78", "79"};
    person.phone = absl::StrCat("+44", rng.Pick(kUkMobile), tail);
    person.country = "GB";
    person.currency = "£";
  } else if (country < 0.75) {
    person.phone = absl::StrCat("+316", tail);
    person.country = "NL";
    person.currency = "€";
  } else {
    static const std::vector<std::string> kDeMobile = {"151", "160", "170", "172", "176"};
    person.phone = absl::StrCat("+49", rng.Pick(kDeMobile), tail);
    person.country = "DE";
    person.currency = "€";
  }

  if (rng.Chance(0.35)) {
    person.chat_handle =
        absl::StrCat(first_ascii, "_", last_ascii.substr(0, 1), absl::StrFormat("%04d", n));
  }
  return person;
}

}  // namespace journeydesk::demo
