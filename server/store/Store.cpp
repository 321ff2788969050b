#include "server/store/Store.h"

#include "server/store/AuditChain.h"
#include "server/store/Sqlite.h"
#include "server/store/StoredTime.h"
#include "server/store/TokenCrypto.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <map>
#include <sqlite3.h>
#include <string_view>
#include <unistd.h>

namespace suanli::server {

namespace {

using namespace std::string_view_literals;
using auditlog::AuditFields;
using auditlog::auditHash;
using auditlog::kAuditColumns;
using auditlog::kZeroHash;
using auditlog::readAudit;
using auditlog::toAuditEntry;
using crypto::hexOf;
using crypto::newTokenSecret;
using crypto::randomBytes;
using crypto::sha256Hex;
using sql::exec;
using sql::Statement;
using sql::Transaction;
using sql::userVersion;
using stored::formatTime;
using stored::kMicrosPerSecond;
using stored::nowMicros;
using stored::parseTime;
using stored::timestampText;
using stored::toTimestamp;

// ---------------------------------------------------------------------------
// Schema. Each step runs in its own transaction together with the bump of
// PRAGMA user_version, so a database is always at exactly one version. Append
// steps; never edit one that has shipped.
struct Migration {
    int version;
    const char *sql;
};

constexpr Migration kMigrations[] = {
    { 1, R"sql(
CREATE TABLE users (
    name        TEXT PRIMARY KEY,
    role        INTEGER NOT NULL,
    tenants     TEXT NOT NULL DEFAULT '',  -- tenant ids joined by ','
    create_time TEXT NOT NULL
);
CREATE TABLE tokens (
    id             TEXT PRIMARY KEY,       -- "tok_" + 8 hex
    hash           TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the secret
    user           TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    create_time    TEXT NOT NULL,
    last_used_time TEXT
);
CREATE INDEX tokens_by_user ON tokens(user);
CREATE TABLE tenants (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    update_time TEXT NOT NULL
);
CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    tenant      TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    update_time TEXT NOT NULL
);
CREATE INDEX projects_by_tenant ON projects(tenant);
CREATE TABLE quotas (
    tenant                TEXT NOT NULL,
    project               TEXT NOT NULL,   -- '' for the tenant's own limit
    model                 INTEGER NOT NULL,
    max_accelerators      INTEGER NOT NULL,
    max_accelerator_hours INTEGER NOT NULL,
    update_time           TEXT NOT NULL,
    PRIMARY KEY (tenant, project, model)
);
CREATE TABLE quota_requests (
    number                        INTEGER PRIMARY KEY,  -- the 42 of "qr-000042"
    id                            TEXT NOT NULL UNIQUE,
    tenant                        TEXT NOT NULL,
    project                       TEXT NOT NULL,
    requester                     TEXT NOT NULL,
    model                         INTEGER NOT NULL,
    max_accelerators              INTEGER NOT NULL,
    max_accelerator_hours         INTEGER NOT NULL,
    current_max_accelerators      INTEGER NOT NULL,
    current_max_accelerator_hours INTEGER NOT NULL,
    justification                 TEXT NOT NULL,
    until_time                    TEXT,
    state                         INTEGER NOT NULL,
    create_time                   TEXT NOT NULL,
    decider                       TEXT NOT NULL DEFAULT '',
    decide_time                   TEXT,
    decision_comment              TEXT NOT NULL DEFAULT '',
    needs_admin                   INTEGER NOT NULL
);
CREATE INDEX quota_requests_by_state ON quota_requests(state, number);
CREATE TABLE audit (
    sequence      INTEGER PRIMARY KEY,
    time          TEXT NOT NULL,  -- RFC 3339 UTC with microseconds, exactly as hashed
    user          TEXT NOT NULL,
    role          INTEGER NOT NULL,
    action        TEXT NOT NULL,
    target        TEXT NOT NULL,
    reason        TEXT NOT NULL,
    result        TEXT NOT NULL,
    detail        TEXT NOT NULL,
    peer          TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);
-- Guards against our own mistakes; tampering by hand is caught by the hash chain.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE idempotency (
    user        TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    response    BLOB NOT NULL,
    create_time TEXT NOT NULL,
    PRIMARY KEY (user, request_id)
);
CREATE INDEX idempotency_by_time ON idempotency(create_time);
)sql" },
    // A limit across all accelerator models (model 0), beside those per model.
    { 2, R"sql(
ALTER TABLE quotas ADD COLUMN all_models INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quota_requests ADD COLUMN all_models INTEGER NOT NULL DEFAULT 0;
)sql" },
};

static_assert(std::size(kMigrations) == Store::kSchemaVersion,
    "Store::kSchemaVersion must be the last migration's version");

constexpr int kBusyTimeoutMs = 10000;

// A second connection to the database, for a long read beside the Store's own connection.
struct ReadConnection {
    sqlite3 *db = nullptr;
    explicit ReadConnection(const std::string &path)
    {
        const int rc = sqlite3_open_v2(
            path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            const std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
            sqlite3_close_v2(db);
            throw StoreError("cannot open " + path + ": " + why);
        }
        sqlite3_extended_result_codes(db, 1);
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
    }
    ~ReadConnection() { sqlite3_close_v2(db); }
    ReadConnection(const ReadConnection &) = delete;
    ReadConnection &operator=(const ReadConnection &) = delete;
};
constexpr int64_t kLastUsedResolutionUs = 60 * kMicrosPerSecond;
constexpr int64_t kIdempotencyLifetimeUs = 24 * 3600 * kMicrosPerSecond;
constexpr size_t kMaxIdLength = 128;

// ---------------------------------------------------------------------------
// Messages

// The value as a C-style quoted string, so control bytes in bad input stay visible.
std::string inQuotes(std::string_view value)
{
    std::string out = "\"";
    for (unsigned char c : value) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

// User names: [a-z0-9][a-z0-9._-]{0,63}.
void checkUserName(std::string_view field, std::string_view value)
{
    auto ok = [&] {
        if (value.empty() || value.size() > 64)
            return false;
        for (size_t i = 0; i < value.size(); ++i) {
            char c = value[i];
            bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
                return false;
        }
        return true;
    };
    if (!ok())
        throw std::invalid_argument(std::string(field) + " " + inQuotes(value)
            + " is invalid: use 1-64 characters a-z 0-9 . _ -, "
              "starting with a letter or digit");
}

// Tenant and project ids come from the scheduler, so only what would break
// storage is refused: empty, overlong, separators and control characters.
void checkId(std::string_view field, std::string_view value)
{
    bool ok = !value.empty() && value.size() <= kMaxIdLength;
    for (unsigned char c : value)
        ok = ok && c > 0x20 && c != 0x7f && c != ',';
    if (!ok)
        throw std::invalid_argument(std::string(field) + " " + inQuotes(value)
            + " is invalid: use 1-128 characters, no spaces, commas "
              "or control characters");
}

void checkNonNegative(std::string_view field, int64_t value)
{
    if (value < 0)
        throw std::invalid_argument(
            std::string(field) + " must be >= 0 (got " + std::to_string(value) + ")");
}

void checkRole(v1::Role role)
{
    if (role == v1::ROLE_UNSPECIFIED || !v1::Role_IsValid(role))
        throw std::invalid_argument("role must be viewer, operator, tenant-manager or admin (got "
            + std::to_string(int(role)) + ")");
}

// Values newer than this build are kept as numbers: a model never changes meaning.
void checkModel(v1::AcceleratorModel model, bool allModels)
{
    if (allModels && model != v1::ACCELERATOR_MODEL_UNSPECIFIED)
        throw std::invalid_argument(
            "model must be ACCELERATOR_MODEL_UNSPECIFIED for a limit across "
            "all models (got "
            + v1::AcceleratorModel_Name(model) + ")");
    if (!allModels && model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        throw std::invalid_argument("model is required (got ACCELERATOR_MODEL_UNSPECIFIED)");
}

std::string joinTenants(const std::vector<std::string> &tenants)
{
    std::string out;
    for (const auto &t : tenants) {
        if (!out.empty())
            out += ',';
        out += t;
    }
    return out;
}

std::vector<std::string> splitTenants(std::string_view joined)
{
    std::vector<std::string> out;
    while (!joined.empty()) {
        const size_t comma = joined.find(',');
        out.emplace_back(joined.substr(0, comma));
        joined = comma == std::string_view::npos ? std::string_view() : joined.substr(comma + 1);
    }
    return out;
}

// A stored time as a Timestamp; a value that is not one means the file was damaged.
google::protobuf::Timestamp storedTimestamp(std::string_view column, const std::string &text)
{
    const auto micros = parseTime(text);
    if (!micros)
        throw StoreError("corrupt time in column " + std::string(column) + ": " + inQuotes(text));
    return toTimestamp(*micros);
}

// Users (one, or all when name is null) with their tokens, by name.
std::vector<v1::User> loadUsers(sqlite3 *db, const std::string *name)
{
    Transaction tx(db, Transaction::Read);
    std::vector<v1::User> users;
    std::map<std::string, size_t> index;
    {
        Statement st(db,
            "SELECT name, role, tenants, create_time FROM users"
            " WHERE ?1 IS NULL OR name = ?1 ORDER BY name");
        name ? st.bindText(1, *name) : st.bindNull(1);
        while (st.step()) {
            v1::User u;
            u.set_name(st.text(0));
            u.set_role(static_cast<v1::Role>(st.integer(1)));
            for (auto &t : splitTenants(st.text(2)))
                u.add_tenants(std::move(t));
            *u.mutable_create_time() = storedTimestamp("users.create_time", st.text(3));
            index[u.name()] = users.size();
            users.push_back(std::move(u));
        }
    }
    Statement st(db,
        "SELECT user, id, create_time, last_used_time FROM tokens"
        " WHERE ?1 IS NULL OR user = ?1 ORDER BY user, create_time, id");
    name ? st.bindText(1, *name) : st.bindNull(1);
    while (st.step()) {
        const auto it = index.find(st.text(0));
        if (it == index.end())
            continue;
        v1::TokenInfo *info = users[it->second].add_tokens();
        info->set_id(st.text(1));
        *info->mutable_create_time() = storedTimestamp("tokens.create_time", st.text(2));
        if (!st.isNull(3))
            *info->mutable_last_used_time() = storedTimestamp("tokens.last_used_time", st.text(3));
    }
    tx.commit();
    return users;
}

// Inserts a fresh token for `user` inside the caller's write transaction.
std::pair<v1::TokenInfo, std::string> insertToken(sqlite3 *db, const std::string &user, int64_t now)
{
    const std::string secret = newTokenSecret();
    std::string id;
    // 32 bits of id: retry the rare collision rather than fail a user creation.
    for (int attempt = 0;; ++attempt) {
        const std::string raw = randomBytes(4);
        id = "tok_" + hexOf(reinterpret_cast<const unsigned char *>(raw.data()), raw.size());
        Statement st(db, "SELECT 1 FROM tokens WHERE id = ?1");
        st.bindText(1, id);
        if (!st.step())
            break;
        if (attempt > 16)
            throw StoreError("could not find a free token id");
    }
    const std::string created = formatTime(now);
    Statement st(db, "INSERT INTO tokens (id, hash, user, create_time) VALUES (?1, ?2, ?3, ?4)");
    st.bindText(1, id).bindText(2, sha256Hex(secret)).bindText(3, user).bindText(4, created).run();
    v1::TokenInfo info;
    info.set_id(id);
    *info.mutable_create_time() = storedTimestamp("tokens.create_time", created);
    return { info, secret };
}

constexpr std::string_view kQuotaRequestColumns
    = "id, tenant, project, requester, model, max_accelerators, max_accelerator_hours,"
      " current_max_accelerators, current_max_accelerator_hours, justification, until_time,"
      " state, create_time, decider, decide_time, decision_comment, needs_admin, all_models"sv;

v1::QuotaRequest readQuotaRequest(const Statement &st)
{
    v1::QuotaRequest r;
    r.set_id(st.text(0));
    r.set_tenant(st.text(1));
    r.set_project(st.text(2));
    r.set_requester(st.text(3));
    r.set_model(static_cast<v1::AcceleratorModel>(st.integer(4)));
    r.set_max_accelerators(st.integer(5));
    r.set_max_accelerator_hours(st.integer(6));
    r.set_current_max_accelerators(st.integer(7));
    r.set_current_max_accelerator_hours(st.integer(8));
    r.set_justification(st.text(9));
    if (!st.isNull(10))
        *r.mutable_until_time() = storedTimestamp("quota_requests.until_time", st.text(10));
    r.set_state(static_cast<v1::QuotaRequestState>(st.integer(11)));
    *r.mutable_create_time() = storedTimestamp("quota_requests.create_time", st.text(12));
    r.set_decider(st.text(13));
    if (!st.isNull(14))
        *r.mutable_decide_time() = storedTimestamp("quota_requests.decide_time", st.text(14));
    r.set_decision_comment(st.text(15));
    r.set_needs_admin(st.integer(16) != 0);
    r.set_all_models(st.integer(17) != 0);
    return r;
}

std::optional<v1::QuotaRequest> selectQuotaRequest(sqlite3 *db, const std::string &id)
{
    Statement st(
        db, "SELECT " + std::string(kQuotaRequestColumns) + " FROM quota_requests WHERE id = ?1");
    st.bindText(1, id);
    if (!st.step())
        return std::nullopt;
    return readQuotaRequest(st);
}

} // namespace

// ---------------------------------------------------------------------------

Store::Store(const std::string &dataDir)
    : m_path((std::filesystem::path(dataDir) / "suanli.db").string())
{
    std::error_code ec;
    if (std::filesystem::create_directories(dataDir, ec); ec)
        throw StoreError("cannot create data directory " + dataDir + ": " + ec.message());
    // Token hashes and the audit log are for the gateway's user only; SQLite
    // gives the -wal and -shm files the database file's permissions.
    const int fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StoreError("cannot open " + m_path + ": " + std::strerror(errno));
    ::close(fd);

    const int rc = sqlite3_open_v2(m_path.c_str(), &m_db,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    try {
        if (rc != SQLITE_OK)
            throw StoreError("cannot open " + m_path + ": "
                + (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc)));
        sqlite3_extended_result_codes(m_db, 1);
        // The CLI may write while a gateway runs: wait for its lock rather than fail.
        sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
        {
            Statement st(m_db, "PRAGMA journal_mode = WAL");
            if (!st.step() || st.text(0) != "wal")
                throw StoreError(
                    m_path + ": cannot switch to WAL mode (journal_mode is " + st.text(0) + ")");
        }
        // FULL: an approved quota request must not come back as pending after a power cut.
        exec(m_db, "PRAGMA synchronous = FULL");
        exec(m_db, "PRAGMA foreign_keys = ON");
        migrate();
    } catch (const StoreError &e) {
        sqlite3_close_v2(m_db);
        const std::string what = e.what();
        throw what.find(m_path) == std::string::npos ? StoreError(m_path + ": " + what) : e;
    } catch (...) {
        sqlite3_close_v2(m_db);
        throw;
    }
}

Store::~Store()
{
    sqlite3_close_v2(m_db);
}

void Store::migrate()
{
    for (const Migration &step : kMigrations) {
        Transaction tx(m_db, Transaction::Write);
        // Read inside the write lock: another process may have migrated meanwhile.
        const int version = userVersion(m_db);
        if (version > kSchemaVersion)
            throw StoreError("database schema " + std::to_string(version)
                + " is newer than this suanlid (" + std::to_string(kSchemaVersion)
                + "); upgrade suanlid");
        if (version >= step.version) {
            tx.commit();
            continue;
        }
        if (version != step.version - 1)
            throw StoreError("database schema " + std::to_string(version) + " has no migration to "
                + std::to_string(step.version));
        exec(m_db, step.sql);
        exec(m_db, ("PRAGMA user_version = " + std::to_string(step.version)).c_str());
        tx.commit();
    }
}

int Store::schemaVersion() const
{
    std::lock_guard lock(m_mutex);
    return userVersion(m_db);
}

std::string Store::damage() const
{
    std::string problems;
    try {
        std::lock_guard lock(m_mutex);
        Statement st(m_db, "PRAGMA quick_check(20)");
        while (st.step()) {
            const std::string line = st.text(0);
            if (line != "ok")
                problems += (problems.empty() ? "" : "; ") + line;
        }
    } catch (const StoreError &e) {
        problems = e.what();
    }
    if (!problems.empty())
        return "SQLite finds it damaged: " + problems;
    try {
        const auto chain = verifyAudit();
        if (!chain.intact())
            return "its audit log does not verify: " + chain.problem();
    } catch (const StoreError &e) {
        return std::string("its audit log cannot be read: ") + e.what();
    }
    return {};
}

// ----- users and tokens -----

std::string Store::createUser(
    const std::string &name, v1::Role role, const std::vector<std::string> &tenants)
{
    checkUserName("user name", name);
    checkRole(role);
    std::vector<std::string> unique;
    for (const auto &t : tenants) {
        checkId("tenant", t);
        if (std::find(unique.begin(), unique.end(), t) == unique.end())
            unique.push_back(t);
    }

    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    {
        Statement st(m_db, "SELECT 1 FROM users WHERE name = ?1");
        st.bindText(1, name);
        if (st.step())
            throw AlreadyExistsError("user " + inQuotes(name) + " already exists");
    }
    const int64_t now = nowMicros();
    Statement st(
        m_db, "INSERT INTO users (name, role, tenants, create_time) VALUES (?1, ?2, ?3, ?4)");
    st.bindText(1, name)
        .bindInt(2, role)
        .bindText(3, joinTenants(unique))
        .bindText(4, formatTime(now))
        .run();
    auto token = insertToken(m_db, name, now);
    tx.commit();
    return token.second;
}

bool Store::deleteUser(const std::string &name)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    // Explicit, so tokens go even if a future connection forgot foreign_keys.
    Statement(m_db, "DELETE FROM tokens WHERE user = ?1").bindText(1, name).run();
    const bool deleted
        = Statement(m_db, "DELETE FROM users WHERE name = ?1").bindText(1, name).run();
    tx.commit();
    return deleted;
}

std::vector<v1::User> Store::listUsers() const
{
    std::lock_guard lock(m_mutex);
    return loadUsers(m_db, nullptr);
}

std::optional<v1::User> Store::user(const std::string &name) const
{
    std::lock_guard lock(m_mutex);
    auto users = loadUsers(m_db, &name);
    if (users.empty())
        return std::nullopt;
    return std::move(users.front());
}

std::pair<v1::TokenInfo, std::string> Store::createToken(const std::string &user)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    {
        Statement st(m_db, "SELECT 1 FROM users WHERE name = ?1");
        st.bindText(1, user);
        if (!st.step())
            throw NotFoundError("user " + inQuotes(user) + " does not exist");
    }
    auto token = insertToken(m_db, user, nowMicros());
    tx.commit();
    return token;
}

