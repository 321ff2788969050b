// The three programs answer --help and --version without a display (as over ssh): each prints
// and exits 0, with DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset.
#include <QProcess>
#include <QtTest>

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
        { QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"),
            QStringLiteral("QT_QPA_PLATFORM") })
        env.remove(name);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    Run r;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}
} // namespace

class ProgramsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void consoleHelpAndVersionNeedNoDisplay();
    void gatewayHelpAndVersion();
    void ctlVersion();
};

void ProgramsTest::consoleHelpAndVersionNeedNoDisplay()
{
    const QString suanli = QStringLiteral(SUANLI_PATH);
    Run r = run(suanli, { QStringLiteral("--help") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("--wall")), qPrintable(r.out));
    // The wall's way out, and how a kiosk keeps it.
    QVERIFY2(r.out.contains(QStringLiteral("--kiosk")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Esc or Q")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("--takeover-every")), qPrintable(r.out));

    r = run(suanli, { QStringLiteral("--version") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("suanli " SUANLI_VERSION));

    // Help wins wherever it is on the line.
    r = run(suanli, { QStringLiteral("--wall"), QStringLiteral("-h") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("--rotate")));
}

void ProgramsTest::gatewayHelpAndVersion()
{
    const QString suanlid = QStringLiteral(SUANLID_PATH);
    Run r = run(suanlid, { QStringLiteral("serve"), QStringLiteral("--help") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("--listen")), qPrintable(r.out));
    r = run(suanlid, { QStringLiteral("--help") });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--version")));
    r = run(suanlid, { QStringLiteral("--version") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("suanlid " SUANLI_VERSION));
}

void ProgramsTest::ctlVersion()
{
    const QString suanlictl = QStringLiteral(SUANLICTL_PATH);
    Run r = run(suanlictl, { QStringLiteral("--version") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("suanlictl " SUANLI_VERSION));
    r = run(suanlictl, { QStringLiteral("--help") });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("--version")));
}

QTEST_GUILESS_MAIN(ProgramsTest)
#include "tst_programs.moc"
