#include "app/dialogs/ProfilesDialog.h"

#include "app/Federation.h"
#include "app/dialogs/ConnectDialog.h"
#include "client/Connection.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace suanli::app {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
// True for a centre connected without being saved (the demo's): shown, never changed here.
constexpr int kReadOnlyRole = Qt::UserRole + 2;
} // namespace

ProfilesDialog::ProfilesDialog(Federation *federation, QWidget *parent)
    : QDialog(parent)
    , m_federation(federation)
    , m_list(new QListWidget(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Remove…"), this))
    , m_connect(new QPushButton(tr("C&onnect"), this))
    , m_disconnect(new QPushButton(tr("&Disconnect"), this))
    , m_readOnly(new QLabel(this))
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
    m_readOnly->setObjectName(QStringLiteral("ReadOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->hide();
    layout->addWidget(m_readOnly);
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
    connect(m_federation, &Federation::profilesChanged, this, &ProfilesDialog::reload);
    connect(m_federation, &Federation::centreAdded, this, &ProfilesDialog::reload);
    connect(m_federation, &Federation::centreRemoved, this, &ProfilesDialog::reload);
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
    for (const auto &p : m_federation->profiles()) {
        const bool connected = m_federation->centre(p.name) != nullptr;
        auto *item = new QListWidgetItem(
            tr("%1 — %2 (%3)")
                .arg(p.name, p.address, connected ? tr("connected") : tr("not connected")),
            m_list);
        item->setData(kNameRole, p.name);
        if (p.name == selected || (selected.isEmpty() && m_list->count() == 1))
            m_list->setCurrentItem(item);
    }
    // Centres connected but not saved on this computer (those of `suanli --demo`): listed so
    // the list matches the sidebar, but there is nothing here to edit, remove or connect again.
    QStringList saved;
    for (const auto &p : m_federation->profiles())
        saved.append(p.name);
    for (client::Connection *centre : m_federation->centres()) {
        const auto &p = centre->profile();
        if (saved.contains(p.name))
            continue;
        auto *item = new QListWidgetItem(
            tr("%1 — %2 (connected for this session only; read only)").arg(p.name, p.address),
            m_list);
        item->setData(kNameRole, p.name);
        item->setData(kReadOnlyRole, true);
        item->setToolTip(tr("A simulated centre of this demo: it is not saved on this computer "
                            "and stops when the console quits, so it cannot be edited, removed "
                            "or disconnected here."));
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
        if (p.name == selected)
            m_list->setCurrentItem(item);
    }
    updateButtons();
}

void ProfilesDialog::updateButtons()
{
    const QString name = selectedName();
    const bool readOnly
        = m_list->currentItem() && m_list->currentItem()->data(kReadOnlyRole).toBool();
    const bool connected = !name.isEmpty() && m_federation->centre(name);
    m_edit->setEnabled(!name.isEmpty() && !readOnly);
    m_remove->setEnabled(!name.isEmpty() && !readOnly);
    m_connect->setEnabled(!name.isEmpty() && !connected && !readOnly);
    m_disconnect->setEnabled(connected && !readOnly);
    m_readOnly->setText(readOnly ? m_list->currentItem()->toolTip() : QString());
    m_readOnly->setVisible(readOnly);
}

void ProfilesDialog::addProfile()
{
    if (auto *centre = ConnectDialog::connectNew(m_federation, this))
        Q_EMIT centreAdded(centre);
}

void ProfilesDialog::editSelected()
{
    const QString name = selectedName();
    client::ConnectionProfile original;
    for (const auto &p : m_federation->profiles())
        if (p.name == name)
            original = p;
    if (original.name.isEmpty())
        return;
    ConnectDialog dialog(this);
    dialog.setTakenNames(m_federation->takenNames());
    dialog.setTokenStore(m_federation->profileStore());
    dialog.setProfile(original);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto edited = dialog.profile();
    const bool wasConnected = m_federation->centre(name) != nullptr;
    if (auto *centre = m_federation->centre(name))
        m_federation->removeCentre(centre);
    if (edited.name != name)
        m_federation->removeProfile(name);
    m_federation->saveProfile(edited);
    if (!wasConnected)
        return;
    // Connected again with what was saved: the token entered, or the one stored before.
    if (!edited.token.isEmpty())
        m_federation->addCentre(edited);
    else
        m_federation->connectSaved(edited.name);
}

void ProfilesDialog::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty()
        || !m_confirm(tr("Remove %1? Its pages close, and its saved address, trusted "
                         "certificate and token are deleted from this computer.")
                          .arg(name)))
        return;
    m_federation->removeProfile(name);
}

void ProfilesDialog::connectSelected()
{
    m_federation->connectSaved(selectedName());
}

void ProfilesDialog::disconnectSelected()
{
    if (auto *centre = m_federation->centre(selectedName()))
        m_federation->removeCentre(centre);
}

} // namespace suanli::app
