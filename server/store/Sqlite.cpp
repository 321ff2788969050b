#include "server/store/Sqlite.h"

#include "server/store/Store.h"

namespace suanli::server::sql {

[[noreturn]] void fail(sqlite3 *db, std::string_view what)
{
    throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db) + " (SQLite error "
        + std::to_string(sqlite3_extended_errcode(db)) + ")");
}

void exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, std::string("executing ") + std::string(sql).substr(0, 40));
}

int userVersion(sqlite3 *db)
{
    Statement st(db, "PRAGMA user_version");
    return st.step() ? int(st.integer(0)) : 0;
}

} // namespace suanli::server::sql
