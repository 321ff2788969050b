#include "app/models/CanRunNow.h"

#include "app/models/Words.h"

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
    if (queue.wait_seconds_p50() > 0)
        text += tr("; median wait %1").arg(Words::duration(qRound64(queue.wait_seconds_p50())));
    out.text = text;
    return out;
}

} // namespace suanli::app
