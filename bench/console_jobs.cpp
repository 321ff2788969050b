// The jobs page at a full centre's scale: 200,000 active jobs through the page (model, sorted and
// filtered proxy, table, actions) on an offscreen screen. Prints how long the first snapshot,
// each delta of a busy tick and typing a filter take, each followed by the repaint a user would
// see, in CPU time of the GUI thread. Run: QT_QPA_PLATFORM=offscreen build/bench/bench_console_jobs
// [jobs] [ticks]
#include "app/pages/JobsPage.h"
#include "bench/BenchHelp.h"
#include "client/Connection.h"
#include "client/SiteState.h"

#include <QApplication>
#include <QTableView>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <random>
#include <time.h>

using namespace suanli;

namespace {

v1::Job makeJob(int i, std::mt19937 &rng)
{
    static const char *const kTenants[]
        = { "galaxy", "zhipu-lab", "medai", "autodrive", "fintech" };
    static const char *const kQueues[] = { "train", "infer", "debug" };
    v1::Job j;
    j.set_id(std::to_string(1000000 + i));
    j.set_name("job-" + std::to_string(i));
    j.set_tenant(kTenants[i % 5]);
    j.set_project("p" + std::to_string(i % 37));
    j.set_user("user" + std::to_string(i % 911));
    j.set_queue(kQueues[i % 3]);
    const int s = int(rng() % 10);
    j.set_state(
        s < 6 ? v1::JOB_STATE_RUNNING : (s < 9 ? v1::JOB_STATE_PENDING : v1::JOB_STATE_HELD));
    if (j.state() == v1::JOB_STATE_PENDING) {
        j.set_pending_reason(v1::PendingReason(1 + rng() % 5));
        j.set_quota_used(64);
        j.set_quota_limit(64);
    }
    j.set_priority(int64_t(rng() % 100000));
    j.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    j.set_accelerators(int32_t(1u << (rng() % 8)));
    j.mutable_submit_time()->set_seconds(1764000000 + i);
    if (j.state() == v1::JOB_STATE_RUNNING)
        j.mutable_start_time()->set_seconds(1764000000 + i + 60);
    return j;
}

// CPU time of this thread (the GUI thread), so other programs on a busy machine do not count.
struct CpuTimer {
    double startMs = 0;
    static double nowMs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
    void start() { startMs = nowMs(); }
    void restart() { startMs = nowMs(); }
};

double ms(const CpuTimer &t)
{
    return CpuTimer::nowMs() - t.startMs;
}

} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: QT_QPA_PLATFORM=offscreen bench_console_jobs [JOBS=200000] [TICKS=20]\nThe "
            "jobs page with JOBS active jobs: snapshot, busy ticks and a typed filter, with "
            "repaints.\n"))
        return 0;
    QApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int ticks = argc > 2 ? std::atoi(argv[2]) : 20;
    std::mt19937 rng(7);

    client::ConnectionProfile profile;
    profile.name = QStringLiteral("Bench");
    profile.address = QStringLiteral("127.0.0.1:1");
    client::Connection connection(profile); // never opened: the site is fed here
    app::JobsPage page(&connection);
    page.resize(1600, 1000);
    page.show();
    QApplication::processEvents();

    QList<v1::Job> jobs;
    jobs.reserve(count);
    for (int i = 0; i < count; ++i)
        jobs.append(makeJob(i, rng));

    CpuTimer t;
    t.start();
    connection.site()->collection<v1::Job>().apply(true, jobs, {}, QStringLiteral("e"), 1);
    QApplication::processEvents();
    page.grab();
    std::printf("snapshot of %d jobs, sorted newest first, painted: %.0f ms\n", count, ms(t));

    // Keep a selection, as a user would, so each tick also keeps it.
    page.setSelectedIds({ QString::fromStdString(jobs.at(count / 2).id()) });

    // Ticks as a centre of this size sees them (about 30 jobs end and 30 arrive each second when
    // jobs run for about two hours; a few hundred change), then a storm ten times that.
    int next = count;
    int removals = 0;
    QObject::connect(page.table()->model(), &QAbstractItemModel::rowsRemoved, [&] { ++removals; });
    auto runTicks = [&](const char *what, int changed, int ended) {
        std::vector<double> times;
        removals = 0;
        for (int tick = 0; tick < ticks; ++tick) {
            QList<v1::Job> upserts;
            QStringList removed;
            for (int k = 0; k < changed; ++k) {
                v1::Job j = jobs.at(int(rng() % uint32_t(jobs.size())));
                j.set_priority(int64_t(rng() % 100000));
                j.set_state(rng() % 2 ? v1::JOB_STATE_RUNNING : v1::JOB_STATE_PENDING);
                upserts.append(j);
            }
            for (int k = 0; k < ended; ++k) {
                removed.append(
                    QString::fromStdString(jobs.at(int(rng() % uint32_t(jobs.size()))).id()));
                upserts.append(makeJob(next++, rng));
            }
            t.restart();
            connection.site()->collection<v1::Job>().apply(
                false, upserts, removed, QStringLiteral("e"), next);
            QApplication::processEvents();
            page.grab();
            times.push_back(ms(t));
        }
        std::sort(times.begin(), times.end());
        std::printf("%s tick (%d changed, %d ended, %d new) with repaint: median %.1f ms, max %.1f "
                    "ms over %d ticks (%d row removals a tick reach the view)\n",
            what, changed, ended, ended, times[times.size() / 2], times.back(), ticks,
            removals / ticks);
    };
    runTicks("typical", 300, 30);
    runTicks("storm", 3000, 300);
    std::printf(
        "selection kept across the ticks: %s\n", page.selectedIds().isEmpty() ? "no" : "yes");

    t.restart();
    page.setFilterText(QStringLiteral("state:pending reason:quota tenant:galaxy acc>=8"));
    QApplication::processEvents();
    page.grab();
    std::printf("filter typed (%d rows match), painted: %.0f ms\n",
        page.table()->model()->rowCount(), ms(t));
    t.restart();
    page.table()->sortByColumn(9, Qt::DescendingOrder);
    QApplication::processEvents();
    page.grab();
    std::printf("sort by priority, painted: %.0f ms\n", ms(t));
    return 0;
}
