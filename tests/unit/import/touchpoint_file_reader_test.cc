// `jdctl import FILE` must bring in every good line and name each bad one by line number
// and reason, so an operator can fix the file and import again.

#include "import/touchpoint_file_reader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace journeydesk::import {
namespace {

using ::testing::HasSubstr;

class ImportFileTest : public testing::Test {
 protected:
  void SetUp() override {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           (std::string("jd_import_") + info->name() + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  // All records of `path`; fails the test if the file does not open.
  static std::vector<ParsedLine> ReadAll(const std::string& path) {
    absl::StatusOr<TouchpointFileReader> reader = TouchpointFileReader::Open(path);
    EXPECT_TRUE(reader.ok()) << reader.status();
    std::vector<ParsedLine> lines;
    if (!reader.ok()) return lines;
    while (std::optional<ParsedLine> line = reader->Next()) lines.push_back(std::move(*line));
    EXPECT_EQ(reader->bytes_read(), reader->total_bytes());
    return lines;
  }

  std::filesystem::path dir_;
};

TEST_F(ImportFileTest, JsonlGoodFileRoundTrips) {
  const std::string path = Write("good.jsonl",
      R"({"id":"t1","customerId":"C-000001","channel":"phone","kind":"call_inbound","occurredAt":"2026-03-14T09:30:00Z","direction":"DIRECTION_INBOUND","summary":"Asked why the March bill was higher","outcome":"OUTCOME_RESOLVED","nps":9,"effort":2,"attributes":{"campaign":"spring"}})"
      "\n\n"
      R"({"id":"t2","address":"sanne@example.com","channel":"email","kind":"email_inbound","occurred_at":"2026-03-15T10:00:00.250+01:00"})"
      "\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].line_number, 1);
  ASSERT_TRUE(lines[0].touchpoint.ok()) << lines[0].touchpoint.status();
  const v1::Touchpoint& first = *lines[0].touchpoint;
  EXPECT_EQ(first.id(), "t1");
  EXPECT_EQ(first.customer_id(), "C-000001");
  EXPECT_EQ(first.occurred_at().seconds(), 1773480600);
  EXPECT_EQ(first.direction(), v1::DIRECTION_INBOUND);
  EXPECT_EQ(first.outcome(), v1::OUTCOME_RESOLVED);
  EXPECT_EQ(first.nps(), 9);
  EXPECT_EQ(first.effort(), 2);
  EXPECT_EQ(first.attributes().at("campaign"), "spring");

  EXPECT_EQ(lines[1].line_number, 3);  // the blank line 2 is skipped
  ASSERT_TRUE(lines[1].touchpoint.ok()) << lines[1].touchpoint.status();
  EXPECT_EQ(lines[1].touchpoint->address(), "sanne@example.com");
  EXPECT_EQ(lines[1].touchpoint->occurred_at().seconds(), 1773565200);
  EXPECT_EQ(lines[1].touchpoint->occurred_at().nanos(), 250000000);
}

TEST_F(ImportFileTest, JsonlBadLinesAreReportedWhileGoodLinesComeThrough) {
  const std::string path = Write("mixed.ndjson",
      R"({"id":"ok1","customerId":"C-1","kind":"page_view","channel":"web"})" "\n"
      R"({"id":"typo","customerId":"C-1","kind":"page_view","chanel":"web"})" "\n"
      R"({"id":"broken", "customerId": )" "\n"
      R"({"id":"nokind","customerId":"C-1","channel":"web"})" "\n"
      R"({"id":"who","kind":"page_view"})" "\n"
      R"({"id":"nps","customerId":"C-1","kind":"nps_response","nps":11})" "\n"
      R"({"id":"when","customerId":"C-1","kind":"page_view","occurredAt":"yesterday"})" "\n"
      R"({"id":"ok2","customerId":"C-2","kind":"purchase","channel":"store"})" "\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_TRUE(lines[0].touchpoint.ok());
  EXPECT_TRUE(lines[7].touchpoint.ok());
  EXPECT_EQ(lines[7].line_number, 8);
  EXPECT_EQ(lines[7].touchpoint->id(), "ok2");
  for (int i = 1; i <= 6; ++i) {
    EXPECT_EQ(lines[i].line_number, i + 1);
    ASSERT_FALSE(lines[i].touchpoint.ok()) << "line " << i + 1;
    EXPECT_EQ(lines[i].touchpoint.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(lines[i].touchpoint.status().message()),
                HasSubstr("line " + std::to_string(i + 1) + ": "));
  }
  EXPECT_THAT(std::string(lines[1].touchpoint.status().message()), HasSubstr("chanel"));
  EXPECT_THAT(std::string(lines[3].touchpoint.status().message()), HasSubstr("kind is missing"));
  EXPECT_THAT(std::string(lines[4].touchpoint.status().message()), HasSubstr("customer_id and address"));
  EXPECT_THAT(std::string(lines[5].touchpoint.status().message()), HasSubstr("nps out of range 0-10"));
}

TEST_F(ImportFileTest, JsonlExportedFieldsSetByJourneydAreDropped) {
  const std::string path = Write("export.jsonl",
      R"({"id":"t1","customerId":"C-1","kind":"page_view","recordedAt":"2026-03-14T09:30:00Z","stageDerived":true})" "\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_TRUE(lines[0].touchpoint.ok()) << lines[0].touchpoint.status();
  EXPECT_FALSE(lines[0].touchpoint->has_recorded_at());
  EXPECT_FALSE(lines[0].touchpoint->stage_derived());
}

TEST_F(ImportFileTest, CsvGoodFileRoundTrips) {
  const std::string path = Write("good.csv",
      "id,customer_id,address,channel,kind,occurred_at,stage,direction,summary,outcome,sentiment,"
      "agent_id,contact_id,nps,effort,attr.campaign\r\n"
      "t1,C-000001,,phone,call_inbound,2026-03-14T09:30:00Z,,inbound,Asked about the bill,resolved,"
      "positive,agent-07,K-1,9,2,spring\r\n"
      "t2,,+31612345678,sms,nps_response,2026-03-15T10:00:00+01:00,support,INBOUND,,,NEGATIVE,,,3,,\r\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_TRUE(lines[0].touchpoint.ok()) << lines[0].touchpoint.status();
  const v1::Touchpoint& first = *lines[0].touchpoint;
  EXPECT_EQ(lines[0].line_number, 2);
  EXPECT_EQ(first.id(), "t1");
  EXPECT_EQ(first.customer_id(), "C-000001");
  EXPECT_EQ(first.channel(), "phone");
  EXPECT_EQ(first.occurred_at().seconds(), 1773480600);
  EXPECT_EQ(first.direction(), v1::DIRECTION_INBOUND);
  EXPECT_EQ(first.summary(), "Asked about the bill");
  EXPECT_EQ(first.outcome(), v1::OUTCOME_RESOLVED);
  EXPECT_EQ(first.sentiment(), v1::SENTIMENT_POSITIVE);
  EXPECT_EQ(first.agent_id(), "agent-07");
  EXPECT_EQ(first.contact_id(), "K-1");
  EXPECT_EQ(first.nps(), 9);
  EXPECT_EQ(first.effort(), 2);
  EXPECT_EQ(first.attributes().at("campaign"), "spring");

  ASSERT_TRUE(lines[1].touchpoint.ok()) << lines[1].touchpoint.status();
  const v1::Touchpoint& second = *lines[1].touchpoint;
  EXPECT_EQ(lines[1].line_number, 3);
  EXPECT_EQ(second.address(), "+31612345678");
  EXPECT_EQ(second.stage(), "support");
  EXPECT_EQ(second.occurred_at().seconds(), 1773565200);
  EXPECT_EQ(second.sentiment(), v1::SENTIMENT_NEGATIVE);
  EXPECT_EQ(second.nps(), 3);
  EXPECT_FALSE(second.has_effort());              // empty cell: unset
  EXPECT_EQ(second.attributes().count("campaign"), 0u);
}

TEST_F(ImportFileTest, CsvQuotedFieldsKeepCommasQuotesAndLineBreaks) {
  const std::string path = Write("quoted.csv",
      "id,customer_id,kind,summary\n"
      "t1,C-1,complaint,\"Charged twice, then \"\"refunded\"\" once\"\n"
      "t2,C-1,email_inbound,\"Dear team,\n\nthe router, again.\nRegards\"\n"
      "t3,C-1,call_inbound,\"\"\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 3u);
  ASSERT_TRUE(lines[0].touchpoint.ok()) << lines[0].touchpoint.status();
  EXPECT_EQ(lines[0].touchpoint->summary(), "Charged twice, then \"refunded\" once");
  ASSERT_TRUE(lines[1].touchpoint.ok()) << lines[1].touchpoint.status();
  EXPECT_EQ(lines[1].line_number, 3);
  EXPECT_EQ(lines[1].touchpoint->summary(), "Dear team,\n\nthe router, again.\nRegards");
  EXPECT_EQ(lines[2].line_number, 7);  // the record starts after the four lines of t2
  ASSERT_TRUE(lines[2].touchpoint.ok()) << lines[2].touchpoint.status();
  EXPECT_EQ(lines[2].touchpoint->summary(), "");
}

TEST_F(ImportFileTest, CsvBadValuesNameTheLineColumnAndValue) {
  const std::string path = Write("bad.csv",
      "id,customer_id,kind,occurred_at,direction,outcome,sentiment,nps,effort\n"
      "ok1,C-1,page_view,2026-03-14T09:30:00Z,inbound,,,,\n"
      "b1,C-1,nps_response,,,,,ten,\n"
      "b2,C-1,nps_response,,,,,11,\n"
      "b3,C-1,page_view,14/03/2026,,,,,\n"
      "b4,C-1,page_view,,sideways,,,,\n"
      "b5,C-1,page_view,,,fixed,,,\n"
      "b6,C-1,page_view,,,,angry,,\n"
      "b7,C-1,page_view,,,,,,9\n"
      "b8,C-1,page_view\n"
      "b9,C-1,page_view,,,,,,,extra\n"
      "b10,C-1,page_view,x\"y,,,,,\n"
      "b11,,page_view,,,,,,\n"
      "ok2,C-2,purchase,,outbound,escalated,neutral,0,7\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 13u);
  auto message = [&](size_t i) { return std::string(lines[i].touchpoint.status().message()); };
  EXPECT_TRUE(lines[0].touchpoint.ok());
  EXPECT_EQ(message(1), "line 3: column \"nps\": not a number: \"ten\"");
  EXPECT_EQ(message(2), "line 4: column \"nps\": out of range 0-10: \"11\"");
  EXPECT_THAT(message(3), HasSubstr("line 5: column \"occurred_at\": not an RFC 3339 time"));
  EXPECT_THAT(message(3), HasSubstr("\"14/03/2026\""));
  EXPECT_EQ(message(4), "line 6: column \"direction\": expected inbound, outbound, internal: \"sideways\"");
  EXPECT_THAT(message(5), HasSubstr("line 7: column \"outcome\""));
  EXPECT_THAT(message(6), HasSubstr("line 8: column \"sentiment\""));
  EXPECT_EQ(message(7), "line 9: column \"effort\": out of range 1-7: \"9\"");
  EXPECT_EQ(message(8), "line 10: expected 9 fields as in the header, found 3");
  EXPECT_EQ(message(9), "line 11: expected 9 fields as in the header, found 10");
  EXPECT_THAT(message(10), HasSubstr("line 12: a quote inside unquoted field 4"));
  EXPECT_THAT(message(11), HasSubstr("line 13: customer_id and address are both missing"));
  ASSERT_TRUE(lines[12].touchpoint.ok()) << lines[12].touchpoint.status();
  EXPECT_EQ(lines[12].line_number, 14);
  EXPECT_EQ(lines[12].touchpoint->outcome(), v1::OUTCOME_ESCALATED);
  EXPECT_EQ(lines[12].touchpoint->nps(), 0);
  for (size_t i = 1; i <= 11; ++i) {
    EXPECT_EQ(lines[i].touchpoint.status().code(), absl::StatusCode::kInvalidArgument) << message(i);
    EXPECT_EQ(lines[i].line_number, static_cast<int>(i) + 2);
  }
}

TEST_F(ImportFileTest, CsvUnclosedQuoteIsReportedWhereTheRecordStarts) {
  const std::string path = Write("unclosed.csv",
      "id,customer_id,kind,summary\n"
      "t1,C-1,page_view,fine\n"
      "t2,C-1,page_view,\"never closed\n"
      "t3,C-1,page_view,swallowed\n");
  const std::vector<ParsedLine> lines = ReadAll(path);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].touchpoint.ok());
  EXPECT_EQ(lines[1].line_number, 3);
  EXPECT_THAT(std::string(lines[1].touchpoint.status().message()),
              HasSubstr("line 3: a quoted field is never closed"));
}

TEST_F(ImportFileTest, CsvUnknownHeaderColumnIsAnErrorAtLineOne) {
  const std::string path = Write("header.csv", "id,customer_id,kind,chanel\nt1,C-1,page_view,web\n");
  const absl::StatusOr<TouchpointFileReader> reader = TouchpointFileReader::Open(path);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(reader.status().message()), HasSubstr("line 1: unknown column \"chanel\""));
  EXPECT_THAT(std::string(reader.status().message()), HasSubstr("channel"));  // lists the real ones
}

TEST_F(ImportFileTest, CsvEmptyFileAndDuplicateColumnsAreRejected) {
  EXPECT_EQ(TouchpointFileReader::Open(Write("empty.csv", "")).status().code(),
            absl::StatusCode::kInvalidArgument);
  const absl::StatusOr<TouchpointFileReader> duplicate =
      TouchpointFileReader::Open(Write("dup.csv", "id,kind,id\n"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_THAT(std::string(duplicate.status().message()), HasSubstr("\"id\" appears twice"));
}

TEST_F(ImportFileTest, OpenRejectsMissingFilesAndUnknownExtensions) {
  EXPECT_EQ(TouchpointFileReader::Open((dir_ / "missing.csv").string()).status().code(),
            absl::StatusCode::kNotFound);
  const absl::StatusOr<TouchpointFileReader> xlsx = TouchpointFileReader::Open(Write("data.xlsx", "x"));
  ASSERT_FALSE(xlsx.ok());
  EXPECT_EQ(xlsx.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(xlsx.status().message()), HasSubstr(".jsonl"));
  EXPECT_TRUE(TouchpointFileReader::Open(Write("UPPER.CSV", "id,customer_id,kind\n")).ok());
}

TEST_F(ImportFileTest, ProgressCountsBytesAsRecordsAreRead) {
  std::string content;
  for (int i = 0; i < 100; ++i) {
    content += R"({"id":"t)" + std::to_string(i) + R"(","customerId":"C-1","kind":"page_view"})" "\n";
  }
  absl::StatusOr<TouchpointFileReader> reader = TouchpointFileReader::Open(Write("big.jsonl", content));
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(reader->total_bytes(), static_cast<int64_t>(content.size()));
  EXPECT_EQ(reader->bytes_read(), 0);
  ASSERT_TRUE(reader->Next().has_value());
  EXPECT_GT(reader->bytes_read(), 0);
  EXPECT_LT(reader->bytes_read(), reader->total_bytes());
  int count = 1;
  while (reader->Next().has_value()) ++count;
  EXPECT_EQ(count, 100);
  EXPECT_EQ(reader->bytes_read(), reader->total_bytes());
}

}  // namespace
}  // namespace journeydesk::import
