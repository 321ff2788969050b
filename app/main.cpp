// suanli: the desktop console of AI compute centres.
#include "app/DemoFederation.h"
#include "app/Federation.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/Theme.h"
#include "app/wall/WallStyle.h"
#include "app/wall/WallWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <csignal>
#include <unistd.h>

namespace {
int g_signalPipe[2] = { -1, -1 };

// SIGTERM and SIGINT end the console like closing its window, so demo centres
// and their temporary folders are cleaned up (a signal handler may only write).
void quitOnSignals(QApplication &app)
{
    if (::pipe(g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte;
        (void)::read(g_signalPipe[0], &byte, 1);
        QApplication::closeAllWindows();
        QApplication::quit();
    });
    for (int sig : { SIGTERM, SIGINT })
        std::signal(sig, [](int) {
            const char byte = 1;
            (void)::write(g_signalPipe[1], &byte, 1);
        });
}

struct WallOptions {
    QStringList profiles;
    int rotateSeconds = 15;
    int screen = -1;
    int takeoverSeconds = -1;
    int takeoverEveryMinutes = 10;
    bool demo = false;
    bool kiosk = false;
};

// The wall display: full screen on the chosen screen, read only, never a dialog. Problems go to
// its banner (and stderr, for whoever starts it from a shell or a service).
int runWall(QApplication &app, const WallOptions &options)
{
    using suanli::app::WallWindow;
    QApplication::setPalette(suanli::app::WallStyle::palette());
    QApplication::setOverrideCursor(Qt::BlankCursor);
    QTextStream err(stderr);

    suanli::app::Federation federation;
    WallWindow wall(&federation);
    wall.setRotateSeconds(options.rotateSeconds);
    wall.setTakeoverEveryMinutes(options.takeoverEveryMinutes);
    wall.setKiosk(options.kiosk);
    QObject::connect(
        &federation, &suanli::app::Federation::problem, &wall, [&](const QString &error) {
            err << error << Qt::endl;
            wall.addProblem(error);
        });
    std::unique_ptr<suanli::app::DemoFederation> simulated;
    if (options.demo) {
        // Nobody acknowledges a demo's alerts: a takeover gives the screen back after a while.
        wall.setTakeoverSeconds(options.takeoverSeconds >= 0 ? options.takeoverSeconds : 30);
        simulated = std::make_unique<suanli::app::DemoFederation>(
            suanli::app::DemoFederation::findSuanlid());
        QObject::connect(simulated.get(), &suanli::app::DemoFederation::siteReady, &federation,
            [&](const suanli::client::ConnectionProfile &profile, int place) {
                federation.addCentre(profile, place);
            });
        QObject::connect(simulated.get(), &suanli::app::DemoFederation::failed, &wall,
            [&](const QString &message) {
                err << message << Qt::endl;
                wall.addProblem(message);
            });
        simulated->start(suanli::app::DemoFederation::defaultSites());
    } else {
        wall.setTakeoverSeconds(std::max(0, options.takeoverSeconds));
        const auto saved = federation.profiles();
        QList<suanli::client::ConnectionProfile> chosen;
        for (const QString &name : options.profiles) {
            const auto it = std::find_if(saved.cbegin(), saved.cend(),
                [&](const suanli::client::ConnectionProfile &p) { return p.name == name; });
            if (it == saved.cend()) {
                const QString problem = QApplication::translate("main",
                    "No saved centre is named “%1”: add it in the console first (suanli without "
                    "--wall).")
                                            .arg(name);
                err << problem << Qt::endl;
                wall.addProblem(problem);
            } else {
                chosen.append(*it);
            }
        }
        if (options.profiles.isEmpty())
            chosen = saved;
        if (saved.isEmpty()) {
            const QString problem = QApplication::translate("main",
                "No centres configured yet: add them in the console (suanli), or try the wall "
                "with `suanli --wall --demo`.");
            err << problem << Qt::endl;
            wall.addProblem(problem);
        }
        for (const auto &profile : chosen)
            federation.connectSaved(profile.name);
    }

    const auto screens = QGuiApplication::screens();
    QScreen *screen = QGuiApplication::primaryScreen();
    if (options.screen >= 0 && options.screen < screens.size())
        screen = screens.at(options.screen);
    else if (options.screen >= 0)
        err << QApplication::translate("main",
            "There is no screen %1 (screens 0 to %2): showing the wall on the primary "
            "screen.")
                   .arg(options.screen)
                   .arg(screens.size() - 1)
            << Qt::endl;
    if (screen) {
        wall.setScreen(screen);
        wall.setGeometry(screen->geometry());
    }
    wall.showFullScreen();
    const int code = app.exec();
    if (simulated)
        simulated->stop();
    return code;
}

// The console's command line. Built after the translators are installed, so --help speaks the
// user's language.
struct ConsoleOptions {
    QCommandLineOption demo { QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start three simulated centres and connect to them.") };
    QCommandLineOption wall { QStringLiteral("wall"),
        QCoreApplication::translate("main",
            "Run as a wall display: full screen, read only, pages rotating, no dialogs. Esc or Q "
            "pressed twice leaves it (not with --kiosk).") };
    QCommandLineOption profile { QStringLiteral("profile"),
        QCoreApplication::translate("main",
            "With --wall: show this saved centre (repeat for several; default: all saved "
            "centres)."),
        QCoreApplication::translate("main", "name") };
    QCommandLineOption rotate { QStringLiteral("rotate"),
        QCoreApplication::translate(
            "main", "With --wall: seconds each page stays up (default 15)."),
        QCoreApplication::translate("main", "seconds"), QStringLiteral("15") };
    QCommandLineOption screen { QStringLiteral("screen"),
        QCoreApplication::translate(
            "main", "With --wall: the screen to fill, from 0 (default: primary)."),
        QCoreApplication::translate("main", "number") };
    QCommandLineOption takeover { QStringLiteral("takeover"),
        QCoreApplication::translate("main",
            "With --wall: longest a new critical alert holds the whole screen, in seconds (default "
            "0: until it clears or is acknowledged; 30 with --demo)."),
        QCoreApplication::translate("main", "seconds") };
    QCommandLineOption takeoverEvery { QStringLiteral("takeover-every"),
        QCoreApplication::translate("main",
            "With --wall: at most one takeover per alert kind in this many minutes (default 10; "
            "0: no limit); the others stay in the ticker."),
        QCoreApplication::translate("main", "minutes"), QStringLiteral("10") };
    QCommandLineOption kiosk { QStringLiteral("kiosk"),
        QCoreApplication::translate(
            "main", "With --wall: Esc and Q do nothing; the wall runs until it is stopped.") };

    explicit ConsoleOptions(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Management console for AI compute centres."));
        parser.addHelpOption();
        parser.addVersionOption();
        for (const auto *option :
            { &demo, &wall, &profile, &rotate, &screen, &takeover, &takeoverEvery, &kiosk })
            parser.addOption(*option);
    }
};

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Suanli"));
    QCoreApplication::setApplicationName(QStringLiteral("suanli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUANLI_VERSION));
}

// --help and --version only print: they need no display (over ssh, say), so no QApplication.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char **argv)
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        suanli::app::Language::install(&app);
        QCommandLineParser parser;
        const ConsoleOptions options(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    describeApplication();

    quitOnSignals(app);
    suanli::app::Language::install(&app);
    suanli::app::Theme::init();

    QCommandLineParser parser;
    const ConsoleOptions consoleOptions(parser);
    const auto &[demo, wall, profile, rotate, screen, takeover, takeoverEvery, kiosk]
        = consoleOptions;
    parser.process(app);

    if (parser.isSet(wall)) {
        WallOptions options;
        options.demo = parser.isSet(demo);
        options.profiles = parser.values(profile);
        bool ok = true;
        options.rotateSeconds = parser.value(rotate).toInt(&ok);
        if (!ok || options.rotateSeconds < 0) {
            QTextStream(stderr) << QApplication::translate(
                "main", "--rotate takes a number of seconds, 0 or more (got “%1”).")
                                       .arg(parser.value(rotate))
                                << Qt::endl;
            return 2;
        }
        if (parser.isSet(screen)) {
            options.screen = parser.value(screen).toInt(&ok);
            if (!ok || options.screen < 0) {
                QTextStream(stderr) << QApplication::translate(
                    "main", "--screen takes a screen number from 0 (got “%1”).")
                                           .arg(parser.value(screen))
                                    << Qt::endl;
                return 2;
            }
        }
        options.takeoverEveryMinutes = parser.value(takeoverEvery).toInt(&ok);
        if (!ok || options.takeoverEveryMinutes < 0) {
            QTextStream(stderr) << QApplication::translate(
                "main", "--takeover-every takes a number of minutes, 0 or more (got “%1”).")
                                       .arg(parser.value(takeoverEvery))
                                << Qt::endl;
            return 2;
        }
        options.kiosk = parser.isSet(kiosk);
        if (parser.isSet(takeover)) {
            options.takeoverSeconds = parser.value(takeover).toInt(&ok);
            if (!ok || options.takeoverSeconds < 0) {
                QTextStream(stderr) << QApplication::translate(
                    "main", "--takeover takes a number of seconds, 0 or more (got “%1”).")
                                           .arg(parser.value(takeover))
                                    << Qt::endl;
                return 2;
            }
        }
        return runWall(app, options);
    }

    suanli::app::Federation federation;
    suanli::app::MainWindow window(&federation);

    std::unique_ptr<suanli::app::DemoFederation> simulated;
    if (parser.isSet(demo)) {
        simulated = std::make_unique<suanli::app::DemoFederation>(
            suanli::app::DemoFederation::findSuanlid());
        QObject::connect(simulated.get(), &suanli::app::DemoFederation::siteReady, &federation,
            [&](const suanli::client::ConnectionProfile &profile, int place) {
                federation.addCentre(profile, place);
            });
        QObject::connect(simulated.get(), &suanli::app::DemoFederation::failed, &window,
            [&](const QString &message) { window.notify(message, true); });
        simulated->start(suanli::app::DemoFederation::defaultSites());
    } else {
        // A certificate pinned on first use is kept for the next start.
        QObject::connect(&federation, &suanli::app::Federation::profileChanged, &federation,
            [&](const suanli::client::ConnectionProfile &p) { federation.saveProfile(p); });
        for (const auto &profile : federation.profiles())
            federation.connectSaved(profile.name);
        if (federation.profiles().isEmpty()) {
            window.notifyUntilConnected(QApplication::translate("main",
                "No centres configured yet: connect to one with File → Connect to "
                "centre, or start `suanli --demo` to try three simulated centres."));
            // First run: ask for a centre as soon as the window is up.
            QTimer::singleShot(0, &window, &suanli::app::MainWindow::openConnectDialog);
        }
    }
    window.show();
    const int code = app.exec();
    if (simulated)
        simulated->stop();
    return code;
}
