#pragma once
// Early-return helpers for absl::Status / absl::StatusOr inside store/ (private to store/).

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define STORE_CONCAT_INNER_(a, b) a##b
#define STORE_CONCAT_(a, b) STORE_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function when `expr` is not OK.
#define STORE_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::absl::Status store_status_ = (expr);     \
    if (!store_status_.ok()) return store_status_; \
  } while (false)

// `lhs = *expr` when OK, otherwise returns the status from the enclosing function.
#define STORE_ASSIGN_OR_RETURN(lhs, expr) \
  STORE_ASSIGN_OR_RETURN_IMPL_(STORE_CONCAT_(store_statusor_, __LINE__), lhs, expr)
#define STORE_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return std::move(tmp).status();     \
  lhs = std::move(tmp).value()
