#pragma once

#include "suanli/v1/audit.pb.h"
#include "suanli/v1/auth.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace suanli::server {

namespace v1 = ::suanli::v1;

// Thrown for database failures (disk full, corrupt file, schema too new): the
// message says what.
struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Bad input names the field and the value, as std::invalid_argument; these two
// refine it so a service can answer NOT_FOUND or ALREADY_EXISTS precisely.
struct NotFoundError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};
struct AlreadyExistsError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

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
    std::string action; // "Cluster.DrainNodes"
    std::string target; // "lg-r0001-n1,lg-r0001-n2"
    std::string reason;
    std::string result; // "OK" or a status code name
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
// hash-chained audit log. Thread-safe: one connection guarded by a mutex (the
// audit log's verification reads through one of its own); every write is a
// transaction. Database failures throw StoreError; bad input throws
// std::invalid_argument naming the field and the value.
class Store {
public:
    // Schema version this code writes; an older database is migrated to it, a
    // newer one is refused.
    static constexpr int kSchemaVersion = 2;

    // Opens or creates DIR/suanli.db (creating DIR if needed) and migrates it
    // to the current schema.
    explicit Store(const std::string &dataDir);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Path of the database file.
    const std::string &path() const { return m_path; }

    // The centre's clock, in microseconds since the epoch, for the times of what happens at the
    // centre: audit entries and quota requests asked and decided. A gateway sets its backend's
    // clock (a simulated centre's own time), so these read in one frame with the nodes, jobs
    // and alerts it serves; the wall clock until set. Set before the store is shared.
    void setClock(std::function<int64_t()> nowMicros);
    int schemaVersion() const;
    // What is wrong with the file, or empty when nothing is: SQLite's `PRAGMA quick_check`
    // (damaged pages, broken indexes, which a plain read may not notice) and then the audit
    // chain. A gateway checks this before it serves.
    std::string damage() const;

    // Users and tokens. User names match [a-z0-9][a-z0-9._-]{0,63}. Tokens are
    // "sl_" + 43 base64url chars (256 random bits); only their SHA-256 hex is
    // stored. createUser returns the token; AlreadyExistsError if the name is
    // taken.
    std::string createUser(
        const std::string &name, v1::Role role, const std::vector<std::string> &tenants);
    // Deletes the user and all their tokens; false when there was no such user.
    bool deleteUser(const std::string &name);
    std::vector<v1::User> listUsers() const;
    std::optional<v1::User> user(const std::string &name) const;
    // New token for an existing user; returns {info, token}. NotFoundError if
    // no such user.
    std::pair<v1::TokenInfo, std::string> createToken(const std::string &user);
    bool revokeToken(const std::string &tokenId);
    // Looks a presented bearer token up by its hash; updates last-used time
    // at most once a minute per token.
    std::optional<Principal> authenticate(const std::string &token);

    // Tenants and projects as last reported by the backend (names, Chinese
    // names): inserts new ones, updates known ones, keeps the rest.
    void upsertTenants(const std::vector<v1::Tenant> &tenants);
    // Stored tenants with their projects, by id (no quotas or usage).
    std::vector<v1::Tenant> tenants() const;
    // Quotas applied through the gateway, to re-apply after a restart.
    // saveQuota replaces the limit of the same (tenant, project, model), the
    // limit across all models being one more of them.
    void saveQuota(const StoredQuota &quota);
    std::vector<StoredQuota> quotas() const;

    // Quota requests. Ids are "qr-000001" upwards. createQuotaRequest ignores
    // the id, state, times and decision fields it is given: the new request is
    // pending, created now.
    v1::QuotaRequest createQuotaRequest(const v1::QuotaRequest &request);
    std::optional<v1::QuotaRequest> quotaRequest(const std::string &id) const;
    // Pending first, then newest first.
    std::vector<v1::QuotaRequest> quotaRequests() const;
    // Moves a request from pending to approved, rejected (or expired) exactly
    // once: returns the updated request, or nullopt when it was no longer
    // pending or does not exist.
    std::optional<v1::QuotaRequest> decideQuotaRequest(const std::string &id,
        v1::QuotaRequestState state, const std::string &decider, const std::string &comment);

    // Appends to the audit chain; returns the entry with sequence and hashes.
    v1::AuditEntry appendAudit(const AuditRecord &record);
    // Newest first, from sequence `before` (exclusive; 0 = from the newest);
    // at most `limit` (> 0) entries.
    std::vector<v1::AuditEntry> auditEntries(int64_t before, int limit) const;
    int64_t auditCount() const;
    // Recomputes the whole chain and reports the first broken link. It reads one snapshot
    // through a connection of its own: token checks, reads and writes do not wait for it.
    // `checked`, when given, is called with each entry's sequence once that entry is checked.
    v1::VerifyAuditLogResponse verifyAudit(const std::function<void(int64_t)> &checked = {}) const;

    // Idempotency (AIP-155): remembers a request_id's serialized response for
    // 24 hours. lookup returns the stored response bytes, if any. The first
    // response remembered for a (user, request_id) is kept. An empty
    // request_id means the client asked for none: nothing is kept or found.
    std::optional<std::string> idempotentResponse(
        const std::string &user, const std::string &requestId) const;
    void rememberResponse(
        const std::string &user, const std::string &requestId, const std::string &response);

private:
    void migrate();
    int64_t centreMicros() const;
    std::string m_path;
    std::function<int64_t()> m_clock;
    sqlite3 *m_db = nullptr;
    mutable std::mutex m_mutex;
};

} // namespace suanli::server
