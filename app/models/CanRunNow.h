#pragma once

#include "suanli/v1/scheduler.pb.h"

#include <QCoreApplication>
#include <QString>

namespace suanli::app {

// CanRunNow answers "could a job of N accelerators start in this queue right now?" from a
// queue's live counts: free accelerators of the model, how they are spread over nodes (a job
// fits on one node with enough free, or needs whole free nodes when it is bigger than one), the
// jobs already waiting and how long jobs wait.
class CanRunNow {
    Q_DECLARE_TR_FUNCTIONS(CanRunNow)
public:
    struct Answer {
        bool yes = false;
        // One sentence: "Yes: 12 Ascend 910B free in train (largest free block on one node: 8)",
        // "No: 3 free, 4 jobs ahead need 96; median wait 42 min".
        QString text;
        // Free accelerators of the model in the queue.
        qint64 free = 0;
        // The most accelerators a job could get now: on one node, or on whole free nodes.
        qint64 largest = 0;
    };

    CanRunNow() = delete;

    // model ACCELERATOR_MODEL_UNSPECIFIED means any model the queue has.
    static Answer answer(const v1::Queue &queue, v1::AcceleratorModel model, qint64 count);
};

} // namespace suanli::app
