#include "app/pages/FilterBar.h"

#include "app/models/FilterText.h"
#include "widgets/Palette.h"

#include <QAbstractItemView>
#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <chrono>

namespace suanli::app {

FilterBar::FilterBar(FilterText *filter, const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(parent ? parent : this))
    , m_count(new QLabel(this))
{
    m_count->setObjectName(QStringLiteral("FilterCount"));
    m_count->setVisible(false);
    m_edit->setPlaceholderText(placeholder);
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Filter the rows: field:value, field>number, words to look for; "
                          "Ctrl+F to come here"));
    m_error->setObjectName(QStringLiteral("FilterError"));
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
    auto *line = new QHBoxLayout;
    line->addWidget(m_edit, 1);
    line->addWidget(m_count);
    layout->addLayout(line);
    // Without a page to lie over, the note takes its own line.
    if (!parent)
        layout->addWidget(m_error);

    auto *focus = new QAction(tr("&Filter the rows"), this);
    focus->setShortcut(QKeySequence::Find);
    // The page holds the shortcut for its window: Ctrl+F works from its table and from the
    // sidebar that opened it; only the page on show answers (a hidden page's shortcut sleeps).
    focus->setShortcutContext(Qt::WindowShortcut);
    connect(focus, &QAction::triggered, this, [this] {
        m_edit->setFocus(Qt::ShortcutFocusReason);
        m_edit->selectAll();
    });
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
        if (m_filter->hasError()) {
            const QString inForce = m_filter->textInForce();
            m_error->setText(errorText() + QLatin1Char('\n')
                + (inForce.isEmpty() ? tr("Every row is shown until the filter is corrected.")
                                     : tr("The rows shown are those of the last valid filter: %1")
                                           .arg(inForce)));
        }
        m_error->setVisible(m_filter->hasError());
        placeError();
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

QString FilterBar::settingsKey(const QString &centre, const QString &page)
{
    // A centre's name may hold '/', which QSettings reads as a group.
    return QStringLiteral("centres/") + QString::fromLatin1(centre.toUtf8().toPercentEncoding())
        + u'/' + page + QStringLiteral("/filter");
}

void FilterBar::clear()
{
    setText({});
}

void FilterBar::watchTable(
    QAbstractItemView *view, const QAbstractItemModel *all, const QString &noMatch)
{
    m_view = view;
    m_all = all;
    m_notice = new QWidget(view->viewport());
    m_notice->setObjectName(QStringLiteral("NoMatchNotice"));
    m_notice->setAutoFillBackground(true);
    auto *text = new QLabel(noMatch, m_notice);
    auto *clearButton = new QPushButton(tr("Clear"), m_notice);
    clearButton->setObjectName(QStringLiteral("ClearFilterButton"));
    clearButton->setToolTip(tr("Show every row again"));
    connect(clearButton, &QPushButton::clicked, this, &FilterBar::clear);
    auto *row = new QHBoxLayout(m_notice);
    row->addWidget(text);
    row->addWidget(clearButton);
    m_notice->hide();
    view->viewport()->installEventFilter(this);

    const QAbstractItemModel *shown = view->model();
    for (const QAbstractItemModel *model : { shown, all }) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &FilterBar::updateCount);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &FilterBar::updateCount);
        connect(model, &QAbstractItemModel::modelReset, this, &FilterBar::updateCount);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FilterBar::updateCount);
    }
    connect(m_filter, &FilterText::filterChanged, this, &FilterBar::updateCount);
    updateCount();
}

QString FilterBar::countText() const
{
    return m_count->isVisibleTo(this) ? m_count->text() : QString();
}

void FilterBar::updateCount()
{
    if (!m_view)
        return;
    const bool filtering = !m_filter->matchesAll();
    const int shown = m_view->model()->rowCount();
    const int all = m_all->rowCount();
    m_count->setText(tr("%1 of %2 match").arg(QLocale().toString(shown), QLocale().toString(all)));
    m_count->setVisible(filtering);
    const bool none = filtering && shown == 0 && all > 0;
    if (none != m_notice->isVisibleTo(m_view->viewport())) {
        m_notice->setVisible(none);
        placeNotice();
    }
}

void FilterBar::placeNotice()
{
    if (!m_notice || !m_notice->isVisibleTo(m_view->viewport()))
        return;
    m_notice->adjustSize();
    const QSize size = m_notice->sizeHint();
    const int width = m_view->viewport()->width();
    m_notice->setGeometry(std::max(0, (width - size.width()) / 2), size.height(),
        std::min(size.width(), width), size.height());
    m_notice->raise();
}

void FilterBar::placeError()
{
    if (m_error->parentWidget() == this || !m_error->isVisibleTo(m_error->parentWidget()))
        return;
    const QPoint below = mapTo(m_error->parentWidget(), m_edit->geometry().bottomLeft());
    const int width = m_edit->width();
    m_error->setGeometry(below.x(), below.y() + 2, width, m_error->heightForWidth(width));
    m_error->raise();
}

bool FilterBar::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::LayoutRequest:
        placeError();
        break;
    case QEvent::Hide:
        m_error->setVisible(false);
        break;
    case QEvent::Show:
        m_error->setVisible(m_filter->hasError());
        placeError();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (m_view && watched == m_view->viewport() && event->type() == QEvent::Resize)
        placeNotice();
    return QWidget::eventFilter(watched, event);
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
