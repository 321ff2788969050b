#include "app/MainWindow.h"

#include "app/ConnectionStatus.h"
#include "app/Federation.h"
#include "app/Language.h"
#include "app/NotificationBar.h"
#include "app/Theme.h"
#include "app/TrustPrompt.h"
#include "app/dialogs/AboutDialog.h"
#include "app/dialogs/ConnectDialog.h"
#include "app/dialogs/PlacementDialog.h"
#include "app/dialogs/ProfilesDialog.h"
#include "app/models/Words.h"
#include "app/pages/AlertsPage.h"
#include "app/pages/AuditPage.h"
#include "app/pages/EnergyPage.h"
#include "app/pages/FederationPage.h"
#include "app/pages/JobsPage.h"
#include "app/pages/NodesPage.h"
#include "app/pages/OverviewPage.h"
#include "app/pages/QueuesPage.h"
#include "app/pages/QuotaRequestsPage.h"
#include "app/pages/TableTools.h"
#include "app/pages/TenantsPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/StatusBadge.h"
#include "widgets/TimeSeriesPlot.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcWindow, "suanli.window")

namespace suanli::app {

namespace {
constexpr int kPageRole = Qt::UserRole + 1;
// A centre's page entry in the sidebar: the page's object name, whether it is built or not.
constexpr int kPageNameRole = Qt::UserRole + 2;

using Collection = client::Connection::Collection;

// A page of a centre, as the sidebar lists it and the window builds it.
struct PageKind {
    QString name;
    QString (*title)();
    Page *(*make)(client::Connection *, QWidget *);
    // Built with the centre, shown or not: their badges and notifications count while they are
    // not looked at, from the collections every connected centre keeps (alerts, quota requests).
    bool eager = false;
    // What the page reads beyond those, watched while the page is shown.
    QList<Collection> needs;
};

template <class P> Page *makePage(client::Connection *centre, QWidget *parent)
{
    return new P(centre, parent);
}

const QList<PageKind> &pageKinds()
{
    static const QList<PageKind> kinds {
        // The queue chart's names.
        { QStringLiteral("OverviewPage"), &OverviewPage::pageTitle, &makePage<OverviewPage>, false,
            { Collection::Queues } },
        { QStringLiteral("NodesPage"), &NodesPage::pageTitle, &makePage<NodesPage>, false,
            { Collection::Nodes } },
        // "Can I run now" weighs the queue's pending jobs against the tenant's quota.
        { QStringLiteral("QueuesPage"), &QueuesPage::pageTitle, &makePage<QueuesPage>, false,
            { Collection::Queues, Collection::Tenants, Collection::Jobs } },
        { QStringLiteral("JobsPage"), &JobsPage::pageTitle, &makePage<JobsPage>, false,
            { Collection::Jobs } },
        { QStringLiteral("TenantsPage"), &TenantsPage::pageTitle, &makePage<TenantsPage>, false,
            { Collection::Tenants } },
        // A request's impact is measured against its tenant's quota.
        { QStringLiteral("QuotaRequestsPage"), &QuotaRequestsPage::pageTitle,
            &makePage<QuotaRequestsPage>, true, { Collection::Tenants } },
        { QStringLiteral("AlertsPage"), &AlertsPage::pageTitle, &makePage<AlertsPage>, true, {} },
        { QStringLiteral("AuditPage"), &AuditPage::pageTitle, &makePage<AuditPage>, false, {} },
        { QStringLiteral("EnergyPage"), &EnergyPage::pageTitle, &makePage<EnergyPage>, false, {} },
    };
    return kinds;
}

const PageKind *pageKind(const QString &name)
{
    for (const PageKind &kind : pageKinds())
        if (kind.name == name)
            return &kind;
    return nullptr;
}
} // namespace

MainWindow::MainWindow(Federation *federation, QWidget *parent)
    : QMainWindow(parent)
    , m_sidebar(new QTreeWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_heading(new QLabel(this))
    , m_notifications(new NotificationBar(this))
    , m_federation(federation)
    , m_federationPage(nullptr)
    , m_federationItem(new QTreeWidgetItem(m_sidebar, { tr("Federation") }))
    , m_search(new QLineEdit(this))
    , m_centresBadge(new widgets::StatusBadge(this))
    , m_centresMenu(new QMenu(this))
{
    setWindowTitle(tr("Suanli — compute centre console"));
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setObjectName(QStringLiteral("Sidebar"));
    m_sidebar->setMinimumWidth(200);
    connect(m_sidebar, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item)
            return;
        // A centre's page is built the first time it is shown.
        if (Centre *centre = centreOf(item->parent()))
            ensurePage(*centre, item->data(0, kPageNameRole).toString());
        // The centre looked at is expanded, the others folded away.
        QTreeWidgetItem *shownCentre = item->parent() ? item->parent() : item;
        if (shownCentre != m_expandedCentre && centreOf(shownCentre)) {
            if (m_expandedCentre && centreOf(m_expandedCentre))
                m_expandedCentre->setExpanded(false);
            shownCentre->setExpanded(true);
            m_expandedCentre = shownCentre;
        }
        if (auto *page = item->data(0, kPageRole).value<QWidget *>())
            m_stack->setCurrentWidget(page);
    });
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::holdShownCollections);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateActionsMenu);
    connect(m_stack, &QStackedWidget::currentChanged, this, &MainWindow::updateHeading);
    m_heading->setObjectName(QStringLiteral("PageHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.25);
    m_heading->setFont(headingFont);
    m_heading->setContentsMargins(8, 6, 8, 2);

    // All centres side by side, above the centres themselves.
    buildFederationPage();
    QFont bold = m_federationItem->font(0);
    bold.setBold(true);
    m_federationItem->setFont(0, bold);
    m_sidebar->setCurrentItem(m_federationItem);

    auto *main = new QWidget(this);
    auto *mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addWidget(m_notifications);
    mainLayout->addWidget(m_heading);
    mainLayout->addWidget(m_stack, 1);

    // Many centres: a search box finds one, and only the centre looked at is expanded.
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(2);
    m_search->setObjectName(QStringLiteral("CentreSearch"));
    m_search->setPlaceholderText(tr("Find a centre…"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::filterSidebar);
    sideLayout->addWidget(m_search);
    sideLayout->addWidget(m_sidebar, 1);

    // One badge for every centre's connection; a click lists them.
    m_centresBadge->setObjectName(QStringLiteral("CentresStatus"));
    m_centresBadge->setCursor(Qt::PointingHandCursor);
    m_centresBadge->setToolTip(tr("Each centre's connection: click for the list"));
    m_centresBadge->installEventFilter(this);
    m_centresBadge->hide();
    statusBar()->addPermanentWidget(m_centresBadge);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("MainSplitter"));
    splitter->addWidget(side);
    splitter->addWidget(main);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    buildMenus();

    // Data age in the status bar moves even when nothing arrives.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, this, &MainWindow::updateStatus);
    clock->start(1000);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1600, 1000);

    connect(m_federation, &Federation::centreAdded, this, &MainWindow::centreAdded);
    connect(m_federation, &Federation::centreRemoved, this, &MainWindow::centreRemoved);
    connect(m_federation, &Federation::problem, this,
        [this](const QString &message) { notify(message, true); });
    for (auto *centre : m_federation->centres())
        centreAdded(centre);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(
        tr("&Connect to centre…"), QKeySequence::New, this, &MainWindow::openConnectDialog);
    file->addAction(tr("&Manage centres…"), this, &MainWindow::openProfilesDialog);
    auto *disconnect = file->addAction(tr("&Disconnect"), this, [this] {
        if (auto *centre = currentCentre())
            m_federation->removeCentre(centre);
    });
    disconnect->setObjectName(QStringLiteral("DisconnectAction"));
    connect(file, &QMenu::aboutToShow, this, [this, disconnect] {
        auto *centre = currentCentre();
        disconnect->setEnabled(centre != nullptr);
        disconnect->setText(
            centre ? tr("&Disconnect from %1").arg(Words::centreName(centre)) : tr("&Disconnect"));
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    m_actionsMenu = menuBar()->addMenu(tr("&Actions"));
    m_actionsMenu->setObjectName(QStringLiteral("ActionsMenu"));
    updateActionsMenu();
    addViewMenu();
    auto *help = menuBar()->addMenu(tr("&Help"));
    auto *keys = help->addAction(
        tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    keys->setObjectName(QStringLiteral("ShortcutsAction"));
    auto *about = help->addAction(tr("&About Suanli"), this, [this] {
        AboutDialog dialog(m_federation->centres(), this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("AboutAction"));
}

void MainWindow::buildPages(Centre &centre, const QStringList &built)
{
    for (const PageKind &kind : pageKinds()) {
        auto *item = new QTreeWidgetItem(centre.item, { kind.title() });
        item->setData(0, kPageNameRole, kind.name);
        item->setData(0, kPageRole, QVariant::fromValue<QWidget *>(nullptr));
    }
    for (const PageKind &kind : pageKinds())
        if (kind.eager || built.contains(kind.name))
            ensurePage(centre, kind.name);
    centre.item->setExpanded(centre.item == m_expandedCentre);
}

void MainWindow::filterSidebar(const QString &text)
{
    const QString wanted = text.trimmed();
    for (const auto &centre : std::as_const(m_centres)) {
        const bool matches = wanted.isEmpty()
            || centre.item->text(0).contains(wanted, Qt::CaseInsensitive)
            || centre.connection->profile().name.contains(wanted, Qt::CaseInsensitive);
        centre.item->setHidden(!matches);
    }
}

Page *MainWindow::ensurePage(Centre &centre, const QString &name)
{
    if (Page *built = centre.pages.value(name))
        return built;
    const PageKind *kind = pageKind(name);
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < centre.item->childCount(); ++i)
        if (centre.item->child(i)->data(0, kPageNameRole).toString() == name)
            item = centre.item->child(i);
    if (!kind || !item)
        return nullptr;
    Page *page = kind->make(centre.connection, m_stack);
    m_stack->addWidget(page);
    centre.pages.insert(name, page);
    item->setData(0, kPageRole, QVariant::fromValue<QWidget *>(page));
    connect(page, &Page::notify, this, &MainWindow::notify);
    connect(page, &Page::offer, m_notifications, &NotificationBar::offer);
    connect(page, &Page::badgeChanged, this, [this, item] { updateBadge(item); });
    page->restoreState();
    updateBadge(item);
    return page;
}

MainWindow::Centre *MainWindow::centreOf(const QTreeWidgetItem *item)
{
    for (auto &centre : m_centres)
        if (item && centre.item == item)
            return &centre;
    return nullptr;
}

void MainWindow::holdShownCollections()
{
    // What the page shown before asked for goes back (the centre drops it a while later).
    if (m_held.centre)
        for (Collection collection : std::as_const(m_held.collections))
            m_held.centre->release(collection);
    m_held = {};
    QWidget *shown = m_stack->currentWidget();
    for (const auto &centre : std::as_const(m_centres)) {
        for (auto it = centre.pages.cbegin(); it != centre.pages.cend(); ++it) {
            if (it.value() != shown)
                continue;
            const PageKind *kind = pageKind(it.key());
            m_held.centre = centre.connection;
            m_held.collections = kind ? kind->needs : QList<Collection>();
            for (Collection collection : std::as_const(m_held.collections))
                centre.connection->acquire(collection);
            return;
        }
    }
}

void MainWindow::buildFederationPage()
{
    m_federationPage = new FederationPage(m_stack);
    m_stack->insertWidget(0, m_federationPage);
    m_federationItem->setData(0, kPageRole, QVariant::fromValue<QWidget *>(m_federationPage));
    connect(m_federationPage, &FederationPage::centreActivated, this,
        [this](client::Connection *centre) { showPage(centre, QStringLiteral("OverviewPage")); });
    for (const auto &centre : std::as_const(m_centres))
        m_federationPage->addCentre(centre.connection);
}

namespace {
// Gives each chart of a page made again the points its old self showed, so a language switch
// shows no empty chart while the new page's feeds ask the gateway again. The pages are built
// alike, so their charts come in the same order.
void keepChartData(const QWidget *from, QWidget *to)
{
    const auto old = from->findChildren<widgets::TimeSeriesPlot *>();
    const auto made = to->findChildren<widgets::TimeSeriesPlot *>();
    for (qsizetype i = 0; i < std::min(old.size(), made.size()); ++i)
        made.at(i)->takeDataFrom(*old.at(i));
}
} // namespace

void MainWindow::retranslate()
{
    QElapsedTimer clock;
    clock.start();
    // Nothing is drawn until every text is in the new language: no half-built menu bar, no
    // page without its figures.
    setUpdatesEnabled(false);
    // Where the user is, to come back to it.
    client::Connection *shownCentre = nullptr;
    QString shownPage;
    for (const auto &centre : std::as_const(m_centres)) {
        for (auto it = centre.pages.cbegin(); it != centre.pages.cend(); ++it) {
            if (it.value() == m_stack->currentWidget()) {
                shownCentre = centre.connection;
                shownPage = it.key();
            }
        }
    }
    setWindowTitle(tr("Suanli — compute centre console"));
    menuBar()->clear();
    buildMenus();
    m_federationItem->setText(0, tr("Federation"));
    // Every page is made again in the new language from what the centres hold now: the
    // connections stay, so nothing is fetched again. Columns, filters and splitters come back
    // through saveState()/restoreState(); charts keep the points they showed.
    FederationPage *oldFederation = m_federationPage;
    buildFederationPage();
    keepChartData(oldFederation, m_federationPage);
    m_stack->removeWidget(oldFederation);
    delete oldFederation;
    for (auto &centre : std::as_const(m_centres))
        for (Page *page : std::as_const(centre.pages))
            page->saveState();
    // The words change length: every table fits its columns to them when it shows next.
    TableTools::refitAll();
    for (auto &centre : m_centres) {
        const QList<QTreeWidgetItem *> items = centre.item->takeChildren();
        qDeleteAll(items);
        const QHash<QString, Page *> old = std::exchange(centre.pages, {});
        buildPages(centre, old.keys());
        for (auto it = old.cbegin(); it != old.cend(); ++it) {
            if (Page *made = centre.pages.value(it.key()))
                keepChartData(it.value(), made);
            m_stack->removeWidget(it.value());
            delete it.value();
        }
    }
    updateStatus();
    if (shownCentre)
        showPage(shownCentre, shownPage);
    else
        showFederation();
    updateHeading();
    setUpdatesEnabled(true);
    qCInfo(lcWindow) << "language switched in" << clock.elapsed() << "ms";
}

void MainWindow::centreAdded(client::Connection *connection)
{
    // The line saying there is no centre yet is no longer true.
    if (!m_untilConnected.isEmpty() && m_notifications->message() == m_untilConnected)
        m_notifications->hide();
    m_untilConnected.clear();
    // In the federation's order (the saved one), whichever centre answers first.
    const auto order = m_federation->centres();
    qsizetype at = 0;
    while (at < m_centres.size()
        && order.indexOf(m_centres.at(at).connection) < order.indexOf(connection))
        ++at;
    Centre centre;
    centre.connection = connection;
    centre.item = new QTreeWidgetItem({ Words::centreName(connection) });
    m_sidebar->insertTopLevelItem(int(at) + 1, centre.item);
    centre.item->setData(0, kPageRole, QVariant::fromValue<QWidget *>(nullptr));
    centre.item->setFlags(Qt::ItemIsEnabled);
    buildPages(centre);
    centre.item->setHidden(!m_search->text().trimmed().isEmpty()
        && !centre.item->text(0).contains(m_search->text().trimmed(), Qt::CaseInsensitive));

    const QString name = connection->profile().name;
    m_centres.insert(at, centre);
    updateStatus();
    // The gateway's own name for the site can change what the centre is called (in Chinese).
    connect(connection->site(), &client::SiteState::overviewChanged, this, [this, connection] {
        for (auto &c : m_centres) {
            if (c.connection != connection || c.item->text(0) == Words::centreName(connection))
                continue;
            c.item->setText(0, Words::centreName(connection));
            updateStatus();
            updateHeading();
        }
    });
    m_federationPage->addCentre(connection, int(at));
    // The page the user last looked at comes back when its centre does, unless the user has
    // gone to another page meanwhile.
    const QString last = QSettings().value(QStringLiteral("window/lastPage")).toString();
    if (last.section(u'/', 0, -2) == name && m_stack->currentWidget() == m_federationPage)
        showPage(connection, last.section(u'/', -1));

    connect(connection, &client::Connection::stateChanged, this,
        [this, connection] { connectionStateChanged(connection); });
    connect(
        connection, &client::Connection::retryInSecondsChanged, this, &MainWindow::updateStatus);
}

void MainWindow::centreRemoved(client::Connection *connection)
{
    for (int i = 0; i < m_centres.size(); ++i) {
        if (m_centres[i].connection != connection)
            continue;
        Centre centre = m_centres.takeAt(i);
        if (m_expandedCentre == centre.item)
            m_expandedCentre = nullptr;
        if (m_sidebar->currentItem() == centre.item
            || centre.item->indexOfChild(m_sidebar->currentItem()) >= 0)
            m_sidebar->setCurrentItem(m_federationItem);
        m_federationPage->removeCentre(connection);
        // Its connection goes: what the page shown held is not given back to it.
        if (m_held.centre == connection)
            m_held = {};
        // The pages keep their columns, filters and splitters for the next centre.
        for (Page *page : std::as_const(centre.pages))
            page->saveState();
        delete centre.item;
        for (Page *page : std::as_const(centre.pages)) {
            m_stack->removeWidget(page);
            delete page;
        }
        updateStatus();
        return;
    }
}

void MainWindow::showFederation()
{
    m_sidebar->setCurrentItem(m_federationItem);
}

client::Connection *MainWindow::currentCentre() const
{
    for (const auto &c : m_centres)
        for (Page *page : c.pages)
            if (page == m_stack->currentWidget())
                return c.connection;
    return nullptr;
}

void MainWindow::openConnectDialog()
{
    if (auto *centre = ConnectDialog::connectNew(m_federation, this))
        showPage(centre, QStringLiteral("OverviewPage"));
}

void MainWindow::openProfilesDialog()
{
    ProfilesDialog dialog(m_federation, this);
    connect(&dialog, &ProfilesDialog::centreAdded, this,
        [this](client::Connection *centre) { showPage(centre, QStringLiteral("OverviewPage")); });
    dialog.exec();
}

void MainWindow::addViewMenu()
{
    auto *view = menuBar()->addMenu(tr("&View"));
    auto *themes = view->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(themes);
    for (auto mode : { Theme::Mode::Light, Theme::Mode::Dark, Theme::Mode::System }) {
        auto *action
            = themes->addAction(Theme::modeName(mode), this, [mode] { Theme::apply(mode); });
        action->setCheckable(true);
        action->setChecked(Theme::current() == mode);
        action->setObjectName(QStringLiteral("Theme%1").arg(int(mode)));
        group->addAction(action);
    }
    connect(themes, &QMenu::aboutToShow, this, [themes] {
        for (QAction *action : themes->actions())
            action->setChecked(
                action->objectName() == QStringLiteral("Theme%1").arg(int(Theme::current())));
    });
    auto *place = view->addAction(
        tr("&Where can this run?…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this, [this] {
            auto *dialog = new PlacementDialog(m_federation, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
    place->setObjectName(QStringLiteral("PlacementAction"));
    // Rebuilt after the menu that chose it has closed.
    view->addMenu(Language::menu(
        this, [this](const QString &) { QTimer::singleShot(0, this, &MainWindow::retranslate); }));
}

Page *MainWindow::page(client::Connection *centre, const QString &name)
{
    for (auto &c : m_centres)
        if (c.connection == centre)
            return ensurePage(c, name);
    return nullptr;
}

Page *MainWindow::builtPage(client::Connection *centre, const QString &name) const
{
    for (const auto &c : m_centres)
        if (c.connection == centre)
            return c.pages.value(name);
    return nullptr;
}

bool MainWindow::showPage(client::Connection *centre, const QString &name)
{
    QWidget *target = page(centre, name);
    if (!target)
        return false;
    for (const auto &c : m_centres) {
        for (int i = 0; i < c.item->childCount(); ++i) {
            if (c.item->child(i)->data(0, kPageRole).value<QWidget *>() == target) {
                m_sidebar->setCurrentItem(c.item->child(i));
                return true;
            }
        }
    }
    return false;
}

QString MainWindow::sidebarText(client::Connection *centre, const QString &name) const
{
    for (const auto &c : m_centres)
        for (int i = 0; c.connection == centre && i < c.item->childCount(); ++i)
            if (c.item->child(i)->data(0, kPageNameRole).toString() == name)
                return c.item->child(i)->text(0);
    return {};
}

void MainWindow::updateBadge(QTreeWidgetItem *item)
{
    auto *page = qobject_cast<Page *>(item->data(0, kPageRole).value<QWidget *>());
    if (!page)
        return;
    const QString title = page->title();
    const int count = page->badge();
    const QString text = count > 0 ? tr("%1  %2", "sidebar entry and its badge: Alerts  3")
                                         .arg(title, QLocale().toString(count))
                                   : title;
    if (item->text(0) == text)
        return;
    item->setText(0, text);
    QFont font = item->font(0);
    font.setBold(count > 0);
    item->setFont(0, font);
}

void MainWindow::notify(const QString &message, bool failed, const QString &details)
{
    m_notifications->show(message, failed, details);
}

void MainWindow::notifyUntilConnected(const QString &message)
{
    notify(message, false);
    m_untilConnected = m_centres.isEmpty() ? message : QString();
    if (!m_centres.isEmpty())
        m_notifications->hide();
}

void MainWindow::updateHeading()
{
    m_heading->setText(heading());
}

QString MainWindow::heading() const
{
    QWidget *shown = m_stack->currentWidget();
    if (!shown || shown == m_federationPage)
        return tr("Federation — every centre", "heading of the Federation page");
    for (const auto &c : m_centres)
        for (Page *page : c.pages)
            if (page == shown)
                return tr("%1 — %2", "page heading: the centre, then the page")
                    .arg(Words::centreName(c.connection), page->title());
    return {};
}

QStringList MainWindow::sidebarCentres() const
{
    QStringList names;
    for (int i = 0; i < m_sidebar->topLevelItemCount(); ++i)
        if (m_sidebar->topLevelItem(i) != m_federationItem)
            names.append(m_sidebar->topLevelItem(i)->text(0));
    return names;
}

void MainWindow::updateActionsMenu()
{
    if (!m_actionsMenu)
        return;
    m_actionsMenu->clear();
    // The page's own actions (its toolbar's and export), not the menu's: they stay the page's.
    if (QWidget *page = m_stack->currentWidget())
        m_actionsMenu->addActions(page->actions());
    m_actionsMenu->setEnabled(!m_actionsMenu->isEmpty());
}

QList<ShortcutsDialog::Entry> MainWindow::shortcuts()
{
    // "&Connect to centre…" as the menu shows it: "Connect to centre…".
    auto words = [](const QAction *action) { return QString(action->text()).remove(u'&'); };
    QList<ShortcutsDialog::Entry> entries;
    QList<const QAction *> seen;
    auto add = [&](const QString &context, const QAction *action) {
        if (action->shortcut().isEmpty() || seen.contains(action))
            return;
        seen.append(action);
        entries.append({ context, words(action), action->shortcut() });
    };
    // The window's menus, but not the Actions menu: its actions are the page's, listed below.
    const QString everywhere = tr("Everywhere", "where a keyboard shortcut works");
    for (const QAction *top : menuBar()->actions()) {
        QMenu *menu = top->menu();
        if (!menu || menu == m_actionsMenu)
            continue;
        for (const QAction *action : menu->actions()) {
            add(everywhere, action);
            if (action->menu())
                for (const QAction *inner : action->menu()->actions())
                    add(everywhere, inner);
        }
    }
    client::Connection *centre = currentCentre();
    if (!centre && !m_centres.isEmpty())
        centre = m_centres.constFirst().connection;
    for (auto &c : m_centres) {
        if (c.connection != centre)
            continue;
        // Every page's keys, those of pages not shown yet too.
        for (const PageKind &kind : pageKinds())
            ensurePage(c, kind.name);
        // In the sidebar's order.
        for (int i = 0; i < c.item->childCount(); ++i) {
            auto *page
                = qobject_cast<Page *>(c.item->child(i)->data(0, kPageRole).value<QWidget *>());
            if (!page)
                continue;
            for (const QAction *action : page->findChildren<QAction *>())
                add(page->title(), action);
        }
    }
    return entries;
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(shortcuts(), this);
    dialog.exec();
}

void MainWindow::updateStatus()
{
    int live = 0;
    auto tone = widgets::SeverityColour::Ok;
    for (const auto &centre : std::as_const(m_centres)) {
        const ConnectionStatus status = ConnectionStatus::of(*centre.connection);
        if (status.tone == widgets::SeverityColour::Ok)
            ++live;
        else if (status.tone == widgets::SeverityColour::Critical)
            tone = widgets::SeverityColour::Critical;
        else if (tone != widgets::SeverityColour::Critical)
            tone = widgets::SeverityColour::Warning;
    }
    m_centresBadge->setVisible(!m_centres.isEmpty());
    m_centresBadge->setText(
        tr("%1 of %2 live", "status bar: centres live of centres connected")
            .arg(QLocale().toString(live), QLocale().toString(m_centres.size())));
    m_centresBadge->setTone(tone);
    if (m_centresMenu->isVisible())
        fillCentresMenu();
}

void MainWindow::fillCentresMenu()
{
    m_centresMenu->clear();
    for (const auto &centre : std::as_const(m_centres)) {
        const ConnectionStatus status = ConnectionStatus::of(*centre.connection);
        QPixmap dot(12, 12);
        dot.fill(Qt::transparent);
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(widgets::Palette::severityColour(status.tone));
        painter.drawEllipse(1, 1, 10, 10);
        painter.end();
        auto *action = m_centresMenu->addAction(QIcon(dot), status.text);
        action->setToolTip(status.detail);
        connect(
            action, &QAction::triggered, this, [this, connection = QPointer(centre.connection)] {
                if (connection)
                    showPage(connection, QStringLiteral("OverviewPage"));
            });
    }
}

void MainWindow::showCentresList()
{
    fillCentresMenu();
    m_centresMenu->popup(
        m_centresBadge->mapToGlobal(QPoint(0, 0)) - QPoint(0, m_centresMenu->sizeHint().height()));
}

QString MainWindow::centresStatus() const
{
    return m_centresBadge->text();
}

QStringList MainWindow::centresList()
{
    fillCentresMenu();
    QStringList lines;
    for (const QAction *action : m_centresMenu->actions())
        lines.append(action->text());
    return lines;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_centresBadge && event->type() == QEvent::MouseButtonRelease) {
        showCentresList();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::connectionStateChanged(client::Connection *connection)
{
    updateStatus();
    TrustPrompt::stateChanged(
        connection,
        [this](const QString &centre, const QString &fingerprint) {
            return TrustPrompt::askWithDialog(this, centre, fingerprint);
        },
        [this](const QString &message, bool failed, const QString &details) {
            notify(message, failed, details);
        });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (m_stack->currentWidget() == m_federationPage)
        settings.setValue(QStringLiteral("window/lastPage"), QStringLiteral("Federation"));
    for (const auto &centre : m_centres)
        for (auto it = centre.pages.cbegin(); it != centre.pages.cend(); ++it)
            if (it.value() == m_stack->currentWidget())
                settings.setValue(QStringLiteral("window/lastPage"),
                    QString(centre.connection->profile().name + u'/' + it.key()));
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("MainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    for (auto &centre : m_centres)
        for (Page *page : std::as_const(centre.pages))
            page->saveState();
    m_federation->closeAll();
    event->accept();
}

} // namespace suanli::app
