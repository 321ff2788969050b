#include "app/models/PendingReasonText.h"

#include "app/models/Words.h"

#include <QLocale>

namespace suanli::app {

// Each case is a whole sentence per variant (with or without model, with or without figures),
// so translators never have to assemble fragments.
QString PendingReasonText::of(const v1::Job &job)
{
    if (job.state() == v1::JOB_STATE_HELD)
        return job.pending_reason() == v1::PENDING_REASON_HELD_BY_ADMIN ? tr("held by an operator")
                                                                        : tr("held by a user");
    if (job.state() != v1::JOB_STATE_PENDING)
        return {};

    const QLocale locale;
    const QString model = Words::modelName(job.model(), job.model_name());
    const bool figures = job.quota_limit() > 0;
    const QString used = locale.toString(job.quota_used());
    const QString limit = locale.toString(job.quota_limit());

    // Held back by one limit on every model together: the figures are of that limit.
    if (job.quota_all_models()) {
        switch (job.pending_reason()) {
        case v1::PENDING_REASON_TENANT_QUOTA:
            return figures
                ? tr("waiting: tenant quota across all models reached (%1/%2)").arg(used, limit)
                : tr("waiting: tenant quota across all models reached");
        case v1::PENDING_REASON_PROJECT_QUOTA:
            return figures
                ? tr("waiting: project quota across all models reached (%1/%2)").arg(used, limit)
                : tr("waiting: project quota across all models reached");
        case v1::PENDING_REASON_TENANT_HOURS:
            return figures ? tr("waiting: the tenant's accelerator-hours across all models for "
                                "this month are used up (%1/%2 h)")
                                 .arg(used, limit)
                           : tr("waiting: the tenant's accelerator-hours across all models for "
                                "this month are used up");
        default:
            break;
        }
    }

    switch (job.pending_reason()) {
    case v1::PENDING_REASON_RESOURCES:
        return model.isEmpty() ? tr("waiting for free accelerators")
                               : tr("waiting for free %1 accelerators").arg(model);
    case v1::PENDING_REASON_PRIORITY:
        return tr("waiting: jobs of higher priority are ahead");
    case v1::PENDING_REASON_TENANT_QUOTA:
        if (model.isEmpty())
            return figures ? tr("waiting: tenant quota reached (%1/%2)").arg(used, limit)
                           : tr("waiting: tenant quota reached");
        return figures ? tr("waiting: tenant quota for %1 reached (%2/%3)").arg(model, used, limit)
                       : tr("waiting: tenant quota for %1 reached").arg(model);
    case v1::PENDING_REASON_PROJECT_QUOTA:
        if (model.isEmpty())
            return figures ? tr("waiting: project quota reached (%1/%2)").arg(used, limit)
                           : tr("waiting: project quota reached");
        return figures ? tr("waiting: project quota for %1 reached (%2/%3)").arg(model, used, limit)
                       : tr("waiting: project quota for %1 reached").arg(model);
    case v1::PENDING_REASON_TENANT_HOURS:
        if (model.isEmpty())
            return figures ? tr("waiting: the tenant's accelerator-hours for this month are used "
                                "up (%1/%2 h)")
                                 .arg(used, limit)
                           : tr("waiting: the tenant's accelerator-hours for this month are used "
                                "up");
        return figures ? tr("waiting: the tenant's %1 accelerator-hours for this month are used "
                            "up (%2/%3 h)")
                             .arg(model, used, limit)
                       : tr("waiting: the tenant's %1 accelerator-hours for this month are used up")
                             .arg(model);
    case v1::PENDING_REASON_HELD_BY_USER:
        return tr("held by a user");
    case v1::PENDING_REASON_HELD_BY_ADMIN:
        return tr("held by an operator");
    case v1::PENDING_REASON_NODES_UNAVAILABLE:
        return tr("waiting: the nodes it asked for are down, drained or reserved");
    case v1::PENDING_REASON_DEPENDENCY:
        return tr("waiting for another job to finish");
    case v1::PENDING_REASON_BEGIN_TIME:
        return tr("waiting for the start time its user set");
    case v1::PENDING_REASON_NOT_EVALUATED:
        return tr("just submitted: the scheduler has not looked at it yet");
    case v1::PENDING_REASON_OTHER:
    default:
        if (!job.pending_reason_raw().empty())
            return tr("waiting (the scheduler says %1)")
                .arg(QString::fromStdString(job.pending_reason_raw()));
        return tr("waiting");
    }
}

} // namespace suanli::app
