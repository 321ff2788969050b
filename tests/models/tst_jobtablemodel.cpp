#include "app/models/JobTableModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/PendingReasonText.h"
#include "app/models/TableProxyModel.h"
#include "app/models/Words.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTranslator>
#include <QtTest>
#include <memory>
#include <random>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

namespace {

// Marks every string of one translation context, to show which words go through tr().
class MarkingTranslator : public QTranslator {
public:
    explicit MarkingTranslator(const char *context)
        : m_context(context)
    {
    }
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
        int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (qstrcmp(context, m_context) != 0)
            return {};
        return u"«"_qs + QString::fromUtf8(sourceText) + u"»"_qs;
    }

private:
    const char *m_context;
};

v1::Job pending(v1::PendingReason reason, v1::AcceleratorModel model, qint64 used, qint64 limit)
{
    v1::Job j = job(u"1"_qs, v1::JOB_STATE_PENDING, reason);
    j.set_model(model);
    j.set_quota_used(used);
    j.set_quota_limit(limit);
    return j;
}

QStringList proxyKeys(const QAbstractItemModel &proxy)
{
    QStringList keys;
    for (int row = 0; row < proxy.rowCount(); ++row)
        keys.append(proxy.index(row, 0).data(KeyRole).toString());
    return keys;
}

} // namespace

// JobTableModel and PendingReasonText: why a job waits, in translated words, and its columns.
class TestJobTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pendingReasonText_data();
    void pendingReasonText();
    void pendingReasonIsTranslated();
    void quotaFiguresFollowTheTenant();
    void tenantChangesReachExactlyTheHeldJobs();
    void columnsShowTheJob();
    void idsSortAsNumbers();
    void elapsedFollowsTheCentresClock();
    void stateChangeLeavesAFilteredProxy();
    void scatteredRemovalsKeepRows_data();
    void scatteredRemovalsKeepRows();
};

void TestJobTableModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestJobTableModel::pendingReasonText_data()
{
    QTest::addColumn<v1::Job>("job");
    QTest::addColumn<QString>("expected");

    // Without the tenant's figures (the stale ones a job carries are never shown): what the job
    // needs and whose limit holds it.
    QTest::newRow("tenant quota, figures unknown")
        << pending(v1::PENDING_REASON_TENANT_QUOTA, v1::ACCELERATOR_MODEL_ASCEND_910B, 60, 64)
        << u"waiting: needs 64 Ascend 910B, more than tenant galaxy's quota leaves free"_qs;
    v1::Job big
        = pending(v1::PENDING_REASON_PROJECT_QUOTA, v1::ACCELERATOR_MODEL_NVIDIA_H100, 0, 0);
    big.set_accelerators(1024);
    QTest::newRow("project quota, grouped need")
        << big << u"waiting: needs 1,024 H100, more than project llm70b's quota leaves free"_qs;
    QTest::newRow("project quota, no model")
        << pending(v1::PENDING_REASON_PROJECT_QUOTA, v1::ACCELERATOR_MODEL_UNSPECIFIED, 8, 16)
        << u"waiting: needs 64 accelerators, more than project llm70b's quota leaves free"_qs;
    QTest::newRow("hours") << pending(v1::PENDING_REASON_TENANT_HOURS,
        v1::ACCELERATOR_MODEL_NVIDIA_A100, 5000,
        5000) << u"waiting: tenant galaxy's A100 accelerator-hours for this month are used up"_qs;
    v1::Job acrossAll
        = pending(v1::PENDING_REASON_TENANT_QUOTA, v1::ACCELERATOR_MODEL_NVIDIA_A100, 7, 8);
    acrossAll.set_quota_all_models(true);
    QTest::newRow("tenant quota across all models")
        << acrossAll
        << u"waiting: needs 64 accelerators, more than tenant galaxy's quota across all models "
           u"leaves free"_qs;
    acrossAll.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
    QTest::newRow("project quota across all models")
        << acrossAll
        << u"waiting: needs 64 accelerators, more than project llm70b's quota across all models "
           u"leaves free"_qs;
    QTest::newRow("resources") << pending(
        v1::PENDING_REASON_RESOURCES, v1::ACCELERATOR_MODEL_CAMBRICON_MLU370, 0, 0)
                               << u"waiting for free Cambricon MLU370 accelerators"_qs;
    QTest::newRow("priority") << pending(
        v1::PENDING_REASON_PRIORITY, v1::ACCELERATOR_MODEL_NVIDIA_H100, 0, 0)
                              << u"waiting: jobs of higher priority are ahead"_qs;
    QTest::newRow("dependency") << pending(
        v1::PENDING_REASON_DEPENDENCY, v1::ACCELERATOR_MODEL_NVIDIA_H100, 0, 0)
                                << u"waiting for another job to finish"_qs;
    QTest::newRow("new") << pending(
        v1::PENDING_REASON_NOT_EVALUATED, v1::ACCELERATOR_MODEL_NVIDIA_H100, 0, 0)
                         << u"just submitted: the scheduler has not looked at it yet"_qs;
    v1::Job other = pending(v1::PENDING_REASON_OTHER, v1::ACCELERATOR_MODEL_NVIDIA_H100, 0, 0);
    other.set_pending_reason_raw("ReqNodeNotAvail");
    QTest::newRow("other") << other << u"waiting (the scheduler says ReqNodeNotAvail)"_qs;
    QTest::newRow("held") << job(u"2"_qs, v1::JOB_STATE_HELD) << u"held by a user"_qs;
    v1::Job adminHeld = job(u"4"_qs, v1::JOB_STATE_HELD);
    adminHeld.set_pending_reason(v1::PENDING_REASON_HELD_BY_ADMIN);
    QTest::newRow("held by an operator") << adminHeld << u"held by an operator"_qs;
    QTest::newRow("running") << job(u"3"_qs, v1::JOB_STATE_RUNNING) << QString();
}

