#include "app/wall/WallQueuePage.h"

#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "app/wall/WallCapacityBar.h"
#include "app/wall/WallStyle.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/Palette.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

WallQueuePage::WallQueuePage(client::Connection *centre, QWidget *parent)
    : WallPage(centre, parent)
    , m_body(new QWidget(this))
    , m_grid(new QGridLayout(m_body))
    , m_empty(new QLabel(tr("No queues reported yet"), m_body))
{
    setObjectName(QStringLiteral("WallQueuePage"));
    m_grid->setHorizontalSpacing(32);
    m_grid->setVerticalSpacing(18);
    const QStringList headers = { tr("Queue"), tr("Accelerators"), tr("Jobs running"),
        tr("Jobs pending"), tr("Wait p50 / p95") };
    for (int c = 0; c < headers.size(); ++c) {
        auto *h = new QLabel(headers.at(c), m_body);
        h->setForegroundRole(QPalette::PlaceholderText);
        m_grid->addWidget(h, 0, c, c >= 2 ? Qt::AlignRight : Qt::AlignLeft);
    }
    m_grid->addWidget(m_empty, 1, 0, 1, headers.size());
    m_grid->setColumnStretch(1, 1);
    m_grid->setRowStretch(kMaxRows + 2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_body, 1);
}

QString WallQueuePage::title() const
{
    return tr("%1 · Queue pressure").arg(Words::centreName(centre()));
}

WallQueuePage::Row &WallQueuePage::row(int index)
{
    while (m_rows.size() <= index) {
        const int r = int(m_rows.size()) + 1;
        Row row;
        row.name = new QLabel(m_body);
        row.bar = new WallCapacityBar(m_body);
        row.running = new QLabel(m_body);
        row.pending = new QLabel(m_body);
        row.wait = new QLabel(m_body);
        m_grid->addWidget(row.name, r, 0);
        m_grid->addWidget(row.bar, r, 1);
        m_grid->addWidget(row.running, r, 2, Qt::AlignRight);
        m_grid->addWidget(row.pending, r, 3, Qt::AlignRight);
        m_grid->addWidget(row.wait, r, 4, Qt::AlignRight);
        m_rows.append(row);
        row.name->setFont(WallStyle::font(font(), 1.15, QFont::DemiBold));
    }
    return m_rows[index];
}

void WallQueuePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        for (auto &r : m_rows)
            r.name->setFont(WallStyle::font(font(), 1.15, QFont::DemiBold));
    WallPage::changeEvent(event);
}

QStringList WallQueuePage::shownQueues() const
{
    QStringList out;
    for (int i = 0; i < m_shown; ++i)
        out.append(m_rows.at(i).name->text());
    return out;
}

QStringList WallQueuePage::rowText(int index) const
{
    if (index < 0 || index >= m_shown)
        return {};
    const Row &r = m_rows.at(index);
    return { r.name->text(), r.bar->text(), r.running->text(), r.pending->text(), r.wait->text() };
}

void WallQueuePage::refreshContent()
{
    const auto &items = centre()->site()->queues().items;
    QList<const v1::Queue *> queues;
    queues.reserve(items.size());
    for (const auto &q : items)
        queues.append(&q);
    // Busiest first: demand waiting, then jobs waiting, then by name so the order holds still.
    std::sort(queues.begin(), queues.end(), [](const v1::Queue *a, const v1::Queue *b) {
        if (a->accelerators_pending() != b->accelerators_pending())
            return a->accelerators_pending() > b->accelerators_pending();
        if (a->jobs_pending() != b->jobs_pending())
            return a->jobs_pending() > b->jobs_pending();
        return a->name() < b->name();
    });
    const QLocale locale;
    const bool dark = widgets::Palette::isDark(palette());
    const QColor amber = widgets::Palette::severityColour(widgets::SeverityColour::Warning, dark);
    m_shown = int(std::min<qsizetype>(queues.size(), kMaxRows));
    for (int i = 0; i < m_shown; ++i) {
        const v1::Queue &q = *queues.at(i);
        Row &r = row(i);
        const AcceleratorTally accelerators = AcceleratorTally::of(q.accelerators());
        r.name->setText(QString::fromStdString(q.name()));
        r.bar->setValues(accelerators.inUse, accelerators.free, accelerators.unavailable,
            accelerators.down, q.accelerators_pending());
        r.running->setText(locale.toString(q.jobs_running()));
        r.pending->setText(locale.toString(q.jobs_pending()));
        // Demand beyond what is free: the queue is under pressure.
        QPalette pal = palette();
        if (q.accelerators_pending() > accelerators.free)
            pal.setColor(QPalette::WindowText, amber);
        r.pending->setPalette(pal);
        r.wait->setText(tr("%1 / %2").arg(Words::duration(qint64(q.wait_seconds_p50())),
            Words::duration(qint64(q.wait_seconds_p95()))));
        for (QWidget *w : { static_cast<QWidget *>(r.name), static_cast<QWidget *>(r.bar),
                 static_cast<QWidget *>(r.running), static_cast<QWidget *>(r.pending),
                 static_cast<QWidget *>(r.wait) })
            w->setVisible(true);
    }
    for (int i = m_shown; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        for (QWidget *w : { static_cast<QWidget *>(r.name), static_cast<QWidget *>(r.bar),
                 static_cast<QWidget *>(r.running), static_cast<QWidget *>(r.pending),
                 static_cast<QWidget *>(r.wait) })
            w->setVisible(false);
    }
    m_empty->setVisible(m_shown == 0);
    setGreyed(m_body, isStale());
}

} // namespace suanli::app
