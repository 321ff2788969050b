#include "app/models/FilterProxyModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/TenantTreeModel.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

namespace {

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

void addQuota(google::protobuf::RepeatedPtrField<v1::QuotaLimit> *limits,
    v1::AcceleratorModel model, qint64 max, qint64 hours = 0)
{
    v1::QuotaLimit *l = limits->Add();
    l->set_model(model);
    l->set_max_accelerators(max);
    l->set_max_accelerator_hours(hours);
}

void addUsage(google::protobuf::RepeatedPtrField<v1::QuotaUsage> *usages,
    v1::AcceleratorModel model, qint64 inUse, double hours = 0, qint64 pending = 0)
{
    v1::QuotaUsage *u = usages->Add();
    u->set_model(model);
    u->set_accelerators_in_use(inUse);
    u->set_accelerator_hours_used(hours);
    u->set_accelerators_pending(pending);
}

v1::Project project(const std::string &id, const std::string &name, const std::string &zh,
    qint64 limit, qint64 used)
{
    v1::Project p;
    p.set_id(id);
    p.set_name(name);
    p.set_name_zh(zh);
    addQuota(p.mutable_quotas(), v1::ACCELERATOR_MODEL_ASCEND_910B, limit);
    addUsage(p.mutable_usage(), v1::ACCELERATOR_MODEL_ASCEND_910B, used);
    return p;
}

v1::Tenant galaxy()
{
    v1::Tenant t;
    t.set_id("galaxy");
    t.set_name("Galaxy AI");
    t.set_name_zh("银河智算");
    addQuota(t.mutable_quotas(), v1::ACCELERATOR_MODEL_ASCEND_910B, 64, 10000);
    addUsage(t.mutable_usage(), v1::ACCELERATOR_MODEL_ASCEND_910B, 48, 1234, 16);
    addUsage(t.mutable_usage(), v1::ACCELERATOR_MODEL_NVIDIA_H100, 8);
    *t.add_projects() = project("galaxy-llm", "LLM", "大模型", 48, 40);
    *t.add_projects() = project("galaxy-cv", "CV", "", 16, 8);
    return t;
}

v1::Tenant nebula()
{
    v1::Tenant t;
    t.set_id("nebula");
    t.set_name("Nebula");
    t.set_name_zh("星云");
    addQuota(t.mutable_quotas(), v1::ACCELERATOR_MODEL_NVIDIA_A100, 32);
    addUsage(t.mutable_usage(), v1::ACCELERATOR_MODEL_NVIDIA_A100, 4);
    v1::Project rec;
    rec.set_id("nebula-rec");
    rec.set_name("Recommendation");
    addQuota(rec.mutable_quotas(), v1::ACCELERATOR_MODEL_NVIDIA_A100, 32);
    *t.add_projects() = rec;
    return t;
}

} // namespace

// TenantTreeModel: tenants and their projects, quota cells for a bar, exact signals for deltas.
class TestTenantTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tenantsHoldTheirProjects();
    void quotaCellsGiveUsedAndLimit();
    void namesFollowTheLanguage();
    void deltaTouchesOnlyWhatChanged();
    void newModelAddsAColumnWithoutReset();
    void aLimitAcrossAllModelsHasItsOwnColumn();
    void tenantsComeAndGo();
    void snapshotResets();
    void filterKeepsMatchingTenantsWithTheirProjects();

private:
    std::unique_ptr<client::SiteState> m_site;
    std::unique_ptr<Feeder> m_feed;
    std::unique_ptr<TenantTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTenantTreeModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTenantTreeModel::init()
{
    m_site = std::make_unique<client::SiteState>();
    m_feed = std::make_unique<Feeder>(m_site.get());
    m_feed->tenants(true, { nebula(), galaxy() });
    m_model = std::make_unique<TenantTreeModel>(m_site.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), Fatal);
}

void TestTenantTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_feed.reset();
    m_site.reset();
}

void TestTenantTreeModel::tenantsHoldTheirProjects()
{
    TenantTreeModel &model = *m_model;
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex g = model.index(0, 0);
    QCOMPARE(g.data(KeyRole).toString(), u"galaxy");
    QCOMPARE(g.data().toString(), u"Galaxy AI");
    QCOMPARE(model.rowCount(g), 2);
    const QModelIndex llm = model.index(0, 0, g);
    QCOMPARE(llm.data(KeyRole).toString(), u"galaxy-llm");
    QCOMPARE(llm.data().toString(), u"LLM");
    QCOMPARE(llm.parent(), g);
    QCOMPARE(model.rowCount(llm), 0);
    QCOMPARE(model.rowCount(model.index(0, 1)), 0); // only the first column has children
    QCOMPARE(model.projectIndex(u"galaxy"_qs, u"galaxy-cv"_qs), model.index(1, 0, g));
    QCOMPARE(model.tenantIndex(u"nebula"_qs), model.index(1, 0));
    QCOMPARE(model.tenantAt(g)->name_zh(), "银河智算");
    QVERIFY(!model.projectAt(g));
    QCOMPARE(model.projectAt(llm)->id(), "galaxy-llm");
    QVERIFY(!model.tenantAt(llm));
}

