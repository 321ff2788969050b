// The table models announce a delta on exactly the cells it changed: dataChanged covers the
// columns whose text, tooltip, sort value or state differ, never a reset, and a selection stays.
#include "app/models/AlertTableModel.h"
#include "app/models/JobTableModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeTableModel.h"
#include "app/models/QueueTableModel.h"
#include "app/models/QuotaRequestTableModel.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSet>
#include <QSignalSpy>
#include <QtTest>
#include <functional>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;
namespace pb = google::protobuf;

namespace {

// Changes one field of `message` so that it reads differently: a number moves on, a string
// grows, a flag flips, an enum takes its next value, a list gains an entry, a message has its
// first field changed.
void mutate(pb::Message &message, const pb::FieldDescriptor *field)
{
    const pb::Reflection *r = message.GetReflection();
    using F = pb::FieldDescriptor;
    if (field->is_repeated()) {
        switch (field->cpp_type()) {
        case F::CPPTYPE_STRING:
            r->AddString(&message, field, "added");
            break;
        case F::CPPTYPE_MESSAGE: {
            pb::Message *added = r->AddMessage(&message, field);
            mutate(*added, added->GetDescriptor()->field(0));
            break;
        }
        case F::CPPTYPE_ENUM:
            r->AddEnum(
                &message, field, field->enum_type()->value(field->enum_type()->value_count() - 1));
            break;
        case F::CPPTYPE_INT32:
            r->AddInt32(&message, field, 7);
            break;
        case F::CPPTYPE_INT64:
            r->AddInt64(&message, field, 7);
            break;
        case F::CPPTYPE_DOUBLE:
            r->AddDouble(&message, field, 7.5);
            break;
        default:
            QFAIL(field->full_name().c_str());
        }
        return;
    }
    switch (field->cpp_type()) {
    case F::CPPTYPE_INT32:
        r->SetInt32(&message, field, r->GetInt32(message, field) + 1);
        break;
    case F::CPPTYPE_INT64:
        r->SetInt64(&message, field, r->GetInt64(message, field) + 1);
        break;
    case F::CPPTYPE_UINT32:
        r->SetUInt32(&message, field, r->GetUInt32(message, field) + 1);
        break;
    case F::CPPTYPE_UINT64:
        r->SetUInt64(&message, field, r->GetUInt64(message, field) + 1);
        break;
    case F::CPPTYPE_DOUBLE:
        r->SetDouble(&message, field, r->GetDouble(message, field) + 1.5);
        break;
    case F::CPPTYPE_FLOAT:
        r->SetFloat(&message, field, r->GetFloat(message, field) + 1.5f);
        break;
    case F::CPPTYPE_BOOL:
        r->SetBool(&message, field, !r->GetBool(message, field));
        break;
    case F::CPPTYPE_STRING:
        r->SetString(&message, field, r->GetString(message, field) + "x");
        break;
    case F::CPPTYPE_ENUM: {
        const pb::EnumValueDescriptor *now = r->GetEnum(message, field);
        const pb::EnumDescriptor *type = field->enum_type();
        r->SetEnum(&message, field, type->value((now->index() + 1) % type->value_count()));
        break;
    }
    case F::CPPTYPE_MESSAGE: {
        pb::Message *sub = r->MutableMessage(&message, field);
        mutate(*sub, sub->GetDescriptor()->field(0));
        break;
    }
    }
}

// What a row shows in each column, role by role.
QList<QVariantList> cellsOf(const QAbstractItemModel &model, int row)
{
    QList<QVariantList> cells;
    for (int column = 0; column < model.columnCount(); ++column) {
        QVariantList roles;
        for (int role :
            { int(Qt::DisplayRole), int(Qt::ToolTipRole), int(SortRole), int(StateRole) })
            roles.append(model.index(row, column).data(role));
        cells.append(roles);
    }
    return cells;
}

// Columns that dataChanged signals announced for `row`.
QSet<int> announcedColumns(const QSignalSpy &spy, int row)
{
    QSet<int> columns;
    for (const QList<QVariant> &signal : spy) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        if (row < topLeft.row() || row > bottomRight.row())
            continue;
        for (int column = topLeft.column(); column <= bottomRight.column(); ++column)
            columns.insert(column);
    }
    return columns;
}

