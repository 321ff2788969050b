#include "app/pages/FilterBar.h"

#include "app/models/FilterText.h"
#include "widgets/Palette.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <chrono>

namespace suanli::app {

FilterBar::FilterBar(FilterText *filter, const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
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
    const auto error = widgets::Palette::message(widgets::SeverityColour::Critical);
    m_error->setStyleSheet(
        QStringLiteral("color: %1; background: %2; border-radius: 3px; padding: 2px 6px;")
            .arg(error.text.name(), error.background.name()));
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

    m_typing.setSingleShot(true);
    m_typing.setInterval(std::chrono::milliseconds(250));
    connect(&m_typing, &QTimer::timeout, this, &FilterBar::apply);
    connect(m_edit, &QLineEdit::textEdited, &m_typing, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        apply();
        Q_EMIT submitted();
    });
    connect(m_filter, &FilterText::errorChanged, this, [this] {
        m_error->setVisible(m_filter->hasError());
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
    apply();
}

void FilterBar::apply()
{
    m_typing.stop();
    m_filter->setText(m_edit->text());
}

bool FilterBar::hasError() const
{
    return m_filter->hasError();
}

QString FilterBar::errorText() const
{
    if (!m_filter->hasError())
        return {};
    return tr("Position %1: %2").arg(m_filter->errorPosition() + 1).arg(m_filter->errorMessage());
}

} // namespace suanli::app