bool Store::revokeToken(const std::string &tokenId)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    const bool revoked
        = Statement(m_db, "DELETE FROM tokens WHERE id = ?1").bindText(1, tokenId).run();
    tx.commit();
    return revoked;
}

std::optional<Principal> Store::authenticate(const std::string &token)
{
    // Anything not shaped like a token is refused without touching the database.
    if (token.size() != 46 || token.compare(0, 3, "sl_") != 0)
        return std::nullopt;
    const std::string hash = sha256Hex(token);

    std::lock_guard lock(m_mutex);
    Principal p;
    std::optional<std::string> lastUsed;
    {
        Statement st(m_db,
            "SELECT t.id, t.last_used_time, u.name, u.role, u.tenants"
            " FROM tokens t JOIN users u ON u.name = t.user WHERE t.hash = ?1");
        st.bindText(1, hash);
        if (!st.step())
            return std::nullopt;
        p.tokenId = st.text(0);
        if (!st.isNull(1))
            lastUsed = st.text(1);
        p.user = st.text(2);
        p.role = static_cast<v1::Role>(st.integer(3));
        p.tenants = splitTenants(st.text(4));
    }
    const int64_t now = nowMicros();
    const auto last = lastUsed ? parseTime(*lastUsed) : std::nullopt;
    if (!last || now - *last >= kLastUsedResolutionUs || now < *last) {
        // Best effort: a busy or full disk must not lock a valid user out.
        try {
            Statement(m_db, "UPDATE tokens SET last_used_time = ?2 WHERE id = ?1")
                .bindText(1, p.tokenId)
                .bindText(2, formatTime(now))
                .run();
        } catch (const StoreError &) {
        }
    }
    return p;
}

