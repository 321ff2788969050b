#pragma once

#include <QString>
#include <QVariant>
#include <cmath>
#include <limits>

namespace suanli::app {

// SortKey is a cell's sort value (SortRole) reduced to what ordering needs: a number, a text or
// nothing (no telemetry). Numbers sort before texts, so a column of scheduler ids that are mostly
// numbers ("99" before "100") keeps its texts ("4512_7") together after them. Texts compare by
// their UTF-16 code units, case-sensitively.
class SortKey {
public:
    SortKey() = default;

    static SortKey of(const QVariant &value)
    {
        SortKey key;
        if (!value.isValid())
            return key;
        if (value.typeId() == QMetaType::QString) {
            key.m_text = value.toString();
            key.m_kind = Text;
        } else if (bool ok = false; (key.m_number = value.toDouble(&ok)), ok) {
            key.m_kind = Number;
        } else {
            key.m_text = value.toString();
            key.m_kind = Text;
        }
        return key;
    }

    // No value: such rows go last whichever way a column is sorted.
    bool isMissing() const { return m_kind == Missing; }

    // Negative, zero or positive as this key sorts before, with or after other in ascending
    // order; a missing key sorts after every value.
    int compare(const SortKey &other) const
    {
        if (m_kind != other.m_kind)
            return m_kind < other.m_kind ? -1 : 1;
        if (m_kind == Number)
            return m_number < other.m_number ? -1 : (other.m_number < m_number ? 1 : 0);
        if (m_kind == Text)
            return QString::compare(m_text, other.m_text, Qt::CaseSensitive);
        return 0;
    }

    friend bool operator==(const SortKey &a, const SortKey &b) { return a.compare(b) == 0; }

private:
    enum Kind : quint8 { Number, Text, Missing };

    QString m_text;
    double m_number = std::numeric_limits<double>::quiet_NaN();
    Kind m_kind = Missing;
};

} // namespace suanli::app
