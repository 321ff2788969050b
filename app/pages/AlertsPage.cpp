#include "app/pages/AlertsPage.h"

#include "app/dialogs/ConfirmActionDialog.h"
#include "app/models/AlertTableModel.h"
#include "app/models/FilterProxyModel.h"
#include "app/models/ModelRoles.h"
#include "app/pages/FilterBar.h"
#include "app/pages/RoleGate.h"
#include "app/pages/TableTools.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/FieldSet.h"
#include "widgets/Palette.h"

#include <QAction>
#include <QCheckBox>
#include <QFont>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

namespace {

bool isOpen(const v1::Alert &alert)
{
    return !alert.has_clear_time() || alert.clear_time().seconds() == 0;
}

// The alert filter: the filter language, plus whether acknowledged and cleared alerts show;
// severity as a colour swatch (the console's one severity palette), open unacknowledged
// critical alerts in bold, acknowledged ones dimmed.
class AlertProxyModel : public FilterProxyModel {
public:
    explicit AlertProxyModel(QObject *parent)
        : FilterProxyModel(suanli::alertFields(), parent)
    {
    }

    void setShown(bool acknowledged, bool cleared)
    {
        if (acknowledged == m_acknowledged && cleared == m_cleared)
            return;
        m_acknowledged = acknowledged;
        m_cleared = cleared;
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DecorationRole && role != Qt::FontRole && role != Qt::ForegroundRole)
            return FilterProxyModel::data(index, role);
        const auto *alert = alertOf(index);
        if (!alert)
            return FilterProxyModel::data(index, role);
        if (role == Qt::DecorationRole) {
            if (index.column() != AlertTableModel::SeverityColumn)
                return {};
            return widgets::Palette::severityColour(
                widgets::SeverityColour(std::clamp<int>(alert->severity(), 0, 3)));
        }
        if (role == Qt::FontRole) {
            if (alert->acknowledged() || !isOpen(*alert)
                || alert->severity() != v1::SEVERITY_CRITICAL)
                return {};
            QFont bold = QGuiApplication::font();
            bold.setBold(true);
            return bold;
        }
        // ForegroundRole: stale data keeps the model's grey; settled alerts are dimmed.
        const QVariant stale = FilterProxyModel::data(index, role);
        if (stale.isValid() || (!alert->acknowledged() && isOpen(*alert)))
            return stale;
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const auto *model = static_cast<const AlertTableModel *>(sourceModel());
        if (const v1::Alert *alert = model->itemAt(sourceRow)) {
            if (!m_acknowledged && alert->acknowledged())
                return false;
            if (!m_cleared && !isOpen(*alert))
                return false;
        }
        return FilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }

private:
    const v1::Alert *alertOf(const QModelIndex &index) const
    {
        const QModelIndex source = mapToSource(index);
        return static_cast<const AlertTableModel *>(sourceModel())->itemAt(source.row());
    }

    bool m_acknowledged = false;
    bool m_cleared = false;
};

} // namespace

AlertsPage::AlertsPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new AlertTableModel(connection->site(), this))
    , m_proxy(new AlertProxyModel(this))
    , m_filter(new FilterBar(
          m_proxy->filter(), tr("Filter, e.g. severity:critical kind:xid lg-r0017"), this))
    , m_showAcknowledged(new QCheckBox(tr("Show ac&knowledged"), this))
    , m_showCleared(new QCheckBox(tr("Show c&leared"), this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("AlertsPage"));
    m_prompt = [this](const QString &title, const QString &question, const QStringList &targets,
                   bool required, QString *reason) {
        return ConfirmActionDialog::ask(this, title, question, targets, required, reason);
    };
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_filter->watchTable(m_table, m_model, tr("No alert matches the filter"));
    m_tools = new TableTools(m_table, QStringLiteral("alerts"), QStringLiteral("alerts.csv"));
    m_tools->setRowOfKey([this](const QString &id) { return m_model->rowOf(id); });
    connect(m_tools, &TableTools::notify, this, &AlertsPage::notify);
    m_tools->setColumnRoles(AlertTableModel::TargetColumn, { AlertTableModel::SummaryColumn });

    auto *toolbar = new QToolBar(this);
    m_acknowledge = toolbar->addAction(tr("&Acknowledge…"));
    m_acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_acknowledge->setShortcutContext(Qt::WindowShortcut);
    toolbar->addSeparator();
    toolbar->addAction(m_tools->exportAction());
    addActions({ m_acknowledge, m_tools->exportAction() });
    connect(m_acknowledge, &QAction::triggered, this, &AlertsPage::acknowledge);
    m_showAcknowledged->setToolTip(tr("Also list alerts someone has acknowledged"));
    m_showCleared->setToolTip(tr("Also list alerts whose condition is gone"));
    auto shown = [this] {
        static_cast<AlertProxyModel *>(m_proxy)->setShown(
            m_showAcknowledged->isChecked(), m_showCleared->isChecked());
    };
    connect(m_showAcknowledged, &QCheckBox::toggled, this, shown);
    connect(m_showCleared, &QCheckBox::toggled, this, shown);

    // A feed: the newest on top.
    TableTools::configure(m_table, AlertTableModel::RaisedColumn, Qt::DescendingOrder);
    m_tools->addContextActions({ m_acknowledge });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &AlertsPage::updateActions);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_showAcknowledged, 0, Qt::AlignTop);
    filterRow->addWidget(m_showCleared, 0, Qt::AlignTop);
    filterRow->addWidget(toolbar, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    auto *site = connection->site();
    auto changed = [this] {
        updateBadge();
        updateActions();
    };
    connect(&site->alerts(), &client::CollectionSignals::reset, this, changed);
    connect(&site->alerts(), &client::CollectionSignals::changed, this, changed);
    connect(connection, &client::Connection::identityChanged, this, &AlertsPage::updateActions);
    changed();
}