void TestTenantTreeModel::quotaCellsGiveUsedAndLimit()
{
    TenantTreeModel &model = *m_model;
    // One column per model in the data, in the API's order.
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Tenant / project");
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"H100");
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"A100");
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), u"Ascend 910B");
    QCOMPARE(model.modelAt(3), v1::ACCELERATOR_MODEL_ASCEND_910B);
    QCOMPARE(model.columnOf(v1::ACCELERATOR_MODEL_NVIDIA_A100), 2);
    QCOMPARE(model.columnOf(v1::ACCELERATOR_MODEL_HYGON_K100), -1);

    const QModelIndex g910 = model.index(0, 3);
    QCOMPARE(g910.data().toString(), u"48 / 64");
    QCOMPARE(g910.data(UsedRole).toLongLong(), 48);
    QCOMPARE(g910.data(LimitRole).toLongLong(), 64);
    QCOMPARE(g910.data(SortRole).toLongLong(), 48);
    const QString tip = g910.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"16 more asked for by pending jobs"), qPrintable(tip));
    QVERIFY2(tip.contains(u"1,234 of 10,000"), qPrintable(tip));

    // In use without a quota: used, no limit.
    const QModelIndex gH100 = model.index(0, 1);
    QCOMPARE(gH100.data().toString(), u"8");
    QCOMPARE(gH100.data(UsedRole).toLongLong(), 8);
    QVERIFY(!gH100.data(LimitRole).isValid());
    // A model the tenant has nothing of: an empty cell.
    QVERIFY(!model.index(0, 2).data().isValid());
    QVERIFY(!model.index(0, 2).data(UsedRole).isValid());

    const QModelIndex g = model.index(0, 0);
    const QModelIndex cv910 = model.index(1, 3, g);
    QCOMPARE(cv910.data(UsedRole).toLongLong(), 8);
    QCOMPARE(cv910.data(LimitRole).toLongLong(), 16);
    const QModelIndex rec = model.index(0, 2, model.index(1, 0));
    QCOMPARE(rec.data(UsedRole).toLongLong(), 0);
    QCOMPARE(rec.data(LimitRole).toLongLong(), 32);
}

void TestTenantTreeModel::namesFollowTheLanguage()
{
    TenantTreeModel &model = *m_model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy notified(&model, &TenantTreeModel::chineseNamesChanged);
    model.setChineseNames(true);
    QCOMPARE(notified.count(), 1);
    const QModelIndex g = model.index(0, 0);
    QCOMPARE(g.data().toString(), u"银河智算");
    QCOMPARE(model.index(0, 0, g).data().toString(), u"大模型");
    QCOMPARE(model.index(1, 0, g).data().toString(), u"CV"); // no Chinese name: the English one
    // The name column of the tenants, then of each tenant's projects; nothing else.
    QCOMPARE(changed.count(), 3);
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        QCOMPARE(signal.at(0).value<QModelIndex>().column(), 0);
        QCOMPARE(signal.at(1).value<QModelIndex>().column(), 0);
    }
    model.setChineseNames(true);
    QCOMPARE(notified.count(), 1);
    QCOMPARE(changed.count(), 3);
}

void TestTenantTreeModel::deltaTouchesOnlyWhatChanged()
{
    TenantTreeModel &model = *m_model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);

    v1::Tenant g = galaxy();
    g.mutable_projects()->RemoveLast(); // galaxy-cv goes
    g.mutable_projects(0)->mutable_usage(0)->set_accelerators_in_use(47); // galaxy-llm changes
    *g.add_projects() = project("galaxy-new", "New", "", 8, 0);
    m_feed->tenants(false, { g });

    const QModelIndex gi = model.index(0, 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(columns.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), gi);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), gi);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    // galaxy-llm's row, then galaxy's own row; nebula is untouched.
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0, gi));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(0, 3, gi));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), model.index(0, 3));
    QVERIFY(changed.at(1).at(2).value<QList<int>>().contains(UsedRole));

    QCOMPARE(model.index(0, 3, gi).data(UsedRole).toLongLong(), 47);
    QCOMPARE(model.index(1, 0, gi).data(KeyRole).toString(), u"galaxy-new");
    QCOMPARE(model.rowCount(gi), 2);

    // An update that leaves the projects as they were signals the tenant row alone.
    changed.clear();
    m_feed->tenants(false, { g });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
}

void TestTenantTreeModel::newModelAddsAColumnWithoutReset()
{
    TenantTreeModel &model = *m_model;
    FilterProxyModel proxy(tenantFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, Fatal);
    QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    v1::Tenant n = nebula();
    addQuota(n.mutable_projects(0)->mutable_quotas(), v1::ACCELERATOR_MODEL_CAMBRICON_MLU370, 16);
    m_feed->tenants(false, { n });

    QCOMPARE(reset.count(), 0);
    // Once at the top, once under each tenant.
    QCOMPARE(columns.count(), 3);
    for (const QList<QVariant> &signal : std::as_const(columns)) {
        QCOMPARE(signal.at(1).toInt(), 4);
        QCOMPARE(signal.at(2).toInt(), 4);
    }
    QVERIFY(!columns.at(0).at(0).value<QModelIndex>().isValid());
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.columnCount(model.index(0, 0)), 5);
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), u"Cambricon MLU370");
    QCOMPARE(model.index(0, 4, model.index(1, 0)).data(LimitRole).toLongLong(), 16);
    QCOMPARE(proxy.columnCount(), 5);
    QCOMPARE(proxy.index(0, 4, proxy.index(1, 0)).data(LimitRole).toLongLong(), 16);
}

