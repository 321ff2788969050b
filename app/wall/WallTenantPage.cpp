#include "app/wall/WallTenantPage.h"

#include "app/models/Words.h"
#include "app/wall/WallStyle.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/QuotaRules.h"
#include "widgets/QuotaBar.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

namespace {
struct Usage {
    const v1::Tenant *tenant = nullptr;
    qint64 inUse = 0;
    qint64 limit = 0;
    qint64 pending = 0;
};
} // namespace

WallTenantPage::WallTenantPage(client::Connection *centre, QWidget *parent)
    : WallPage(centre, parent)
    , m_body(new QWidget(this))
    , m_grid(new QGridLayout(m_body))
    , m_empty(new QLabel(tr("No tenants reported yet"), m_body))
{
    setObjectName(QStringLiteral("WallTenantPage"));
    m_grid->setHorizontalSpacing(32);
    m_grid->setVerticalSpacing(18);
    const QStringList headers
        = { QString(), tr("Tenant"), tr("Accelerators in use / quota"), tr("Asked for") };
    for (int c = 0; c < headers.size(); ++c) {
        auto *h = new QLabel(headers.at(c), m_body);
        h->setForegroundRole(QPalette::PlaceholderText);
        m_grid->addWidget(h, 0, c, c == 3 ? Qt::AlignRight : Qt::AlignLeft);
    }
    m_grid->addWidget(m_empty, 1, 0, 1, headers.size());
    m_grid->setColumnStretch(2, 1);
    m_grid->setRowStretch(kMaxRows + 2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_body, 1);
}

QString WallTenantPage::title() const
{
    return tr("%1 · Top tenants by use").arg(Words::centreName(centre()));
}

WallTenantPage::Row &WallTenantPage::row(int index)
{
    while (m_rows.size() <= index) {
        const int r = int(m_rows.size()) + 1;
        Row row;
        row.rank = new QLabel(m_body);
        row.rank->setForegroundRole(QPalette::PlaceholderText);
        row.name = new QLabel(m_body);
        row.bar = new widgets::QuotaBar(m_body);
        row.bar->setMinimumHeight(fontMetrics().height() * 3 / 2);
        row.pending = new QLabel(m_body);
        m_grid->addWidget(row.rank, r, 0, Qt::AlignRight);
        m_grid->addWidget(row.name, r, 1);
        m_grid->addWidget(row.bar, r, 2);
        m_grid->addWidget(row.pending, r, 3, Qt::AlignRight);
        m_rows.append(row);
        row.name->setFont(WallStyle::font(font(), 1.1, QFont::DemiBold));
    }
    return m_rows[index];
}

void WallTenantPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        for (auto &r : m_rows)
            r.name->setFont(WallStyle::font(font(), 1.1, QFont::DemiBold));
    WallPage::changeEvent(event);
}

QStringList WallTenantPage::shownTenants() const
{
    QStringList out;
    for (int i = 0; i < m_shown; ++i)
        out.append(m_rows.at(i).name->text());
    return out;
}

widgets::QuotaBar *WallTenantPage::bar(int index) const
{
    return index >= 0 && index < m_shown ? m_rows.at(index).bar : nullptr;
}

void WallTenantPage::refreshContent()
{
    const auto &items = centre()->site()->tenants().items;
    QList<Usage> usage;
    usage.reserve(items.size());
    for (const auto &t : items) {
        Usage u;
        u.tenant = &t;
        // Every model together: the limit across all models where there is one.
        const QuotaKind all = QuotaKind::acrossAllModels();
        u.inUse = quotaInUse(t.usage(), all);
        u.pending = quotaPending(t.usage(), all);
        u.limit = quotaCap(t.quotas(), all).value_or(0);
        usage.append(u);
    }
    std::sort(usage.begin(), usage.end(), [](const Usage &a, const Usage &b) {
        if (a.inUse != b.inUse)
            return a.inUse > b.inUse;
        return a.tenant->id() < b.tenant->id();
    });
    const QLocale locale;
    const bool chinese = locale.language() == QLocale::Chinese;
    m_shown = int(std::min<qsizetype>(usage.size(), kMaxRows));
    for (int i = 0; i < m_shown; ++i) {
        const Usage &u = usage.at(i);
        Row &r = row(i);
        const std::string &name = chinese && !u.tenant->name_zh().empty()
            ? u.tenant->name_zh()
            : (u.tenant->name().empty() ? u.tenant->id() : u.tenant->name());
        r.rank->setText(locale.toString(i + 1));
        r.name->setText(QString::fromStdString(name));
        r.bar->setValues(double(u.inUse), double(u.limit));
        r.pending->setText(u.pending > 0 ? tr("+%1").arg(locale.toString(u.pending)) : QString());
        for (QWidget *w : { static_cast<QWidget *>(r.rank), static_cast<QWidget *>(r.name),
                 static_cast<QWidget *>(r.bar), static_cast<QWidget *>(r.pending) })
            w->setVisible(true);
    }
    for (int i = m_shown; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        for (QWidget *w : { static_cast<QWidget *>(r.rank), static_cast<QWidget *>(r.name),
                 static_cast<QWidget *>(r.bar), static_cast<QWidget *>(r.pending) })
            w->setVisible(false);
    }
    m_empty->setVisible(m_shown == 0);
    setGreyed(m_body, isStale());
}

} // namespace suanli::app
