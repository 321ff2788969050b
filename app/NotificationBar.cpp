#include "app/NotificationBar.h"

#include "widgets/Palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QToolButton>

namespace suanli::app {

NotificationBar::NotificationBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_details(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("NotificationBar"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setText(tr("Details…"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
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
    m_text->setText(message);
    m_details->setVisible(!details.isEmpty());
    const QColor accent = widgets::Palette::severityColour(
        failed ? widgets::SeverityColour::Critical : widgets::SeverityColour::Ok,
        widgets::Palette::isDark());
    setStyleSheet(
        QStringLiteral("#NotificationBar { border: 1px solid %1; border-left: 4px solid %1; }")
            .arg(accent.name()));
    QFrame::show();
}

QString NotificationBar::message() const
{
    return m_text->text();
}

} // namespace suanli::app
