// The console's actions, keys and their feedback against a real gateway, offscreen: no key means
// two things on any page, Help → Keyboard shortcuts lists exactly the window's shortcuts, the
// Actions menu holds the page's actions, cancelling jobs names them and is dismissed with "Keep
// jobs", hold takes a reason and offers Release in the notification bar, the line saying no
// centre is configured goes when one is connected, and the bar reads in both themes.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/NotificationBar.h"
#include "app/Theme.h"
#include "app/dialogs/ConfirmActionDialog.h"
#include "app/dialogs/ShortcutsDialog.h"
#include "app/models/ModelRoles.h"
#include "app/pages/FilterBar.h"
#include "app/pages/JobsPage.h"
#include "app/pages/NodesPage.h"
#include "app/pages/QuotaRequestsPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/Palette.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace suanli;

namespace {
const std::vector<std::string> kCentre
    = { "--sim-nodes", "128", "--sim-jobs", "800", "--tick", "0.2" };

// The page an action belongs to, or null for the window's own (menus).
app::Page *pageOf(QObject *object)
{
    for (; object; object = object->parent())
        if (auto *page = qobject_cast<app::Page *>(object))
            return page;
    return nullptr;
}

// The contrast of a widget's text on its background as drawn: the most frequent colour is the
// background, the text the colour that differs most from it.
double drawnContrast(QWidget *bar, QWidget *text)
{
    const QImage image = bar->grab().toImage().copy(text->geometry());
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most)
            std::tie(background, most) = std::pair(it.key(), it.value());
    double best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        best = std::max(best, widgets::Palette::contrast(QColor(background), QColor(it.key())));
    return best;
}
} // namespace

class ActionsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noCentreLineGoesWhenACentreConnects();
    void noKeyMeansTwoThings();
    void requestQuotaKeyWorksOnItsPage();
    void filterKeyWorksFromTheSidebar();
    void shortcutListMatchesTheActions();
    void actionsMenuHoldsThePageActions();
    void cancelIsDismissedWithKeepJobsAndNamesTheJobs();
    void holdTakesAReasonAndOffersRelease();
    void notificationReadsInBothThemes();

private:
    QString pendingJob();
    app::JobsPage *jobsPage() const;

    std::unique_ptr<test::GatewayProcess> m_gateway;
    std::string m_admin;
    std::unique_ptr<app::Federation> m_federation;
    std::unique_ptr<app::MainWindow> m_window;
    client::Connection *m_centre = nullptr;
    QStringList m_used;
};

void ActionsTest::initTestCase()
{
    QSettings().clear();
    app::Theme::apply(app::Theme::Mode::Light);
    m_gateway = std::make_unique<test::GatewayProcess>(kCentre);
    QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
    m_admin = m_gateway->addUser("root", "admin");
    m_federation = std::make_unique<app::Federation>();
    m_window = std::make_unique<app::MainWindow>(m_federation.get());
    m_window->show();
}

void ActionsTest::cleanupTestCase()
{
    m_window.reset();
    m_federation.reset();
    m_gateway.reset();
}

void ActionsTest::noCentreLineGoesWhenACentreConnects()
{
    const QString line = QStringLiteral("No centres configured yet");
    m_window->notifyUntilConnected(line);
    QVERIFY(m_window->notifications()->isVisible());
    QCOMPARE(m_window->notifications()->message(), line);

    m_centre = m_federation->addCentre(test::profileFor(*m_gateway, m_admin));
    QVERIFY(m_centre);
    QVERIFY(!m_window->notifications()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_centre->state(), client::Connection::State::Live, 30000);
    // The jobs are watched once their page is shown.
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(m_centre->site()->jobs().synced, 30000);
}

void ActionsTest::noKeyMeansTwoThings()
{
    // Every page of the centre, those not shown yet too (the shortcut list builds them).
    m_window->shortcuts();
    QList<QAction *> everywhere;
    QHash<app::Page *, QList<QAction *>> byPage;
    const auto actions = m_window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        if (app::Page *page = pageOf(action))
            byPage[page].append(action);
        else
            everywhere.append(action);
    }
    QVERIFY(byPage.size() >= 5);
    // On each page, a key triggers one action: the window's and the page's together.
    QHash<QKeySequence, QSet<QString>> meanings;
    for (auto it = byPage.cbegin(); it != byPage.cend(); ++it) {
        QHash<QKeySequence, QAction *> owner;
        for (QAction *action : everywhere + it.value()) {
            const QKeySequence key = action->shortcut();
            if (owner.contains(key) && owner.value(key) != action)
                QFAIL(qPrintable(QStringLiteral("%1 on %2: \"%3\" and \"%4\"")
                                     .arg(key.toString(), it.key()->title(),
                                         owner.value(key)->text(), action->text())));
            owner.insert(key, action);
            meanings[key].insert(QString(action->text()).remove(u'&'));
        }
    }
    // And across the console, a key means one thing.
    for (auto it = meanings.cbegin(); it != meanings.cend(); ++it)
        QVERIFY2(it.value().size() == 1,
            qPrintable(it.key().toString() + QStringLiteral(": ")
                + QStringList(it.value().cbegin(), it.value().cend()).join(u'|')));
}