void TestJobTableModel::pendingReasonText()
{
    QFETCH(v1::Job, job);
    QFETCH(QString, expected);
    QCOMPARE(PendingReasonText::of(job), expected);

    // The table shows the same words.
    client::SiteState site;
    Feeder feed(&site);
    feed.jobs(true, { job });
    JobTableModel model(&site);
    QCOMPARE(model.index(0, JobTableModel::ReasonColumn).data().toString(), expected);
}

void TestJobTableModel::pendingReasonIsTranslated()
{
    MarkingTranslator translator("PendingReasonText");
    QCoreApplication::installTranslator(&translator);
    const QString text = PendingReasonText::of(
        pending(v1::PENDING_REASON_TENANT_QUOTA, v1::ACCELERATOR_MODEL_ASCEND_910B, 60, 64));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(text, u"«waiting: needs 64 Ascend 910B, more than tenant galaxy's quota leaves free»");
}

void TestJobTableModel::quotaFiguresFollowTheTenant()
{
    client::SiteState site;
    Feeder feed(&site);
    // Two jobs held by galaxy's H100 limit, evaluated by the scheduler at different moments:
    // the figures they carry disagree, and neither is shown.
    v1::Job first
        = pending(v1::PENDING_REASON_TENANT_QUOTA, v1::ACCELERATOR_MODEL_NVIDIA_H100, 1731, 1976);
    first.set_accelerators(912);
    v1::Job second = first;
    second.set_id("2");
    second.set_accelerators(128);
    second.set_quota_used(1800);
    v1::Job running = job(u"3"_qs);
    feed.jobs(true, { first, second, running });

    v1::Tenant galaxy;
    galaxy.set_id("galaxy");
    v1::QuotaLimit *limit = galaxy.add_quotas();
    limit->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    limit->set_max_accelerators(1976);
    v1::QuotaUsage *usage = galaxy.add_usage();
    usage->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    usage->set_accelerators_in_use(1894);
    feed.tenants(true, { galaxy });

    JobTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto reason = [&](const QString &id) {
        return model.index(model.rowOf(id), JobTableModel::ReasonColumn).data().toString();
    };
    QCOMPARE(reason(u"1"_qs), u"waiting: needs 912 H100; tenant galaxy uses 1,894 of 1,976");
    QCOMPARE(reason(u"2"_qs), u"waiting: needs 128 H100; tenant galaxy uses 1,894 of 1,976");

    // The tenant's use changes; the jobs do not. Their reasons follow, and the change is
    // announced on their reason cells.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    usage->set_accelerators_in_use(1929);
    feed.tenants(false, { galaxy });
    QVERIFY(!changed.isEmpty());
    bool announced = false;
    for (const QList<QVariant> &args : changed) {
        const auto topLeft = args.at(0).toModelIndex();
        const auto bottomRight = args.at(1).toModelIndex();
        QCOMPARE(topLeft.column(), int(JobTableModel::ReasonColumn));
        QCOMPARE(bottomRight.column(), int(JobTableModel::ReasonColumn));
        announced = announced
            || (topLeft.row() <= model.rowOf(u"1"_qs) && bottomRight.row() >= model.rowOf(u"1"_qs));
    }
    QVERIFY(announced);
    QCOMPARE(reason(u"1"_qs), u"waiting: needs 912 H100; tenant galaxy uses 1,929 of 1,976");
    QCOMPARE(reason(u"2"_qs), u"waiting: needs 128 H100; tenant galaxy uses 1,929 of 1,976");
    QCOMPARE(reason(u"3"_qs), QString());

    // The tenant gone from what this user sees: what the job needs, without figures.
    feed.tenants(false, {}, { u"galaxy"_qs });
    QCOMPARE(
        reason(u"1"_qs), u"waiting: needs 912 H100, more than tenant galaxy's quota leaves free");
}

