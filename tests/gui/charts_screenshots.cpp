// charts_screenshots: the console's charts against a running suanlid, saved as the PNGs of docs/.
// Run by hand under Xvfb, after the gateway has gathered some history:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/tests/charts_screenshots ADDRESS CA_FILE TOKEN
//   OUT_DIR
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/dialogs/NodeDetailDialog.h"
#include "app/pages/EnergyPage.h"
#include "app/pages/NodesPage.h"
#include "app/pages/OverviewPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/TimeSeriesPlot.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QTextStream>

using namespace suanli;

namespace {
// Runs the event loop until `done` or the deadline.
template <class F> bool waitFor(F done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}

bool save(QWidget *w, const QString &path)
{
    const bool ok = w->grab().save(path);
    QTextStream(stdout) << (ok ? "saved " : "could not save ") << path << Qt::endl;
    return ok;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliScreenshots"));
    if (argc != 5) {
        QTextStream(stderr) << "usage: charts_screenshots ADDRESS CA_FILE TOKEN OUT_DIR"
                            << Qt::endl;
        return 2;
    }
    QFile ca(QString::fromLocal8Bit(argv[2]));
    if (!ca.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot read " << ca.fileName() << Qt::endl;
        return 2;
    }
    client::ConnectionProfile profile;
    profile.name = QStringLiteral("Shanghai Lingang");
    profile.address = QString::fromLocal8Bit(argv[1]);
    profile.caPem = ca.readAll();
    profile.token = QString::fromLocal8Bit(argv[3]).trimmed();
    const QString out = QString::fromLocal8Bit(argv[4]);

    app::Federation federation;
    app::MainWindow window(&federation);
    window.resize(1600, 1000);
    auto *centre = federation.addCentre(profile);
    window.show();
    if (!waitFor([&] { return centre->state() == client::Connection::State::Live; }, 30000)) {
        QTextStream(stderr) << "not live: " << centre->stateDetail() << Qt::endl;
        return 1;
    }
    auto *overview
        = qobject_cast<app::OverviewPage *>(window.page(centre, QStringLiteral("OverviewPage")));
    window.showPage(centre, QStringLiteral("OverviewPage"));
    waitFor([&] { return overview->trendPlot()->pointCount(QStringLiteral("utilisation")) > 10; },
        30000);
    settle(3000);
    save(&window, out + QStringLiteral("/charts-overview.png"));

    auto *energy
        = qobject_cast<app::EnergyPage *>(window.page(centre, QStringLiteral("EnergyPage")));
    window.showPage(centre, QStringLiteral("EnergyPage"));
    waitFor(
        [&] { return energy->powerPlot()->pointCount(QStringLiteral("facility")) > 10; }, 30000);
    settle(3000);
    save(&window, out + QStringLiteral("/charts-energy.png"));

    // A node with a fault, for its markers.
    // The node of the newest card fault, for its markers.
    QString node;
    qint64 newest = 0;
    for (const auto &a : centre->site()->alerts().items) {
        const QString target = QString::fromStdString(a.target()).section(u'/', 0, 0);
        if (centre->site()->nodes().items.contains(target)
            && a.target().find('/') != std::string::npos && a.raise_time().seconds() > newest) {
            node = target;
            newest = a.raise_time().seconds();
        }
    }
    // The nodes are watched while their page is shown.
    window.showPage(centre, QStringLiteral("NodesPage"));
    waitFor([&] { return centre->site()->nodes().synced; }, 30000);
    if (node.isEmpty())
        node = centre->site()->nodes().items.keys().value(0);
    auto *nodes = qobject_cast<app::NodesPage *>(window.page(centre, QStringLiteral("NodesPage")));
    auto *dialog = nodes->openNodeDetail(node);
    dialog->resize(1500, 950);
    waitFor(
        [&] { return dialog->utilisationPlot()->pointCount(QStringLiteral("acc0")) > 10; }, 30000);
    settle(3000);
    save(dialog, out + QStringLiteral("/charts-node-detail.png"));
    return 0;
}
