// Tests of the gateway's SQLite store: migrations, users and tokens, the audit
// hash chain, quota requests and idempotency.
#include "server/store/Store.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>
#include <iterator>
#include <latch>
#include <mutex>
#include <openssl/evp.h>
#include <optional>
#include <set>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace suanli::server;
namespace fs = std::filesystem;

// A raw connection to the store's file, to inspect or tamper as an attacker would.
class RawDb {
public:
    explicit RawDb(const std::string &path)
    {
        if (sqlite3_open(path.c_str(), &m_db) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        sqlite3_busy_timeout(m_db, 10000);
    }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    // Runs SQL; returns the error message, empty on success.
    std::string exec(const std::string &sql)
    {
        char *err = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK)
            return {};
        std::string message = err ? err : "error";
        sqlite3_free(err);
        return message;
    }
    void mustExec(const std::string &sql)
    {
        const std::string error = exec(sql);
        ASSERT_EQ(error, "") << sql;
    }
    // First column of the first row as text ("" when no row).
    std::string scalar(const std::string &sql)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(m_db));
        std::string out;
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            out = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
};

std::string sha256Hex(const std::string &data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), md, &size, EVP_sha256(), nullptr);
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += digits[md[i] >> 4];
        out += digits[md[i] & 0xf];
    }
    return out;
}

// Every byte of every file in dir (database, WAL, shared memory) concatenated.
std::string allBytes(const fs::path &dir)
{
    std::string bytes;
    for (const auto &entry : fs::directory_iterator(dir)) {
        std::ifstream in(entry.path(), std::ios::binary);
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
}

AuditRecord record(int i)
{
    AuditRecord r;
    r.user = "user" + std::to_string(i % 3);
    r.role = suanli::v1::ROLE_OPERATOR;
    r.action = "Cluster.DrainNodes";
    r.target = "lg-r" + std::to_string(i) + "-n1";
    r.reason = "maintenance 维护 #" + std::to_string(i);
    r.result = i % 5 == 0 ? "PERMISSION_DENIED" : "OK";
    r.detail = i % 2 ? "" : "drained 1 node";
    r.peer = "ipv4:127.0.0.1:" + std::to_string(40000 + i);
    return r;
}

suanli::v1::QuotaRequest quotaAsk(const std::string &tenant = "galaxy")
{
    suanli::v1::QuotaRequest q;
    q.set_tenant(tenant);
    q.set_project("galaxy-llm70b");
    q.set_requester("alice");
    q.set_model(suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100);
    q.set_max_accelerators(256);
    q.set_max_accelerator_hours(50000);
    q.set_current_max_accelerators(128);
    q.set_current_max_accelerator_hours(20000);
    q.set_justification("70B pre-training run");
    return q;
}

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const char *tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/tst_store.XXXXXX";
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string dir() const { return m_dir.string(); }
    std::string dbPath() const { return (m_dir / "suanli.db").string(); }

private:
    fs::path m_dir;
};

// ----- schema -----

TEST_F(StoreTest, FreshDatabaseMigratesToCurrentVersion)
{
    const std::string nested = dir() + "/data/gateway";
    Store store(nested);
    EXPECT_GE(Store::kSchemaVersion, 1);
    EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
    EXPECT_EQ(store.path(), nested + "/suanli.db");

    RawDb raw(store.path());
    EXPECT_EQ(raw.scalar("PRAGMA user_version"), std::to_string(Store::kSchemaVersion));
    EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "wal");
    for (const char *table : { "users", "tokens", "tenants", "projects", "quotas", "quota_requests",
             "audit", "idempotency" })
        EXPECT_EQ(raw.scalar(std::string("SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name = '")
                      + table + "'"),
            table);
    EXPECT_EQ(fs::status(store.path()).permissions() & fs::perms::others_read, fs::perms::none);
}

TEST_F(StoreTest, ReopenKeepsData)
{
    std::string token;
    std::string requestId;
    {
        Store store(dir());
        token = store.createUser("alice", suanli::v1::ROLE_TENANT_MANAGER, { "galaxy", "nebula" });
        store.appendAudit(record(1));
        store.appendAudit(record(2));
        StoredQuota q;
        q.tenant = "galaxy";
        q.limit.set_model(suanli::v1::ACCELERATOR_MODEL_ASCEND_910B);
        q.limit.set_max_accelerators(64);
        store.saveQuota(q);
        requestId = store.createQuotaRequest(quotaAsk()).id();
        store.rememberResponse("alice", "req-1", "bytes");
        suanli::v1::Tenant t;
        t.set_id("galaxy");
        t.set_name("Galaxy AI");
        t.set_name_zh("银河智能");
        store.upsertTenants({ t });
    }
    Store store(dir());
    EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
    const auto p = store.authenticate(token);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->user, "alice");
    EXPECT_EQ(p->role, suanli::v1::ROLE_TENANT_MANAGER);
    EXPECT_EQ(p->tenants, (std::vector<std::string> { "galaxy", "nebula" }));
    EXPECT_EQ(store.auditCount(), 2);
    EXPECT_TRUE(store.verifyAudit().intact());
    ASSERT_EQ(store.quotas().size(), 1u);
    EXPECT_EQ(store.quotas()[0].limit.max_accelerators(), 64);
    ASSERT_TRUE(store.quotaRequest(requestId));
    EXPECT_EQ(store.idempotentResponse("alice", "req-1"), "bytes");
    ASSERT_EQ(store.tenants().size(), 1u);
    EXPECT_EQ(store.tenants()[0].name_zh(), "银河智能");
    // The chain continues where it stopped.
    EXPECT_EQ(store.appendAudit(record(3)).sequence(), 3);
    EXPECT_TRUE(store.verifyAudit().intact());
}