void TestJobTableModel::tenantChangesReachExactlyTheHeldJobs()
{
    client::SiteState site;
    Feeder feed(&site);
    v1::Job held
        = pending(v1::PENDING_REASON_TENANT_QUOTA, v1::ACCELERATOR_MODEL_NVIDIA_H100, 10, 16);
    v1::Job later = job(u"2"_qs); // Running now; held by the quota after a delta.
    later.set_tenant("galaxy");
    v1::Job other = held;
    other.set_id("3");
    other.set_tenant("nebula");
    feed.jobs(true, { held, later, other });
    v1::Tenant galaxy;
    galaxy.set_id("galaxy");
    v1::Tenant nebula;
    nebula.set_id("nebula");
    feed.tenants(true, { galaxy, nebula });

    JobTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The reason rows a change of `tenant` announces.
    auto announcedFor = [&](const v1::Tenant &tenant) {
        changed.clear();
        feed.tenants(false, { tenant });
        QSet<QString> ids;
        for (const QList<QVariant> &args : changed) {
            const auto topLeft = args.at(0).toModelIndex();
            const auto bottomRight = args.at(1).toModelIndex();
            if (topLeft.column() != JobTableModel::ReasonColumn)
                continue;
            for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                ids.insert(model.keyAt(row));
        }
        return ids;
    };
    QCOMPARE(announcedFor(galaxy), QSet<QString>({ u"1"_qs }));
    QCOMPARE(announcedFor(nebula), QSet<QString>({ u"3"_qs }));

    // Job 2 comes to wait on galaxy's quota; job 1 starts; job 3 ends.
    v1::Job waitsNow
        = pending(v1::PENDING_REASON_PROJECT_QUOTA, v1::ACCELERATOR_MODEL_NVIDIA_H100, 10, 16);
    waitsNow.set_id("2");
    v1::Job started = job(u"1"_qs);
    started.set_tenant("galaxy");
    feed.jobs(false, { waitsNow, started }, { u"3"_qs });
    QCOMPARE(announcedFor(galaxy), QSet<QString>({ u"2"_qs }));
    QCOMPARE(announcedFor(nebula), QSet<QString>());

    // A new snapshot: the held jobs are what it says.
    feed.jobs(true, { held, other });
    QCOMPARE(announcedFor(galaxy), QSet<QString>({ u"1"_qs }));
    QCOMPARE(announcedFor(nebula), QSet<QString>({ u"3"_qs }));

    // Thousands of galaxy's jobs held: one signal for the whole column, none for nebula's.
    QList<v1::Job> many { other };
    for (int i = 0; i < 2500; ++i) {
        v1::Job j = held;
        j.set_id(std::to_string(100 + i));
        many.append(j);
    }
    feed.jobs(true, many);
    changed.clear();
    feed.tenants(false, { galaxy });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, JobTableModel::ReasonColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(),
        model.index(model.rowCount() - 1, JobTableModel::ReasonColumn));
    QCOMPARE(announcedFor(nebula), QSet<QString>({ u"3"_qs }));
}

