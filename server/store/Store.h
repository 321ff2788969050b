#pragma once

#include "suanli/v1/audit.pb.h"
#include "suanli/v1/auth.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace suanli::server {

namespace v1 = ::suanli::v1;

// A user as the gateway's RBAC sees it.
struct Principal {
    std::string user;
    v1::Role role = v1::ROLE_UNSPECIFIED;
    std::vector<std::string> tenants;
    std::string tokenId;
};

// One audit record before it is chained.
struct AuditRecord {
    std::string user;
    v1::Role role = v1::ROLE_UNSPECIFIED;
    std::string action;   // "Cluster.DrainNodes"
    std::string target;   // "lg-r0001-n1,lg-r0001-n2"
    std::string reason;
    std::string result;   // "OK" or a status code name
    std::string detail;
    std::string peer;
};

// A quota the gateway applied, kept so it survives restarts and is re-applied
// to a backend that does not keep quotas itself (the simulator).
struct StoredQuota {
    std::string tenant;
    std::string project; // empty: the tenant's own limit
    v1::QuotaLimit limit;
};

// Store is the gateway's SQLite database (WAL mode, versioned migrations):
// users and token hashes, tenants and projects, quotas, quota requests and the
// hash-chained audit log. Thread-safe: one connection guarded by a mutex; every
// write is a transaction. Errors throw StoreError.
class Store {
public:
    // Opens or creates DIR/suanli.db and migrates it to the current schema.
    explicit Store(const std::string &dataDir);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    int schemaVersion() const;

    // Users and tokens. Tokens are "sl_" + 43 base64url chars (256 random
    // bits); only their SHA-256 hex is stored. createUser returns the token.
    std::string createUser(const std::string &name, v1::Role role,
                           const std::vector<std::string> &tenants);
    bool deleteUser(const std::string &name);
    std::vector<v1::User> listUsers() const;
    std::optional<v1::User> user(const std::string &name) const;
    // New token for an existing user; returns {info, token}. Throws if no user.
    std::pair<v1::TokenInfo, std::string> createToken(const std::string &user);
    bool revokeToken(const std::string &tokenId);
    // Looks a presented bearer token up by its hash; updates last-used time
    // at most once a minute per token.
    std::optional<Principal> authenticate(const std::string &token);

    // Tenants and projects as last reported by the backend (names, Chinese names).
    void upsertTenants(const std::vector<v1::Tenant> &tenants);
    // Quotas applied through the gateway, to re-apply after a restart.
    void saveQuota(const StoredQuota &quota);
    std::vector<StoredQuota> quotas() const;

    // Quota requests. Ids are "qr-000001" upwards.
    v1::QuotaRequest createQuotaRequest(const v1::QuotaRequest &request);
    std::optional<v1::QuotaRequest> quotaRequest(const std::string &id) const;
    std::vector<v1::QuotaRequest> quotaRequests() const;
    // Moves a request from pending to approved or rejected exactly once:
    // returns the updated request, or nullopt when it was no longer pending.
    std::optional<v1::QuotaRequest> decideQuotaRequest(const std::string &id,
                                                        v1::QuotaRequestState state,
                                                        const std::string &decider,
                                                        const std::string &comment);

    // Appends to the audit chain; returns the entry with sequence and hashes.
    v1::AuditEntry appendAudit(const AuditRecord &record);
    // Newest first, from sequence `before` (exclusive; 0 = from the newest).
    std::vector<v1::AuditEntry> auditEntries(int64_t before, int limit) const;
    int64_t auditCount() const;
    // Recomputes the whole chain.
    v1::VerifyAuditLogResponse verifyAudit() const;

    // Idempotency (AIP-155): remembers a request_id's serialized response for
    // 24 hours. lookup returns the stored response bytes, if any.
    std::optional<std::string> idempotentResponse(const std::string &user,
                                                  const std::string &requestId) const;
    void rememberResponse(const std::string &user, const std::string &requestId,
                          const std::string &response);

private:
    void migrate();
    sqlite3 *m_db = nullptr;
    mutable std::mutex m_mutex;
};

// Thrown for database failures (disk full, corrupt file): the message says what.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace suanli::server
