#include "app/dialogs/TextLimitHint.h"

#include <QLineEdit>
#include <QPlainTextEdit>

namespace suanli::app {

TextLimitHint::TextLimitHint(QLineEdit *field, TextLimit limit, QWidget *parent)
    : QLabel(parent)
    , m_limit(limit)
{
    // A UTF-16 unit is at least one byte of UTF-8: this cap never refuses a text that fits,
    // and keeps a pasted book out of the field.
    field->setMaxLength(int(limit.maxBytes));
    connect(field, &QLineEdit::textChanged, this, &TextLimitHint::measure);
    measure(field->text());
}

TextLimitHint::TextLimitHint(QPlainTextEdit *field, TextLimit limit, QWidget *parent)
    : QLabel(parent)
    , m_limit(limit)
{
    connect(field, &QPlainTextEdit::textChanged, this,
        [this, field] { measure(field->toPlainText()); });
    measure(field->toPlainText());
}

QString TextLimitHint::describe(const TextRoom &room)
{
    if (!room.fits)
        return tr("%n character(s) too many", nullptr, int(room.characters));
    if (room.characters >= kShownBelow)
        return {};
    return tr("%n character(s) left", nullptr, int(room.characters));
}

void TextLimitHint::measure(const QString &text)
{
    const QString sent = text.trimmed();
    m_room = textRoom(
        std::u16string_view(reinterpret_cast<const char16_t *>(sent.utf16()), size_t(sent.size())),
        m_limit);
    const QString words = describe(m_room);
    setText(words);
    setVisible(!words.isEmpty());
    Q_EMIT measured();
}

} // namespace suanli::app
