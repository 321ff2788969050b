// "Can I run N accelerators now?" from a queue's counts: free accelerators, how they are spread
// over nodes, the jobs ahead, how long jobs of that size waited, and the tenant's quota, in the
// words the Queues page shows.
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

v1::Job startedJob(const std::string &id, qint64 accelerators, qint64 submitted, qint64 started,
    const std::string &queue = "train")
{
    v1::Job j;
    j.set_id(id);
    j.set_queue(queue);
    j.set_state(started > 0 ? v1::JOB_STATE_RUNNING : v1::JOB_STATE_PENDING);
    j.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    j.set_accelerators(int(accelerators));
    j.mutable_submit_time()->set_seconds(submitted);
    if (started > 0)
        j.mutable_start_time()->set_seconds(started);
    return j;
}

v1::Tenant tenant(qint64 modelLimit, qint64 modelUsed, qint64 allLimit = 0, qint64 allUsed = 0)
{
    v1::Tenant t;
    t.set_id("galaxy");
    auto *l = t.add_quotas();
    l->set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    l->set_max_accelerators(modelLimit);
    auto *u = t.add_usage();
    u->set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    u->set_accelerators_in_use(modelUsed);
    if (allLimit > 0) {
        auto *a = t.add_quotas();
        a->set_all_models(true);
        a->set_max_accelerators(allLimit);
        auto *au = t.add_usage();
        au->set_all_models(true);
        au->set_accelerators_in_use(allUsed);
    }
    return t;
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
                "need 96"));
        // Three fit on one of them.
        QVERIFY(CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 3).yes);
    }

    void notEnoughFree()
    {
        const auto q = queue({ 11, 0, 0, 1, 0, 0, 0, 0, 0 }, 96, 4, 96, 42 * 60);
        const auto a = CanRunNow::answer(q, v1::ACCELERATOR_MODEL_ASCEND_910B, 4);
        QVERIFY(!a.yes);
        // The queue's median wait is of jobs of every size: it is not passed off as this one's.
        QCOMPARE(a.text, QStringLiteral("No: 3 free, 4 job(s) ahead need 96"));
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

    void waitIsOfJobsOfAboutThatSize()
    {
        const qint64 now = 1'000'000;
        QHash<QString, v1::Job> jobs;
        // Many small jobs that waited a minute, and big ones that waited hours.
        for (int i = 0; i < 20; ++i)
            jobs.insert(
                QString::number(i), startedJob(std::to_string(i), 8, now - 3600, now - 3540));
        jobs.insert(u"b1"_qs, startedJob("b1", 512, now - 5 * 3600, now - 2 * 3600));
        jobs.insert(u"b2"_qs, startedJob("b2", 640, now - 7 * 3600, now - 3 * 3600));
        jobs.insert(u"b3"_qs, startedJob("b3", 1024, now - 9 * 3600, now - 3600));
        // Started two days ago: not recent.
        jobs.insert(u"old"_qs, startedJob("old", 600, now - 60 * 3600, now - 48 * 3600 - 1));
        // In another queue.
        jobs.insert(u"other"_qs, startedJob("other", 600, now - 100, now - 90, "infer"));
        // Waiting now.
        jobs.insert(u"w"_qs, startedJob("w", 600, now - 6 * 3600, 0));

        const QString big = CanRunNow::waitEstimate(
            jobs, u"train"_qs, v1::ACCELERATOR_MODEL_ASCEND_910B, 600, now);
        QCOMPARE(big,
            u"Jobs of about this size (300 to 1,200 accelerators) that started in the last 24 h "
            "waited 4 h 0 min (the median of 3 job(s)). 1 such job(s) wait now, the longest for 6 h 0 min."_qs);
        // In any queue the one of the other queue counts too.
        QVERIFY(
            CanRunNow::waitEstimate(jobs, QString(), v1::ACCELERATOR_MODEL_UNSPECIFIED, 600, now)
                .contains(u"median of 4 job(s)"_qs));
        const QString small
            = CanRunNow::waitEstimate(jobs, u"train"_qs, v1::ACCELERATOR_MODEL_UNSPECIFIED, 8, now);
        QVERIFY2(small.contains(u"waited 1 min"_qs), qPrintable(small));
        // No job of that size: said so, not the small jobs' wait.
        const QString none = CanRunNow::waitEstimate(
            jobs, u"train"_qs, v1::ACCELERATOR_MODEL_ASCEND_910B, 4000, now);
        QCOMPARE(none,
            u"No job of about this size (2,000 to 8,000 accelerators) started in the last 24 h: "
            "there is no estimate of the wait."_qs);
    }

    void anyQueueFindsOneWithRoom()
    {
        v1::Queue full = queue({ 4, 0, 0, 0, 0, 0, 0, 0, 0 }, 32);
        full.set_name("train");
        full.set_is_default(true);
        v1::Queue roomy = queue({ 0, 0, 0, 0, 0, 0, 0, 0, 3 }, 32);
        roomy.set_name("infer");
        auto yes = CanRunNow::anyQueue({ full, roomy }, v1::ACCELERATOR_MODEL_UNSPECIFIED, 16);
        QVERIFY(yes.yes);
        QVERIFY2(yes.text.contains(u"in infer"_qs), qPrintable(yes.text));
        auto no = CanRunNow::anyQueue({ full, roomy }, v1::ACCELERATOR_MODEL_UNSPECIFIED, 30);
        QVERIFY(!no.yes);
        QCOMPARE(no.text,
            u"No: no queue can start 30 now; the largest job that could start now has 24 (in infer)."_qs);
    }

    void quotaOfTheTenantIsNamedWithItsRoom()
    {
        const QList<v1::AcceleratorModel> model { v1::ACCELERATOR_MODEL_ASCEND_910B };
        auto fits = CanRunNow::quota(tenant(1976, 1894), model, 64);
        QVERIFY(fits.fits);
        QCOMPARE(fits.room, qint64(82));
        QCOMPARE(fits.text,
            u"Tenant galaxy's quota: uses 1,894 of 1,976 Ascend 910B, room for 82 more."_qs);
        auto tooBig = CanRunNow::quota(tenant(1976, 1894), model, 600);
        QVERIFY(!tooBig.fits);
        QCOMPARE(tooBig.text,
            u"No: tenant galaxy's quota has room for 82 more (uses 1,894 of 1,976 Ascend 910B)."_qs);
        // A limit across all models with less room binds first.
        auto all = CanRunNow::quota(tenant(1976, 1000, 1100, 1090), model, 64);
        QVERIFY(!all.fits);
        QCOMPARE(all.text,
            u"No: tenant galaxy's quota has room for 10 more (uses 1,090 of 1,100 across all "
            "models)."_qs);
        // A model it has no limit for.
        auto none = CanRunNow::quota(tenant(1976, 1894), { v1::ACCELERATOR_MODEL_NVIDIA_H100 }, 64);
        QVERIFY(none.fits);
        QCOMPARE(none.room, qint64(-1));
        QCOMPARE(none.text, u"Tenant galaxy's quota sets no limit on H100."_qs);
    }
};

QTEST_MAIN(TestCanRunNow)
#include "tst_canrunnow.moc"