TEST_F(StoreTest, NewerSchemaIsRefused)
{
    {
        Store store(dir());
    }
    const int newer = Store::kSchemaVersion + 6;
    {
        RawDb raw(dbPath());
        raw.mustExec("PRAGMA user_version = " + std::to_string(newer));
    }
    try {
        Store store(dir());
        FAIL() << "opened a database newer than the code";
    } catch (const StoreError &e) {
        const std::string expected = "database schema " + std::to_string(newer)
            + " is newer than this suanlid (" + std::to_string(Store::kSchemaVersion)
            + "); upgrade suanlid";
        EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
    // Refusing must not touch the newer database.
    RawDb raw(dbPath());
    EXPECT_EQ(raw.scalar("PRAGMA user_version"), std::to_string(newer));
}

TEST_F(StoreTest, NotADatabaseIsRefused)
{
    {
        std::ofstream out(dbPath(), std::ios::binary);
        out << std::string(4096, 'x');
    }
    EXPECT_THROW(Store store(dir()), StoreError);
}

// ----- users and tokens -----

TEST_F(StoreTest, TokenAuthenticatesItsUserOnly)
{
    Store store(dir());
    const std::string alice = store.createUser("alice", suanli::v1::ROLE_ADMIN, {});
    const std::string bob = store.createUser("bob", suanli::v1::ROLE_VIEWER, { "galaxy" });

    for (const auto &token : { alice, bob }) {
        ASSERT_EQ(token.size(), 46u) << token;
        EXPECT_EQ(token.substr(0, 3), "sl_");
        EXPECT_TRUE(std::all_of(token.begin() + 3, token.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        })) << token;
    }
    EXPECT_NE(alice, bob);

    const auto a = store.authenticate(alice);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->user, "alice");
    EXPECT_EQ(a->role, suanli::v1::ROLE_ADMIN);
    EXPECT_TRUE(a->tenants.empty());
    const auto info = store.user("alice");
    ASSERT_TRUE(info);
    ASSERT_EQ(info->tokens_size(), 1);
    EXPECT_EQ(a->tokenId, info->tokens(0).id());
    EXPECT_EQ(a->tokenId.size(), 12u);
    EXPECT_EQ(a->tokenId.substr(0, 4), "tok_");
    EXPECT_TRUE(std::all_of(a->tokenId.begin() + 4, a->tokenId.end(),
        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }));

    const auto b = store.authenticate(bob);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->user, "bob");
    EXPECT_EQ(b->tenants, std::vector<std::string> { "galaxy" });

    std::string wrong = alice;
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(store.authenticate(wrong));
    EXPECT_FALSE(store.authenticate(""));
    EXPECT_FALSE(store.authenticate(alice.substr(3)));
    EXPECT_FALSE(store.authenticate(alice + "x"));

    // The first use is recorded.
    const auto after = store.user("alice");
    ASSERT_TRUE(after && after->tokens_size() == 1);
    EXPECT_TRUE(after->tokens(0).has_last_used_time());
    EXPECT_GE(
        after->tokens(0).last_used_time().seconds(), after->tokens(0).create_time().seconds());

    const auto users = store.listUsers();
    ASSERT_EQ(users.size(), 2u);
    EXPECT_EQ(users[0].name(), "alice");
    EXPECT_EQ(users[1].name(), "bob");
    EXPECT_EQ(users[1].role(), suanli::v1::ROLE_VIEWER);
    EXPECT_EQ(users[1].tokens_size(), 1);
}

