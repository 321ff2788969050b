#include "app/models/AlertTableModel.h"
#include "app/models/AuditTableModel.h"
#include "app/models/FilterProxyModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/QueueTableModel.h"
#include "app/models/QuotaRequestProxyModel.h"
#include "app/models/QuotaRequestTableModel.h"
#include "app/models/Words.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

namespace {

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

QStringList proxyKeys(const QAbstractItemModel &proxy)
{
    QStringList keys;
    for (int row = 0; row < proxy.rowCount(); ++row)
        keys.append(proxy.index(row, 0).data(KeyRole).toString());
    return keys;
}

v1::AcceleratorCounts counts(v1::AcceleratorModel model, qint64 total, qint64 free)
{
    v1::AcceleratorCounts c;
    c.set_model(model);
    c.set_total(total);
    c.set_free(free);
    c.set_in_use(total - free);
    return c;
}

v1::Queue queue(const QString &name, double p95)
{
    v1::Queue q;
    q.set_name(str(name));
    *q.add_accelerators() = counts(v1::ACCELERATOR_MODEL_NVIDIA_H100, 512, 96);
    *q.add_accelerators() = counts(v1::ACCELERATOR_MODEL_ASCEND_910B, 256, 40);
    q.set_jobs_pending(12);
    q.set_jobs_running(80);
    q.set_jobs_held(1);
    q.set_wait_seconds_p50(300);
    q.set_wait_seconds_p95(p95);
    q.set_largest_startable_accelerators(64);
    return q;
}

v1::Alert alert(const QString &id, v1::Severity severity, const QString &kind)
{
    v1::Alert a;
    a.set_id(str(id));
    a.set_severity(severity);
    a.set_kind(str(kind));
    a.set_target("lg-r0017-n3");
    a.set_summary("lg-r0017-n3 GPU 5: XID 79 (fell off the bus)");
    *a.mutable_raise_time() = secondsAgo(60);
    return a;
}

v1::QuotaRequest request(const QString &id, v1::QuotaRequestState state, qint64 createdAgo)
{
    v1::QuotaRequest r;
    r.set_id(str(id));
    r.set_tenant("galaxy");
    r.set_project("llm70b");
    r.set_requester("carol");
    r.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    r.set_current_max_accelerators(64);
    r.set_max_accelerators(128);
    r.set_justification("pretraining run");
    r.set_state(state);
    *r.mutable_create_time() = secondsAgo(createdAgo);
    return r;
}

v1::AuditEntry entry(qint64 sequence, const std::string &user, const std::string &result)
{
    v1::AuditEntry e;
    e.set_sequence(sequence);
    e.set_user(user);
    e.set_role(v1::ROLE_OPERATOR);
    e.set_action("Cluster.DrainNodes");
    e.set_target("lg-r0017-n3");
    e.set_reason("XID 79");
    e.set_result(result);
    *e.mutable_time() = secondsAgo(100 - sequence);
    return e;
}

} // namespace

// The queue, alert, quota request and audit tables, and the quota requests' own order.
class TestTableModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void queuesShowCapacityByModel();
    void alertsCarrySeverityAndAcknowledgement();
    void quotaRequestsPendingFirstThenNewest();
    void auditAppendsPagesOnce();
    void timesAreIsoAnd24HourInBothLanguages();
};

void TestTableModels::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTableModels::queuesShowCapacityByModel()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.queues(true, { queue(u"gpu"_qs, 5400), queue(u"debug"_qs, 45) });
    QueueTableModel model(&site);
    FilterProxyModel proxy(queueFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, Fatal);
    QAbstractItemModelTester proxyTester(&proxy, Fatal);

    const int gpu = model.rowOf(u"gpu"_qs);
    auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model.index(gpu, column).data(role);
    };
    QCOMPARE(cell(QueueTableModel::TotalColumn).toString(), u"512 × H100, 256 × Ascend 910B");
    QCOMPARE(cell(QueueTableModel::FreeColumn).toString(), u"96 × H100, 40 × Ascend 910B");
    QCOMPARE(cell(QueueTableModel::FreeColumn, SortRole).toLongLong(), 136);
    QCOMPARE(cell(QueueTableModel::WaitP50Column).toString(), u"5 min");
    QCOMPARE(cell(QueueTableModel::WaitP95Column).toString(), u"1 h 30 min");
    QCOMPARE(cell(QueueTableModel::LargestColumn).toString(), u"64");
    QCOMPARE(model.itemAt(gpu)->name(), "gpu");

    proxy.sort(QueueTableModel::WaitP95Column);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"debug"_qs, u"gpu"_qs }));
    proxy.filter()->setText(u"wait>1h"_qs);
    QCOMPARE(proxyKeys(proxy), QStringList { u"gpu"_qs });

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    feed.queues(false, { queue(u"debug"_qs, 7200) });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), model.rowOf(u"debug"_qs));
    QCOMPARE(proxyKeys(proxy), (QStringList { u"gpu"_qs, u"debug"_qs }));
}

