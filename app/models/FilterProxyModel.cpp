#include "models/FilterProxyModel.h"

#include "models/ModelRoles.h"

namespace suanli::app {

FilterProxyModel::FilterProxyModel(const suanli::FieldSet &fields, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_fields(&fields)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

FilterProxyModel::~FilterProxyModel() = default;

void FilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;

    const QByteArray utf8 = text.toUtf8();
    suanli::FilterError error;
    std::optional<suanli::Filter> parsed = suanli::Filter::parse(
        std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), *m_fields,
        &error);
    if (parsed) {
        m_filter = std::move(*parsed);
        invalidateFilter();
        Q_EMIT filterTextChanged(m_filterText);
        setError(-1, {});
    } else {
        // The parser counts UTF-8 bytes; the line edit counts UTF-16 code units.
        const int bytes = std::clamp(error.position, 0, static_cast<int>(utf8.size()));
        const int position = static_cast<int>(QString::fromUtf8(utf8.left(bytes)).size());
        Q_EMIT filterTextChanged(m_filterText);
        setError(position, QString::fromStdString(error.message));
    }
}

void FilterProxyModel::setError(int position, const QString &message)
{
    if (position == m_errorPosition && message == m_errorMessage)
        return;
    m_errorPosition = position;
    m_errorMessage = message;
    Q_EMIT filterErrorChanged();
}

bool FilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.empty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto *message = index.data(MessageRole).value<const google::protobuf::Message *>();
    if (!message)
        return false;
    if (message->GetDescriptor() != m_fields->messageType())
        return true;
    return m_filter.matches(*message);
}

bool FilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    // No value (no telemetry) goes last whichever way the column is sorted.
    if (l.isValid() != r.isValid())
        return sortOrder() == Qt::AscendingOrder ? !r.isValid() : !l.isValid();
    if (l.isValid() && l.typeId() == QMetaType::QString && r.typeId() == QMetaType::QString) {
        const int order = isSortLocaleAware()
            ? QString::localeAwareCompare(l.toString(), r.toString())
            : QString::compare(l.toString(), r.toString(), sortCaseSensitivity());
        if (order != 0)
            return order < 0;
    } else if (l.isValid()) {
        const QPartialOrdering order = QVariant::compare(l, r);
        if (order == QPartialOrdering::Less)
            return true;
        if (order == QPartialOrdering::Greater)
            return false;
    }
    // Ties by key, so equal values keep one order however rows arrived.
    return left.data(KeyRole).toString() < right.data(KeyRole).toString();
}

} // namespace suanli::app