TEST_F(StoreTest, TokenPlaintextIsNowhereInTheDatabase)
{
    std::vector<std::string> tokens;
    {
        Store store(dir());
        tokens.push_back(store.createUser("alice", suanli::v1::ROLE_ADMIN, {}));
        tokens.push_back(store.createToken("alice").second);
        // While open, the newest pages live in the WAL file.
        const std::string bytes = allBytes(dir());
        for (const auto &token : tokens) {
            EXPECT_NE(bytes.find(sha256Hex(token)), std::string::npos)
                << "the search itself is broken: the token's hash is not found";
            EXPECT_EQ(bytes.find(token.substr(3)), std::string::npos) << "plaintext token stored";
        }
    }
    const std::string bytes = allBytes(dir());
    for (const auto &token : tokens) {
        EXPECT_NE(bytes.find(sha256Hex(token)), std::string::npos);
        EXPECT_EQ(bytes.find(token.substr(3)), std::string::npos) << "plaintext token stored";
    }
}

TEST_F(StoreTest, RevokedAndDeletedTokensStopWorking)
{
    Store store(dir());
    const std::string first = store.createUser("carol", suanli::v1::ROLE_OPERATOR, {});
    const auto [secondInfo, second] = store.createToken("carol");
    EXPECT_NE(first, second);
    ASSERT_TRUE(store.authenticate(first));
    ASSERT_TRUE(store.authenticate(second));
    const std::string firstId = store.authenticate(first)->tokenId;
    EXPECT_EQ(store.authenticate(second)->tokenId, secondInfo.id());
    EXPECT_EQ(store.user("carol")->tokens_size(), 2);

    EXPECT_TRUE(store.revokeToken(firstId));
    EXPECT_FALSE(store.authenticate(first));
    EXPECT_TRUE(store.authenticate(second));
    EXPECT_FALSE(store.revokeToken(firstId));
    EXPECT_FALSE(store.revokeToken("tok_00000000"));
    EXPECT_EQ(store.user("carol")->tokens_size(), 1);

    EXPECT_THROW(store.createToken("nobody"), NotFoundError);

    EXPECT_TRUE(store.deleteUser("carol"));
    EXPECT_FALSE(store.authenticate(second));
    EXPECT_FALSE(store.user("carol"));
    EXPECT_FALSE(store.deleteUser("carol"));
    {
        RawDb raw(store.path());
        EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM tokens WHERE user = 'carol'"), "0");
    }
    // A new user of the same name does not inherit the old tokens.
    store.createUser("carol", suanli::v1::ROLE_VIEWER, {});
    EXPECT_FALSE(store.authenticate(second));
}

