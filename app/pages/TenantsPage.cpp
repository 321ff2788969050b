#include "app/pages/TenantsPage.h"

#include "app/charts/TenantUsageChart.h"
#include "app/dialogs/NewQuotaRequestDialog.h"
#include "app/models/FilterProxyModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/TenantTreeModel.h"
#include "app/models/Words.h"
#include "app/pages/FilterBar.h"
#include "app/pages/RoleGate.h"
#include "app/pages/TableTools.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/FieldSet.h"
#include "common/QuotaRules.h"
#include "widgets/QuotaBar.h"
#include "widgets/QuotaBarDelegate.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace suanli::app {

namespace {

// The kinds a tenant's detail shows: all models together first where it has such a limit or
// use, then its models in the tree's order.
QList<QuotaKind> kindsOf(const v1::Tenant &tenant)
{
    QList<QuotaKind> kinds;
    auto add = [&kinds](QuotaKind k) {
        if (!kinds.contains(k))
            kinds.append(k);
    };
    for (const v1::QuotaLimit &l : tenant.quotas())
        add(QuotaKind::of(l));
    for (const v1::QuotaUsage &u : tenant.usage())
        add(QuotaKind::of(u));
    std::sort(kinds.begin(), kinds.end(), [](const QuotaKind &a, const QuotaKind &b) {
        if (a.allModels != b.allModels)
            return a.allModels;
        return a.model < b.model;
    });
    return kinds;
}

} // namespace

TenantsPage::TenantsPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new TenantTreeModel(connection->site(), this))
    , m_proxy(new FilterProxyModel(suanli::tenantFields(), this))
    , m_filter(new FilterBar(m_proxy->filter(), tr("Filter tenants, e.g. id:galaxy"), this))
    , m_scope(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_detailTitle(new QLabel(this))
    , m_detailGrid(new QWidget(this))
    , m_grid(new QGridLayout(m_detailGrid))
    , m_chartArea(new QWidget(this))
{
    setObjectName(QStringLiteral("TenantsPage"));
    // Tenants and projects by their Chinese names when the console speaks Chinese.
    m_model->setChineseNames(QLocale().language() == QLocale::Chinese);
    m_setQuotaPrompt = [this](QuotaChange *change) {
        auto *site = m_connection->site();
        return SetQuotaDialog::ask(this, site->tenants().items,
            SetQuotaDialog::offeredModels(site->overview().accelerators(), site->tenants().items),
            change);
    };
    m_requestPrompt = [this](v1::CreateQuotaRequestRequest *request) {
        return NewQuotaRequestDialog::askFor(this, m_connection, request);
    };
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(false);
    m_tree->setModel(m_proxy);
    m_filter->watchTable(m_tree, m_model, tr("No tenant matches the filter"));
    m_tree->setItemDelegate(new widgets::QuotaBarDelegate(m_tree));
    m_tools = new TableTools(m_tree, QStringLiteral("tenants"), QStringLiteral("tenants.csv"));
    connect(m_tools, &TableTools::notify, this, &TenantsPage::notify);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_setQuota = toolbar->addAction(tr("&Set quota…"));
    m_setQuota->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_request = toolbar->addAction(tr("Request &quota…"));
    m_request->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    toolbar->addSeparator();
    m_expand = toolbar->addAction(tr("E&xpand all"));
    toolbar->addAction(m_tools->exportAction());
    for (QAction *a : { m_setQuota, m_request, m_expand })
        a->setShortcutContext(Qt::WindowShortcut);
    addActions({ m_setQuota, m_request, m_expand, m_tools->exportAction() });
    connect(m_setQuota, &QAction::triggered, this, &TenantsPage::setQuota);
    connect(m_request, &QAction::triggered, this, &TenantsPage::requestQuota);
    connect(m_expand, &QAction::triggered, m_tree, &QTreeView::expandAll);

    m_scope->setWordWrap(true);
    m_scope->setVisible(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(toolbar);

    TableTools::configure(m_tree, TenantTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setDefaultSectionSize(
        widgets::QuotaBar::sizeFor(m_tree->fontMetrics(), 9999, 9999).width() + 16);
    m_tools->addContextActions({ m_setQuota, m_request });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        updateDetail();
        if (selectedTenant() != m_lastSelectedTenant) {
            m_lastSelectedTenant = selectedTenant();
            showTenantChart(m_lastSelectedTenant);
            Q_EMIT tenantSelected(m_lastSelectedTenant);
        }
    });
    // A tenant's projects show at once; the tree has tens of tenants, not thousands.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &parent, int first, int last) {
            if (parent.isValid())
                return;
            for (int r = first; r <= last; ++r)
                m_tree->expand(m_proxy->index(r, 0));
        });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        updateDetail();
    });

    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_detailTitle->setFont(titleFont);
    m_detailTitle->setWordWrap(true);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_chartArea->setObjectName(QStringLiteral("TenantChartArea"));
    auto *chartLayout = new QVBoxLayout(m_chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartArea->setVisible(false);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addWidget(m_detailGrid);
    detailLayout->addWidget(m_chartArea, 1);
    detailLayout->addStretch(0);
    auto *detailScroll = new QScrollArea(this);
    detailScroll->setWidget(detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setMinimumHeight(m_tree->fontMetrics().height() * 12);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("TenantsSplitter"));
    splitter->addWidget(m_tree);
    splitter->addWidget(detailScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 600, 400 });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_scope);
    layout->addWidget(splitter, 1);

    auto *site = connection->site();
    connect(&site->tenants(), &client::CollectionSignals::changed, this,
        [this](const QStringList &upserted, const QStringList &removed) {
            if (upserted.contains(m_detailTenant) || removed.contains(m_detailTenant))
                updateDetail();
        });
    connect(connection, &client::Connection::identityChanged, this, [this] {
        const auto &user = m_connection->identity().user();
        m_scope->setVisible(user.role() == v1::ROLE_TENANT_MANAGER);
        m_scope->setText(tr("You see the tenants you manage: %1.").arg(Words::list(userTenants())));
        updateActions();
    });
    m_tree->expandAll();
    updateActions();
    updateDetail();
}

