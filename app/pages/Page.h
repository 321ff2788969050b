#pragma once

#include <QWidget>
#include <functional>

namespace suanli::app {

// Page is one page of the console's window: its title in the sidebar with a badge beside it (a
// count that wants attention), its columns, filters and splitters kept across runs, and the lines
// it has for the notification bar.
class Page : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)
public:
    ~Page() override;

    // The page's name in the sidebar.
    virtual QString title() const = 0;
    // The count shown beside the title; 0 shows none.
    int badge() const { return m_badge; }

    // Keep the page's columns, filters and splitters under the settings, and bring them back;
    // a page with nothing to keep does nothing.
    virtual void saveState() const;
    virtual void restoreState();

Q_SIGNALS:
    void badgeChanged(int count);
    // An action or export finished: a line for the notification bar, whether it failed, and
    // the details behind it (the gateway's status).
    void notify(const QString &message, bool failed, const QString &details);
    // An action done, with the one that undoes it for the notification bar: "Held 1007711"
    // and "Release".
    void offer(const QString &message, const QString &actionText, std::function<void()> action);

protected:
    explicit Page(QWidget *parent = nullptr);
    // Emits badgeChanged() when the count differs from the one shown.
    void setBadge(int count);

private:
    int m_badge = 0;
};

} // namespace suanli::app
