// jdctl, as an administrator uses it: tokens, import with rejected lines, export.
#include <fstream>

#include "gtest/gtest.h"
#include "support/journeyd_fixture.h"

namespace journeydesk::testing {
namespace {

class JdctlTest : public JourneydTest {
 protected:
  std::string WriteToken(const std::string& role) {
    const std::string path = (dir_ / (role + ".token")).string();
    std::ofstream(path) << tokens_[role] << "\n";
    return path;
  }
};

TEST_F(JdctlTest, TokenCreatePrintsTheSecretOnceAndItWorks) {
  StartJourneyd();
  CommandResult created = RunCommand({JDCTL_PATH, "token", "create", "--role", "supervisor",
                                      "--agent-id", "sup-7", "--db", db_path_.string()});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::string secret = created.out.substr(0, created.out.find('\n'));
  ASSERT_EQ(secret.rfind("jd_", 0), 0u) << created.out;
  EXPECT_EQ(ReadFileBytes(db_path_).find(secret), std::string::npos) << "stored hashed only";

  const std::string token_path = (dir_ / "sup.token").string();
  std::ofstream(token_path) << secret;
  CommandResult ping = RunCommand({JDCTL_PATH, "ping", "--server", Address(), "--token-file", token_path});
  EXPECT_EQ(ping.exit_code, 0) << ping.err;
  EXPECT_NE(ping.out.find("role supervisor, agent sup-7"), std::string::npos) << ping.out;

  CommandResult listed = RunCommand({JDCTL_PATH, "token", "list", "--db", db_path_.string()});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find("sup-7"), std::string::npos);
  EXPECT_EQ(listed.out.find(secret), std::string::npos) << "lists never show secrets";

  CommandResult bad_role = RunCommand({JDCTL_PATH, "token", "create", "--role", "king", "--db", db_path_.string()});
  EXPECT_NE(bad_role.exit_code, 0);
  EXPECT_NE(bad_role.err.find("agent, supervisor, admin or integration"), std::string::npos) << bad_role.err;
}

TEST_F(JdctlTest, ImportReportsRejectedLinesByNumberAndStoresTheRest) {
  StartJourneyd();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-IMPORT");
  upsert.mutable_customer()->set_display_name("Import Target");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());

  const std::string jsonl = (dir_ / "touchpoints.jsonl").string();
  std::ofstream(jsonl)
      << R"({"id":"imp-1","customer_id":"C-IMPORT","channel":"web","kind":"viewed_rate_card","occurred_at":"2026-01-05T10:00:00Z"})" "\n"
      << R"({"id":"imp-2","customer_id":"C-IMPORT","channel":"phone","kind":"call_inbound","occurred_at":"2026-01-06T10:00:00Z","nps":42})" "\n"
      << R"({"id":"imp-3","customer_id":"C-IMPORT","channel":"chat","kind":"chat_inbound","occurred_at":"2026-01-07T10:00:00Z"})" "\n"
      << "this is not json\n"
      << R"({"id":"imp-5","customer_id":"C-IMPORT","channel":"email","kind":"email_inbound","occurred_at":"2026-01-08T10:00:00Z"})" "\n"
      << R"({"id":"imp-6","customer_id":"C-IMPORT","channel":"Carrier Pigeon!","kind":"letter","occurred_at":"2026-01-08T11:00:00Z"})" "\n"
      << R"({"id":"imp-7","customer_id":"C-NOBODY","channel":"email","kind":"email_inbound","occurred_at":"2026-01-08T12:00:00Z"})" "\n";
  CommandResult imported = RunCommand({JDCTL_PATH, "import", jsonl, "--server", Address(),
                                       "--token-file", WriteToken("integration")});
  EXPECT_EQ(imported.exit_code, 3) << "exit 3: some lines were rejected\n" << imported.err;
  EXPECT_NE(imported.err.find("line 2: "), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("nps"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("line 4"), std::string::npos) << imported.err;
  // Refused by journeyd itself: the batch is re-sent without the line.
  EXPECT_NE(imported.err.find("line 6: touchpoints[3].channel"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("line 7: touchpoints[3].customer_id"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("3 stored, 0 duplicates (already stored), 4 rejected"), std::string::npos)
      << imported.err;

  const std::string csv = (dir_ / "touchpoints.csv").string();
  std::ofstream(csv) << "id,customer_id,channel,kind,occurred_at,summary\n"
                     << "imp-1,C-IMPORT,web,viewed_rate_card,2026-01-05T10:00:00Z,again\n"
                     << "csv-2,C-IMPORT,store,purchase,2026-01-09T10:00:00Z,\"Bought a phone, with case\"\n";
  imported = RunCommand({JDCTL_PATH, "import", csv, "--server", Address(), "--token-file", WriteToken("integration")});
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.err.find("1 stored, 1 duplicates"), std::string::npos) << imported.err;
}

TEST_F(JdctlTest, ExportWritesTheCustomerAsJson) {
  StartJourneyd();
  v1::UpsertCustomerRequest upsert;
  upsert.mutable_customer()->set_id("C-JSON");
  upsert.mutable_customer()->set_display_name("Jason Export");
  v1::UpsertCustomerResponse upserted;
  ASSERT_TRUE(Stub()->UpsertCustomer(Context("admin").get(), upsert, &upserted).ok());
  const std::string out = (dir_ / "export.json").string();
  CommandResult exported = RunCommand({JDCTL_PATH, "export", "C-JSON", "--out", out, "--server", Address(),
                                       "--token-file", WriteToken("admin")});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  std::string json = ReadFileBytes(out);
  EXPECT_NE(json.find("\"display_name\": \"Jason Export\""), std::string::npos) << json;

  CommandResult as_agent = RunCommand({JDCTL_PATH, "export", "C-JSON", "--server", Address(),
                                       "--token-file", WriteToken("agent")});
  EXPECT_NE(as_agent.exit_code, 0);
  EXPECT_NE(as_agent.err.find("needs the role admin"), std::string::npos) << as_agent.err;
}

}  // namespace
}  // namespace journeydesk::testing