void TestJobTableModel::columnsShowTheJob()
{
    client::SiteState site;
    Feeder feed(&site);
    v1::Job waiting
        = pending(v1::PENDING_REASON_TENANT_QUOTA, v1::ACCELERATOR_MODEL_ASCEND_910B, 64, 64);
    *waiting.mutable_submit_time() = secondsAgo(5400 + 10);
    v1::Job running = job(u"2"_qs);
    *running.mutable_start_time() = secondsAgo(2 * 86400 + 3 * 3600 + 30);
    running.add_nodes("lg-r0001-n1");
    running.add_nodes("lg-r0001-n2");
    feed.jobs(true, { waiting, running });
    JobTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    auto cell = [&](const QString &id, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOf(id), column).data(role);
    };
    QCOMPARE(cell(u"1"_qs, JobTableModel::OwnerColumn).toString(), u"galaxy / llm70b");
    QCOMPARE(cell(u"1"_qs, JobTableModel::StateColumn).toString(), u"pending");
    QCOMPARE(
        cell(u"1"_qs, JobTableModel::StateColumn, StateRole).toInt(), int(v1::JOB_STATE_PENDING));
    QCOMPARE(cell(u"1"_qs, JobTableModel::ModelColumn).toString(), u"Ascend 910B");
    QCOMPARE(cell(u"1"_qs, JobTableModel::PriorityColumn).toString(), u"1,000");
    QCOMPARE(cell(u"1"_qs, JobTableModel::ElapsedColumn).toString(), u"1 h 30 min");
    QVERIFY(cell(u"1"_qs, JobTableModel::ElapsedColumn, Qt::ToolTipRole)
                .toString()
                .startsWith(u"waiting since"));
    QCOMPARE(cell(u"1"_qs, JobTableModel::SubmittedColumn, SortRole).toLongLong(),
        waiting.submit_time().seconds());
    QCOMPARE(cell(u"2"_qs, JobTableModel::ReasonColumn).toString(), QString());
    QCOMPARE(cell(u"2"_qs, JobTableModel::ElapsedColumn).toString(), u"2 d 3 h");
    QVERIFY(qAbs(cell(u"2"_qs, JobTableModel::ElapsedColumn, SortRole).toLongLong()
                - (2 * 86400 + 3 * 3600 + 30))
        < 5);
    QCOMPARE(cell(u"2"_qs, JobTableModel::AcceleratorsColumn, Qt::ToolTipRole).toString(),
        u"on 2 node(s): lg-r0001-n1, lg-r0001-n2");
    QCOMPARE(model.itemAt(model.rowOf(u"2"_qs))->nodes_size(), 2);
}

void TestJobTableModel::elapsedFollowsTheCentresClock()
{
    // A simulated centre running ahead of this machine's clock: its jobs were submitted in what
    // is here the future, and have still waited two hours by the centre's own clock.
    client::SiteState site;
    Feeder feed(&site);
    const QDateTime centreNow = QDateTime::currentDateTimeUtc().addSecs(12 * 60);
    v1::Job waiting = job(u"7"_qs, v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY);
    waiting.mutable_submit_time()->set_seconds(centreNow.toSecsSinceEpoch() - 7200);
    v1::Job future = job(u"8"_qs, v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY);
    future.mutable_submit_time()->set_seconds(centreNow.toSecsSinceEpoch() - 60);
    feed.jobs(true, { waiting, future });
    JobTableModel model(&site);
    const auto elapsed = [&](const QString &id) {
        return model.index(model.rowOf(id), JobTableModel::ElapsedColumn).data().toString();
    };
    // By this machine's clock the second job was submitted 11 minutes from now.
    QCOMPARE(elapsed(u"8"_qs), Words::noData());

    site.setBackendTime(centreNow);
    QCOMPARE(elapsed(u"7"_qs), u"2 h 0 min"_qs);
    QCOMPARE(elapsed(u"8"_qs), u"1 min"_qs);

    // The filter's ages too: by the centre's clock only job 7 is older than 10 minutes; by this
    // machine's, job 7 still is and job 8 is not yet submitted.
    v1::Job quarter = job(u"9"_qs, v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY);
    quarter.mutable_submit_time()->set_seconds(centreNow.toSecsSinceEpoch() - 15 * 60);
    feed.jobs(false, { quarter });
    TableProxyModel proxy(jobFields());
    proxy.setSourceModel(&model);
    proxy.sort(JobTableModel::IdColumn);
    proxy.filter()->setText(u"age>10m"_qs);
    QCOMPARE(proxy.rowCount(), 1); // job 9 is 3 minutes old here
    proxy.filter()->setClock([&site] { return site.nowSeconds(); });
    QCOMPARE(proxy.rowCount(), 2);
    QCOMPARE(proxy.index(1, 0).data(KeyRole).toString(), u"9"_qs);
}

void TestJobTableModel::idsSortAsNumbers()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.jobs(true, { job(u"1000"_qs), job(u"99"_qs), job(u"100"_qs) });
    JobTableModel model(&site);
    TableProxyModel proxy(jobFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(JobTableModel::IdColumn);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"99"_qs, u"100"_qs, u"1000"_qs }));
}

