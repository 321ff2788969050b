// "Can I run N accelerators now?" from a queue's counts: free accelerators, how they are spread
// over nodes, the jobs ahead and the median wait, in the words the Queues page shows.
#include "app/models/CanRunNow.h"

#include <QtTest>

using namespace suanli;
using namespace suanli::app;

namespace {

// A queue of one model, 8 per node; byFree[i] nodes have i accelerators free.
v1::Queue queue(const QList<qint64> &byFree, qint64 total, qint64 pending = 0,
    qint64 acceleratorsPending = 0, double p50 = 0)
{
    v1::Queue q;
    q.set_name("train");
    q.set_state("UP");
    qint64 free = 0;
    for (int i = 0; i < byFree.size(); ++i) {
        q.add_nodes_by_free_accelerators(byFree.at(i));
        free += i * byFree.at(i);
    }
    auto *c = q.add_accelerators();
    c->set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    c->set_model_name("Ascend 910B");
    c->set_total(total);
    c->set_free(free);
    c->set_in_use(total - free);
    q.set_jobs_pending(pending);
    q.set_accelerators_pending(acceleratorsPending);
    q.set_wait_seconds_p50(p50);
    return q;
}

} // namespace

class TestCanRunNow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void fitsOnOneNode()
    {
        // 12 free: one node with 8, one with 4.
        const auto q = queue({ 10, 0, 0, 0, 1, 0, 0, 0, 1 }, 96);
        const auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 8);
        QVERIFY(a.yes);
        QCOMPARE(a.free, 12);
        QCOMPARE(a.text,
            QStringLiteral(
                "Yes: 12 Ascend 910B free in train (largest free block on one node: 8)"));
    }

    void freeButSpreadOut()
    {
        // 12 free, but 3 on each of four nodes: a job of 4 finds no node.
        const auto q = queue({ 8, 0, 0, 4, 0, 0, 0, 0, 0 }, 96, 4, 96, 42 * 60);
        const auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 4);
        QVERIFY(!a.yes);
        QCOMPARE(a.free, 12);
        QCOMPARE(a.text,
            QStringLiteral(
                "No: 12 free, but no node has 4 free at once (at most 3), 4 job(s) ahead "
                "need 96; median wait 42 min"));
        // Three fit on one of them.
        QVERIFY(CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 3).yes);
    }

    void notEnoughFree()
    {
        const auto q = queue({ 11, 0, 0, 1, 0, 0, 0, 0, 0 }, 96, 4, 96, 42 * 60);
        const auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 4);
        QVERIFY(!a.yes);
        QCOMPARE(a.text, QStringLiteral("No: 3 free, 4 job(s) ahead need 96; median wait 42 min"));
    }

    void biggerThanANodeNeedsWholeNodes()
    {
        // 3 whole nodes free (24) plus 7 on another: 24 fit, 25 do not (4 whole nodes needed).
        const auto q = queue({ 8, 0, 0, 0, 0, 0, 0, 1, 3 }, 96, 1, 32);
        const auto yes = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_UNSPECIFIED, 24);
        QVERIFY(yes.yes);
        QCOMPARE(yes.largest, 24);
        QCOMPARE(yes.text,
            QStringLiteral(
                "Yes: 31 Ascend 910B free in train (3 whole nodes free; the job needs 3)"));
        const auto no = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_UNSPECIFIED, 25);
        QVERIFY(!no.yes);
        QCOMPARE(no.text,
            QStringLiteral(
                "No: 31 free, but only 3 whole nodes are free (the job needs 4), 1 job(s) "
                "ahead need 32"));
    }

    void neverFits()
    {
        const auto q = queue({ 0, 0, 0, 0, 0, 0, 0, 0, 12 }, 96);
        const auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 128);
        QVERIFY(!a.yes);
        QCOMPARE(a.text,
            QStringLiteral(
                "No: train has 96 Ascend 910B in all; a job of 128 can never run there."));
    }

    void otherModelOrStoppedQueue()
    {
        auto q = queue({ 0, 0, 0, 0, 0, 0, 0, 0, 12 }, 96);
        auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_NVIDIA_H100, 8);
        QVERIFY(!a.yes);
        QCOMPARE(a.text, QStringLiteral("No: train has no H100 accelerators."));
        q.set_state("DRAIN");
        a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 8);
        QVERIFY(!a.yes);
        QCOMPARE(a.text, QStringLiteral("No: train is DRAIN and starts no jobs."));
        QVERIFY(!CanRunNow::answer(queue({ 0, 1 }, 1), v1::ACCELERATOR_MODEL_UNSPECIFIED, 0).yes);
    }

    void withoutSpreadUsesLargestStartable()
    {
        // A gateway that does not send how free accelerators are spread.
        v1::Queue q = queue({}, 64);
        q.mutable_accelerators(0)->set_free(16);
        q.set_largest_startable_accelerators(8);
        QVERIFY(CanRunNow::answer(q, v1::ACCELERATOR_MODEL_UNSPECIFIED, 8).yes);
        const auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_UNSPECIFIED, 12);
        QVERIFY(!a.yes);
        QVERIFY2(a.text.startsWith(QStringLiteral("No: 16 free, but")), qPrintable(a.text));
    }
};

QTEST_MAIN(TestCanRunNow)
#include "tst_canrunnow.moc"
