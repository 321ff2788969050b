#include "models/FilterText.h"

#include <algorithm>

namespace suanli::app {

FilterText::FilterText(const suanli::FieldSet &fields, QObject *parent)
    : QObject(parent)
    , m_fields(&fields)
{
}

FilterText::~FilterText() = default;

void FilterText::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;

    const QByteArray utf8 = text.toUtf8();
    suanli::FilterError error;
    std::optional<suanli::Filter> parsed = suanli::Filter::parse(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), *m_fields,
        &error);
    Q_EMIT textChanged(m_text);
    if (parsed) {
        m_filter = std::move(*parsed);
        Q_EMIT filterChanged();
        setError(-1, {});
    } else {
        // The parser counts UTF-8 bytes; the line edit counts UTF-16 code units.
        const int bytes = std::clamp(error.position, 0, static_cast<int>(utf8.size()));
        const int position = static_cast<int>(QString::fromUtf8(utf8.left(bytes)).size());
        setError(position, QString::fromStdString(error.message));
    }
}

void FilterText::setClock(std::function<qint64()> nowSeconds)
{
    m_nowSeconds = std::move(nowSeconds);
    if (!m_filter.empty())
        Q_EMIT filterChanged();
}

bool FilterText::accepts(const google::protobuf::Message *message) const
{
    if (m_filter.empty())
        return true;
    if (!message)
        return false;
    if (message->GetDescriptor() != m_fields->messageType())
        return true;
    suanli::MatchContext context;
    if (m_nowSeconds)
        context.nowSeconds = m_nowSeconds();
    return m_filter.matches(*message, context);
}

void FilterText::setError(int position, const QString &message)
{
    if (position == m_errorPosition && message == m_errorMessage)
        return;
    m_errorPosition = position;
    m_errorMessage = message;
    Q_EMIT errorChanged();
}

} // namespace suanli::app
