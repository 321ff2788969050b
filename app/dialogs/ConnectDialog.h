#pragma once

#include "client/ConnectionProfile.h"

#include <QDialog>
#include <QStringList>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace suanli::client {
class Connection;
class TlsProbe;
class TokenCheck;
} // namespace suanli::client

namespace suanli::app {

class Federation;
class ProfileStore;

// ConnectDialog asks how to reach a centre: its name, the gateway's address,
// whom to trust (the CA file its operators gave, the CA's SHA-256 fingerprint,
// or trust on first use) and the token. "Test connection" shows what the
// gateway presents and, to a gateway whose CA is pinned, whom the token acts as
// (user and role), before anything is saved; OK only once every field is
// valid. Where no keychain answers, it says the token goes to a file instead.
class ConnectDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)
public:
    enum class Trust { CaFile, Fingerprint, FirstUse };
    Q_ENUM(Trust)

    explicit ConnectDialog(QWidget *parent = nullptr);

    // Asks for a new centre, under a name no saved or connected centre has, then saves it and
    // connects to it; null when the user cancels.
    static client::Connection *connectNew(Federation *federation, QWidget *parent);

    // Where the token will be kept: the dialog asks the store whether a keychain answers, and
    // says so when the token would go to the owner-only file instead.
    void setTokenStore(ProfileStore *store);
    // Names already saved: a new centre may not reuse one.
    void setTakenNames(const QStringList &names);
    // Edits a saved profile: the fields are filled, the name stays, an empty token keeps
    // the stored one.
    void setProfile(const client::ConnectionProfile &profile);

    // What was entered, with the CA file read; valid after validate() said "".
    client::ConnectionProfile profile() const;
    // What to fix, in words, or an empty string when the entries are valid.
    QString validate() const;
    // Whether the token field was left empty while editing (keep the stored token).
    bool keepsStoredToken() const;

    // Fields, for tests and the profiles dialog.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QLineEdit *fingerprintEdit() const { return m_fingerprint; }
    QLineEdit *tokenEdit() const { return m_token; }
    QPushButton *testButton() const { return m_test; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *testResultLabel() const { return m_testResult; }
    QLabel *tokenStorageLabel() const { return m_tokenStorage; }
    void setTrust(Trust trust);
    Trust trust() const;

    // "AB:CD:…" in upper case with colons, from any common way of writing one; empty when
    // it is not 32 bytes of hex.
    static QString normaliseFingerprint(const QString &text);

    void accept() override;

Q_SIGNALS:
    // The outcome of "Test connection", in words (also shown in the dialog).
    void tested(bool ok, const QString &outcome);

private:
    void updateState();
    void testConnection();
    // The outcome of the TLS handshake of "Test connection"; the token check follows when the
    // CA is the expected one.
    void probed(const QByteArray &presentedCaPem, const QString &presented, const QString &error);
    void finishTest(bool ok, const QString &outcome);
    // The CA file's certificate, its fingerprint, or why it cannot be used.
    QByteArray readCaFile(QString *fingerprint, QString *error) const;

    QLineEdit *m_name;
    QLineEdit *m_address;
    QRadioButton *m_useCaFile;
    QRadioButton *m_useFingerprint;
    QRadioButton *m_useFirstUse;
    QButtonGroup *m_trustGroup;
    QLineEdit *m_caFile;
    QPushButton *m_browse;
    QLineEdit *m_fingerprint;
    QLineEdit *m_token;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_tokenStorage;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    client::TlsProbe *m_probe;
    client::TokenCheck *m_tokenCheck;
    // What the handshake said, to which the token check adds.
    QString m_probeOutcome;
    QStringList m_taken;
    QString m_editing;
    client::ConnectionProfile m_original;
};

} // namespace suanli::app