AlertsPage::~AlertsPage() = default;

void AlertsPage::setPrompt(ConfirmPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void AlertsPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void AlertsPage::setShowAcknowledged(bool show)
{
    m_showAcknowledged->setChecked(show);
}

void AlertsPage::setShowCleared(bool show)
{
    m_showCleared->setChecked(show);
}

QStringList AlertsPage::selectedIds() const
{
    return m_tools->selectedKeys();
}

void AlertsPage::setSelectedIds(const QStringList &ids)
{
    m_tools->setSelectedKeys(ids);
}

void AlertsPage::updateBadge()
{
    int open = 0;
    int unacknowledged = 0;
    for (const v1::Alert &alert : m_connection->site()->alerts().items) {
        if (!isOpen(alert))
            continue;
        ++open;
        if (!alert.acknowledged())
            ++unacknowledged;
    }
    m_count->setText(tr("%Ln open alert(s), %1 not acknowledged", nullptr, open)
                         .arg(QLocale().toString(unacknowledged)));
    setBadge(unacknowledged);
}

void AlertsPage::updateActions()
{
    const auto &alerts = m_connection->site()->alerts().items;
    bool any = false;
    for (const QString &id : selectedIds()) {
        const auto it = alerts.constFind(id);
        if (it != alerts.constEnd() && !it->acknowledged()) {
            any = true;
            break;
        }
    }
    RoleGate::apply(m_acknowledge, m_connection->identity().user().role(),
        "Events.AcknowledgeAlert", any,
        tr("Say you are on the selected alerts, with an optional comment (Ctrl+Shift+A)"));
}

void AlertsPage::acknowledge()
{
    const auto &alerts = m_connection->site()->alerts().items;
    QStringList targets;
    for (const QString &id : selectedIds()) {
        const auto it = alerts.constFind(id);
        if (it != alerts.constEnd() && !it->acknowledged())
            targets.append(id);
    }
    if (targets.isEmpty() || !m_acknowledge->isEnabled())
        return;
    QString comment;
    if (!m_prompt(tr("Acknowledge"),
            tr("Acknowledge %Ln alert(s)? Others will see that you are on it.", nullptr,
                int(targets.size())),
            targets, false, &comment))
        return;
    m_connection->actions()->acknowledgeAlerts(
        targets, comment, client::whileAlive(this, [this](const client::ActionResult &result) {
            Q_EMIT notify(result.summary(), !result.allApplied(), result.message);
        }));
}

void AlertsPage::saveState() const
{
    m_tools->saveState();
    QSettings settings;
    settings.setValue(
        FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("alerts")),
        m_filter->text());
    settings.setValue(QStringLiteral("alerts/showAcknowledged"), m_showAcknowledged->isChecked());
    settings.setValue(QStringLiteral("alerts/showCleared"), m_showCleared->isChecked());
}

void AlertsPage::restoreState()
{
    m_tools->restoreState();
    QSettings settings;
    m_filter->setText(
        settings
            .value(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("alerts")))
            .toString());
    m_showAcknowledged->setChecked(
        settings.value(QStringLiteral("alerts/showAcknowledged"), false).toBool());
    m_showCleared->setChecked(settings.value(QStringLiteral("alerts/showCleared"), false).toBool());
}

QString AlertsPage::pageTitle()
{
    return tr("Alerts");
}

QString AlertsPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
