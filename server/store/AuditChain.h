#pragma once

#include "server/store/Sqlite.h"
#include "suanli/v1/audit.pb.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

// The hash chain of the audit log: what an entry's hash covers, how a stored row reads, and
// the check that finds a removed, edited or reordered entry.
namespace suanli::server::auditlog {

using namespace std::string_view_literals;

// previous_hash of the first entry.
inline constexpr std::string_view kZeroHash
    = "0000000000000000000000000000000000000000000000000000000000000000"sv;
// The audit table's columns, in the order readAudit() reads them.
inline constexpr std::string_view kAuditColumns
    = "sequence, time, user, role, action, target, reason, result, detail, peer,"
      " previous_hash, hash"sv;

// The audit hash: hex SHA-256 of previous_hash, "\n", then each field as a
// netstring ("<byte length>:<bytes>,"), so no byte can move between fields
// without changing the hash.
struct AuditFields {
    int64_t sequence = 0;
    std::string time; // stored text, hashed as is
    std::string user;
    int64_t role = 0;
    std::string action, target, reason, result, detail, peer;
    std::string previousHash, hash;
};

std::string auditHash(const AuditFields &e);
// A row selected with kAuditColumns.
AuditFields readAudit(const sql::Statement &st);
::suanli::v1::AuditEntry toAuditEntry(const AuditFields &e);
// Walks the entries in sequence order (`next` fills one and returns false at the end) and says
// whether the chain is intact, or where and how it breaks.
::suanli::v1::VerifyAuditLogResponse verifyChain(const std::function<bool(AuditFields *)> &next);

} // namespace suanli::server::auditlog
