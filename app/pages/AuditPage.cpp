#include "app/pages/AuditPage.h"

#include "app/models/AuditTableModel.h"
#include "app/models/FilterProxyModel.h"
#include "app/pages/FilterBar.h"
#include "app/pages/RoleGate.h"
#include "app/pages/TableTools.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "common/FieldSet.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace suanli::app {

AuditPage::AuditPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new AuditTableModel(this))
    , m_proxy(new FilterProxyModel(suanli::auditFields(), this))
    , m_filter(new FilterBar(m_proxy->filter(),
          tr("Filter, e.g. user:ops.wang action:CancelJobs result!=OK time>2026-11-01"), this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("AuditPage"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_tools = new TableTools(m_table, QStringLiteral("audit"), QStringLiteral("audit.csv"));
    connect(m_tools, &TableTools::notify, this, &AuditPage::notify);
    m_tools->setColumnRoles(AuditTableModel::TargetColumn, { AuditTableModel::ReasonColumn });

    auto *toolbar = new QToolBar(this);
    m_refresh = toolbar->addAction(tr("&Refresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Load the newest entries that match the filter (F5)"));
    m_loadMore = toolbar->addAction(tr("Load &more"));
    m_loadMore->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    toolbar->addSeparator();
    toolbar->addAction(m_tools->exportAction());
    for (QAction *a : { m_refresh, m_loadMore })
        a->setShortcutContext(Qt::WindowShortcut);
    addActions({ m_refresh, m_loadMore, m_tools->exportAction() });
    connect(m_refresh, &QAction::triggered, this, &AuditPage::refresh);
    connect(m_loadMore, &QAction::triggered, this, &AuditPage::loadMore);

    TableTools::configure(m_table, AuditTableModel::SequenceColumn, Qt::DescendingOrder);

    // The rows shown follow the filter at once; the gateway is asked when the user stops typing
    // or presses Return, so entries beyond the loaded pages are found too.
    m_typing->setSingleShot(true);
    m_typing->setInterval(600);
    connect(m_filter->edit(), &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &AuditPage::refresh);
    connect(m_filter, &FilterBar::submitted, this, &AuditPage::refresh);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(toolbar, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(connection, &client::Connection::identityChanged, this, [this] {
        updateActions();
        if (isVisible() && m_model->rowCount() == 0)
            refresh();
    });
    updateActions();
}

AuditPage::~AuditPage() = default;

void AuditPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QString AuditPage::status() const
{
    return m_status->text();
}

void AuditPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void AuditPage::refresh()
{
    m_typing->stop();
    query(false);
}

void AuditPage::loadMore()
{
    if (hasMore())
        query(true);
}

void AuditPage::updateActions()
{
    const auto role = m_connection->identity().user().role();
    RoleGate::apply(m_refresh, role, "Audit.ListAuditEntries", !m_loading,
        tr("Load the newest entries that match the filter (F5)"));
    RoleGate::apply(m_loadMore, role, "Audit.ListAuditEntries", !m_loading && hasMore(),
        tr("Load the next %Ln older entries (Ctrl+M)", nullptr, kPageSize));
}

void AuditPage::query(bool more)
{
    const auto role = m_connection->identity().user().role();
    if (!m_connection->identity().has_user())
        return; // not connected yet: identityChanged asks again
    if (!RoleGate::allows(role, "Audit.ListAuditEntries")) {
        m_status->setText(tr("The audit log is open to operators and admins. %1")
                              .arg(RoleGate::needsText("Audit.ListAuditEntries")));
        return;
    }
    if (m_filter->hasError()) {
        m_status->setText(tr("Fix the filter to search the log: %1").arg(m_filter->errorText()));
        return;
    }
    v1::ListAuditEntriesRequest request;
    request.set_page_size(kPageSize);
    request.set_filter(m_filter->text().trimmed().toStdString());
    if (more)
        request.set_page_token(m_nextPageToken.toStdString());
    const quint64 generation = ++m_generation;
    m_loading = true;
    updateActions();
    m_status->setText(tr("Loading…"));
    m_connection->actions()->listAuditEntries(request,
        client::whileAlive(this,
            [this, generation, more](
                const client::ActionResult &result, const v1::ListAuditEntriesResponse &response) {
                if (generation != m_generation)
                    return;
                m_loading = false;
                if (!result.ok()) {
                    m_status->setText(
                        tr("The audit log could not be read: %1").arg(result.summary()));
                    Q_EMIT notify(result.summary(), true, result.message);
                    updateActions();
                    Q_EMIT loaded();
                    return;
                }
                // A new first page replaces the rows; the selection comes back by sequence.
                const QStringList selected = more ? QStringList() : m_tools->selectedKeys();
                if (!more)
                    m_model->clear();
                m_model->appendEntries(
                    QList<v1::AuditEntry>(response.entries().begin(), response.entries().end()));
                if (!selected.isEmpty())
                    m_tools->setSelectedKeys(selected);
                m_nextPageToken = QString::fromStdString(response.next_page_token());
                m_total = response.total_size();
                const QLocale locale;
                m_status->setText(m_total > 0 ? tr("%1 of %Ln entries", nullptr, m_total)
                                                    .arg(locale.toString(m_model->rowCount()))
                                              : tr("%Ln entries", nullptr, m_model->rowCount()));
                updateActions();
                Q_EMIT loaded();
            }));
}

void AuditPage::saveState() const
{
    m_tools->saveState();
    QSettings().setValue(
        FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("audit")),
        m_filter->text());
}

void AuditPage::restoreState()
{
    m_tools->restoreState();
    m_filter->setText(
        QSettings()
            .value(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("audit")))
            .toString());
}

QString AuditPage::pageTitle()
{
    return tr("Audit");
}

QString AuditPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
