#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <memory>

class QSslSocket;
class QTimer;

namespace suanli::client {

// TlsProbe does one TLS handshake with a gateway, accepting whatever chain it
// presents, to show the user the gateway's CA (trust on first use) or to tell
// a changed certificate from a network problem. Nothing is sent over the
// probe's connection: no token ever reaches an unverified peer.
class TlsProbe : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsProbe)
public:
    struct Result {
        // True when the gateway presented a certificate chain.
        bool presented = false;
        // Leaf first, as sent; the last one is the gateway's CA.
        QList<QSslCertificate> chain;
        // Why nothing was presented: "connection refused", "timed out" ...
        QString error;

        QSslCertificate ca() const { return chain.isEmpty() ? QSslCertificate() : chain.last(); }
    };

    explicit TlsProbe(QObject *parent = nullptr);
    ~TlsProbe() override;

    // Starts a probe of "host:port" (an earlier one still running is abandoned).
    void probe(const QString &address, int timeoutMs = 10000);
    void abort();
    bool running() const;

    // "AB:CD:...": SHA-256 of the certificate's DER, as suanlid and openssl print it.
    static QString fingerprint(const QSslCertificate &certificate);
    // Splits "host:port", "[v6]:port" or "dns:///host:port"; false when there is no port.
    static bool splitAddress(const QString &address, QString *host, quint16 *port);

Q_SIGNALS:
    void finished(const suanli::client::TlsProbe::Result &result);

private:
    void finish(Result result);

    QSslSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QList<QSslCertificate> m_chain;
};

} // namespace suanli::client