void ActionsTest::requestQuotaKeyWorksOnItsPage()
{
    auto *page = qobject_cast<app::QuotaRequestsPage *>(
        m_window->page(m_centre, QStringLiteral("QuotaRequestsPage")));
    QVERIFY(page);
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("QuotaRequestsPage")));
    QTRY_VERIFY(page->requestAction()->isEnabled());
    int asked = 0;
    page->setRequestPrompt([&](v1::CreateQuotaRequestRequest *) {
        ++asked;
        return false;
    });
    m_window->activateWindow();
    auto *table = page->findChild<QAbstractItemView *>();
    QVERIFY(table);
    table->setFocus();
    QKeySequence key = page->requestAction()->shortcut();
    QTest::keySequence(table, key);
    QCOMPARE(asked, 1);
    // From the sidebar that opened the page too, as the Actions menu says: a page's keys are
    // the window's while the page is on show.
    auto *sidebar = m_window->findChild<QWidget *>(QStringLiteral("Sidebar"));
    QVERIFY(sidebar);
    sidebar->setFocus();
    QTest::keySequence(sidebar, key);
    QCOMPARE(asked, 2);
}

void ActionsTest::filterKeyWorksFromTheSidebar()
{
    // Opening a page from the sidebar leaves the focus there; Ctrl+F still goes to the filter
    // of the page on show, not to a hidden page's.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->page(m_centre, QStringLiteral("NodesPage")), 30000);
    auto *nodes
        = qobject_cast<app::NodesPage *>(m_window->page(m_centre, QStringLiteral("NodesPage")));
    QVERIFY(nodes);
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("NodesPage")));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *sidebar = m_window->findChild<QWidget *>(QStringLiteral("Sidebar"));
    QVERIFY(sidebar);
    sidebar->setFocus();
    QTRY_VERIFY(sidebar->hasFocus());
    QTest::keySequence(sidebar, QKeySequence::Find);
    QTRY_VERIFY(nodes->filterBar()->edit()->hasFocus());
}

void ActionsTest::shortcutListMatchesTheActions()
{
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    const auto entries = m_window->shortcuts();
    // What the window's actions say, found without the list's help.
    QSet<QString> expected;
    const auto actions = m_window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        app::Page *page = pageOf(action);
        if (page && !m_window->page(m_centre, page->objectName()))
            continue;
        expected.insert((page ? page->title() : QStringLiteral("Everywhere")) + u'|'
            + QString(action->text()).remove(u'&') + u'|' + action->shortcut().toString());
    }
    QSet<QString> listed;
    for (const auto &entry : entries)
        listed.insert(entry.context + u'|' + entry.action + u'|' + entry.keys.toString());
    QCOMPARE(listed, expected);
    QCOMPARE(qsizetype(listed.size()), entries.size());
    QVERIFY(listed.contains(QStringLiteral("Jobs|Cancel…|Ctrl+K")));

    // Help → Keyboard shortcuts shows that list.
    QAction *help = m_window->findChild<QAction *>(QStringLiteral("ShortcutsAction"));
    QVERIFY(help);
    int rows = -1;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = m_window->findChild<app::ShortcutsDialog *>();
        if (!dialog)
            return;
        rows = dialog->list()->topLevelItemCount();
        dialog->reject();
    });
    help->trigger();
    QCOMPARE(rows, int(entries.size()));
}

void ActionsTest::actionsMenuHoldsThePageActions()
{
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    QMenu *menu = m_window->actionsMenu();
    QVERIFY(menu);
    QVERIFY(menu->isEnabled());
    QCOMPARE(menu->actions(), jobsPage()->actions());
    QVERIFY(menu->actions().contains(jobsPage()->cancelAction()));
    QVERIFY(m_window->menuBar()->actions().contains(menu->menuAction()));
    // The Federation page has no actions of its own.
    m_window->showFederation();
    QVERIFY(m_window->actionsMenu()->actions().isEmpty());
    QVERIFY(!m_window->actionsMenu()->isEnabled());
}

app::JobsPage *ActionsTest::jobsPage() const
{
    // Shown: its jobs are watched while it is.
    m_window->showPage(m_centre, QStringLiteral("JobsPage"));
    return qobject_cast<app::JobsPage *>(m_window->page(m_centre, QStringLiteral("JobsPage")));
}

QString ActionsTest::pendingJob()
{
    const auto &jobs = m_centre->site()->jobs().items;
    for (bool anyReason : { false, true }) {
        for (auto it = jobs.cbegin(); it != jobs.cend(); ++it) {
            const auto &job = it.value();
            if (job.state() != v1::JOB_STATE_PENDING || m_used.contains(it.key()))
                continue;
            if (!anyReason
                && (job.pending_reason() == v1::PENDING_REASON_RESOURCES
                    || job.pending_reason() == v1::PENDING_REASON_NOT_EVALUATED))
                continue;
            m_used.append(it.key());
            return it.key();
        }
    }
    return {};
}

