#include "app/models/PendingReasonText.h"

#include "app/models/Words.h"
#include "common/QuotaRules.h"

#include <QLocale>

namespace suanli::app {

QString PendingReasonText::quotaReason(
    const v1::Job &job, const v1::Tenant *tenant, const QString &model)
{
    const QLocale locale;
    const bool project = job.pending_reason() == v1::PENDING_REASON_PROJECT_QUOTA;
    const QString owner = QString::fromStdString(project ? job.project() : job.tenant());
    const std::optional<QuotaStanding> standing
        = tenant ? quotaStanding(job, *tenant) : std::nullopt;
    const QString used = standing ? locale.toString(standing->used) : QString();
    const QString limit = standing ? locale.toString(standing->limit) : QString();
    const QString need = locale.toString(job.accelerators());
    const bool all = job.quota_all_models();

    if (job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS) {
        if (all)
            return standing ? tr("waiting: tenant %1 has used %2 of its %3 accelerator-hours "
                                 "across all models this month")
                                  .arg(owner, used, limit)
                            : tr("waiting: tenant %1's accelerator-hours across all models "
                                 "for this month are used up")
                                  .arg(owner);
        if (model.isEmpty())
            return standing ? tr("waiting: tenant %1 has used %2 of its %3 accelerator-hours "
                                 "this month")
                                  .arg(owner, used, limit)
                            : tr("waiting: tenant %1's accelerator-hours for this month are "
                                 "used up")
                                  .arg(owner);
        return standing ? tr("waiting: tenant %1 has used %2 of its %3 %4 accelerator-hours "
                             "this month")
                              .arg(owner, used, limit, model)
                        : tr("waiting: tenant %1's %2 accelerator-hours for this month are "
                             "used up")
                              .arg(owner, model);
    }

    if (project) {
        if (all)
            return standing ? tr("waiting: needs %1 accelerators; project %2 uses %3 of %4 "
                                 "across all models")
                                  .arg(need, owner, used, limit)
                            : tr("waiting: needs %1 accelerators, more than project %2's "
                                 "quota across all models leaves free")
                                  .arg(need, owner);
        if (model.isEmpty())
            return standing
                ? tr("waiting: needs %1 accelerators; project %2 uses %3 of %4")
                      .arg(need, owner, used, limit)
                : tr("waiting: needs %1 accelerators, more than project %2's quota leaves free")
                      .arg(need, owner);
        return standing ? tr("waiting: needs %1 %2; project %3 uses %4 of %5")
                              .arg(need, model, owner, used, limit)
                        : tr("waiting: needs %1 %2, more than project %3's quota leaves free")
                              .arg(need, model, owner);
    }
    if (all)
        return standing ? tr("waiting: needs %1 accelerators; tenant %2 uses %3 of %4 across "
                             "all models")
                              .arg(need, owner, used, limit)
                        : tr("waiting: needs %1 accelerators, more than tenant %2's quota "
                             "across all models leaves free")
                              .arg(need, owner);
    if (model.isEmpty())
        return standing
            ? tr("waiting: needs %1 accelerators; tenant %2 uses %3 of %4")
                  .arg(need, owner, used, limit)
            : tr("waiting: needs %1 accelerators, more than tenant %2's quota leaves free")
                  .arg(need, owner);
    return standing
        ? tr("waiting: needs %1 %2; tenant %3 uses %4 of %5").arg(need, model, owner, used, limit)
        : tr("waiting: needs %1 %2, more than tenant %3's quota leaves free")
              .arg(need, model, owner);
}

// Each case is a whole sentence per variant (with or without model, with or without figures),
// so translators never have to assemble fragments.
QString PendingReasonText::of(const v1::Job &job, const v1::Tenant *tenant)
{
    if (job.state() == v1::JOB_STATE_HELD)
        return job.pending_reason() == v1::PENDING_REASON_HELD_BY_ADMIN ? tr("held by an operator")
                                                                        : tr("held by a user");
    if (job.state() != v1::JOB_STATE_PENDING)
        return {};

    const QString model = Words::modelName(job.model(), job.model_name());
    switch (job.pending_reason()) {
    case v1::PENDING_REASON_RESOURCES:
        return model.isEmpty() ? tr("waiting for free accelerators")
                               : tr("waiting for free %1 accelerators").arg(model);
    case v1::PENDING_REASON_PRIORITY:
        return tr("waiting: jobs of higher priority are ahead");
    case v1::PENDING_REASON_TENANT_QUOTA:
    case v1::PENDING_REASON_PROJECT_QUOTA:
    case v1::PENDING_REASON_TENANT_HOURS:
        return quotaReason(job, tenant, model);
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
