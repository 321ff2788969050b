#include "app/pages/JobsPage.h"

#include "app/dialogs/ConfirmActionDialog.h"
#include "app/dialogs/PriorityDialog.h"
#include "app/models/JobTableModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/TableProxyModel.h"
#include "app/pages/FilterBar.h"
#include "app/pages/RoleGate.h"
#include "app/pages/TableTools.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/FieldSet.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace suanli::app {

namespace {

QString cancelTitle()
{
    return JobsPage::tr("Cancel jobs");
}

bool applies(int kind, v1::JobState state)
{
    switch (kind) {
    case 0: // cancel
        return state == v1::JOB_STATE_PENDING || state == v1::JOB_STATE_RUNNING
            || state == v1::JOB_STATE_HELD;
    case 1: // hold
        return state == v1::JOB_STATE_PENDING;
    case 2: // release
        return state == v1::JOB_STATE_HELD;
    case 3: // requeue
        return state == v1::JOB_STATE_RUNNING;
    case 4: // priority
        return state == v1::JOB_STATE_PENDING || state == v1::JOB_STATE_HELD;
    default:
        return false;
    }
}

} // namespace

JobsPage::JobsPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new JobTableModel(connection->site(), this))
    , m_proxy(new TableProxyModel(suanli::jobFields(), this))
    , m_filter(new FilterBar(m_proxy->filter(),
          tr("Filter, e.g. state:pending reason:quota tenant:galaxy acc>=64 wait>1h"), this))
    , m_table(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("JobsPage"));
    m_prompt = [this](const QString &title, const QString &question, const QStringList &targets,
                   bool required, QString *reason) {
        // Each job as its owner knows it: id, name and user.
        const auto &jobs = m_connection->site()->jobs().items;
        QStringList described;
        for (const QString &id : targets) {
            const auto it = jobs.constFind(id);
            described.append(it == jobs.constEnd()
                    ? id
                    : tr("%1  %2 (%3)", "a job in a confirmation: id, name (user)")
                          .arg(id, QString::fromStdString(it->name()),
                              QString::fromStdString(it->user())));
        }
        // "Cancel" beside "Cancel jobs" would read as the action.
        return ConfirmActionDialog::ask(this, title, question, described, required, reason,
            title == cancelTitle() ? tr("Keep jobs") : QString());
    };
    m_priorityPrompt = [this](const QStringList &jobs, qint64 *priority, QString *reason) {
        return PriorityDialog::ask(this, jobs, priority, reason);
    };
    m_proxy->filter()->setClock([site = connection->site()] { return site->nowSeconds(); });
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_filter->watchTable(m_table, m_model, tr("No job matches the filter"));
    m_tools = new TableTools(m_table, QStringLiteral("jobs"), QStringLiteral("jobs.csv"));
    m_tools->setRowOfKey([this](const QString &id) { return m_model->rowOf(id); });
    connect(m_tools, &TableTools::notify, this, &JobsPage::notify);
    m_tools->setColumnRoles(JobTableModel::IdColumn, { JobTableModel::ReasonColumn });

    auto *toolbar = new QToolBar(this);
    m_cancel = toolbar->addAction(tr("&Cancel…"));
    m_cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_hold = toolbar->addAction(tr("&Hold"));
    m_hold->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_release = toolbar->addAction(tr("Re&lease"));
    m_release->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_requeue = toolbar->addAction(tr("Re&queue…"));
    m_requeue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_priority = toolbar->addAction(tr("Set &priority…"));
    m_priority->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    toolbar->addSeparator();
    toolbar->addAction(m_tools->exportAction());
    const QList<QAction *> jobActions = { m_cancel, m_hold, m_release, m_requeue, m_priority };
    for (QAction *a : jobActions)
        a->setShortcutContext(Qt::WindowShortcut);
    addActions(jobActions);
    addAction(m_tools->exportAction());
    connect(m_cancel, &QAction::triggered, this, [this] { run(Kind::Cancel); });
    connect(m_hold, &QAction::triggered, this, [this] { run(Kind::Hold); });
    connect(m_release, &QAction::triggered, this, [this] { run(Kind::Release); });
    connect(m_requeue, &QAction::triggered, this, [this] { run(Kind::Requeue); });
    connect(m_priority, &QAction::triggered, this, [this] { run(Kind::Priority); });

    // A flat tree, not a table: a table's row header does work for every row on each removal,
    // which a centre's 200,000 jobs turn into a stutter on each tick.
    m_table->setRootIsDecorated(false);
    m_table->setItemsExpandable(false);
    // Newest first: scheduler ids grow with submission.
    TableTools::configure(m_table, JobTableModel::IdColumn, Qt::DescendingOrder);
    // A reason cut short keeps its figures: "waiting: tenant quota for … (64/64)".
    m_table->setTextElideMode(Qt::ElideMiddle);
    // Why a job waits is the longest text: last, where it has the room that is left.
    m_table->header()->moveSection(m_table->header()->visualIndex(JobTableModel::ReasonColumn),
        JobTableModel::ColumnCount - 1);
    // What fits beside it on a 1600-pixel window; the column chooser brings the time back.
    m_table->header()->hideSection(JobTableModel::SubmittedColumn);
    m_tools->addContextActions(jobActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateCount();
    });

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(toolbar, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    // Jobs change every tick; their states decide which actions apply to the selection. The
    // page looks again at most four times a second, and only at the selected rows.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        updateActions();
        updateCount();
    });
    auto later = [this] {
        if (!m_refresh->isActive())
            m_refresh->start();
    };
    auto *site = connection->site();
    connect(&site->jobs(), &client::CollectionSignals::reset, this, later);
    connect(&site->jobs(), &client::CollectionSignals::changed, this, later);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, later);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, later);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, later);
    connect(connection, &client::Connection::identityChanged, this, &JobsPage::updateActions);
    updateActions();
    updateCount();
}

