#pragma once

#include "suanli/v1/scheduler.pb.h"

#include <QCoreApplication>
#include <QString>

namespace suanli::app {

// PendingReasonText says why a pending or held job is not running, in the console's language:
// the translated counterpart of common's English pendingReasonText(), for the jobs table.
class PendingReasonText {
    Q_DECLARE_TR_FUNCTIONS(PendingReasonText)
public:
    PendingReasonText() = delete;

    // "waiting: tenant quota for Ascend 910B reached (64/64)", "waiting: tenant quota across all
    // models reached (7/8)", "held by a user"; empty for jobs that are not waiting.
    static QString of(const v1::Job &job);
};

} // namespace suanli::app
