#include "app/NotificationBar.h"

#include "widgets/Palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QToolButton>

namespace suanli::app {

NotificationBar::NotificationBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QToolButton(this))
    , m_details(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("NotificationBar"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("NotificationText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setObjectName(QStringLiteral("NotificationAction"));
    m_action->hide();
    m_details->setText(tr("Details…"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text);
    layout->addWidget(m_action);
    layout->addStretch(1);
    layout->addWidget(m_details);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_action, &QToolButton::clicked, this, [this] {
        // Once: the button goes before the action runs, so a second click cannot repeat it.
        const auto action = std::exchange(m_offered, {});
        m_action->hide();
        if (action)
            action();
    });
    connect(m_details, &QToolButton::clicked, this, [this] {
        QMessageBox box(m_failed ? QMessageBox::Warning : QMessageBox::Information, tr("Details"),
            m_text->text(), QMessageBox::Close, this);
        box.setDetailedText(m_detailText);
        box.exec();
    });
    hide();
}

void NotificationBar::show(const QString &message, bool failed, const QString &details)
{
    m_failed = failed;
    m_detailText = details;
    m_offered = {};
    m_action->hide();
    m_text->setText(message);
    m_details->setVisible(!details.isEmpty());
    applyColours();
    QFrame::show();
}

void NotificationBar::offer(
    const QString &message, const QString &actionText, std::function<void()> action)
{
    show(message, false);
    m_offered = std::move(action);
    m_action->setText(actionText);
    m_action->show();
}

QString NotificationBar::message() const
{
    return m_text->text();
}

QToolButton *NotificationBar::actionButton() const
{
    return m_action->isHidden() ? nullptr : m_action;
}

void NotificationBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A theme chosen while the line is shown.
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void NotificationBar::applyColours()
{
    const auto colours = widgets::Palette::message(
        m_failed ? widgets::SeverityColour::Critical : widgets::SeverityColour::Ok,
        widgets::Palette::isDark());
    const QString sheet
        = QStringLiteral("#NotificationBar { background: %1; border: 1px solid %3; "
                         "border-left: 4px solid %3; }"
                         " #NotificationText { color: %2; }")
              .arg(colours.background.name(), colours.text.name(), colours.accent.name());
    // Setting a style sheet changes the palette: only when the colours differ.
    if (styleSheet() != sheet)
        setStyleSheet(sheet);
}

} // namespace suanli::app