TEST_F(StoreTest, InvalidInputIsRejectedNamingFieldAndValue)
{
    Store store(dir());
    const std::vector<std::string> bad = { "", "Alice", "-bob", ".bob", "_bob", "bo b", "a/b",
        "bob\n", "été", "a,b", std::string(65, 'a') };
    for (const auto &name : bad) {
        try {
            store.createUser(name, suanli::v1::ROLE_VIEWER, {});
            ADD_FAILURE() << "accepted user name \"" << name << "\"";
        } catch (const std::invalid_argument &e) {
            const std::string what = e.what();
            EXPECT_NE(what.find("user name"), std::string::npos) << what;
            if (name.find('\n') == std::string::npos) {
                EXPECT_NE(what.find("\"" + name + "\""), std::string::npos) << what;
            } else {
                EXPECT_NE(what.find("\\x0a"), std::string::npos) << what;
            }
        }
    }
    EXPECT_TRUE(store.listUsers().empty());

    for (const auto &good :
        { std::string("a"), std::string("0"), std::string("alice.w_1-x"), std::string(64, 'z') })
        EXPECT_NO_THROW(store.createUser(good, suanli::v1::ROLE_VIEWER, {})) << good;

    EXPECT_THROW(store.createUser("a", suanli::v1::ROLE_ADMIN, {}), AlreadyExistsError);
    EXPECT_EQ(store.user("a")->role(), suanli::v1::ROLE_VIEWER);
    try {
        store.createUser("alice.w_1-x", suanli::v1::ROLE_VIEWER, {});
        ADD_FAILURE() << "duplicate user accepted";
    } catch (const AlreadyExistsError &e) {
        EXPECT_NE(std::string(e.what()).find("alice.w_1-x"), std::string::npos);
    }
    try {
        store.createUser("dave", suanli::v1::ROLE_UNSPECIFIED, {});
        ADD_FAILURE() << "unspecified role accepted";
    } catch (const std::invalid_argument &e) {
        EXPECT_NE(std::string(e.what()).find("role"), std::string::npos) << e.what();
    }
    try {
        store.createUser("dave", suanli::v1::ROLE_VIEWER, { "galaxy", "bad tenant" });
        ADD_FAILURE() << "tenant with a space accepted";
    } catch (const std::invalid_argument &e) {
        EXPECT_NE(std::string(e.what()).find("tenant \"bad tenant\""), std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(store.user("dave"));
}

// ----- audit -----

TEST_F(StoreTest, AuditChainIsIntactAfterHundredAppends)
{
    Store store(dir());
    std::vector<suanli::v1::AuditEntry> appended;
    for (int i = 1; i <= 100; ++i)
        appended.push_back(store.appendAudit(record(i)));

    EXPECT_EQ(appended.front().previous_hash(), std::string(64, '0'));
    for (size_t i = 0; i < appended.size(); ++i) {
        EXPECT_EQ(appended[i].sequence(), int64_t(i + 1));
        EXPECT_EQ(appended[i].hash().size(), 64u);
        if (i > 0) {
            EXPECT_EQ(appended[i].previous_hash(), appended[i - 1].hash());
        }
    }
    EXPECT_EQ(store.auditCount(), 100);
    const auto verdict = store.verifyAudit();
    EXPECT_TRUE(verdict.intact()) << verdict.problem();
    EXPECT_EQ(verdict.entries_checked(), 100);
    EXPECT_EQ(verdict.first_broken_sequence(), 0);

    const auto newest = store.auditEntries(0, 10);
    ASSERT_EQ(newest.size(), 10u);
    EXPECT_EQ(newest.front().sequence(), 100);
    EXPECT_EQ(newest.back().sequence(), 91);
    // What is listed is exactly what was appended, times to the microsecond.
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(newest.front(), appended[99]))
        << newest.front().DebugString() << appended[99].DebugString();
    EXPECT_EQ(appended[99].reason(), "maintenance 维护 #100");
    EXPECT_EQ(appended[99].time().nanos() % 1000, 0);
    const auto page = store.auditEntries(91, 5);
    ASSERT_EQ(page.size(), 5u);
    EXPECT_EQ(page.front().sequence(), 90);
    EXPECT_EQ(page.back().sequence(), 86);
    EXPECT_EQ(store.auditEntries(3, 10).size(), 2u);
    EXPECT_THROW(store.auditEntries(0, 0), std::invalid_argument);
}

// Verifying a long audit log keeps no lock that token checks need: half way through the chain a
// token is checked, an entry appended and the log counted, and the verification still reads the
// chain as it was when it began.
TEST_F(StoreTest, TokenChecksGoOnWhileTheAuditLogIsVerified)
{
    Store store(dir());
    const std::string token = store.createUser("alice", suanli::v1::ROLE_OPERATOR, {});
    constexpr int kEntries = 1000;
    for (int i = 1; i <= kEntries; ++i)
        store.appendAudit(record(i));

    std::mutex mutex;
    std::condition_variable changed;
    bool halfWay = false;
    bool othersDone = false;
    suanli::v1::VerifyAuditLogResponse verdict;
    std::thread verifier([&] {
        verdict = store.verifyAudit([&](int64_t sequence) {
            if (sequence != kEntries / 2)
                return;
            std::unique_lock lock(mutex);
            halfWay = true;
            changed.notify_all();
            changed.wait(lock, [&] { return othersDone; });
        });
    });
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return halfWay; });
    }

    std::optional<Principal> who;
    suanli::v1::AuditEntry appended;
    int64_t count = 0;
    std::thread others([&] {
        who = store.authenticate(token);
        appended = store.appendAudit(record(kEntries + 1));
        count = store.auditCount();
        std::lock_guard lock(mutex);
        othersDone = true;
        changed.notify_all();
    });
    bool answered = false;
    {
        std::unique_lock lock(mutex);
        // The bound only keeps a store that makes them wait from hanging the test.
        answered = changed.wait_for(lock, std::chrono::minutes(1), [&] { return othersDone; });
        othersDone = true; // lets the verification go on either way
    }
    changed.notify_all();
    verifier.join();
    others.join();

    EXPECT_TRUE(answered) << "the token check waited for the verification of the audit log";
    ASSERT_TRUE(who);
    EXPECT_EQ(who->user, "alice");
    EXPECT_EQ(appended.sequence(), kEntries + 1);
    EXPECT_EQ(count, kEntries + 1);
    EXPECT_TRUE(verdict.intact()) << verdict.problem();
    EXPECT_EQ(verdict.entries_checked(), kEntries);
    EXPECT_TRUE(store.verifyAudit().intact());
}

TEST_F(StoreTest, AuditRowsCannotBeChangedThroughSql)
{
    Store store(dir());
    store.appendAudit(record(1));
    RawDb raw(store.path());
    EXPECT_NE(raw.exec("UPDATE audit SET reason = 'x'"), "");
    EXPECT_NE(raw.exec("DELETE FROM audit"), "");
    EXPECT_EQ(raw.scalar("SELECT reason FROM audit WHERE sequence = 1"), record(1).reason);
}