TenantsPage::~TenantsPage() = default;

void TenantsPage::setSetQuotaPrompt(SetQuotaPrompt prompt)
{
    m_setQuotaPrompt = std::move(prompt);
}

void TenantsPage::setRequestPrompt(RequestPrompt prompt)
{
    m_requestPrompt = std::move(prompt);
}

void TenantsPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QStringList TenantsPage::userTenants() const
{
    QStringList out;
    for (const std::string &t : m_connection->identity().user().tenants())
        out.append(QString::fromStdString(t));
    return out;
}

QModelIndex TenantsPage::currentSourceIndex() const
{
    const QModelIndex current = m_tree->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current) : QModelIndex();
}

QString TenantsPage::selectedTenant() const
{
    const QModelIndex index = currentSourceIndex();
    if (!index.isValid())
        return {};
    const QModelIndex tenantRow = index.parent().isValid() ? index.parent() : index;
    return tenantRow.siblingAtColumn(0).data(KeyRole).toString();
}

QString TenantsPage::selectedProject() const
{
    const QModelIndex index = currentSourceIndex();
    return index.isValid() && index.parent().isValid()
        ? index.siblingAtColumn(0).data(KeyRole).toString()
        : QString();
}

void TenantsPage::setSelected(
    const QString &tenant, const QString &project, v1::AcceleratorModel model)
{
    setSelected(tenant, project, QuotaKind { model, false });
}

void TenantsPage::setSelected(const QString &tenant, const QString &project, QuotaKind kind)
{
    QModelIndex source
        = project.isEmpty() ? m_model->tenantIndex(tenant) : m_model->projectIndex(tenant, project);
    if (source.isValid() && (kind.allModels || kind.model != v1::ACCELERATOR_MODEL_UNSPECIFIED)) {
        const int column = m_model->columnOf(kind);
        if (column > 0)
            source = source.siblingAtColumn(column);
    }
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        m_tree->selectionModel()->clear();
        return;
    }
    m_tree->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
}

void TenantsPage::updateActions()
{
    const auto &user = m_connection->identity().user();
    const auto role = user.role();
    const bool any = currentSourceIndex().isValid();
    RoleGate::apply(m_setQuota, role, "Tenancy.SetQuota", any,
        tr("Set the selected tenant's or project's quota for a model (Ctrl+Shift+Q)"));
    const QString requestWhat = tr("Ask for more quota for a tenant or project (Ctrl+Shift+N)");
    const bool mayRequest = RoleGate::allows(role, "Tenancy.CreateQuotaRequest")
        && (role == v1::ROLE_ADMIN || user.tenants_size() > 0);
    m_request->setEnabled(mayRequest);
    m_request->setToolTip(mayRequest ? requestWhat
                                     : requestWhat + u'\n'
                + tr("Needs the operator, tenant-manager or admin role, acting "
                     "for a tenant."));
}

