#pragma once

#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QCoreApplication>
#include <QString>

namespace suanli::app {

// PendingReasonText says why a pending or held job is not running, in the console's language:
// the translated counterpart of common's English pendingReasonText(), for the jobs table.
class PendingReasonText {
    Q_DECLARE_TR_FUNCTIONS(PendingReasonText)
public:
    PendingReasonText() = delete;

    // "waiting: needs 912 H100; tenant galaxy uses 1,894 of 1,976", "waiting: needs 16
    // accelerators; project galaxy-llm uses 8 of 16 across all models", "held by a user"; empty
    // for jobs that are not waiting. A quota's figures are read from `tenant` (the job's tenant
    // as the centre has it now, nullptr when not known): a job carries which limit holds it and
    // what it needs, never figures that go stale.
    static QString of(const v1::Job &job, const v1::Tenant *tenant = nullptr);

private:
    // Why a job waits for a quota, with the limit's figures from its tenant when known.
    static QString quotaReason(const v1::Job &job, const v1::Tenant *tenant, const QString &model);
};

} // namespace suanli::app