void TestTenantTreeModel::aLimitAcrossAllModelsHasItsOwnColumn()
{
    // galaxy gets one limit of 56 on every model together (Slurm's untyped gres/gpu): 48 910B
    // and 8 H100 in use count against it together, beside the 910B's own 64.
    TenantTreeModel &model = *m_model;
    QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    v1::Tenant g = galaxy();
    v1::QuotaLimit *all = g.add_quotas();
    all->set_all_models(true);
    all->set_max_accelerators(56);
    v1::QuotaUsage *used = g.add_usage();
    used->set_all_models(true);
    used->set_accelerators_in_use(56);
    used->set_accelerators_pending(16);
    v1::QuotaUsage *llmUsed = g.mutable_projects(0)->add_usage();
    llmUsed->set_all_models(true);
    llmUsed->set_accelerators_in_use(40);
    m_feed->tenants(false, { g });

    // A new column at the end, without a reset.
    QCOMPARE(reset.count(), 0);
    QCOMPARE(columns.count(), 3);
    QCOMPARE(model.columnCount(), 5);
    const int column = model.columnOf(QuotaKind::acrossAllModels());
    QCOMPARE(column, 4);
    QVERIFY(model.kindAt(column).allModels);
    QCOMPARE(model.modelAt(column), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    QCOMPARE(model.columnOf(v1::ACCELERATOR_MODEL_UNSPECIFIED), -1);
    QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), u"All models");
    const QModelIndex cell = model.index(0, column);
    QCOMPARE(cell.data().toString(), u"56 / 56");
    QCOMPARE(cell.data(UsedRole).toLongLong(), 56);
    QCOMPARE(cell.data(LimitRole).toLongLong(), 56);
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"every model together"), qPrintable(tip));
    QVERIFY2(tip.contains(u"16 more asked for by pending jobs"), qPrintable(tip));
    // The per-model cells stay the models' own.
    QCOMPARE(model.index(0, 3).data(LimitRole).toLongLong(), 64);
    // A project under it shows its use across models, with no limit of its own.
    const QModelIndex llm = model.index(0, column, model.index(0, 0));
    QCOMPARE(llm.data(UsedRole).toLongLong(), 40);
    QVERIFY(!llm.data(LimitRole).isValid());
    QVERIFY2(llm.data(Qt::ToolTipRole).toString().contains(u"no limit of its own"),
        qPrintable(llm.data(Qt::ToolTipRole).toString()));
    // nebula has none: an empty cell.
    QVERIFY(!model.index(1, column).data().isValid());

    // From a snapshot, the column across all models comes first.
    m_feed->tenants(true, { nebula(), g });
    QCOMPARE(model.columnOf(QuotaKind::acrossAllModels()), 1);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"All models");
    QCOMPARE(model.index(0, 1).data(LimitRole).toLongLong(), 56);
}

void TestTenantTreeModel::tenantsComeAndGo()
{
    TenantTreeModel &model = *m_model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const QPersistentModelIndex rec = model.index(0, 0, model.index(1, 0));

    m_feed->tenants(false, {}, { u"galaxy"_qs });
    QCOMPARE(removed.count(), 1);
    QVERIFY(!removed.at(0).at(0).value<QModelIndex>().isValid());
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    // nebula moved up: its project knows its new parent.
    QVERIFY(rec.isValid());
    QCOMPARE(rec.parent(), model.index(0, 0));
    QCOMPARE(rec.data(KeyRole).toString(), u"nebula-rec");

    v1::Tenant aurora;
    aurora.set_id("aurora");
    aurora.set_name("Aurora");
    m_feed->tenants(false, { aurora });
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(model.index(1, 0).data().toString(), u"Aurora");
}

void TestTenantTreeModel::snapshotResets()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_feed->tenants(true, { nebula() });
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    // Columns are recomputed from the snapshot.
    QCOMPARE(m_model->columnCount(), 2);
}

void TestTenantTreeModel::filterKeepsMatchingTenantsWithTheirProjects()
{
    FilterProxyModel proxy(tenantFields());
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy, Fatal);
    proxy.filter()->setText(u"name:galaxy"_qs);
    QCOMPARE(proxy.rowCount(), 1);
    const QModelIndex g = proxy.index(0, 0);
    QCOMPARE(g.data(KeyRole).toString(), u"galaxy");
    QCOMPARE(proxy.rowCount(g), 2);
    proxy.filter()->setText(u"银河"_qs);
    QCOMPARE(proxy.rowCount(), 1);
}

QTEST_MAIN(TestTenantTreeModel)
#include "tst_tenanttreemodel.moc"