// ----- tenants and quotas -----

void Store::upsertTenants(const std::vector<v1::Tenant> &tenants)
{
    for (const auto &t : tenants) {
        checkId("tenant.id", t.id());
        for (const auto &p : t.projects())
            checkId("project.id", p.id());
    }
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    const std::string now = formatTime(nowMicros());
    Statement tenant(m_db,
        "INSERT INTO tenants (id, name, name_zh, update_time)"
        " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET"
        " name = excluded.name, name_zh = excluded.name_zh,"
        " update_time = excluded.update_time");
    Statement project(m_db,
        "INSERT INTO projects (id, tenant, name, name_zh, update_time)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET"
        " tenant = excluded.tenant, name = excluded.name,"
        " name_zh = excluded.name_zh, update_time = excluded.update_time");
    for (const auto &t : tenants) {
        tenant.bindText(1, t.id())
            .bindText(2, t.name())
            .bindText(3, t.name_zh())
            .bindText(4, now)
            .run();
        for (const auto &p : t.projects()) {
            // A project belongs to the tenant it is listed under.
            project.bindText(1, p.id())
                .bindText(2, t.id())
                .bindText(3, p.name())
                .bindText(4, p.name_zh());
            project.bindText(5, now).run();
        }
    }
    tx.commit();
}

