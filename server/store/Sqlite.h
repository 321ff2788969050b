#pragma once

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>

// Thin SQLite access for the store: errors become StoreError with SQLite's message and code.
namespace suanli::server::sql {

// Throws StoreError saying `what` failed and why.
[[noreturn]] void fail(sqlite3 *db, std::string_view what);
void exec(sqlite3 *db, const char *sql);
// PRAGMA user_version: the schema version a database is at.
int userVersion(sqlite3 *db);

// A prepared statement; bind by 1-based index, read columns by 0-based index.
class Statement {
public:
    Statement(sqlite3 *db, std::string_view sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
            fail(db, "preparing \"" + std::string(sql.substr(0, 60)) + "\"");
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bindText(int index, std::string_view value)
    {
        // A null pointer would bind SQL NULL; an empty value is an empty string.
        check(sqlite3_bind_text(
            m_stmt, index, value.data() ? value.data() : "", int(value.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement &bindInt(int index, int64_t value)
    {
        check(sqlite3_bind_int64(m_stmt, index, value));
        return *this;
    }
    Statement &bindBlob(int index, std::string_view value)
    {
        check(sqlite3_bind_blob(
            m_stmt, index, value.data() ? value.data() : "", int(value.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement &bindNull(int index)
    {
        check(sqlite3_bind_null(m_stmt, index));
        return *this;
    }
    Statement &bindOptionalText(int index, const std::optional<std::string> &value)
    {
        return value ? bindText(index, *value) : bindNull(index);
    }

    // True while there is a row to read.
    bool step()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        fail(m_db, "running \"" + std::string(sqlite3_sql(m_stmt)).substr(0, 60) + "\"");
    }
    // Runs a statement that returns no rows and readies it for new bindings;
    // returns the rows it changed.
    int run()
    {
        while (step()) { }
        sqlite3_reset(m_stmt);
        return sqlite3_changes(m_db);
    }

    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    int64_t integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    std::string text(int column) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
    }
    std::string blob(int column) const
    {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return p ? std::string(p, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string();
    }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK)
            fail(m_db, "binding a parameter");
    }
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// A transaction rolled back unless committed. Writes take the write lock at
// BEGIN (IMMEDIATE) so a read-then-write cannot interleave with another
// process (`suanlid user add`); reads get one consistent snapshot.
class Transaction {
public:
    enum Kind { Read, Write };
    Transaction(sqlite3 *db, Kind kind)
        : m_db(db)
    {
        exec(db, kind == Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }
    ~Transaction()
    {
        if (!m_done)
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit()
    {
        exec(m_db, "COMMIT");
        m_done = true;
    }

private:
    sqlite3 *m_db;
    bool m_done = false;
};

} // namespace suanli::server::sql
