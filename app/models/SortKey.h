#pragma once

#include <QCollator>
#include <QString>
#include <QVariant>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>

namespace suanli::app {

// SortKey is a cell's sort value (SortRole) reduced to what ordering needs: a number, a text or
// nothing (no telemetry). Numbers sort before texts, so a column of scheduler ids that are mostly
// numbers ("99" before "100") keeps its texts ("4512_7") together after them. Texts compare as
// the collator's language orders them (Chinese names by their pinyin in a Chinese console), with
// the collation key made once, when the value is read; texts the collator holds equal, and texts
// without a collator, by their UTF-16 code units, case-sensitively.
class SortKey {
public:
    SortKey() = default;
    SortKey(SortKey &&) noexcept = default;
    SortKey &operator=(SortKey &&) noexcept = default;
    SortKey(const SortKey &other)
        : m_number(other.m_number)
        , m_text(other.m_text ? std::make_unique<TextKey>(*other.m_text) : nullptr)
        , m_kind(other.m_kind)
    {
    }
    SortKey &operator=(const SortKey &other)
    {
        if (this != &other)
            *this = SortKey(other);
        return *this;
    }

    static SortKey of(const QVariant &value, const QCollator *collator = nullptr)
    {
        SortKey key;
        if (!value.isValid())
            return key;
        if (value.typeId() == QMetaType::QString) {
            key.setText(value.toString(), collator);
        } else if (bool ok = false; (key.m_number = value.toDouble(&ok)), ok) {
            key.m_kind = Number;
        } else {
            key.setText(value.toString(), collator);
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
        if (m_kind == Text) {
            if (m_text->collated && other.m_text->collated) {
                if (const int order = m_text->collated->compare(*other.m_text->collated);
                    order != 0)
                    return order < 0 ? -1 : 1;
            }
            return QString::compare(m_text->text, other.m_text->text, Qt::CaseSensitive);
        }
        return 0;
    }

    friend bool operator==(const SortKey &a, const SortKey &b) { return a.compare(b) == 0; }

private:
    enum Kind : quint8 { Number, Text, Missing };

    void setText(QString text, const QCollator *collator)
    {
        m_text = std::make_unique<TextKey>();
        m_text->text = std::move(text);
        m_kind = Text;
        if (collator)
            m_text->collated = collator->sortKey(m_text->text);
    }

    struct TextKey {
        QString text;
        std::optional<QCollatorSortKey> collated;
    };

    // A table keeps one key per row (200,000 for a centre's jobs, mostly numbers): a text's
    // parts live apart, so a number's key is 24 bytes.
    double m_number = std::numeric_limits<double>::quiet_NaN();
    std::unique_ptr<TextKey> m_text; // set when m_kind is Text
    Kind m_kind = Missing;
};

} // namespace suanli::app
