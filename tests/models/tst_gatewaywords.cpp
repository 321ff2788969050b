// What a gateway sends as a code with its parts (an alert's cause, a province) is worded by the
// console; without a code, the gateway's own words are shown.
#include "app/models/GatewayWords.h"

#include <QLocale>
#include <QtTest>

using namespace suanli;
using namespace suanli::app;

class TestGatewayWords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aNodeDownAlertIsWordedFromItsCause()
    {
        v1::Alert alert;
        alert.set_kind("node_down");
        alert.set_target("lg-r0017-n3");
        alert.set_summary("lg-r0017-n3 down: NHC: IB link down (mlx5_3)");
        alert.set_cause(v1::ALERT_CAUSE_IB_LINK_DOWN);
        alert.add_cause_args("mlx5_3");
        QCOMPARE(
            GatewayWords::alertSummary(alert), u"lg-r0017-n3 down: NHC: IB link down (mlx5_3)");
    }

    void anAcceleratorAlertNamesTheDevice()
    {
        v1::Alert alert;
        alert.set_kind("ecc");
        alert.set_target("wh-r0002-n1/5");
        alert.set_device("NPU");
        alert.set_summary("wh-r0002-n1 NPU 5: uncorrectable HBM ECC error");
        alert.set_cause(v1::ALERT_CAUSE_UNCORRECTABLE_ECC);
        alert.add_cause_args("HBM");
        QCOMPARE(GatewayWords::alertSummary(alert), QString::fromStdString(alert.summary()));
    }

    void withoutACodeTheGatewaysWordsAreShown()
    {
        v1::Alert alert;
        alert.set_kind("queue_wait");
        alert.set_target("train");
        alert.set_summary("jobs in train wait over 2 h");
        QCOMPARE(GatewayWords::alertSummary(alert), u"jobs in train wait over 2 h");
        // Parts that do not fit the cause: the words sent, not a half-filled sentence.
        alert.set_cause(v1::ALERT_CAUSE_DEVICE_COUNT_LOW);
        alert.add_cause_args("GPU");
        QCOMPARE(GatewayWords::alertSummary(alert), u"jobs in train wait over 2 h");
    }

    void theSchedulerOutageSaysSince()
    {
        v1::Alert alert;
        alert.set_kind("scheduler_unreachable");
        alert.set_target("slurm");
        alert.set_summary("Slurm (the centre's scheduler) unreachable since ...");
        alert.set_cause(v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE);
        alert.add_cause_args("slurm");
        alert.add_cause_args("0");
        alert.add_cause_args("connection refused");
        const QString text = GatewayWords::alertSummary(alert);
        QVERIFY2(text.startsWith(u"Slurm (the centre's scheduler) unreachable since "),
            qPrintable(text));
        QVERIFY2(text.endsWith(u": connection refused"), qPrintable(text));
    }

    void everyCauseIsKnown()
    {
        const auto *causes = v1::AlertCause_descriptor();
        for (int i = 0; i < causes->value_count(); ++i) {
            const auto cause = v1::AlertCause(causes->value(i)->number());
            if (cause == v1::ALERT_CAUSE_UNSPECIFIED)
                continue;
            const int count = GatewayWords::alertCauseArgs(cause);
            QVERIFY2(count >= 0, causes->value(i)->name().c_str());
            QStringList args;
            for (int a = 0; a < count; ++a)
                args.append(QString::number(a));
            QVERIFY2(
                !GatewayWords::alertCause(cause, args).isEmpty(), causes->value(i)->name().c_str());
        }
    }

    void provinces()
    {
        QCOMPARE(GatewayWords::province(u"Shanghai"_qs), u"Shanghai");
        QCOMPARE(GatewayWords::province(u"Beijing"_qs), u"Beijing");
    }
};

QTEST_MAIN(TestGatewayWords)
#include "tst_gatewaywords.moc"
