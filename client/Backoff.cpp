#include "client/Backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace suanli::client {

Backoff::Backoff(
    std::chrono::milliseconds initial, std::chrono::milliseconds maximum, double jitter)
    : m_initial(initial)
    , m_maximum(std::max(initial, maximum))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
    , m_current(initial)
{
}

std::chrono::milliseconds Backoff::next()
{
    const double base = double(m_current.count());
    // Uniform in [1 - jitter, 1 + jitter].
    const double factor
        = 1.0 + m_jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    m_current = std::min(m_maximum, m_current * 2);
    ++m_failures;
    return std::chrono::milliseconds(std::max<qint64>(1, qint64(base * factor)));
}

void Backoff::reset()
{
    m_current = m_initial;
    m_failures = 0;
}

} // namespace suanli::client