std::vector<v1::Tenant> Store::tenants() const
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Read);
    std::vector<v1::Tenant> out;
    std::map<std::string, size_t> index;
    {
        Statement st(m_db, "SELECT id, name, name_zh FROM tenants ORDER BY id");
        while (st.step()) {
            v1::Tenant t;
            t.set_id(st.text(0));
            t.set_name(st.text(1));
            t.set_name_zh(st.text(2));
            index[t.id()] = out.size();
            out.push_back(std::move(t));
        }
    }
    Statement st(m_db, "SELECT id, tenant, name, name_zh FROM projects ORDER BY tenant, id");
    while (st.step()) {
        const auto it = index.find(st.text(1));
        if (it == index.end())
            continue;
        v1::Project *p = out[it->second].add_projects();
        p->set_id(st.text(0));
        p->set_tenant(st.text(1));
        p->set_name(st.text(2));
        p->set_name_zh(st.text(3));
    }
    tx.commit();
    return out;
}

void Store::saveQuota(const StoredQuota &quota)
{
    checkId("tenant", quota.tenant);
    if (!quota.project.empty())
        checkId("project", quota.project);
    checkModel(quota.limit.model(), quota.limit.all_models());
    checkNonNegative("max_accelerators", quota.limit.max_accelerators());
    checkNonNegative("max_accelerator_hours", quota.limit.max_accelerator_hours());

    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    Statement(m_db,
        "INSERT INTO quotas (tenant, project, model, max_accelerators,"
        " max_accelerator_hours, update_time, all_models) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
        " ON CONFLICT (tenant, project, model) DO UPDATE SET"
        " max_accelerators = excluded.max_accelerators,"
        " max_accelerator_hours = excluded.max_accelerator_hours,"
        " update_time = excluded.update_time")
        .bindText(1, quota.tenant)
        .bindText(2, quota.project)
        .bindInt(3, quota.limit.model())
        .bindInt(4, quota.limit.max_accelerators())
        .bindInt(5, quota.limit.max_accelerator_hours())
        .bindText(6, formatTime(nowMicros()))
        .bindInt(7, quota.limit.all_models() ? 1 : 0)
        .run();
    tx.commit();
}