void TestTableModels::alertsCarrySeverityAndAcknowledgement()
{
    client::SiteState site;
    Feeder feed(&site);
    v1::Alert acked = alert(u"al-2"_qs, v1::SEVERITY_WARNING, u"thermal"_qs);
    acked.set_acknowledged(true);
    acked.set_acknowledged_by("dave");
    acked.set_acknowledge_comment("fan replaced");
    feed.alerts(true, { alert(u"al-1"_qs, v1::SEVERITY_CRITICAL, u"xid"_qs), acked });
    AlertTableModel model(&site);
    FilterProxyModel proxy(alertFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, Fatal);
    QAbstractItemModelTester proxyTester(&proxy, Fatal);

    const int critical = model.rowOf(u"al-1"_qs);
    const int warning = model.rowOf(u"al-2"_qs);
    QCOMPARE(model.index(critical, AlertTableModel::SeverityColumn).data().toString(), u"critical");
    QCOMPARE(model.index(critical, AlertTableModel::SummaryColumn).data(StateRole).toInt(),
        int(v1::SEVERITY_CRITICAL));
    QCOMPARE(model.index(critical, AlertTableModel::KindColumn).data().toString(), u"XID error");
    QCOMPARE(
        model.index(critical, AlertTableModel::AcknowledgedByColumn).data().toString(), QString());
    QCOMPARE(
        model.index(warning, AlertTableModel::AcknowledgedByColumn).data().toString(), u"dave");
    QVERIFY(model.index(warning, AlertTableModel::AcknowledgedByColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"fan replaced"));
    // The id the Acknowledge dialog names, and the acknowledgement's comment, in columns.
    QCOMPARE(model.index(critical, AlertTableModel::IdColumn).data().toString(), u"al-1");
    QCOMPARE(model.index(warning, AlertTableModel::IdColumn).data().toString(), u"al-2");
    QCOMPARE(
        model.index(warning, AlertTableModel::CommentColumn).data().toString(), u"fan replaced");
    QCOMPARE(model.index(critical, AlertTableModel::CommentColumn).data().toString(), QString());

    proxy.filter()->setText(u"acknowledged:false"_qs);
    QCOMPARE(proxyKeys(proxy), QStringList { u"al-1"_qs });
    v1::Alert nowAcked = alert(u"al-1"_qs, v1::SEVERITY_CRITICAL, u"xid"_qs);
    nowAcked.set_acknowledged(true);
    nowAcked.set_acknowledged_by("erin");
    feed.alerts(false, { nowAcked });
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(
        model.index(critical, AlertTableModel::AcknowledgedByColumn).data().toString(), u"erin");
}

void TestTableModels::quotaRequestsPendingFirstThenNewest()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.quotaRequests(true,
        { request(u"qr-1"_qs, v1::QUOTA_REQUEST_STATE_APPROVED, 10),
            request(u"qr-2"_qs, v1::QUOTA_REQUEST_STATE_PENDING, 5000),
            request(u"qr-3"_qs, v1::QUOTA_REQUEST_STATE_PENDING, 100),
            request(u"qr-4"_qs, v1::QUOTA_REQUEST_STATE_REJECTED, 9000) });
    QuotaRequestTableModel model(&site);
    QuotaRequestProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, Fatal);
    QAbstractItemModelTester proxyTester(&proxy, Fatal);

    QVERIFY(proxy.isDefaultOrder());
    QCOMPARE(proxyKeys(proxy), (QStringList { u"qr-3"_qs, u"qr-2"_qs, u"qr-1"_qs, u"qr-4"_qs }));

    const int row = model.rowOf(u"qr-3"_qs);
    QCOMPARE(model.index(row, QuotaRequestTableModel::ChangeColumn).data().toString(), u"64 → 128");
    QCOMPARE(model.index(row, QuotaRequestTableModel::OwnerColumn).data().toString(),
        u"galaxy / llm70b");
    QCOMPARE(
        model.index(row, QuotaRequestTableModel::UntilColumn).data().toString(), u"permanently");
    QCOMPARE(model.index(row, QuotaRequestTableModel::StateColumn).data().toString(), u"pending");
    QCOMPARE(
        model.index(row, QuotaRequestTableModel::NeedsAdminColumn).data().toString(), QString());

    // A decision moves the request below the pending ones; a new request goes on top.
    v1::QuotaRequest approved = request(u"qr-3"_qs, v1::QUOTA_REQUEST_STATE_APPROVED, 100);
    approved.set_decider("frank");
    feed.quotaRequests(
        false, { approved, request(u"qr-5"_qs, v1::QUOTA_REQUEST_STATE_PENDING, 1) });
    QCOMPARE(proxyKeys(proxy),
        (QStringList { u"qr-5"_qs, u"qr-2"_qs, u"qr-1"_qs, u"qr-3"_qs, u"qr-4"_qs }));

    // A column sort replaces the order; "no column" brings it back.
    proxy.sort(QuotaRequestTableModel::IdColumn, Qt::AscendingOrder);
    QVERIFY(!proxy.isDefaultOrder());
    QCOMPARE(proxyKeys(proxy),
        (QStringList { u"qr-1"_qs, u"qr-2"_qs, u"qr-3"_qs, u"qr-4"_qs, u"qr-5"_qs }));
    proxy.sort(-1);
    QCOMPARE(proxyKeys(proxy),
        (QStringList { u"qr-5"_qs, u"qr-2"_qs, u"qr-1"_qs, u"qr-3"_qs, u"qr-4"_qs }));

    proxy.filter()->setText(u"state:pending"_qs);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"qr-5"_qs, u"qr-2"_qs }));
}

