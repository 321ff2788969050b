#include "app/DemoFederation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>
#include <csignal>
#include <sys/prctl.h>

Q_LOGGING_CATEGORY(lcDemo, "suanli.demo")

namespace suanli::app {

DemoFederation::DemoFederation(const QString &suanlidPath, QObject *parent)
    : QObject(parent)
    , m_suanlid(suanlidPath)
    , m_dir(QDir::tempPath() + QStringLiteral("/suanli-demo-XXXXXX"))
{
}

DemoFederation::~DemoFederation()
{
    stop();
}

QList<DemoFederation::Site> DemoFederation::defaultSites()
{
    return { { QStringLiteral("lingang"), 2000, 20000 }, { QStringLiteral("wuhan"), 800, 8000 },
        { QStringLiteral("xian"), 600, 6000 } };
}

QString DemoFederation::findSuanlid()
{
    const QString here = QCoreApplication::applicationDirPath();
    const QStringList candidates = { here + QStringLiteral("/suanlid"),
        here + QStringLiteral("/../server/gateway/suanlid") };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("suanlid"));
}

void DemoFederation::start(const QList<Site> &sites, double speed)
{
    if (m_suanlid.isEmpty()) {
        Q_EMIT failed(tr(
            "suanlid was not found next to the console or on PATH; build it or install it first."));
        return;
    }
    if (!m_dir.isValid()) {
        Q_EMIT failed(tr("Cannot create a temporary folder for the demo centres: %1")
                          .arg(m_dir.errorString()));
        return;
    }
    for (int i = 0; i < sites.size(); ++i)
        startSite(sites.at(i), i, speed);
}

void DemoFederation::startSite(const Site &site, int place, double speed)
{
    const QString dataDir = m_dir.path() + u'/' + site.id;
    QDir().mkpath(dataDir);

    // An admin for this session only; its token never leaves this process.
    QProcess addUser;
    addUser.start(m_suanlid,
        { QStringLiteral("--data-dir"), dataDir, QStringLiteral("user"), QStringLiteral("add"),
            QStringLiteral("admin"), QStringLiteral("--role"), QStringLiteral("admin") });
    if (!addUser.waitForFinished(15000) || addUser.exitCode() != 0) {
        Q_EMIT failed(
            tr("Could not create the demo admin for %1: %2")
                .arg(site.id, QString::fromLocal8Bit(addUser.readAllStandardError()).trimmed()));
        return;
    }
    const QString token = QString::fromLatin1(addUser.readAllStandardOutput()).trimmed();

    auto *process = new QProcess(this);
    m_processes.append(process);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardErrorFile(dataDir + QStringLiteral("/suanlid.log"));
    // The gateway dies with the console, even if the console crashes.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    const QStringList args = { QStringLiteral("--data-dir"), dataDir, QStringLiteral("serve"),
        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--sim-site"),
        site.id, QStringLiteral("--sim-nodes"), QString::number(site.nodes),
        QStringLiteral("--sim-jobs"), QString::number(site.jobs), QStringLiteral("--sim-speed"),
        QString::number(speed), QStringLiteral("--log-level"), QStringLiteral("warn") };
    auto output = std::make_shared<QByteArray>();
    connect(process, &QProcess::readyReadStandardOutput, this,
        [this, process, output, dataDir, token, place] {
            output->append(process->readAllStandardOutput());
            static const QRegularExpression serving(
                QStringLiteral("suanlid: serving (.+) \\(sim.* on port (\\d+)"));
            static const QRegularExpression fingerprint(
                QStringLiteral("fingerprint SHA256 ([0-9A-F:]+)"));
            const QString text = QString::fromUtf8(*output);
            const auto s = serving.match(text);
            if (!s.hasMatch() || output->isEmpty())
                return;
            output->clear();
            QFile ca(dataDir + QStringLiteral("/tls/ca.pem"));
            ca.open(QIODevice::ReadOnly);
            suanli::client::ConnectionProfile profile;
            profile.name = s.captured(1);
            profile.address = QStringLiteral("127.0.0.1:") + s.captured(2);
            profile.caPem = ca.readAll();
            profile.caFingerprint = fingerprint.match(text).captured(1);
            profile.token = token;
            qCInfo(lcDemo) << "demo centre" << profile.name << "on" << profile.address;
            // The same centre from a shell, for suanlictl (the token is this demo's only).
            QTextStream(stdout) << "demo: " << profile.name << ": SUANLI_SERVER=" << profile.address
                                << " SUANLI_CA=" << dataDir << "/tls/ca.pem SUANLI_TOKEN=" << token
                                << Qt::endl;
            Q_EMIT siteReady(profile, place);
        });
    connect(process, &QProcess::errorOccurred, this, [this, site](QProcess::ProcessError) {
        Q_EMIT failed(tr("The demo centre %1 could not start.").arg(site.id));
    });
    connect(process, &QProcess::finished, this,
        [this, site, dataDir](int code, QProcess::ExitStatus status) {
            if (status == QProcess::NormalExit && code == 0)
                return;
            QFile log(dataDir + QStringLiteral("/suanlid.log"));
            log.open(QIODevice::ReadOnly);
            const QString tail = QString::fromUtf8(log.readAll().right(600)).trimmed();
            Q_EMIT failed(
                tr("The demo centre %1 stopped (exit %2): %3").arg(site.id).arg(code).arg(tail));
        });
    process->start(m_suanlid, args);
}

void DemoFederation::stop()
{
    for (QProcess *process : std::as_const(m_processes)) {
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning)
            process->terminate();
    }
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning && !process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(2000);
        }
    }
    qDeleteAll(m_processes);
    m_processes.clear();
}

} // namespace suanli::app