TEST_F(StoreTest, EditedAuditEntryIsReported)
{
    Store store(dir());
    for (int i = 1; i <= 30; ++i)
        store.appendAudit(record(i));
    {
        RawDb raw(store.path());
        raw.mustExec("DROP TRIGGER audit_no_update");
        raw.mustExec("UPDATE audit SET reason = 'nothing to see' WHERE sequence = 17");
    }
    const auto verdict = store.verifyAudit();
    EXPECT_FALSE(verdict.intact());
    EXPECT_EQ(verdict.first_broken_sequence(), 17);
    EXPECT_NE(verdict.problem().find("entry 17"), std::string::npos) << verdict.problem();
    EXPECT_NE(verdict.problem().find("edited"), std::string::npos) << verdict.problem();
    EXPECT_EQ(verdict.entries_checked(), 17);
}

TEST_F(StoreTest, AuditTimeAndFieldBoundariesAreCovered)
{
    Store store(dir());
    AuditRecord r = record(1);
    r.action = "Cluster.DrainNodes";
    r.target = "n1";
    for (int i = 0; i < 6; ++i)
        store.appendAudit(r);
    {
        RawDb raw(store.path());
        raw.mustExec("DROP TRIGGER audit_no_update");
        // Bytes moved from one field into its neighbour keep the concatenation unchanged.
        raw.mustExec("UPDATE audit SET action = 'Cluster.DrainNode', target = 'sn1'"
                     " WHERE sequence = 3");
    }
    EXPECT_EQ(store.verifyAudit().first_broken_sequence(), 3);
    {
        RawDb raw(store.path());
        raw.mustExec("UPDATE audit SET action = 'Cluster.DrainNodes', target = 'n1'"
                     " WHERE sequence = 3");
    }
    ASSERT_TRUE(store.verifyAudit().intact());
    {
        RawDb raw(store.path());
        // One microsecond later.
        const std::string time = raw.scalar("SELECT time FROM audit WHERE sequence = 5");
        std::string later = time;
        later[25] = later[25] == '9' ? '8' : char(later[25] + 1);
        raw.mustExec("UPDATE audit SET time = '" + later + "' WHERE sequence = 5");
    }
    EXPECT_EQ(store.verifyAudit().first_broken_sequence(), 5);
}

TEST_F(StoreTest, DeletedAuditEntryIsReported)
{
    Store store(dir());
    for (int i = 1; i <= 30; ++i)
        store.appendAudit(record(i));
    {
        RawDb raw(store.path());
        raw.mustExec("DROP TRIGGER audit_no_delete");
        raw.mustExec("DELETE FROM audit WHERE sequence = 18");
    }
    const auto verdict = store.verifyAudit();
    EXPECT_FALSE(verdict.intact());
    EXPECT_EQ(verdict.first_broken_sequence(), 19);
    EXPECT_NE(verdict.problem().find("entry 19"), std::string::npos) << verdict.problem();
    EXPECT_NE(verdict.problem().find("deleted"), std::string::npos) << verdict.problem();
}

TEST_F(StoreTest, DeletedAndRenumberedAuditEntryIsReported)
{
    Store store(dir());
    for (int i = 1; i <= 10; ++i)
        store.appendAudit(record(i));
    {
        RawDb raw(store.path());
        raw.mustExec("DROP TRIGGER audit_no_delete");
        raw.mustExec("DROP TRIGGER audit_no_update");
        raw.mustExec("DELETE FROM audit WHERE sequence = 1");
        raw.mustExec("UPDATE audit SET sequence = sequence - 1");
    }
    const auto verdict = store.verifyAudit();
    EXPECT_FALSE(verdict.intact());
    EXPECT_EQ(verdict.first_broken_sequence(), 1) << verdict.problem();
}

TEST_F(StoreTest, ConcurrentAppendsKeepTheChain)
{
    Store store(dir());
    constexpr int kThreads = 8;
    constexpr int kPerThread = 40;
    std::latch start(kThreads);
    std::vector<std::vector<int64_t>> sequences(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            try {
                for (int i = 0; i < kPerThread; ++i)
                    sequences[t].push_back(store.appendAudit(record(t * 1000 + i)).sequence());
            } catch (const std::exception &e) {
                ADD_FAILURE() << "appendAudit threw: " << e.what();
            }
        });
    }
    for (auto &th : threads)
        th.join();

    std::set<int64_t> all;
    for (const auto &s : sequences)
        all.insert(s.begin(), s.end());
    constexpr int64_t kTotal = kThreads * kPerThread;
    EXPECT_EQ(int64_t(all.size()), kTotal);
    EXPECT_EQ(*all.begin(), 1);
    EXPECT_EQ(*all.rbegin(), kTotal);
    EXPECT_EQ(store.auditCount(), kTotal);
    const auto verdict = store.verifyAudit();
    EXPECT_TRUE(verdict.intact()) << verdict.problem();
    EXPECT_EQ(verdict.entries_checked(), kTotal);
}