void TestTableModels::auditAppendsPagesOnce()
{
    AuditTableModel model;
    FilterProxyModel proxy(auditFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, Fatal);
    QAbstractItemModelTester proxyTester(&proxy, Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.appendEntries({ entry(10, "alice", "OK"), entry(9, "bob", "PERMISSION_DENIED"),
        entry(8, "alice", "OK") });
    // The next page overlaps the first by one entry (the log grew in between).
    model.appendEntries({ entry(8, "alice", "OK"), entry(7, "carol", "OK") });
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    QCOMPARE(inserted.at(1).at(2).toInt(), 3);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(1, AuditTableModel::ResultColumn).data(StateRole).toInt(), 1);
    QCOMPARE(model.index(0, AuditTableModel::ResultColumn).data(StateRole).toInt(), 0);
    QCOMPARE(model.index(1, AuditTableModel::RoleColumn).data().toString(), u"operator");
    QCOMPARE(model.entryAt(3)->user(), "carol");

    model.appendEntries({ entry(7, "carol", "OK") });
    QCOMPARE(inserted.count(), 2);

    proxy.filter()->setText(u"user:alice"_qs);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"10"_qs, u"8"_qs }));
    proxy.sort(AuditTableModel::SequenceColumn);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"8"_qs, u"10"_qs }));

    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestTableModels::timesAreIsoAnd24HourInBothLanguages()
{
    // 1:31:05 PM here, whatever this computer's time zone.
    const QDateTime local(QDate(2026, 12, 7), QTime(13, 31, 5));
    google::protobuf::Timestamp when;
    when.set_seconds(local.toSecsSinceEpoch());
    google::protobuf::Timestamp until;
    until.set_seconds(QDateTime(QDate(2027, 1, 31), QTime(23, 59, 59)).toSecsSinceEpoch());

    for (const QLocale &locale : { QLocale(QLocale::English, QLocale::UnitedStates),
             QLocale(QLocale::Chinese, QLocale::China) }) {
        QLocale::setDefault(locale);
        QCOMPARE(Words::dateTime(when), u"2026-12-07 13:31:05");
        QCOMPARE(Words::date(until), u"2027-01-31");
        QCOMPARE(Words::dateTime(google::protobuf::Timestamp()), QString());

        // Every table shows its times that way: alerts, audit entries, quota requests.
        client::SiteState site;
        Feeder feed(&site);
        v1::Alert a = alert(u"al-1"_qs, v1::SEVERITY_CRITICAL, u"xid"_qs);
        *a.mutable_raise_time() = when;
        feed.alerts(true, { a });
        AlertTableModel alerts(&site);
        QCOMPARE(alerts.index(0, AlertTableModel::RaisedColumn).data().toString(),
            u"2026-12-07 13:31:05");
        v1::QuotaRequest r = request(u"qr-1"_qs, v1::QUOTA_REQUEST_STATE_PENDING, 10);
        *r.mutable_create_time() = when;
        *r.mutable_until_time() = until;
        feed.quotaRequests(true, { r });
        QuotaRequestTableModel requests(&site);
        QStringList cells;
        for (int c = 0; c < requests.columnCount(); ++c)
            cells.append(requests.index(0, c).data().toString());
        QVERIFY2(cells.contains(u"2026-12-07 13:31:05"_qs), qPrintable(cells.join(u" | ")));
        QVERIFY2(cells.contains(u"2027-01-31"_qs), qPrintable(cells.join(u" | ")));

        AuditTableModel audit;
        v1::AuditEntry e = entry(1, "ops", "OK");
        *e.mutable_time() = when;
        audit.appendEntries({ e });
        QCOMPARE(
            audit.index(0, AuditTableModel::TimeColumn).data().toString(), u"2026-12-07 13:31:05");
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QTEST_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
