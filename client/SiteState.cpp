#include "client/SiteState.h"

namespace suanli::client {

SiteState::SiteState(QObject *parent)
    : QObject(parent)
    , m_nodes(this)
    , m_jobs(this)
    , m_queues(this)
    , m_alerts(this)
    , m_quotaRequests(this)
    , m_tenants(this)
{
}

const suanli::v1::Overview &SiteState::overview() const
{
    return m_overview;
}

bool SiteState::stale() const
{
    return m_stale;
}

QDateTime SiteState::dataTime() const
{
    return m_dataTime;
}

qint64 SiteState::nowSeconds() const
{
    if (!m_backendTime.isValid())
        return QDateTime::currentSecsSinceEpoch();
    return m_backendTime.addMSecs(m_sinceBackendTime.elapsed()).toSecsSinceEpoch();
}

void SiteState::setBackendTime(const QDateTime &time)
{
    if (!time.isValid())
        return;
    m_backendTime = time;
    m_sinceBackendTime.start();
}

void SiteState::setOverview(const suanli::v1::Overview &overview)
{
    m_overview = overview;
    Q_EMIT overviewChanged();
}

void SiteState::setFreshness(bool stale, const QDateTime &dataTime)
{
    if (stale == m_stale && dataTime == m_dataTime)
        return;
    m_stale = stale;
    m_dataTime = dataTime;
    Q_EMIT freshnessChanged();
}

} // namespace suanli::client
