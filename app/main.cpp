// suanli: the desktop console of AI compute centres.
#include "DemoFederation.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSocketNotifier>
#include <QTimer>
#include <QTranslator>
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
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Suanli"));
    QApplication::setApplicationName(QStringLiteral("suanli"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    quitOnSignals(app);
    suanli::app::Theme::init();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Management console for AI compute centres."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate("main", "Start three simulated centres and connect to them."));
    parser.addOption(demo);
    parser.process(app);

    suanli::app::MainWindow window;
    suanli::app::ProfileStore &profiles = *window.profileStore();

    std::unique_ptr<suanli::app::DemoFederation> federation;
    if (parser.isSet(demo)) {
        federation = std::make_unique<suanli::app::DemoFederation>(
            suanli::app::DemoFederation::findSuanlid());
        QObject::connect(federation.get(), &suanli::app::DemoFederation::siteReady, &window,
            [&](const suanli::client::ConnectionProfile &profile) { window.addCentre(profile); });
        QObject::connect(federation.get(), &suanli::app::DemoFederation::failed, &window,
            [&](const QString &message) { window.notify(message, true); });
        federation->start(suanli::app::DemoFederation::defaultSites());
    } else {
        // A certificate pinned on first use is kept for the next start.
        QObject::connect(&window, &suanli::app::MainWindow::profileChanged, &profiles,
            [&](const suanli::client::ConnectionProfile &p) { profiles.save(p); });
        for (auto profile : profiles.profiles()) {
            profiles.readToken(profile.name,
                [&window, profile](const QString &token, const QString &error) mutable {
                    if (token.isEmpty())
                        window.notify(error, true);
                    profile.token = token;
                    window.addCentre(profile);
                });
        }
        if (profiles.profiles().isEmpty()) {
            window.notify(QApplication::translate("main",
                              "No centres configured yet: connect to one with File → Connect to "
                              "centre, or start `suanli --demo` to try three simulated centres."),
                false);
            // First run: ask for a centre as soon as the window is up.
            QTimer::singleShot(0, &window, &suanli::app::MainWindow::openConnectDialog);
        }
    }
    window.show();
    const int code = app.exec();
    if (federation)
        federation->stop();
    return code;
}
