#include <atomic>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "store_test_fixture.h"

namespace journeydesk::store::testing {
namespace {

using ConcurrencyTest = StoreTest;

TEST_F(ConcurrencyTest, ManyThreadsWriteAndReadAtOnceWithoutErrors) {
  constexpr int kWriters = 3;
  constexpr int kReaders = 3;
  constexpr int kBatches = 15;
  constexpr int kBatchSize = 10;
  Upsert(Customer("C-erase-me", "Erase Me"));
  auto token = store_->CreateToken(Role::kAgent, "a1", "");
  ASSERT_TRUE(token.ok());
  std::atomic<int> failures{0};
  std::atomic<bool> writing{true};
  auto check = [&](const absl::Status& status) {
    if (!status.ok()) {
      ++failures;
      ADD_FAILURE() << status;
    }
  };

  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      std::string customer_id = "C-w" + std::to_string(w);
      check(store_->UpsertCustomer(Customer(customer_id, "Writer " + std::to_string(w)),
                                   Audit("UpsertCustomer")).status());
      for (int b = 0; b < kBatches; ++b) {
        std::vector<TouchpointWrite> batch;
        for (int i = 0; i < kBatchSize; ++i) {
          std::string id = absl::StrCat("w", w, "-", b, "-", i);
          batch.push_back(i % 2 == 0 ? ForCustomer(id, customer_id, b * 100 + i)
                                     : FromAddress(id, {Address::Kind::kPhone, "+1555" + std::to_string(i)}, i));
        }
        check(store_->RecordTouchpoints(std::move(batch)).status());
      }
    });
  }
  for (int r = 0; r < kReaders; ++r) {
    threads.emplace_back([&] {
      while (writing.load()) {
        check(store_->SearchCustomers("writer", 10).status());
        check(store_->ListTouchpoints("C-w0", std::nullopt).status());
        check(store_->Authenticate(token->secret).status());
        check(store_->CountTouchpoints().status());
      }
    });
  }
  check(store_->EraseCustomer("C-erase-me", "X-1", Audit("EraseCustomer")).status());
  for (int w = 0; w < kWriters; ++w) threads[static_cast<size_t>(w)].join();
  writing = false;
  for (size_t t = kWriters; t < threads.size(); ++t) threads[t].join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*store_->CountTouchpoints(), kWriters * kBatches * kBatchSize);
  auto prospects = store_->SearchCustomers("+1555", 100);
  ASSERT_TRUE(prospects.ok());
  EXPECT_EQ(prospects->size(), 5u) << "one prospect per distinct phone, however many threads";
}

}  // namespace
}  // namespace journeydesk::store::testing