TEST_F(StoreTest, TwoConnectionsShareOneChain)
{
    // The gateway and `suanlid user add` each open the same file.
    Store gateway(dir());
    Store cli(dir());
    const std::string token = cli.createUser("erin", suanli::v1::ROLE_OPERATOR, {});
    ASSERT_TRUE(gateway.authenticate(token));

    constexpr int kPerStore = 50;
    std::latch start(2);
    std::string errors[2];
    auto append = [&](Store *store, int base, std::string *error) {
        start.arrive_and_wait();
        try {
            for (int i = 0; i < kPerStore; ++i)
                store->appendAudit(record(base + i));
        } catch (const std::exception &e) {
            *error = e.what();
        }
    };
    std::thread a(append, &gateway, 0, &errors[0]);
    std::thread b(append, &cli, 1000, &errors[1]);
    a.join();
    b.join();
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    EXPECT_EQ(gateway.auditCount(), 2 * kPerStore);
    const auto verdict = cli.verifyAudit();
    EXPECT_TRUE(verdict.intact()) << verdict.problem();
    EXPECT_EQ(verdict.entries_checked(), 2 * kPerStore);
}

// ----- quotas and quota requests -----

TEST_F(StoreTest, QuotaRequestKeepsEveryField)
{
    Store store(dir());
    suanli::v1::QuotaRequest ask = quotaAsk();
    ask.mutable_until_time()->set_seconds(1767225600); // 2026-01-01
    ask.mutable_until_time()->set_nanos(123456789);
    ask.set_needs_admin(true);
    // Fields the store decides itself are ignored.
    ask.set_id("qr-999999");
    ask.set_state(suanli::v1::QUOTA_REQUEST_STATE_APPROVED);
    ask.set_decider("mallory");

    const auto stored = store.createQuotaRequest(ask);
    EXPECT_EQ(stored.id(), "qr-000001");
    EXPECT_EQ(stored.state(), suanli::v1::QUOTA_REQUEST_STATE_PENDING);
    EXPECT_TRUE(stored.has_create_time());
    EXPECT_GT(stored.create_time().seconds(), 1700000000);
    EXPECT_EQ(stored.decider(), "");
    EXPECT_FALSE(stored.has_decide_time());

    suanli::v1::QuotaRequest expected = quotaAsk();
    expected.set_id("qr-000001");
    expected.set_state(suanli::v1::QUOTA_REQUEST_STATE_PENDING);
    *expected.mutable_create_time() = stored.create_time();
    expected.mutable_until_time()->set_seconds(1767225600);
    expected.mutable_until_time()->set_nanos(123456000); // microsecond precision
    expected.set_needs_admin(true);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, expected))
        << stored.DebugString();
    const auto reread = store.quotaRequest("qr-000001");
    ASSERT_TRUE(reread);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*reread, stored));

    EXPECT_EQ(store.createQuotaRequest(quotaAsk()).id(), "qr-000002");
    EXPECT_FALSE(store.quotaRequest("qr-000003"));

    suanli::v1::QuotaRequest bad = quotaAsk();
    bad.set_max_accelerators(-4);
    try {
        store.createQuotaRequest(bad);
        ADD_FAILURE() << "negative quota accepted";
    } catch (const std::invalid_argument &e) {
        EXPECT_NE(
            std::string(e.what()).find("max_accelerators must be >= 0 (got -4)"), std::string::npos)
            << e.what();
    }
    EXPECT_THROW(store.createQuotaRequest(quotaAsk("")), std::invalid_argument);
    EXPECT_EQ(store.quotaRequests().size(), 2u);
}

TEST_F(StoreTest, QuotaRequestIsDecidedExactlyOnce)
{
    Store store(dir());
    constexpr int kThreads = 8;
    constexpr int kRounds = 10;
    for (int round = 0; round < kRounds; ++round) {
        const std::string id = store.createQuotaRequest(quotaAsk()).id();
        std::latch start(kThreads);
        std::atomic<int> winners { 0 };
        std::vector<std::optional<suanli::v1::QuotaRequest>> results(kThreads);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                try {
                    results[t] = store.decideQuotaRequest(id,
                        t % 2 ? suanli::v1::QUOTA_REQUEST_STATE_APPROVED
                              : suanli::v1::QUOTA_REQUEST_STATE_REJECTED,
                        "admin" + std::to_string(t), "decision " + std::to_string(t));
                } catch (const std::exception &e) {
                    ADD_FAILURE() << "decideQuotaRequest threw: " << e.what();
                }
                if (results[t])
                    ++winners;
            });
        }
        for (auto &th : threads)
            th.join();
        ASSERT_EQ(winners.load(), 1) << "round " << round;
        const auto winner = std::find_if(
            results.begin(), results.end(), [](const auto &r) { return r.has_value(); });
        const int t = int(winner - results.begin());
        const auto stored = store.quotaRequest(id);
        ASSERT_TRUE(stored);
        EXPECT_EQ(stored->decider(), "admin" + std::to_string(t));
        EXPECT_EQ(stored->decision_comment(), "decision " + std::to_string(t));
        EXPECT_EQ(stored->state(),
            t % 2 ? suanli::v1::QUOTA_REQUEST_STATE_APPROVED
                  : suanli::v1::QUOTA_REQUEST_STATE_REJECTED);
        EXPECT_TRUE(stored->has_decide_time());
        EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*stored, **winner));
    }
    // Later decisions, unknown ids and non-decisions change nothing.
    EXPECT_FALSE(store.decideQuotaRequest(
        "qr-000001", suanli::v1::QUOTA_REQUEST_STATE_APPROVED, "admin", ""));
    EXPECT_FALSE(store.decideQuotaRequest(
        "qr-424242", suanli::v1::QUOTA_REQUEST_STATE_APPROVED, "admin", ""));
    const std::string pending = store.createQuotaRequest(quotaAsk()).id();
    EXPECT_THROW(
        store.decideQuotaRequest(pending, suanli::v1::QUOTA_REQUEST_STATE_PENDING, "admin", ""),
        std::invalid_argument);
    EXPECT_EQ(store.quotaRequest(pending)->state(), suanli::v1::QUOTA_REQUEST_STATE_PENDING);
}

