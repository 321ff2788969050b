#include "pages/FilterBar.h"

#include "models/FilterProxyModel.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace suanli::app {

FilterBar::FilterBar(FilterProxyModel *proxy, const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    m_edit->setPlaceholderText(placeholder);
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Filter the rows: field:value, field>number, words to look for; "
                          "Ctrl+F to come here"));
    m_error->setVisible(false);
    m_error->setWordWrap(true);
    // The same red note as the nodes page's filter.
    m_error->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b3261e; "
                                          "border-radius: 3px; padding: 2px 6px;"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);

    auto *focus = new QAction(this);
    focus->setShortcut(QKeySequence::Find);
    focus->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focus, &QAction::triggered, this, [this] {
        m_edit->setFocus(Qt::ShortcutFocusReason);
        m_edit->selectAll();
    });
    // The page holds the shortcut, so Ctrl+F works from its table too.
    if (parent)
        parent->addAction(focus);

    connect(m_edit, &QLineEdit::textChanged, m_proxy, &FilterProxyModel::setFilterText);
    connect(m_edit, &QLineEdit::returnPressed, this, &FilterBar::submitted);
    connect(m_proxy, &FilterProxyModel::filterErrorChanged, this, [this] {
        m_error->setVisible(m_proxy->hasFilterError());
        m_error->setText(errorText());
    });
}

QString FilterBar::text() const
{
    return m_edit->text();
}

void FilterBar::setText(const QString &text)
{
    m_edit->setText(text);
}

bool FilterBar::hasError() const
{
    return m_proxy->hasFilterError();
}

QString FilterBar::errorText() const
{
    if (!m_proxy->hasFilterError())
        return {};
    return tr("Position %1: %2").arg(m_proxy->errorPosition() + 1).arg(m_proxy->errorMessage());
}

} // namespace suanli::app