void TestJobTableModel::stateChangeLeavesAFilteredProxy()
{
    client::SiteState site;
    Feeder feed(&site);
    QList<v1::Job> jobs;
    for (int i = 1; i <= 50; ++i)
        jobs.append(job(QString::number(i), i % 2 ? v1::JOB_STATE_PENDING : v1::JOB_STATE_RUNNING,
            v1::PENDING_REASON_PRIORITY));
    feed.jobs(true, jobs);
    JobTableModel model(&site);
    TableProxyModel proxy(jobFields());
    proxy.setSourceModel(&model);
    proxy.sort(JobTableModel::IdColumn);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.filter()->setText(u"state:pending reason:priority"_qs);
    QCOMPARE(proxy.rowCount(), 25);

    QSignalSpy sourceChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy proxyRemoved(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy proxyReset(&proxy, &QAbstractItemModel::modelReset);
    feed.jobs(false, { job(u"7"_qs, v1::JOB_STATE_RUNNING) }, { u"9"_qs });
    QVERIFY(!sourceChanged.isEmpty());
    for (const QList<QVariant> &signal : std::as_const(sourceChanged))
        QCOMPARE(signal.at(0).value<QModelIndex>().row(), model.rowOf(u"7"_qs));
    QCOMPARE(proxyRemoved.count(), 2);
    QCOMPARE(proxyReset.count(), 0);
    QCOMPARE(proxy.rowCount(), 23);
    QVERIFY(!proxyKeys(proxy).contains(u"7"_qs));
}

void TestJobTableModel::scatteredRemovalsKeepRows_data()
{
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("rounds");
    QTest::addColumn<int>("endPerRound");
    QTest::addColumn<int>("newPerRound");
    QTest::addColumn<bool>("withTester");
    // Small enough for QAbstractItemModelTester, which walks every cell on every signal.
    QTest::newRow("checked") << 300 << 20 << 9 << 6 << true;
    // Enough ended jobs that the model numbers its rows afresh on the way.
    QTest::newRow("many ended") << 3000 << 20 << 200 << 120 << false;
}

void TestJobTableModel::scatteredRemovalsKeepRows()
{
    QFETCH(int, initial);
    QFETCH(int, rounds);
    QFETCH(int, endPerRound);
    QFETCH(int, newPerRound);
    QFETCH(bool, withTester);
    client::SiteState site;
    Feeder feed(&site);
    QList<v1::Job> jobs;
    for (int i = 0; i < initial; ++i)
        jobs.append(job(QString::number(100000 + i)));
    feed.jobs(true, jobs);
    JobTableModel model(&site);
    TableProxyModel proxy(jobFields());
    proxy.setSourceModel(&model);
    proxy.sort(JobTableModel::IdColumn, Qt::DescendingOrder);
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
    if (withTester) {
        tester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxyTester = std::make_unique<QAbstractItemModelTester>(
            &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QStringList live;
    for (const v1::Job &j : std::as_const(jobs))
        live.append(QString::fromStdString(j.id()));
    std::mt19937 rng(11);
    int next = 200000;
    for (int round = 0; round < rounds; ++round) {
        // Persistent indexes on every seventh job, in the model and in the sorted proxy.
        QHash<QString, std::pair<QPersistentModelIndex, QPersistentModelIndex>> held;
        for (int row = 0; row < model.rowCount(); row += 7) {
            const QModelIndex index = model.index(row, JobTableModel::IdColumn);
            held.insert(model.keyAt(row), { index, proxy.mapFromSource(index) });
        }
        QStringList ended;
        while (ended.size() < endPerRound) {
            const QString key = live.takeAt(int(rng() % uint32_t(live.size())));
            ended.append(key);
        }
        QList<v1::Job> arrived;
        for (int k = 0; k < newPerRound; ++k) {
            arrived.append(job(QString::number(next)));
            live.append(QString::number(next++));
        }
        feed.jobs(false, arrived, ended);

        QCOMPARE(model.rowCount(), live.size());
        QCOMPARE(proxy.rowCount(), live.size());
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.keyAt(row)), row);
        for (const QString &key : std::as_const(live))
            QCOMPARE(model.keyAt(model.rowOf(key)), key);
        for (const QString &key : std::as_const(ended))
            QCOMPARE(model.rowOf(key), -1);
        for (auto it = held.cbegin(); it != held.cend(); ++it) {
            const auto &[source, sorted] = it.value();
            if (ended.contains(it.key())) {
                QVERIFY(!source.isValid());
                QVERIFY(!sorted.isValid());
                continue;
            }
            QCOMPARE(source.row(), model.rowOf(it.key()));
            QCOMPARE(source.data(KeyRole).toString(), it.key());
            QCOMPARE(sorted.data(KeyRole).toString(), it.key());
        }
    }
    QCOMPARE(reset.count(), 0);
}

QTEST_MAIN(TestJobTableModel)
#include "tst_jobtablemodel.moc"
