#pragma once

#include "common/RequestLimits.h"

#include <QLabel>

class QLineEdit;
class QPlainTextEdit;

namespace suanli::app {

// TextLimitHint sits under a text field the gateway limits (a reason, a comment, a
// justification) and measures it as the gateway does, in bytes of UTF-8 where a Chinese
// character counts three: near the limit it says how many more characters fit, past it how
// many must go, and fits() tells the dialog whether to let the user send it.
class TextLimitHint : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextLimitHint)
public:
    TextLimitHint(QLineEdit *field, TextLimit limit, QWidget *parent);
    TextLimitHint(QPlainTextEdit *field, TextLimit limit, QWidget *parent);

    // True when the field's text, trimmed as it is sent, is within the limit.
    bool fits() const { return m_room.fits; }

    // The words for a text's room: "12 characters left", "9 characters too many"; empty while
    // more than kShownBelow characters still fit.
    static QString describe(const TextRoom &room);
    static constexpr size_t kShownBelow = 100;

Q_SIGNALS:
    // The text was measured again (after every edit).
    void measured();

private:
    void measure(const QString &text);

    TextLimit m_limit;
    TextRoom m_room;
};

} // namespace suanli::app