std::vector<StoredQuota> Store::quotas() const
{
    std::lock_guard lock(m_mutex);
    std::vector<StoredQuota> out;
    Statement st(m_db,
        "SELECT tenant, project, model, max_accelerators, max_accelerator_hours, all_models"
        " FROM quotas ORDER BY tenant, project, model");
    while (st.step()) {
        StoredQuota q;
        q.tenant = st.text(0);
        q.project = st.text(1);
        q.limit.set_model(static_cast<v1::AcceleratorModel>(st.integer(2)));
        q.limit.set_max_accelerators(st.integer(3));
        q.limit.set_max_accelerator_hours(st.integer(4));
        q.limit.set_all_models(st.integer(5) != 0);
        out.push_back(std::move(q));
    }
    return out;
}

// ----- quota requests -----

v1::QuotaRequest Store::createQuotaRequest(const v1::QuotaRequest &request)
{
    checkId("tenant", request.tenant());
    if (!request.project().empty())
        checkId("project", request.project());
    checkUserName("requester", request.requester());
    checkModel(request.model(), request.all_models());
    checkNonNegative("max_accelerators", request.max_accelerators());
    checkNonNegative("max_accelerator_hours", request.max_accelerator_hours());
    checkNonNegative("current_max_accelerators", request.current_max_accelerators());
    checkNonNegative("current_max_accelerator_hours", request.current_max_accelerator_hours());
    std::optional<std::string> until;
    if (request.has_until_time())
        until = timestampText("until_time", request.until_time());

    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    int64_t number = 1;
    {
        Statement st(m_db, "SELECT COALESCE(MAX(number), 0) + 1 FROM quota_requests");
        if (st.step())
            number = st.integer(0);
    }
    char id[32];
    std::snprintf(id, sizeof id, "qr-%06lld", static_cast<long long>(number));
    Statement(m_db,
        "INSERT INTO quota_requests (number, id, tenant, project, requester, model,"
        " max_accelerators, max_accelerator_hours, current_max_accelerators,"
        " current_max_accelerator_hours, justification, until_time, state,"
        " create_time, needs_admin, all_models)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
        .bindInt(1, number)
        .bindText(2, id)
        .bindText(3, request.tenant())
        .bindText(4, request.project())
        .bindText(5, request.requester())
        .bindInt(6, request.model())
        .bindInt(7, request.max_accelerators())
        .bindInt(8, request.max_accelerator_hours())
        .bindInt(9, request.current_max_accelerators())
        .bindInt(10, request.current_max_accelerator_hours())
        .bindText(11, request.justification())
        .bindOptionalText(12, until)
        .bindInt(13, v1::QUOTA_REQUEST_STATE_PENDING)
        .bindText(14, formatTime(centreMicros()))
        .bindInt(15, request.needs_admin() ? 1 : 0)
        .bindInt(16, request.all_models() ? 1 : 0)
        .run();
    auto stored = selectQuotaRequest(m_db, id);
    tx.commit();
    if (!stored)
        throw StoreError(std::string("quota request ") + id + " vanished after insert");
    return *stored;
}

std::optional<v1::QuotaRequest> Store::quotaRequest(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    return selectQuotaRequest(m_db, id);
}

std::vector<v1::QuotaRequest> Store::quotaRequests() const
{
    std::lock_guard lock(m_mutex);
    std::vector<v1::QuotaRequest> out;
    Statement st(m_db,
        "SELECT " + std::string(kQuotaRequestColumns)
            + " FROM quota_requests ORDER BY state = ?1 DESC, number DESC");
    st.bindInt(1, v1::QUOTA_REQUEST_STATE_PENDING);
    while (st.step())
        out.push_back(readQuotaRequest(st));
    return out;
}

std::optional<v1::QuotaRequest> Store::decideQuotaRequest(const std::string &id,
    v1::QuotaRequestState state, const std::string &decider, const std::string &comment)
{
    if (state != v1::QUOTA_REQUEST_STATE_APPROVED && state != v1::QUOTA_REQUEST_STATE_REJECTED
        && state != v1::QUOTA_REQUEST_STATE_EXPIRED)
        throw std::invalid_argument(
            "state must be approved, rejected or expired (got " + std::to_string(int(state)) + ")");
    checkUserName("decider", decider);

    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    // The state condition makes the decision exactly-once, even against another process.
    const int changed = Statement(m_db,
        "UPDATE quota_requests SET state = ?2, decider = ?3, decide_time = ?4,"
        " decision_comment = ?5 WHERE id = ?1 AND state = ?6")
                            .bindText(1, id)
                            .bindInt(2, state)
                            .bindText(3, decider)
                            .bindText(4, formatTime(centreMicros()))
                            .bindText(5, comment)
                            .bindInt(6, v1::QUOTA_REQUEST_STATE_PENDING)
                            .run();
    if (changed == 0)
        return std::nullopt;
    auto decided = selectQuotaRequest(m_db, id);
    tx.commit();
    return decided;
}

// ----- audit -----

void Store::setClock(std::function<int64_t()> nowMicros)
{
    m_clock = std::move(nowMicros);
}

int64_t Store::centreMicros() const
{
    return m_clock ? m_clock() : nowMicros();
}

v1::AuditEntry Store::appendAudit(const AuditRecord &record)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    AuditFields e;
    e.sequence = 1;
    e.previousHash = std::string(kZeroHash);
    {
        Statement st(m_db, "SELECT sequence, hash FROM audit ORDER BY sequence DESC LIMIT 1");
        if (st.step()) {
            e.sequence = st.integer(0) + 1;
            e.previousHash = st.text(1);
        }
    }
    e.time = formatTime(centreMicros());
    e.user = record.user;
    e.role = record.role;
    e.action = record.action;
    e.target = record.target;
    e.reason = record.reason;
    e.result = record.result;
    e.detail = record.detail;
    e.peer = record.peer;
    e.hash = auditHash(e);
    Statement(m_db,
        "INSERT INTO audit (" + std::string(kAuditColumns)
            + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
        .bindInt(1, e.sequence)
        .bindText(2, e.time)
        .bindText(3, e.user)
        .bindInt(4, e.role)
        .bindText(5, e.action)
        .bindText(6, e.target)
        .bindText(7, e.reason)
        .bindText(8, e.result)
        .bindText(9, e.detail)
        .bindText(10, e.peer)
        .bindText(11, e.previousHash)
        .bindText(12, e.hash)
        .run();
    tx.commit();
    return toAuditEntry(e);
}

std::vector<v1::AuditEntry> Store::auditEntries(int64_t before, int limit) const
{
    checkNonNegative("before", before);
    if (limit <= 0)
        throw std::invalid_argument("limit must be > 0 (got " + std::to_string(limit) + ")");
    std::lock_guard lock(m_mutex);
    std::vector<v1::AuditEntry> out;
    Statement st(m_db,
        "SELECT " + std::string(kAuditColumns)
            + " FROM audit WHERE ?1 = 0 OR sequence < ?1"
              " ORDER BY sequence DESC LIMIT ?2");
    st.bindInt(1, before).bindInt(2, limit);
    while (st.step())
        out.push_back(toAuditEntry(readAudit(st)));
    return out;
}

int64_t Store::auditCount() const
{
    std::lock_guard lock(m_mutex);
    Statement st(m_db, "SELECT COUNT(*) FROM audit");
    return st.step() ? st.integer(0) : 0;
}

v1::VerifyAuditLogResponse Store::verifyAudit(const std::function<void(int64_t)> &checked) const
{
    // A connection of its own, taking no lock of this Store: walking a long chain must not keep
    // token checks and writes waiting (WAL lets them go on beside this read).
    ReadConnection reader(m_path);
    // One snapshot, so an append meanwhile cannot look like a break.
    Transaction tx(reader.db, Transaction::Read);
    Statement st(
        reader.db, "SELECT " + std::string(kAuditColumns) + " FROM audit ORDER BY sequence");
    int64_t last = 0;
    auto out = auditlog::verifyChain([&](AuditFields *e) {
        if (last && checked)
            checked(last);
        if (!st.step())
            return false;
        *e = readAudit(st);
        last = e->sequence;
        return true;
    });
    tx.commit();
    return out;
}

// ----- idempotency -----

std::optional<std::string> Store::idempotentResponse(
    const std::string &user, const std::string &requestId) const
{
    if (requestId.empty())
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    // Expired entries are purged on the next write; until then they are not answers.
    Statement st(m_db,
        "SELECT response FROM idempotency"
        " WHERE user = ?1 AND request_id = ?2 AND create_time >= ?3");
    st.bindText(1, user)
        .bindText(2, requestId)
        .bindText(3, formatTime(nowMicros() - kIdempotencyLifetimeUs));
    if (!st.step())
        return std::nullopt;
    return st.blob(0);
}

void Store::rememberResponse(
    const std::string &user, const std::string &requestId, const std::string &response)
{
    if (requestId.empty())
        return;
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db, Transaction::Write);
    const int64_t now = nowMicros();
    Statement(m_db, "DELETE FROM idempotency WHERE create_time < ?1")
        .bindText(1, formatTime(now - kIdempotencyLifetimeUs))
        .run();
    Statement(m_db,
        "INSERT INTO idempotency (user, request_id, response, create_time)"
        " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user, request_id) DO NOTHING")
        .bindText(1, user)
        .bindText(2, requestId)
        .bindBlob(3, response)
        .bindText(4, formatTime(now))
        .run();
    tx.commit();
}

} // namespace suanli::server