JobsPage::~JobsPage() = default;

void JobsPage::setPrompt(ConfirmPrompt prompt)
{
    m_prompt = std::move(prompt);
}

void JobsPage::setPriorityPrompt(PriorityPrompt prompt)
{
    m_priorityPrompt = std::move(prompt);
}

void JobsPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QStringList JobsPage::selectedIds() const
{
    return m_tools->selectedKeys();
}

void JobsPage::setSelectedIds(const QStringList &ids)
{
    m_tools->setSelectedKeys(ids);
}

QStringList JobsPage::targetsFor(Kind kind) const
{
    const auto &jobs = m_connection->site()->jobs().items;
    QStringList targets;
    for (const QString &id : selectedIds()) {
        const auto it = jobs.constFind(id);
        if (it != jobs.constEnd() && applies(int(kind), it->state()))
            targets.append(id);
    }
    return targets;
}

void JobsPage::updateActions()
{
    const auto role = m_connection->identity().user().role();
    // One pass over the selected rows tells which actions have a job to act on.
    bool has[5] = {};
    const auto &jobs = m_connection->site()->jobs().items;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const auto it = jobs.constFind(index.data(KeyRole).toString());
        if (it == jobs.constEnd())
            continue;
        for (int k = 0; k < 5; ++k)
            has[k] = has[k] || applies(k, it->state());
    }
    RoleGate::apply(m_cancel, role, "Scheduler.CancelJobs", has[0],
        tr("End the selected jobs; running jobs are stopped (Ctrl+K)"));
    RoleGate::apply(m_hold, role, "Scheduler.HoldJobs", has[1],
        tr("Keep the selected pending jobs from starting (Ctrl+H)"));
    RoleGate::apply(m_release, role, "Scheduler.ReleaseJobs", has[2],
        tr("Let the selected held jobs start again (Ctrl+L)"));
    RoleGate::apply(m_requeue, role, "Scheduler.RequeueJobs", has[3],
        tr("Stop the selected running jobs and put them back in the queue (Ctrl+Shift+R)"));
    RoleGate::apply(m_priority, role, "Scheduler.SetJobPriority", has[4],
        tr("Change the priority of the selected pending or held jobs (Ctrl+P)"));
}