// For each field of `base` but its key: a delta changing only that field announces every column
// whose cells then read differently. `skipped` columns depend on the clock, not the object.
template <class Model, class T> void everyFieldIsAnnounced(const T &base, QSet<int> skipped = {})
{
    const pb::Descriptor *type = T::descriptor();
    for (int i = 0; i < type->field_count(); ++i) {
        const pb::FieldDescriptor *field = type->field(i);
        T changed = base;
        mutate(changed, field);
        if (client::keyOf(changed) != client::keyOf(base))
            continue;
        client::SiteState site;
        Feeder feed(&site);
        feed.feed<T>(true, { base });
        Model model(&site);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QList<QVariantList> before = cellsOf(model, 0);
        QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        feed.feed<T>(false, { changed });
        const QList<QVariantList> after = cellsOf(model, 0);
        const QSet<int> announced = announcedColumns(spy, 0);
        QCOMPARE(reset.count(), 0);
        // Every change reaches proxies filtering on the object, even one no column shows.
        QVERIFY2(!spy.isEmpty(), field->name().c_str());
        for (int column = 0; column < model.columnCount(); ++column) {
            if (skipped.contains(column) || before.at(column) == after.at(column))
                continue;
            QVERIFY2(announced.contains(column),
                qPrintable(QStringLiteral("%1 changes column %2 unannounced")
                               .arg(QString::fromStdString(field->name()))
                               .arg(column)));
        }
    }
}

pb::Timestamp at(qint64 seconds)
{
    pb::Timestamp t;
    t.set_seconds(seconds);
    return t;
}

