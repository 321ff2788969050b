#include "dialogs/ProfilesDialog.h"

#include "Connection.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "dialogs/ConnectDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace suanli::app {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
} // namespace

ProfilesDialog::ProfilesDialog(MainWindow *window, QWidget *parent)
    : QDialog(parent)
    , m_window(window)
    , m_list(new QListWidget(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_connect(new QPushButton(tr("C&onnect"), this))
    , m_disconnect(new QPushButton(tr("&Disconnect"), this))
{
    setWindowTitle(tr("Centres"));
    setObjectName(QStringLiteral("ProfilesDialog"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Remove centre"), question) == QMessageBox::Yes;
    };
    auto *add = new QPushButton(tr("&Add…"), this);
    auto *buttons = new QVBoxLayout;
    for (auto *b : { add, m_edit, m_remove, m_connect, m_disconnect })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);
    resize(fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 20);

    connect(add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfilesDialog::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeSelected);
    connect(m_connect, &QPushButton::clicked, this, &ProfilesDialog::connectSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &ProfilesDialog::disconnectSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ProfilesDialog::editSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::updateButtons);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

void ProfilesDialog::setConfirm(std::function<bool(const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

QString ProfilesDialog::selectedName() const
{
    auto *item = m_list->currentItem();
    return item ? item->data(kNameRole).toString() : QString();
}

void ProfilesDialog::reload()
{
    const QString selected = selectedName();
    m_list->clear();
    for (const auto &p : m_window->profileStore()->profiles()) {
        const bool connected = m_window->centre(p.name) != nullptr;
        auto *item = new QListWidgetItem(
            tr("%1 — %2 (%3)")
                .arg(p.name, p.address, connected ? tr("connected") : tr("not connected")),
            m_list);
        item->setData(kNameRole, p.name);
        if (p.name == selected || (selected.isEmpty() && m_list->count() == 1))
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

void ProfilesDialog::updateButtons()
{
    const QString name = selectedName();
    const bool connected = !name.isEmpty() && m_window->centre(name);
    m_edit->setEnabled(!name.isEmpty());
    m_remove->setEnabled(!name.isEmpty());
    m_connect->setEnabled(!name.isEmpty() && !connected);
    m_disconnect->setEnabled(connected);
}

void ProfilesDialog::addProfile()
{
    m_window->openConnectDialog();
    reload();
}

void ProfilesDialog::editSelected()
{
    const QString name = selectedName();
    client::ConnectionProfile original;
    for (const auto &p : m_window->profileStore()->profiles())
        if (p.name == name)
            original = p;
    if (original.name.isEmpty())
        return;
    ConnectDialog dialog(this);
    QStringList taken;
    for (const auto &p : m_window->profileStore()->profiles())
        taken.append(p.name);
    dialog.setTakenNames(taken);
    dialog.setProfile(original);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto *store = m_window->profileStore();
    auto edited = dialog.profile();
    const bool wasConnected = m_window->centre(name) != nullptr;
    if (auto *centre = m_window->centre(name))
        m_window->removeCentre(centre);
    if (edited.name != name)
        store->remove(name);
    store->save(edited);
    if (wasConnected) {
        QPointer<MainWindow> window = m_window;
        store->readToken(
            edited.name, [window, edited](const QString &token, const QString &) mutable {
                if (!window)
                    return;
                if (edited.token.isEmpty())
                    edited.token = token;
                window->addCentre(edited);
            });
    }
    reload();
}

void ProfilesDialog::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty()
        || !m_confirm(tr("Remove %1? Its pages close, and its saved address, trusted "
                         "certificate and token are deleted from this computer.")
                          .arg(name)))
        return;
    if (auto *centre = m_window->centre(name))
        m_window->removeCentre(centre);
    m_window->profileStore()->remove(name);
    reload();
}

void ProfilesDialog::connectSelected()
{
    const QString name = selectedName();
    for (const auto &p : m_window->profileStore()->profiles()) {
        if (p.name != name || m_window->centre(name))
            continue;
        QPointer<MainWindow> window = m_window;
        QPointer<ProfilesDialog> self = this;
        m_window->profileStore()->readToken(
            name, [window, self, profile = p](const QString &token, const QString &error) mutable {
                if (!window)
                    return;
                if (token.isEmpty())
                    window->notify(error, true);
                profile.token = token;
                window->addCentre(profile);
                if (self)
                    self->reload();
            });
    }
}

void ProfilesDialog::disconnectSelected()
{
    if (auto *centre = m_window->centre(selectedName()))
        m_window->removeCentre(centre);
    reload();
}

} // namespace suanli::app
