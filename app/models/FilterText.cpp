#include "app/models/FilterText.h"

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
        m_textInForce = text;
        Q_EMIT filterChanged();
        setError(-1, {});
    } else {
        // The parser counts UTF-8 bytes; the line edit counts UTF-16 code units.
        const int bytes = std::clamp(error.position, 0, static_cast<int>(utf8.size()));
        const int position = static_cast<int>(QString::fromUtf8(utf8.left(bytes)).size());
        setError(position, describe(error));
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

QString FilterText::describe(const suanli::FilterError &error)
{
    using Code = suanli::FilterError::Code;
    QStringList args;
    for (const std::string &arg : error.args)
        args.append(QString::fromStdString(arg));
    const auto arg = [&args](qsizetype i) { return i < args.size() ? args.at(i) : QString(); };
    switch (error.code) {
    case Code::NegationWithoutTerm:
        return tr("\"-\" must be followed by a term to exclude, e.g. -state:down");
    case Code::MissingFieldName:
        return tr("missing field name before \"%1\", e.g. state:idle").arg(arg(0));
    case Code::UnknownField:
        return tr("unknown field \"%1\" for %2 (known: %3)").arg(arg(0), arg(1), arg(2));
    case Code::BangOperator:
        return tr("unknown operator \"!\": use \"!=\", or \"-\" before a term to exclude it");
    case Code::TextCompared:
        return tr("%1 is text and cannot be compared with \"%2\": use \":\" (contains), \"=\" "
                  "or \"!=\"")
            .arg(arg(0), arg(1));
    case Code::KeywordCompared:
        return tr("%1 cannot be compared with \"%2\": use \":\", \"=\" or \"!=\", e.g. %1:%3")
            .arg(arg(0), arg(1), arg(2));
    case Code::UnterminatedQuote:
        return tr("unterminated quote: add a closing \"");
    case Code::NothingAfterQuote:
        return tr("expected a space or \",\" after the closing quote");
    case Code::EmptyAfterComma:
        return tr("empty value after \",\"");
    case Code::EmptyValue:
        return tr("empty value");
    case Code::MissingValue:
        return tr("%1 needs a value after \"%2\", e.g. %1%2%3").arg(arg(0), arg(1), arg(2));
    case Code::NotANumber:
        return tr("%1 expects a number, got \"%2\"").arg(arg(0), arg(1));
    case Code::NotADuration:
        return tr("%1 expects seconds or a duration like 90m, 2h or 3d, got \"%2\"")
            .arg(arg(0), arg(1));
    case Code::NotADate:
        return tr("%1 expects a UTC date like 2024-05-01 or 2024-05-01T08:00:00Z, got \"%2\"")
            .arg(arg(0), arg(1));
    case Code::NotABool:
        return tr("%1 expects true or false (or yes/no), got \"%2\"").arg(arg(0), arg(1));
    case Code::UnknownValue:
        return tr("unknown %1 \"%2\" for %3 (known: %4)").arg(arg(0), arg(1), arg(2), arg(3));
    case Code::Other:
        break;
    }
    return QString::fromStdString(error.message);
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
