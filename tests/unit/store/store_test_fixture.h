#pragma once
// A fresh temporary folder per test, a store opened on a real SQLite file in it, and small
// builders for customers, touchpoints and audit records.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "store/sqlite_journey_store.h"

namespace journeydesk::store::testing {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "jd_store_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    store_ = OpenStore();
    ASSERT_NE(store_, nullptr);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string db_path() const { return (dir_ / "journey.db").string(); }

  std::unique_ptr<SqliteJourneyStore> OpenStore() {
    auto store = SqliteJourneyStore::Open(db_path());
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  static AuditRecord Audit(const std::string& action, const std::string& customer_id = "") {
    return AuditRecord{absl::Now(), "token:0badc0de agent:a1", "agent", action, customer_id,
                       "test"};
  }

  static v1::Customer Customer(const std::string& id, const std::string& name) {
    v1::Customer customer;
    customer.set_id(id);
    customer.set_display_name(name);
    customer.set_lifecycle_state(v1::LIFECYCLE_ACTIVE);
    return customer;
  }

  v1::Customer Upsert(const v1::Customer& customer) {
    auto outcome = store_->UpsertCustomer(customer, Audit("UpsertCustomer"));
    EXPECT_TRUE(outcome.ok()) << outcome.status();
    return outcome.ok() ? outcome->customer : v1::Customer();
  }

  static TouchpointWrite ForCustomer(const std::string& id, const std::string& customer_id,
                                     int64_t occurred_at_seconds) {
    TouchpointWrite write;
    write.touchpoint.set_id(id);
    write.touchpoint.set_customer_id(customer_id);
    write.touchpoint.set_channel("email");
    write.touchpoint.set_kind("call_inbound");
    write.touchpoint.set_stage("support");
    write.touchpoint.mutable_occurred_at()->set_seconds(occurred_at_seconds);
    return write;
  }

  static TouchpointWrite FromAddress(const std::string& id, Address address,
                                     int64_t occurred_at_seconds) {
    TouchpointWrite write = ForCustomer(id, "", occurred_at_seconds);
    write.touchpoint.set_address(address.value);
    write.address = std::move(address);
    return write;
  }

  static std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteJourneyStore> store_;
};

}  // namespace journeydesk::store::testing
