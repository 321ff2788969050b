#pragma once

#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace suanli::app {

// CanRunNow answers "could a job of N accelerators start in this queue right now?" from a
// queue's live counts: free accelerators of the model, how they are spread over nodes (a job
// fits on one node with enough free, or needs whole free nodes when it is bigger than one), the
// jobs already waiting; how long jobs of about that size waited to start; and whether the
// quota of the tenant it would run for leaves room for it.
class CanRunNow {
    Q_DECLARE_TR_FUNCTIONS(CanRunNow)
public:
    struct Answer {
        bool yes = false;
        // One sentence: "Yes: 12 Ascend 910B free in train (largest free block on one node: 8)",
        // "No: 3 free, 4 jobs ahead need 96".
        QString text;
        // Free accelerators of the model in the queue.
        qint64 free = 0;
        // The most accelerators a job could get now: on one node, or on whole free nodes.
        qint64 largest = 0;
    };

    CanRunNow() = delete;

    // model ACCELERATOR_MODEL_UNSPECIFIED means any model the queue has.
    static Answer answer(const v1::Queue &queue, v1::AcceleratorModel model, qint64 count);
    // In any queue: the answer of the first queue where it could start now (the default queue
    // first, then by name); else of the queue that comes closest (the largest job it could
    // start), said as no queue having room.
    static Answer anyQueue(
        const QList<v1::Queue> &queues, v1::AcceleratorModel model, qint64 count);

    // How long jobs of about `count` accelerators (half to twice as many) waited to start, from
    // those that started in the last day by the centre's clock, in `queue` (empty: any) and of
    // `model` (UNSPECIFIED: any); and how many of that size wait now. Never the wait of jobs of
    // other sizes: without such jobs it says there is no estimate.
    static QString waitEstimate(const QHash<QString, v1::Job> &jobs, const QString &queue,
        v1::AcceleratorModel model, qint64 count, qint64 nowSeconds);

    // Whether the tenant's quota leaves room for `count` accelerators of one of `models` (the
    // model asked for, or those of the queues it could run in): the limit that leaves the least
    // room for a model, the model's own or the one across all models, with its use; the model
    // with the most room when several could do. fits is false when none leaves room enough.
    struct QuotaCheck {
        bool fits = true;
        QString text;
        // Accelerators the quota lets start now; -1 when no limit applies.
        qint64 room = -1;
    };
    static QuotaCheck quota(
        const v1::Tenant &tenant, const QList<v1::AcceleratorModel> &models, qint64 count);
};

} // namespace suanli::app