v1::Node busyNode()
{
    v1::Node n = node(QStringLiteral("n0001"), v1::NODE_STATE_DRAINING, 70.0);
    n.set_reason("XID 79");
    n.set_reason_user("ops");
    *n.mutable_reason_time() = at(1'700'000'000);
    n.set_reboot_pending(true);
    n.set_accelerators_allocated(6);
    n.set_accelerators_failed(1);
    n.add_job_ids("41");
    n.set_model_name("H100 SXM");
    return n;
}

v1::Job endedJob()
{
    v1::Job j = job(QStringLiteral("42"), v1::JOB_STATE_FAILED);
    *j.mutable_start_time() = at(1'700'000'000);
    *j.mutable_end_time() = at(1'700'003'600);
    j.set_failure_reason("out of memory");
    j.add_nodes("n0001");
    j.set_time_limit_seconds(7200);
    return j;
}

v1::Job waitingJob()
{
    v1::Job j = job(QStringLiteral("43"), v1::JOB_STATE_PENDING, v1::PENDING_REASON_TENANT_QUOTA);
    j.set_pending_reason_raw("QOSGrpGRES");
    j.set_quota_used(56);
    j.set_quota_limit(64);
    j.set_nodes_requested(2);
    return j;
}

v1::Queue busyQueue()
{
    v1::Queue q;
    q.set_name("gpu");
    q.set_state("UP");
    q.set_is_default(true);
    q.set_nodes_total(16);
    q.set_nodes_available(15);
    q.set_max_time_seconds(86400);
    q.set_jobs_pending(3);
    q.set_jobs_running(5);
    q.set_jobs_held(1);
    q.set_accelerators_pending(24);
    q.set_wait_seconds_p50(60);
    q.set_wait_seconds_p95(600);
    q.set_largest_startable_accelerators(8);
    v1::AcceleratorCounts *c = q.add_accelerators();
    c->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    c->set_total(128);
    c->set_free(8);
    c->set_in_use(112);
    c->set_down(8);
    return q;
}

v1::Alert acknowledgedAlert()
{
    v1::Alert a;
    a.set_id("al-1");
    a.set_severity(v1::SEVERITY_WARNING);
    a.set_kind("node_down");
    a.set_target("n0001");
    a.set_summary("n0001 is down");
    *a.mutable_raise_time() = at(1'700'000'000);
    *a.mutable_clear_time() = at(1'700'000'600);
    a.set_acknowledged(true);
    a.set_acknowledged_by("ops");
    *a.mutable_acknowledge_time() = at(1'700'000'300);
    a.set_acknowledge_comment("rebooting");
    return a;
}

v1::QuotaRequest decidedRequest()
{
    v1::QuotaRequest r;
    r.set_id("qr-1");
    r.set_tenant("galaxy");
    r.set_requester("alice");
    r.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    r.set_current_max_accelerators(64);
    r.set_max_accelerators(128);
    r.set_current_max_accelerator_hours(1000);
    r.set_max_accelerator_hours(2000);
    r.set_justification("a bigger run");
    *r.mutable_until_time() = at(1'800'000'000);
    r.set_state(v1::QUOTA_REQUEST_STATE_APPROVED);
    r.set_decider("root");
    *r.mutable_decide_time() = at(1'700'000'600);
    r.set_decision_comment("fine");
    r.set_needs_admin(true);
    *r.mutable_create_time() = at(1'700'000'000);
    return r;
}

} // namespace

class TestColumnMask : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void stateChangeAnnouncesTheStateColumnOnly()
    {
        client::SiteState site;
        Feeder feed(&site);
        QList<v1::Node> nodes;
        for (int i = 0; i < 8; ++i)
            nodes.append(node(nodeName(i)));
        feed.nodes(true, nodes);
        NodeTableModel model(&site);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QItemSelectionModel selection(&model);
        selection.select(
            model.index(3, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        feed.nodes(false, { node(nodeName(3), v1::NODE_STATE_DRAINED) });

        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
        // The state column's text, tooltip and sort value; StateRole, the same in every column,
        // across the row.
        QCOMPARE(changed.count(), 2);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const auto topLeft = signal.at(0).value<QModelIndex>();
            const auto bottomRight = signal.at(1).value<QModelIndex>();
            const auto roles = signal.at(2).value<QList<int>>();
            if (roles == QList<int> { StateRole }) {
                QCOMPARE(topLeft, model.index(3, 0));
                QCOMPARE(bottomRight, model.index(3, NodeTableModel::ColumnCount - 1));
                continue;
            }
            QCOMPARE(topLeft, model.index(3, NodeTableModel::StateColumn));
            QCOMPARE(bottomRight, model.index(3, NodeTableModel::StateColumn));
            QVERIFY(roles.contains(Qt::DisplayRole));
            QVERIFY(roles.contains(SortRole));
        }
        QCOMPARE(model.index(3, NodeTableModel::StateColumn).data(StateRole).toInt(),
            int(v1::NODE_STATE_DRAINED));
        QVERIFY(selection.isRowSelected(3));
        QCOMPARE(selection.selectedRows().size(), 1);
    }

    void telemetryChangeAnnouncesItsColumnsAsOneRun()
    {
        client::SiteState site;
        Feeder feed(&site);
        feed.nodes(true, { node(nodeName(0)), node(nodeName(1)), node(nodeName(2)) });
        NodeTableModel model(&site);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // Two adjacent rows alike, one apart: the alike ones share a signal.
        v1::Node a = node(nodeName(0), v1::NODE_STATE_IDLE, 90.0, 6000.0);
        v1::Node b = node(nodeName(1), v1::NODE_STATE_IDLE, 91.0, 6100.0);
        for (v1::Node *n : { &a, &b }) {
            n->set_temperature_celsius(70.0);
            n->set_accelerator_memory_used_percent(80.0);
        }
        v1::Node c = node(nodeName(2));
        c.set_accelerators_allocated(4);
        feed.nodes(false, { a, b, c });
        QCOMPARE(changed.count(), 2);
        QList<std::pair<QModelIndex, QModelIndex>> ranges;
        for (const QList<QVariant> &signal : std::as_const(changed))
            ranges.append({ signal.at(0).value<QModelIndex>(), signal.at(1).value<QModelIndex>() });
        QVERIFY(ranges.contains({ model.index(0, NodeTableModel::UtilisationColumn),
            model.index(1, NodeTableModel::PowerColumn) }));
        QVERIFY(ranges.contains({ model.index(2, NodeTableModel::AllocatedColumn),
            model.index(2, NodeTableModel::AllocatedColumn) }));
    }

    void changeNoColumnShowsStillReachesFilters()
    {
        client::SiteState site;
        Feeder feed(&site);
        feed.jobs(true, { endedJob() });
        JobTableModel model(&site);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        v1::Job j = endedJob();
        j.set_exit_code(137); // a filter field ("exit") no column shows
        feed.jobs(false, { j });
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> { MessageRole });
    }

    void everyNodeFieldIsAnnounced() { everyFieldIsAnnounced<NodeTableModel>(busyNode()); }
    void everyJobFieldIsAnnounced()
    {
        everyFieldIsAnnounced<JobTableModel>(endedJob());
        // A waiting job's wait grows with the clock, whatever the delta.
        everyFieldIsAnnounced<JobTableModel>(waitingJob(), { JobTableModel::ElapsedColumn });
    }
    void everyQueueFieldIsAnnounced() { everyFieldIsAnnounced<QueueTableModel>(busyQueue()); }
    void everyAlertFieldIsAnnounced()
    {
        everyFieldIsAnnounced<AlertTableModel>(acknowledgedAlert());
    }
    void everyQuotaRequestFieldIsAnnounced()
    {
        everyFieldIsAnnounced<QuotaRequestTableModel>(decidedRequest());
    }
};

QTEST_MAIN(TestColumnMask)
#include "tst_columnmask.moc"
