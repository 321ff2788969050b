#pragma once

#include "common/FieldSet.h"
#include "common/Filter.h"

#include <QObject>
#include <QString>
#include <functional>

namespace suanli::app {

// FilterText is the filter a person typed in the filter language suanlictl and the gateway
// speak ("state:drained util<10"), for one collection's objects: the text, the filter in force,
// and where and why the text is wrong. A wrong text leaves the last valid filter in force, so
// the rows don't flicker while someone is typing. The proxies of app/models each own one.
class FilterText : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterText)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(int errorPosition READ errorPosition NOTIFY errorChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorChanged)
public:
    // fields: the FieldSet of the collection's objects (nodeFields(), jobFields()...).
    explicit FilterText(const suanli::FieldSet &fields, QObject *parent = nullptr);
    ~FilterText() override;

    const suanli::FieldSet &fieldSet() const { return *m_fields; }

    QString text() const { return m_text; }
    // The text of the filter in force: text() when it is valid, else the last valid one.
    QString textInForce() const { return m_textInForce; }
    // Parses the text; if it is invalid, the last valid filter stays in force and
    // errorPosition()/errorMessage() say what is wrong.
    void setText(const QString &text);

    // Where "now" comes from for terms like age>1h: the centre's clock (SiteState::nowSeconds)
    // rather than this machine's, which a simulated centre runs ahead of.
    // The rows are chosen again when a filter is in force.
    void setClock(std::function<qint64()> nowSeconds);

    // True when the filter in force lets every object through.
    bool matchesAll() const { return m_filter.empty(); }
    // Whether an object passes: objects of another type than the FieldSet's (a tenant's
    // projects under their tenant) pass, a missing object does not.
    bool accepts(const google::protobuf::Message *message) const;

    bool hasError() const { return m_errorPosition >= 0; }
    // Index in text() of the mistake, for the cursor; -1 when the text is valid.
    int errorPosition() const { return m_errorPosition; }
    // What is wrong, for a person; empty when the text is valid.
    QString errorMessage() const { return m_errorMessage; }

Q_SIGNALS:
    void textChanged(const QString &text);
    // The filter in force changed: the rows to show must be chosen again.
    void filterChanged();
    void errorChanged();

private:
    // What is wrong, in the console's language.
    static QString describe(const suanli::FilterError &error);
    void setError(int position, const QString &message);

    const suanli::FieldSet *m_fields;
    QString m_text;
    QString m_textInForce;
    suanli::Filter m_filter;
    int m_errorPosition = -1;
    QString m_errorMessage;
    std::function<qint64()> m_nowSeconds;
};

} // namespace suanli::app
