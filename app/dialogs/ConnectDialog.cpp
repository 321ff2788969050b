#include "app/dialogs/ConnectDialog.h"

#include "app/Federation.h"
#include "app/ProfileStore.h"
#include "app/models/Words.h"
#include "client/TlsProbe.h"
#include "client/TokenCheck.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QVBoxLayout>

namespace suanli::app {

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_useCaFile(new QRadioButton(tr("CA certificate file"), this))
    , m_useFingerprint(new QRadioButton(tr("CA fingerprint (SHA-256)"), this))
    , m_useFirstUse(new QRadioButton(tr("Trust on first use"), this))
    , m_trustGroup(new QButtonGroup(this))
    , m_caFile(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_fingerprint(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_testResult(new QLabel(this))
    , m_tokenStorage(new QLabel(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_probe(new client::TlsProbe(this))
    , m_tokenCheck(new client::TokenCheck(this))
{
    setWindowTitle(tr("Connect to a centre"));
    setObjectName(QStringLiteral("ConnectDialog"));
    m_name->setPlaceholderText(tr("e.g. Shanghai Lingang"));
    m_address->setPlaceholderText(tr("host:port, e.g. gateway.lingang.example:7443"));
    m_caFile->setPlaceholderText(tr("ca.pem from the centre's operators"));
    m_fingerprint->setPlaceholderText(tr("AB:CD:… as suanlid prints it"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("the token `suanlid user add` printed"));
    m_trustGroup->addButton(m_useCaFile, int(Trust::CaFile));
    m_trustGroup->addButton(m_useFingerprint, int(Trust::Fingerprint));
    m_trustGroup->addButton(m_useFirstUse, int(Trust::FirstUse));
    m_useCaFile->setChecked(true);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setObjectName(QStringLiteral("TestResult"));
    m_tokenStorage->setObjectName(QStringLiteral("TokenStorage"));
    m_tokenStorage->setWordWrap(true);
    m_tokenStorage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tokenStorage->hide();
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("ValidationMessage"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    auto *trustBox = new QVBoxLayout;
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    trustBox->addWidget(m_useCaFile);
    trustBox->addLayout(caRow);
    trustBox->addWidget(m_useFingerprint);
    trustBox->addWidget(m_fingerprint);
    trustBox->addWidget(m_useFirstUse);
    form->addRow(tr("Trust:"), trustBox);
    form->addRow(tr("T&oken:"), m_token);
    form->addRow(QString(), m_tokenStorage);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);

    for (auto *edit : { m_name, m_address, m_caFile, m_fingerprint, m_token })
        connect(edit, &QLineEdit::textChanged, this, &ConnectDialog::updateState);
    connect(m_trustGroup, &QButtonGroup::idToggled, this, &ConnectDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("The centre's CA certificate"),
            m_caFile->text(), tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectDialog::testConnection);
    connect(
        m_probe, &client::TlsProbe::finished, this, [this](const client::TlsProbe::Result &result) {
            probed(result.presented ? result.ca().toPem() : QByteArray(),
                result.presented ? client::TlsProbe::fingerprint(result.ca()) : QString(),
                result.error);
        });
    connect(m_tokenCheck, &client::TokenCheck::finished, this,
        [this](const client::TokenCheck::Result &result) {
            QString outcome;
            if (result.ok) {
                const auto &user = result.identity.user();
                QString who = tr("%1, %2").arg(
                    QString::fromStdString(user.name()), Words::role(user.role()));
                if (user.role() == v1::ROLE_TENANT_MANAGER && user.tenants_size() > 0) {
                    QStringList tenants;
                    for (const std::string &t : user.tenants())
                        tenants.append(QString::fromStdString(t));
                    who = tr("%1, %2 of %3")
                              .arg(QString::fromStdString(user.name()), Words::role(user.role()),
                                  Words::list(tenants));
                }
                outcome = tr("The token is accepted: the console would act as %1 at %2.")
                              .arg(who, QString::fromStdString(result.identity.site()));
            } else if (result.refused) {
                outcome = tr("The gateway refuses the token (%1): ask the centre's admin for a "
                             "new one (`suanlid token create`).")
                              .arg(result.error);
            } else {
                outcome = tr("The token could not be checked: %1.").arg(result.error);
            }
            finishTest(result.ok, m_probeOutcome + u' ' + outcome);
        });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

client::Connection *ConnectDialog::connectNew(Federation *federation, QWidget *parent)
{
    ConnectDialog dialog(parent);
    dialog.setTakenNames(federation->takenNames());
    dialog.setTokenStore(federation->profileStore());
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    const auto profile = dialog.profile();
    // A centre already connected is refused (the federation says which one it repeats), and
    // not saved a second time under another name.
    if (!federation->duplicateOf(profile))
        federation->saveProfile(profile);
    return federation->addCentre(profile);
}

void ConnectDialog::setTakenNames(const QStringList &names)
{
    m_taken = names;
    updateState();
}

void ConnectDialog::setProfile(const client::ConnectionProfile &profile)
{
    m_editing = profile.name;
    m_original = profile;
    setWindowTitle(tr("Edit %1").arg(profile.name));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_name->setText(profile.name);
    m_address->setText(profile.address);
    m_fingerprint->setText(profile.caFingerprint);
    setTrust(profile.caFingerprint.isEmpty() ? Trust::FirstUse : Trust::Fingerprint);
    m_token->clear();
    m_token->setPlaceholderText(tr("stored — leave empty to keep it"));
    updateState();
}

void ConnectDialog::setTrust(Trust trust)
{
    m_trustGroup->button(int(trust))->setChecked(true);
}

ConnectDialog::Trust ConnectDialog::trust() const
{
    return Trust(m_trustGroup->checkedId());
}

bool ConnectDialog::keepsStoredToken() const
{
    return !m_editing.isEmpty() && m_token->text().trimmed().isEmpty();
}

QString ConnectDialog::normaliseFingerprint(const QString &text)
{
    QString hex = text.trimmed().toUpper();
    if (hex.startsWith(QStringLiteral("SHA256:")) || hex.startsWith(QStringLiteral("SHA-256:")))
        hex = hex.section(u':', 1, -1);
    hex.remove(QRegularExpression(QStringLiteral("[\\s:]")));
    static const QRegularExpression valid(QStringLiteral("^[0-9A-F]{64}$"));
    if (!valid.match(hex).hasMatch())
        return {};
    QStringList pairs;
    for (int i = 0; i < hex.size(); i += 2)
        pairs.append(hex.mid(i, 2));
    return pairs.join(u':');
}

QByteArray ConnectDialog::readCaFile(QString *fingerprint, QString *error) const
{
    const QString path = m_caFile->text().trimmed();
    if (path.isEmpty()) {
        *error = tr("Choose the CA certificate file (ca.pem) the centre's operators gave you, or "
                    "pick another way to trust the centre.");
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the CA file %1: %2.").arg(path, file.errorString());
        return {};
    }
    const QByteArray pem = file.read(1 << 20);
    const auto certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = tr("%1 holds no PEM certificate: choose the ca.pem of the centre's gateway.")
                     .arg(path);
        return {};
    }
    *fingerprint = client::TlsProbe::fingerprint(certificates.last());
    return pem;
}

QString ConnectDialog::validate() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Give the centre a name, e.g. “Shanghai Lingang”.");
    if (name.contains(u'/'))
        return tr("The name may not contain “/”.");
    if (name != m_editing && m_taken.contains(name))
        return tr("A centre called “%1” is already saved: choose another name, or edit that one "
                  "under File → Manage centres.")
            .arg(name);
    QString host;
    quint16 port = 0;
    if (m_address->text().trimmed().isEmpty())
        return tr("Enter the gateway's address as host:port, e.g. gateway.lingang.example:7443.");
    if (!client::TlsProbe::splitAddress(m_address->text().trimmed(), &host, &port) || host.isEmpty()
        || port == 0)
        return tr("“%1” is not host:port: add the gateway's port, e.g. %2:7443.")
            .arg(m_address->text().trimmed(), host.isEmpty() ? m_address->text().trimmed() : host);
    switch (trust()) {
    case Trust::CaFile: {
        QString fingerprint, error;
        if (readCaFile(&fingerprint, &error).isEmpty())
            return error;
        break;
    }
    case Trust::Fingerprint:
        if (normaliseFingerprint(m_fingerprint->text()).isEmpty())
            return tr("The fingerprint must be the CA's SHA-256: 64 hexadecimal digits, with or "
                      "without colons, as suanlid prints it when it starts.");
        break;
    case Trust::FirstUse:
        break;
    }
    if (m_token->text().trimmed().isEmpty() && m_editing.isEmpty())
        return tr("Enter the access token the centre's admin gave you (`suanlid user add` prints "
                  "it).");
    if (m_token->text().trimmed().contains(QRegularExpression(QStringLiteral("\\s"))))
        return tr("The token contains spaces: paste it exactly as it was given.");
    return {};
}

client::ConnectionProfile ConnectDialog::profile() const
{
    client::ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.address = m_address->text().trimmed();
    p.token = m_token->text().trimmed();
    switch (trust()) {
    case Trust::CaFile: {
        QString error;
        p.caPem = readCaFile(&p.caFingerprint, &error);
        break;
    }
    case Trust::Fingerprint:
        p.caFingerprint = normaliseFingerprint(m_fingerprint->text());
        // The CA pinned before stays pinned while its fingerprint is unchanged.
        if (p.caFingerprint == m_original.caFingerprint)
            p.caPem = m_original.caPem;
        break;
    case Trust::FirstUse:
        break;
    }
    return p;
}

void ConnectDialog::updateState()
{
    m_caFile->setEnabled(trust() == Trust::CaFile);
    m_browse->setEnabled(trust() == Trust::CaFile);
    m_fingerprint->setEnabled(trust() == Trust::Fingerprint);
    const QString problem = validate();
    m_message->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    QString host;
    quint16 port = 0;
    m_test->setEnabled(!m_probe->running() && !m_tokenCheck->running()
        && client::TlsProbe::splitAddress(m_address->text().trimmed(), &host, &port));
}

void ConnectDialog::probed(
    const QByteArray &presentedCaPem, const QString &presented, const QString &error)
{
    const QString address = m_address->text().trimmed();
    if (presented.isEmpty()) {
        finishTest(false,
            tr("Cannot reach %1: %2. Check the address and that the centre's gateway (suanlid) is "
               "running.")
                .arg(address, error));
        return;
    }
    QString expected;
    if (trust() == Trust::CaFile) {
        QString caError;
        readCaFile(&expected, &caError);
    } else if (trust() == Trust::Fingerprint) {
        expected = normaliseFingerprint(m_fingerprint->text());
    }
    if (trust() == Trust::FirstUse) {
        // No token goes to a gateway before its CA is trusted.
        finishTest(true,
            tr("Reachable. The gateway presents a CA with fingerprint %1; you will be asked to "
               "trust it when connecting, and the token is checked then.")
                .arg(presented));
        return;
    }
    if (presented != expected) {
        finishTest(false,
            tr("The gateway presents a CA with fingerprint %1, not the expected %2. Check with the "
               "centre's operators before connecting.")
                .arg(presented, expected.isEmpty() ? tr("(none given)") : expected));
        return;
    }
    m_probeOutcome = tr("Reachable, and the gateway presents the expected CA (%1).").arg(presented);
    client::ConnectionProfile p = profile();
    if (p.token.isEmpty()) {
        finishTest(true,
            m_probeOutcome + u' '
                + (keepsStoredToken() ? tr("The stored token is kept; it is checked when "
                                           "connecting.")
                                      : tr("Enter the token to check it too.")));
        return;
    }
    // The token goes only to the gateway that presented the expected CA.
    p.caPem = presentedCaPem;
    m_testResult->setText(m_probeOutcome + u' ' + tr("Checking the token…"));
    m_tokenCheck->check(p);
}

void ConnectDialog::finishTest(bool ok, const QString &outcome)
{
    m_probeOutcome.clear();
    m_testResult->setText(outcome);
    updateState();
    Q_EMIT tested(ok, outcome);
}

void ConnectDialog::setTokenStore(ProfileStore *store)
{
    QPointer<ConnectDialog> self = this;
    store->probeKeychain([self](bool available, const QString &why) {
        if (!self)
            return;
        self->m_tokenStorage->setText(available
                ? QString()
                : tr("No system keychain answers (%1): the token will be kept in %2, which only "
                     "you can read.")
                      .arg(why, ProfileStore::tokenFilePath()));
        self->m_tokenStorage->setVisible(!available);
    });
}

void ConnectDialog::testConnection()
{
    m_test->setEnabled(false);
    m_testResult->setText(tr("Testing %1…").arg(m_address->text().trimmed()));
    m_probe->probe(m_address->text().trimmed(), 10000);
}

void ConnectDialog::accept()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_message->setText(problem);
        return;
    }
    QDialog::accept();
}

} // namespace suanli::app
