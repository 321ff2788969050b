#pragma once

#include "client/ConnectionProfile.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

class QProcess;

namespace suanli::app {

// DemoFederation runs the simulated centres of `suanli --demo`: one suanlid
// per site on a free loopback port, each with its own data folder and an
// admin token made for this session. They stop when the console quits (and
// die with it if it crashes).
class DemoFederation : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoFederation)
public:
    struct Site {
        QString id; // --sim-site: lingang, wuhan, xian ...
        int nodes = 0;
        int jobs = 0;
    };

    explicit DemoFederation(const QString &suanlidPath, QObject *parent = nullptr);
    ~DemoFederation() override;

    // The three centres a new user sees: Shanghai Lingang, Wuhan, Xi'an.
    static QList<Site> defaultSites();
    // suanlid next to this program, in the build tree, or on PATH; empty if none.
    static QString findSuanlid();

    // Starts every site; siteReady() follows for each as it comes up.
    void start(const QList<Site> &sites, double speed = 10.0);
    // Ends every gateway (SIGTERM, then SIGKILL after 5 s).
    void stop();

Q_SIGNALS:
    // A site is up; `place` is its place in the list start() was given.
    void siteReady(const suanli::client::ConnectionProfile &profile, int place);
    void failed(const QString &message);

private:
    void startSite(const Site &site, int place, double speed);

    QString m_suanlid;
    QTemporaryDir m_dir;
    QList<QProcess *> m_processes;
};

} // namespace suanli::app