TEST_F(StoreTest, QuotaRequestsListPendingFirstThenNewest)
{
    Store store(dir());
    for (int i = 0; i < 5; ++i)
        store.createQuotaRequest(quotaAsk());
    ASSERT_TRUE(store.decideQuotaRequest(
        "qr-000002", suanli::v1::QUOTA_REQUEST_STATE_APPROVED, "admin", "ok"));
    ASSERT_TRUE(store.decideQuotaRequest(
        "qr-000004", suanli::v1::QUOTA_REQUEST_STATE_REJECTED, "admin", "too much"));
    std::vector<std::string> ids;
    for (const auto &r : store.quotaRequests())
        ids.push_back(r.id());
    EXPECT_EQ(ids,
        (std::vector<std::string> {
            "qr-000005", "qr-000003", "qr-000001", "qr-000004", "qr-000002" }));
}

TEST_F(StoreTest, SaveQuotaReplacesTheSameTenantProjectAndModel)
{
    Store store(dir());
    auto quota = [](std::string tenant, std::string project, suanli::v1::AcceleratorModel model,
                     int64_t accelerators) {
        StoredQuota q;
        q.tenant = std::move(tenant);
        q.project = std::move(project);
        q.limit.set_model(model);
        q.limit.set_max_accelerators(accelerators);
        q.limit.set_max_accelerator_hours(accelerators * 100);
        return q;
    };
    store.saveQuota(quota("galaxy", "", suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100, 8));
    store.saveQuota(quota("galaxy", "", suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100, 16));
    store.saveQuota(quota("galaxy", "galaxy-llm70b", suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100, 4));
    store.saveQuota(quota("galaxy", "", suanli::v1::ACCELERATOR_MODEL_ASCEND_910B, 32));
    const auto all = store.quotas();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].project, "");
    EXPECT_EQ(all[0].limit.model(), suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100);
    EXPECT_EQ(all[0].limit.max_accelerators(), 16);
    EXPECT_EQ(all[0].limit.max_accelerator_hours(), 1600);
    EXPECT_EQ(all[1].limit.model(), suanli::v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(all[2].project, "galaxy-llm70b");
    EXPECT_THROW(
        store.saveQuota(quota("galaxy", "", suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100, -1)),
        std::invalid_argument);
    EXPECT_EQ(store.quotas()[0].limit.max_accelerators(), 16);
}