void JobsPage::updateCount()
{
    const QLocale locale;
    const int shown = m_proxy->rowCount();
    const int all = m_model->rowCount();
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    QString text = shown == all
        ? tr("%Ln active job(s)", nullptr, all)
        : tr("%1 of %Ln active job(s) match the filter", nullptr, all).arg(locale.toString(shown));
    if (selected > 0)
        text += tr(", %Ln selected", nullptr, selected);
    m_count->setText(text);
}

void JobsPage::run(Kind kind)
{
    const QStringList targets = targetsFor(kind);
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    if (targets.isEmpty())
        return;
    const int skipped = selected - int(targets.size());
    const QString skippedNote = skipped > 0 ? QStringLiteral(" ")
            + tr("%Ln other selected job(s) are left alone: the action does not apply to their "
                 "state.",
                nullptr, skipped)
                                            : QString();
    auto done = client::whileAlive(this, [this](const client::ActionResult &result) {
        Q_EMIT notify(result.summary(), !result.allApplied(), result.message);
    });
    auto *actions = m_connection->actions();
    const int n = int(targets.size());
    QString reason;
    switch (kind) {
    case Kind::Cancel:
        if (!m_prompt(cancelTitle(),
                tr("Cancel %Ln job(s)? Running ones are stopped; this cannot be undone.", nullptr,
                    n)
                    + skippedNote,
                targets, true, &reason))
            return;
        actions->cancelJobs(targets, reason, done);
        break;
    // Hold is undone by release: the notification offers it.
    case Kind::Hold: {
        if (!m_prompt(tr("Hold jobs"),
                tr("Hold %Ln pending job(s)? They stay in the queue without starting until "
                   "released.",
                    nullptr, n)
                    + skippedNote,
                targets, false, &reason))
            return;
        auto held = client::whileAlive(this, [this](const client::ActionResult &result) {
            QStringList applied;
            for (const auto &t : result.targets)
                if (t.ok())
                    applied.append(QString::fromStdString(t.target()));
            if (!result.allApplied() || applied.isEmpty()) {
                Q_EMIT notify(result.summary(), !result.allApplied(), result.message);
                return;
            }
            constexpr int kNamed = 3;
            const QString what = applied.size() <= kNamed
                ? QLocale().createSeparatedList(applied)
                : tr("%Ln job(s)", nullptr, int(applied.size()));
            Q_EMIT offer(tr("Held %1").arg(what), tr("Release"), [page = QPointer(this), applied] {
                if (!page)
                    return;
                page->m_connection->actions()->releaseJobs(applied, {},
                    client::whileAlive(page.data(), [page](const client::ActionResult &r) {
                        Q_EMIT page->notify(r.summary(), !r.allApplied(), r.message);
                    }));
            });
        });
        actions->holdJobs(targets, reason, held);
        break;
    }
    case Kind::Release:
        actions->releaseJobs(targets, {}, done);
        break;
    case Kind::Requeue:
        if (!m_prompt(tr("Requeue"),
                tr("Requeue %Ln running job(s)? They stop now and wait in the queue again; work "
                   "since their last checkpoint is lost.",
                    nullptr, n)
                    + skippedNote,
                targets, true, &reason))
            return;
        actions->requeueJobs(targets, reason, done);
        break;
    case Kind::Priority: {
        const auto &jobs = m_connection->site()->jobs().items;
        const auto first = jobs.constFind(targets.constFirst());
        qint64 priority = first != jobs.constEnd() ? first->priority() : 0;
        if (!m_priorityPrompt(targets, &priority, &reason))
            return;
        actions->setJobPriority(targets, priority, reason, done);
        break;
    }
    }
}

void JobsPage::saveState() const
{
    m_tools->saveState();
    QSettings().setValue(
        FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("jobs")),
        m_filter->text());
}

void JobsPage::restoreState()
{
    m_tools->restoreState();
    m_filter->setText(
        QSettings()
            .value(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("jobs")))
            .toString());
}

QString JobsPage::pageTitle()
{
    return tr("Jobs");
}

QString JobsPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