void TenantsPage::updateDetail()
{
    const QString tenantId = selectedTenant();
    m_detailTenant = tenantId;
    const auto &items = m_connection->site()->tenants().items;
    const auto it = items.constFind(tenantId);
    if (tenantId.isEmpty() || it == items.constEnd()) {
        m_detailTitle->setText(tr("Select a tenant to see its projects' use of its quota."));
        m_detailGrid->setVisible(false);
        return;
    }
    const v1::Tenant &tenant = it.value();
    m_detailTitle->setText(Words::tenantName(tenant.id(), tenant.name(), tenant.name_zh()));
    m_detailGrid->setVisible(true);

    const QList<QuotaKind> kinds = kindsOf(tenant);

    // Rows of bars: the tenant's use, what its projects hold, its hours; then each project.
    struct Row {
        QString label;
        QString tooltip;
        QList<std::pair<double, double>> values;
    };
    QList<Row> rows;
    Row inUse { tr("In use"), tr("Accelerators the tenant's jobs use now, against its quota"), {} };
    Row held { tr("Held by its projects"),
        tr("The sum of its projects' quotas, against the tenant's quota"), {} };
    Row hours { tr("Accelerator-hours this month"),
        tr("Accelerator-hours used this calendar month, against the monthly limit"), {} };
    for (const QuotaKind &k : std::as_const(kinds)) {
        const v1::QuotaLimit *limit = findQuotaLimit(tenant.quotas(), k);
        const v1::QuotaUsage *usage = findQuotaUsage(tenant.usage(), k);
        const double max = limit ? double(limit->max_accelerators()) : 0.0;
        inUse.values.append({ double(quotaInUse(tenant.usage(), k)), max });
        // What each project may use of it at most, by the gateway's rule.
        const ProjectsHold hold = projectsHold(tenant, {}, k, 0);
        held.values.append({ double(hold.now), max });
        hours.values.append({ usage ? std::round(usage->accelerator_hours_used()) : 0.0,
            limit ? double(limit->max_accelerator_hours()) : 0.0 });
    }
    rows << inUse << held << hours;
    for (const v1::Project &p : tenant.projects()) {
        Row row { Words::tenantName(p.id(), p.name(), p.name_zh()),
            tr("Accelerators project %1 uses now, against its quota")
                .arg(QString::fromStdString(p.id())),
            {} };
        for (const QuotaKind &k : std::as_const(kinds)) {
            const v1::QuotaLimit *limit = findQuotaLimit(p.quotas(), k);
            row.values.append({ double(quotaInUse(p.usage(), k)),
                limit ? double(limit->max_accelerators()) : 0.0 });
        }
        rows.append(row);
    }

    QStringList keys;
    for (const QuotaKind &k : std::as_const(kinds))
        keys.append(Words::quotaKindName(k));
    for (const Row &row : std::as_const(rows))
        keys.append(row.label);
    if (keys != m_detailKeys) {
        // Another tenant, or its projects or models changed: lay the grid out anew.
        m_detailKeys = keys;
        m_bars.clear();
        m_rowLabels.clear();
        while (QLayoutItem *item = m_grid->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (int c = 0; c < kinds.size(); ++c) {
            auto *header = new QLabel(
                QStringLiteral("<b>%1</b>").arg(Words::quotaKindName(kinds.at(c)).toHtmlEscaped()),
                m_detailGrid);
            if (kinds.at(c).allModels)
                header->setToolTip(tr("One limit on the accelerators of every model together: a "
                                      "job must fit it and its own model's limit"));
            m_grid->addWidget(header, 0, c + 1);
            m_grid->setColumnStretch(c + 1, 1);
        }
        for (int r = 0; r < rows.size(); ++r) {
            auto *label = new QLabel(rows.at(r).label, m_detailGrid);
            label->setToolTip(rows.at(r).tooltip);
            if (r == 3) {
                auto *projects = new QLabel(tr("<b>Projects</b>"), m_detailGrid);
                m_grid->addWidget(projects, r + 1, 0);
            }
            const int gridRow = r < 3 ? r + 1 : r + 2;
            m_grid->addWidget(label, gridRow, 0);
            m_rowLabels.append(rows.at(r).label);
            for (int c = 0; c < kinds.size(); ++c) {
                auto *bar = new widgets::QuotaBar(m_detailGrid);
                bar->setToolTip(rows.at(r).tooltip);
                m_grid->addWidget(bar, gridRow, c + 1);
                m_bars.append(bar);
            }
        }
    }
    int i = 0;
    for (const Row &row : std::as_const(rows)) {
        for (const auto &[used, limit] : row.values)
            m_bars.at(i++)->setValues(used, limit);
    }
}

QString TenantsPage::detailText() const
{
    QStringList lines { m_detailTitle->text() };
    if (!m_detailGrid->isVisibleTo(const_cast<TenantsPage *>(this)))
        return lines.first();
    const int columns = m_rowLabels.isEmpty() ? 0 : int(m_bars.size() / m_rowLabels.size());
    for (int r = 0; r < m_rowLabels.size(); ++r) {
        QStringList cells { m_rowLabels.at(r) };
        for (int c = 0; c < columns; ++c)
            cells.append(
                m_detailKeys.value(c) + QStringLiteral(": ") + m_bars.at(r * columns + c)->text());
        lines.append(cells.join(QStringLiteral("; ")));
    }
    return lines.join(u'\n');
}

void TenantsPage::setQuota()
{
    if (!m_setQuota->isEnabled())
        return;
    QuotaChange change;
    change.tenant = selectedTenant();
    change.project = selectedProject();
    const QModelIndex current = currentSourceIndex();
    QuotaKind kind = current.isValid() ? m_model->kindAt(current.column()) : QuotaKind();
    if (!kind.allModels && kind.model == v1::ACCELERATOR_MODEL_UNSPECIFIED) {
        // The name column: the first model's.
        for (int c = 1;
             c < m_model->columnCount() && kind.model == v1::ACCELERATOR_MODEL_UNSPECIFIED; ++c)
            kind = m_model->kindAt(c).allModels ? QuotaKind() : m_model->kindAt(c);
    }
    change.model = kind.model;
    change.allModels = kind.allModels;
    if (!m_setQuotaPrompt(&change))
        return;
    if (change.tenant.isEmpty()
        || (!change.allModels && change.model == v1::ACCELERATOR_MODEL_UNSPECIFIED))
        return;
    v1::QuotaLimit limit;
    limit.set_model(change.allModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED : change.model);
    limit.set_all_models(change.allModels);
    limit.set_max_accelerators(change.accelerators);
    limit.set_max_accelerator_hours(change.acceleratorHours);
    m_connection->actions()->setQuota(change.tenant, change.project, limit, change.reason,
        client::whileAlive(this, [this, change](const client::ActionResult &result) {
            if (!result.ok()) {
                Q_EMIT notify(result.summary(), true,
                    result.codeName + QStringLiteral(": ") + result.message);
                return;
            }
            const QString owner
                = Words::owner(change.tenant.toStdString(), change.project.toStdString());
            Q_EMIT notify(change.allModels
                    ? tr("Set %1's limit across all models to %2 accelerators.")
                          .arg(owner, QLocale().toString(change.accelerators))
                    : tr("Set %1's %2 quota to %3 accelerators.")
                          .arg(owner, Words::modelName(change.model),
                              QLocale().toString(change.accelerators)),
                false, {});
        }));
}

void TenantsPage::requestQuota()
{
    if (!m_request->isEnabled())
        return;
    v1::CreateQuotaRequestRequest request;
    request.set_tenant(selectedTenant().toStdString());
    request.set_project(selectedProject().toStdString());
    const QModelIndex current = currentSourceIndex();
    QuotaKind kind = current.isValid() ? m_model->kindAt(current.column()) : QuotaKind();
    // Where a limit across all models applies and the model has no limit of its own, that limit
    // is the one that binds: the request is for it.
    const auto &items = m_connection->site()->tenants().items;
    if (const auto it = items.constFind(selectedTenant()); it != items.constEnd() && !kind.allModels
        && kind.model != v1::ACCELERATOR_MODEL_UNSPECIFIED) {
        const v1::Project *project = projectOf(*it, request.project());
        const auto &own = project ? project->quotas() : it->quotas();
        const bool allApplies = findQuotaLimit(own, QuotaKind::acrossAllModels())
            || findQuotaLimit(it->quotas(), QuotaKind::acrossAllModels());
        if (allApplies && !findQuotaLimit(own, kind))
            kind = QuotaKind::acrossAllModels();
    }
    request.set_model(kind.model);
    request.set_all_models(kind.allModels);
    if (!m_requestPrompt(&request))
        return;
    NewQuotaRequestDialog::send(m_connection, request,
        client::whileAlive(
            this, [this](const QString &message, bool failed, const QString &details) {
                Q_EMIT notify(message, failed, details);
            }));
}

void TenantsPage::saveState() const
{
    QSettings settings;
    m_tools->saveState();
    settings.setValue(
        FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("tenants")),
        m_filter->text());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("TenantsSplitter")))
        settings.setValue(QStringLiteral("tenants/splitter"), splitter->saveState());
}

void TenantsPage::restoreState()
{
    QSettings settings;
    // Columns come with the data (one per accelerator model): TableTools restores the header then.
    m_tools->restoreState();
    m_filter->setText(
        settings
            .value(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("tenants")))
            .toString());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("TenantsSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("tenants/splitter")).toByteArray());
}

void TenantsPage::showTenantChart(const QString &tenant)
{
    delete m_chart;
    m_chart = nullptr;
    if (!tenant.isEmpty()) {
        m_chart = new TenantUsageChart(m_connection, tenant, m_chartArea);
        m_chart->setMinimumHeight(fontMetrics().height() * 28);
        m_chartArea->layout()->addWidget(m_chart);
    }
    m_chartArea->setVisible(m_chart != nullptr);
}

QString TenantsPage::pageTitle()
{
    return tr("Tenants");
}

QString TenantsPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