TEST_F(StoreTest, ALimitAcrossAllModelsIsKeptBesideThoseOfEachModel)
{
    Store store(dir());
    StoredQuota h100;
    h100.tenant = "galaxy";
    h100.limit.set_model(suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100);
    h100.limit.set_max_accelerators(16);
    StoredQuota all;
    all.tenant = "galaxy";
    all.limit.set_all_models(true);
    all.limit.set_max_accelerators(24);
    all.limit.set_max_accelerator_hours(5000);
    store.saveQuota(h100);
    store.saveQuota(all);
    all.limit.set_max_accelerators(32);
    store.saveQuota(all);
    const auto quotas = store.quotas();
    ASSERT_EQ(quotas.size(), 2u);
    EXPECT_TRUE(quotas[0].limit.all_models());
    EXPECT_EQ(quotas[0].limit.model(), suanli::v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(quotas[0].limit.max_accelerators(), 32);
    EXPECT_EQ(quotas[0].limit.max_accelerator_hours(), 5000);
    EXPECT_FALSE(quotas[1].limit.all_models());
    EXPECT_EQ(quotas[1].limit.max_accelerators(), 16);
    // A limit across all models names no model.
    all.limit.set_model(suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100);
    EXPECT_THROW(store.saveQuota(all), std::invalid_argument);

    suanli::v1::QuotaRequest ask = quotaAsk();
    ask.set_model(suanli::v1::ACCELERATOR_MODEL_UNSPECIFIED);
    ask.set_all_models(true);
    const auto stored = store.createQuotaRequest(ask);
    EXPECT_TRUE(stored.all_models());
    EXPECT_TRUE(store.quotaRequest(stored.id())->all_models());
    EXPECT_FALSE(store.createQuotaRequest(quotaAsk()).all_models());
    ask.set_model(suanli::v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_THROW(store.createQuotaRequest(ask), std::invalid_argument);
}

TEST_F(StoreTest, ASchemaOneDatabaseIsUpgradedKeepingItsQuotas)
{
    std::string id;
    {
        Store store(dir());
        StoredQuota q;
        q.tenant = "galaxy";
        q.limit.set_model(suanli::v1::ACCELERATOR_MODEL_ASCEND_910B);
        q.limit.set_max_accelerators(64);
        store.saveQuota(q);
        id = store.createQuotaRequest(quotaAsk()).id();
    }
    {
        // As a gateway before limits across all models left it.
        RawDb raw(dbPath());
        raw.mustExec("ALTER TABLE quotas DROP COLUMN all_models");
        raw.mustExec("ALTER TABLE quota_requests DROP COLUMN all_models");
        raw.mustExec("PRAGMA user_version = 1");
    }
    Store store(dir());
    EXPECT_EQ(store.schemaVersion(), Store::kSchemaVersion);
    ASSERT_EQ(store.quotas().size(), 1u);
    EXPECT_FALSE(store.quotas()[0].limit.all_models());
    EXPECT_EQ(store.quotas()[0].limit.max_accelerators(), 64);
    ASSERT_TRUE(store.quotaRequest(id));
    EXPECT_FALSE(store.quotaRequest(id)->all_models());
    EXPECT_EQ(store.quotaRequest(id)->model(), quotaAsk().model());
}

TEST_F(StoreTest, UpsertTenantsUpdatesNamesAndKeepsOthers)
{
    Store store(dir());
    suanli::v1::Tenant galaxy;
    galaxy.set_id("galaxy");
    galaxy.set_name("Galaxy");
    auto *p = galaxy.add_projects();
    p->set_id("galaxy-llm70b");
    p->set_name("LLM 70B");
    suanli::v1::Tenant nebula;
    nebula.set_id("nebula");
    nebula.set_name("Nebula");
    store.upsertTenants({ galaxy, nebula });

    galaxy.set_name("Galaxy AI");
    galaxy.set_name_zh("银河智能");
    galaxy.mutable_projects(0)->set_name("LLM 70B pre-training");
    store.upsertTenants({ galaxy });

    const auto all = store.tenants();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id(), "galaxy");
    EXPECT_EQ(all[0].name(), "Galaxy AI");
    EXPECT_EQ(all[0].name_zh(), "银河智能");
    ASSERT_EQ(all[0].projects_size(), 1);
    EXPECT_EQ(all[0].projects(0).name(), "LLM 70B pre-training");
    EXPECT_EQ(all[0].projects(0).tenant(), "galaxy");
    EXPECT_EQ(all[1].id(), "nebula");
}

// ----- idempotency -----

TEST_F(StoreTest, IdempotentResponsesAreRememberedPerUserForADay)
{
    Store store(dir());
    const std::string response("\x0a\x03qr-\x00\xff", 7); // binary, with a NUL
    EXPECT_FALSE(store.idempotentResponse("alice", "req-1"));
    store.rememberResponse("alice", "req-1", response);
    EXPECT_EQ(store.idempotentResponse("alice", "req-1"), response);
    EXPECT_FALSE(store.idempotentResponse("bob", "req-1"));
    EXPECT_FALSE(store.idempotentResponse("alice", "req-2"));
    // The first answer stands.
    store.rememberResponse("alice", "req-1", "second");
    EXPECT_EQ(store.idempotentResponse("alice", "req-1"), response);
    // No request id, no idempotency.
    store.rememberResponse("alice", "", "x");
    EXPECT_FALSE(store.idempotentResponse("alice", ""));

    RawDb raw(store.path());
    raw.mustExec("INSERT INTO idempotency (user, request_id, response, create_time)"
                 " VALUES ('alice', 'old', x'01', '2000-01-01T00:00:00.000000Z')");
    EXPECT_FALSE(store.idempotentResponse("alice", "old"));
    EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM idempotency WHERE request_id = 'old'"), "1");
    store.rememberResponse("bob", "req-9", "y");
    EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM idempotency WHERE request_id = 'old'"), "0");
    EXPECT_EQ(store.idempotentResponse("alice", "req-1"), response);
}

} // namespace