void ActionsTest::cancelIsDismissedWithKeepJobsAndNamesTheJobs()
{
    auto *jobs = jobsPage();
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    const QString id = pendingJob();
    QVERIFY(!id.isEmpty());
    const auto job = m_centre->site()->jobs().items.value(id);
    QTRY_VERIFY(jobs->table()->model()->rowCount() > 0);
    jobs->setSelectedIds({ id });
    QTRY_VERIFY(jobs->cancelAction()->isEnabled());

    QStringList buttons;
    QString listed;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = jobs->findChild<app::ConfirmActionDialog *>();
        if (!dialog)
            return;
        for (auto *button : dialog->findChild<QDialogButtonBox *>()->buttons())
            buttons.append(button->text());
        listed = dialog->findChild<QLabel *>(QStringLiteral("ConfirmTargets"))->text();
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    });
    jobs->cancelAction()->trigger();
    buttons.sort();
    QCOMPARE(buttons, (QStringList { QStringLiteral("Cancel jobs"), QStringLiteral("Keep jobs") }));
    QVERIFY2(listed.contains(id), qPrintable(listed));
    QVERIFY2(listed.contains(QString::fromStdString(job.name())), qPrintable(listed));
    QVERIFY2(listed.contains(QString::fromStdString(job.user())), qPrintable(listed));
    // Kept: nothing was asked of the gateway.
    QCOMPARE(jobs->findChildren<app::ConfirmActionDialog *>().size(), 0);
    QVERIFY(m_centre->site()->jobs().items.value(id).state() != v1::JOB_STATE_CANCELLED);
}

void ActionsTest::holdTakesAReasonAndOffersRelease()
{
    auto *jobs = jobsPage();
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    const QString id = pendingJob();
    QVERIFY(!id.isEmpty());
    jobs->setSelectedIds({ id });
    QTRY_VERIFY(jobs->holdAction()->isEnabled());
    bool required = true;
    QStringList asked;
    jobs->setPrompt([&](const QString &, const QString &, const QStringList &targets,
                        bool reasonRequired, QString *reason) {
        asked = targets;
        required = reasonRequired;
        *reason = QStringLiteral("waiting for the dataset");
        return true;
    });
    jobs->holdAction()->trigger();
    QCOMPARE(asked, QStringList { id });
    QVERIFY(!required);

    auto *bar = m_window->notifications();
    QTRY_VERIFY_WITH_TIMEOUT(bar->actionButton() != nullptr, 15000);
    QCOMPARE(bar->message(), QStringLiteral("Held %1").arg(id));
    QCOMPARE(bar->actionButton()->text(), QStringLiteral("Release"));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_centre->site()->jobs().items.value(id).state(), v1::JOB_STATE_HELD, 15000);
    // The reason reached the audit log.
    auto stub = v1::Audit::NewStub(m_gateway->channel());
    v1::ListAuditEntriesRequest request;
    request.set_filter("action:HoldJobs target:" + id.toStdString());
    v1::ListAuditEntriesResponse response;
    auto ctx = test::GatewayProcess::context(m_admin);
    QVERIFY(stub->ListAuditEntries(ctx.get(), request, &response).ok());
    QCOMPARE(response.entries_size(), 1);
    QCOMPARE(QString::fromStdString(response.entries(0).reason()),
        QStringLiteral("waiting for the dataset"));

    // Release from the bar undoes it, once.
    bar->actionButton()->click();
    QVERIFY(bar->actionButton() == nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_centre->site()->jobs().items.value(id).state() != v1::JOB_STATE_HELD, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(bar->message().startsWith(QStringLiteral("Release")), 15000);
}

void ActionsTest::notificationReadsInBothThemes()
{
    auto *bar = m_window->notifications();
    auto *text = bar->findChild<QLabel *>(QStringLiteral("NotificationText"));
    QVERIFY(text);
    for (bool failed : { false, true }) {
        app::Theme::apply(app::Theme::Mode::Light);
        bar->show(QStringLiteral("Held 1007711 ████"), failed);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY2(
            drawnContrast(bar, text) >= 4.5, qPrintable(QString::number(drawnContrast(bar, text))));
        // A theme chosen while the line is shown.
        app::Theme::apply(app::Theme::Mode::Dark);
        QVERIFY(widgets::Palette::isDark());
        QVERIFY2(
            drawnContrast(bar, text) >= 4.5, qPrintable(QString::number(drawnContrast(bar, text))));
        bar->show(QStringLiteral("Held 1007711 ████"), failed);
        QVERIFY2(
            drawnContrast(bar, text) >= 4.5, qPrintable(QString::number(drawnContrast(bar, text))));
    }
    app::Theme::apply(app::Theme::Mode::Light);
}

QTEST_MAIN(ActionsTest)
#include "tst_console_actions.moc"
