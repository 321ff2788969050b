#include "app/models/CanRunNow.h"

#include "app/models/Words.h"
#include "common/QuotaRules.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <climits>

namespace suanli::app {

CanRunNow::Answer CanRunNow::answer(
    const v1::Queue &queue, v1::AcceleratorModel model, qint64 count)
{
    const QLocale locale;
    const QString name = QString::fromStdString(queue.name());
    Answer out;
    if (count <= 0) {
        out.text = tr("Say how many accelerators the job needs (1 or more).");
        return out;
    }

    // The counts of the model asked for, or of every model the queue has.
    qint64 total = 0;
    QString modelName;
    int models = 0;
    for (const v1::AcceleratorCounts &c : queue.accelerators()) {
        if (model != v1::ACCELERATOR_MODEL_UNSPECIFIED && c.model() != model)
            continue;
        ++models;
        total += c.total();
        out.free += c.free();
        modelName = Words::modelName(c.model(), c.model_name());
    }
    if (models == 0) {
        out.text = model == v1::ACCELERATOR_MODEL_UNSPECIFIED
            ? tr("No: %1 has no accelerators.").arg(name)
            : tr("No: %1 has no %2 accelerators.").arg(name, Words::modelName(model));
        return out;
    }
    if (models > 1 || queue.accelerators_size() > 1)
        modelName = tr("accelerators");
    if (!queue.state().empty() && queue.state() != "UP") {
        out.text = tr("No: %1 is %2 and starts no jobs.")
                       .arg(name, QString::fromStdString(queue.state()));
        return out;
    }
    if (total < count) {
        out.text = tr("No: %1 has %2 %3 in all; a job of %4 can never run there.")
                       .arg(name, locale.toString(total), modelName, locale.toString(count));
        return out;
    }

    // How the free accelerators are spread: nodes_by_free_accelerators[i] nodes have i free.
    // It describes the whole queue, so it is only used when the queue has one model.
    const auto &byFree = queue.nodes_by_free_accelerators();
    const bool spread = byFree.size() >= 2 && queue.accelerators_size() == 1;
    const int perNode = spread ? byFree.size() - 1 : 0;
    qint64 mostOnOne = 0;
    qint64 wholeNodes = 0;
    if (spread) {
        for (int i = perNode; i > 0; --i)
            if (byFree.Get(i) > 0) {
                mostOnOne = i;
                break;
            }
        wholeNodes = byFree.Get(perNode);
        out.largest = wholeNodes > 0 ? wholeNodes * perNode : mostOnOne;
    } else {
        out.largest = std::min<qint64>(out.free, queue.largest_startable_accelerators());
    }
    const bool oneNode = spread && count <= perNode;
    const qint64 nodesNeeded = spread && !oneNode ? (count + perNode - 1) / perNode : 0;
    const bool fits = out.free >= count
        && (!spread ? out.largest >= count
                    : (oneNode ? mostOnOne >= count : wholeNodes >= nodesNeeded));

    if (fits) {
        out.yes = true;
        if (!spread)
            out.text = tr("Yes: %1 %2 free in %3 (the largest job that could start now: %4)")
                           .arg(locale.toString(out.free), modelName, name,
                               locale.toString(out.largest));
        else if (oneNode)
            out.text
                = tr("Yes: %1 %2 free in %3 (largest free block on one node: %4)")
                      .arg(locale.toString(out.free), modelName, name, locale.toString(mostOnOne));
        else
            out.text = tr("Yes: %1 %2 free in %3 (%4 whole nodes free; the job needs %5)")
                           .arg(locale.toString(out.free), modelName, name,
                               locale.toString(wholeNodes), locale.toString(nodesNeeded));
        return out;
    }

    QStringList parts;
    if (out.free < count)
        parts.append(tr("No: %1 free").arg(locale.toString(out.free)));
    else if (!spread)
        parts.append(tr("No: %1 free, but the largest job that could start now has %2")
                         .arg(locale.toString(out.free), locale.toString(out.largest)));
    else if (oneNode)
        parts.append(tr("No: %1 free, but no node has %2 free at once (at most %3)")
                         .arg(locale.toString(out.free), locale.toString(count),
                             locale.toString(mostOnOne)));
    else
        parts.append(tr("No: %1 free, but only %2 whole nodes are free (the job needs %3)")
                         .arg(locale.toString(out.free), locale.toString(wholeNodes),
                             locale.toString(nodesNeeded)));
    QString text = parts.constFirst();
    if (queue.jobs_pending() > 0)
        text += tr(", %Ln job(s) ahead need %1", nullptr,
            int(std::min<qint64>(queue.jobs_pending(), INT_MAX)))
                    .arg(locale.toString(queue.accelerators_pending()));
    out.text = text;
    return out;
}

CanRunNow::Answer CanRunNow::anyQueue(
    const QList<v1::Queue> &queues, v1::AcceleratorModel model, qint64 count)
{
    QList<const v1::Queue *> order;
    for (const v1::Queue &q : queues)
        order.append(&q);
    std::sort(order.begin(), order.end(), [](const v1::Queue *a, const v1::Queue *b) {
        if (a->is_default() != b->is_default())
            return a->is_default();
        return a->name() < b->name();
    });
    Answer closest;
    QString closestName;
    for (const v1::Queue *q : std::as_const(order)) {
        Answer a = answer(*q, model, count);
        if (a.yes || count <= 0)
            return a;
        if (closestName.isEmpty() || a.largest > closest.largest) {
            closest = a;
            closestName = QString::fromStdString(q->name());
        }
    }
    const QLocale locale;
    if (closestName.isEmpty()) {
        closest.text = tr("No: this centre has no queues.");
        return closest;
    }
    closest.text = closest.largest > 0
        ? tr("No: no queue can start %1 now; the largest job that could start now has %2 (in %3).")
              .arg(locale.toString(count), locale.toString(closest.largest), closestName)
        : tr("No: no queue can start %1 now; none has room for a job at all.")
              .arg(locale.toString(count));
    return closest;
}

QString CanRunNow::waitEstimate(const QHash<QString, v1::Job> &jobs, const QString &queue,
    v1::AcceleratorModel model, qint64 count, qint64 nowSeconds)
{
    if (count <= 0)
        return {};
    constexpr qint64 kDay = 24 * 3600;
    const qint64 low = (count + 1) / 2;
    const qint64 high = count * 2;
    const std::string queueName = queue.toStdString();
    QList<qint64> waits;
    qint64 waiting = 0;
    qint64 longest = 0;
    for (const v1::Job &job : jobs) {
        if (job.accelerators() < low || job.accelerators() > high)
            continue;
        if (!queueName.empty() && job.queue() != queueName)
            continue;
        if (model != v1::ACCELERATOR_MODEL_UNSPECIFIED && job.model() != model)
            continue;
        const qint64 submitted = job.submit_time().seconds();
        if (job.state() == v1::JOB_STATE_PENDING || job.state() == v1::JOB_STATE_HELD) {
            ++waiting;
            if (submitted > 0)
                longest = std::max(longest, nowSeconds - submitted);
            continue;
        }
        const qint64 started = job.start_time().seconds();
        if (started <= 0 || submitted <= 0 || started < submitted || nowSeconds - started > kDay)
            continue;
        waits.append(started - submitted);
    }
    const QLocale locale;
    QString text;
    if (waits.isEmpty()) {
        text = tr("No job of about this size (%1 to %2 accelerators) started in the last 24 h: "
                  "there is no estimate of the wait.")
                   .arg(locale.toString(low), locale.toString(high));
    } else {
        std::sort(waits.begin(), waits.end());
        const qint64 median = waits.at(waits.size() / 2);
        text = tr("Jobs of about this size (%1 to %2 accelerators) that started in the last 24 h "
                  "waited %3 (the median of %n job(s)).",
            nullptr, int(std::min<qsizetype>(waits.size(), INT_MAX)))
                   .arg(locale.toString(low), locale.toString(high), Words::duration(median));
    }
    if (waiting > 0)
        text += QLatin1Char(' ')
            + tr("%n such job(s) wait now, the longest for %1.", nullptr,
                int(std::min<qint64>(waiting, INT_MAX)))
                  .arg(Words::duration(std::max<qint64>(0, longest)));
    return text;
}

namespace {

// What a tenant's own limits leave for one model: the limit leaving the least room.
struct Room {
    bool limited = false;
    bool hoursUsedUp = false;
    bool allModels = false; // the binding limit is the one across all models
    qint64 used = 0;
    qint64 limit = 0;
    qint64 room = 0;
    double hoursUsed = 0;
    qint64 hoursLimit = 0;
};

Room roomFor(const v1::Tenant &tenant, v1::AcceleratorModel model)
{
    Room out;
    auto consider = [&](QuotaKind kind) {
        const v1::QuotaLimit *limit = findQuotaLimit(tenant.quotas(), kind);
        if (!limit)
            return;
        const v1::QuotaUsage *usage = findQuotaUsage(tenant.usage(), kind);
        double hours = usage ? usage->accelerator_hours_used() : 0;
        if (!usage && kind.allModels)
            for (const v1::QuotaUsage &u : tenant.usage())
                if (!u.all_models())
                    hours += u.accelerator_hours_used();
        if (limit->max_accelerator_hours() > 0 && hours >= double(limit->max_accelerator_hours())) {
            out.limited = true;
            out.hoursUsedUp = true;
            out.hoursUsed = hours;
            out.hoursLimit = limit->max_accelerator_hours();
            out.room = 0;
            return;
        }
        const qint64 used = quotaInUse(tenant.usage(), kind);
        const qint64 room = std::max<qint64>(0, limit->max_accelerators() - used);
        if (out.hoursUsedUp || (out.limited && out.room <= room))
            return;
        out.limited = true;
        out.allModels = kind.allModels;
        out.used = used;
        out.limit = limit->max_accelerators();
        out.room = room;
    };
    consider(QuotaKind::acrossAllModels());
    if (model != v1::ACCELERATOR_MODEL_UNSPECIFIED)
        consider(QuotaKind { model, false });
    return out;
}

} // namespace

CanRunNow::QuotaCheck CanRunNow::quota(
    const v1::Tenant &tenant, const QList<v1::AcceleratorModel> &models, qint64 count)
{
    const QLocale locale;
    const QString name = QString::fromStdString(tenant.id());
    // The model whose limits leave the most room (no limit at all is the most).
    v1::AcceleratorModel best
        = models.isEmpty() ? v1::ACCELERATOR_MODEL_UNSPECIFIED : models.first();
    Room room = roomFor(tenant, best);
    for (v1::AcceleratorModel m : models) {
        const Room r = roomFor(tenant, m);
        if (room.limited && (!r.limited || r.room > room.room)) {
            room = r;
            best = m;
        }
    }
    QuotaCheck out;
    const QString modelName
        = best == v1::ACCELERATOR_MODEL_UNSPECIFIED ? tr("accelerators") : Words::modelName(best);
    if (!room.limited) {
        out.text = tr("Tenant %1's quota sets no limit on %2.").arg(name, modelName);
        return out;
    }
    out.room = room.room;
    out.fits = room.room >= count;
    if (room.hoursUsedUp) {
        out.text = tr("No: tenant %1 has used %2 of its %3 accelerator-hours this month.")
                       .arg(name, locale.toString(qint64(room.hoursUsed)),
                           locale.toString(room.hoursLimit));
        return out;
    }
    const QString used = locale.toString(room.used);
    const QString limit = locale.toString(room.limit);
    const QString free = locale.toString(room.room);
    if (out.fits)
        out.text = room.allModels
            ? tr("Tenant %1's quota: uses %2 of %3 across all models, room for %4 more.")
                  .arg(name, used, limit, free)
            : tr("Tenant %1's quota: uses %2 of %3 %4, room for %5 more.")
                  .arg(name, used, limit, modelName, free);
    else
        out.text = room.allModels
            ? tr("No: tenant %1's quota has room for %2 more (uses %3 of %4 across all models).")
                  .arg(name, free, used, limit)
            : tr("No: tenant %1's quota has room for %2 more (uses %3 of %4 %5).")
                  .arg(name, free, used, limit, modelName);
    return out;
}

} // namespace suanli::app
