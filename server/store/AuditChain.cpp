#include "server/store/AuditChain.h"

#include "server/store/StoredTime.h"
#include "server/store/TokenCrypto.h"

namespace suanli::server::auditlog {

std::string auditHash(const AuditFields &e)
{
    std::string data = e.previousHash;
    data += '\n';
    auto field = [&](std::string_view value) {
        data += std::to_string(value.size());
        data += ':';
        data += value;
        data += ',';
    };
    field(std::to_string(e.sequence));
    field(e.time);
    field(e.user);
    field(std::to_string(e.role));
    field(e.action);
    field(e.target);
    field(e.reason);
    field(e.result);
    field(e.detail);
    field(e.peer);
    return crypto::sha256Hex(data);
}

AuditFields readAudit(const sql::Statement &st)
{
    AuditFields e;
    e.sequence = st.integer(0);
    e.time = st.text(1);
    e.user = st.text(2);
    e.role = st.integer(3);
    e.action = st.text(4);
    e.target = st.text(5);
    e.reason = st.text(6);
    e.result = st.text(7);
    e.detail = st.text(8);
    e.peer = st.text(9);
    e.previousHash = st.text(10);
    e.hash = st.text(11);
    return e;
}

::suanli::v1::AuditEntry toAuditEntry(const AuditFields &e)
{
    ::suanli::v1::AuditEntry out;
    out.set_sequence(e.sequence);
    // An unreadable time is left unset rather than hiding the log: verify reports the edit.
    if (const auto micros = stored::parseTime(e.time))
        *out.mutable_time() = stored::toTimestamp(*micros);
    out.set_user(e.user);
    out.set_role(static_cast<::suanli::v1::Role>(e.role));
    out.set_action(e.action);
    out.set_target(e.target);
    out.set_reason(e.reason);
    out.set_result(e.result);
    out.set_detail(e.detail);
    out.set_peer(e.peer);
    out.set_previous_hash(e.previousHash);
    out.set_hash(e.hash);
    return out;
}

::suanli::v1::VerifyAuditLogResponse verifyChain(const std::function<bool(AuditFields *)> &next)
{
    ::suanli::v1::VerifyAuditLogResponse out;
    auto broken = [&](int64_t sequence, const std::string &problem) {
        out.set_intact(false);
        out.set_first_broken_sequence(sequence);
        out.set_problem("entry " + std::to_string(sequence) + ": " + problem);
    };
    int64_t expectedSequence = 1;
    std::string expectedPrevious(kZeroHash);
    int64_t checked = 0;
    out.set_intact(true);
    AuditFields e;
    while (next(&e)) {
        ++checked;
        if (e.sequence != expectedSequence) {
            broken(e.sequence,
                e.sequence > expectedSequence
                    ? "previous entry missing (deleted)"
                    : "out of order (expected entry " + std::to_string(expectedSequence) + ")");
            break;
        }
        if (auditHash(e) != e.hash) {
            broken(e.sequence, "hash does not match its contents (edited)");
            break;
        }
        if (e.previousHash != expectedPrevious) {
            broken(e.sequence,
                e.sequence == 1 ? "first entry does not start the chain (entries before it deleted)"
                                : "does not link to entry " + std::to_string(e.sequence - 1)
                        + " (that entry was replaced or rehashed)");
            break;
        }
        expectedSequence = e.sequence + 1;
        expectedPrevious = e.hash;
    }
    out.set_entries_checked(checked);
    return out;
}

} // namespace suanli::server::auditlog
