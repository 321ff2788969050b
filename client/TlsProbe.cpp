#include "client/TlsProbe.h"

#include "client/Log.h"

#include <QCryptographicHash>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace suanli::client {

TlsProbe::TlsProbe(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        Result result;
        result.error = tr("no TLS handshake within the time allowed");
        finish(std::move(result));
    });
}

TlsProbe::~TlsProbe()
{
    abort();
}

bool TlsProbe::running() const
{
    return m_socket != nullptr;
}

void TlsProbe::abort()
{
    m_timer->stop();
    if (!m_socket)
        return;
    QSslSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

bool TlsProbe::splitAddress(const QString &address, QString *host, quint16 *port)
{
    QString rest = address.trimmed();
    for (const QString &scheme : { QStringLiteral("dns:///"), QStringLiteral("ipv4:"),
             QStringLiteral("ipv6:"), QStringLiteral("dns:") }) {
        if (rest.startsWith(scheme)) {
            rest = rest.mid(scheme.size());
            break;
        }
    }
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint number = rest.mid(colon + 1).toUInt(&ok);
    if (!ok || number == 0 || number > 65535)
        return false;
    QString name = rest.left(colon);
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.isEmpty())
        return false;
    *host = name;
    *port = quint16(number);
    return true;
}

QString TlsProbe::fingerprint(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

void TlsProbe::probe(const QString &address, int timeoutMs)
{
    abort();
    m_chain.clear();
    QString host;
    quint16 port = 0;
    if (!splitAddress(address, &host, &port)) {
        Result result;
        result.error = tr("'%1' is not host:port").arg(address);
        // Queued, so the caller always hears back after probe() returned.
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
        return;
    }
    m_socket = new QSslSocket(this);
    QSslConfiguration config = m_socket->sslConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    // Offer HTTP/2 like a gRPC client, so the gateway sees an ordinary handshake.
    config.setAllowedNextProtocols({ QByteArrayLiteral("h2") });
    m_socket->setSslConfiguration(config);

    // Only this socket ignores verification errors: it never carries a request.
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_chain = m_socket->peerCertificateChain();
        for (const QSslError &e : errors)
            qCDebug(lcClient) << "probe: ignoring" << e.errorString();
        m_socket->ignoreSslErrors();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        Result result;
        result.chain = m_socket->peerCertificateChain();
        if (result.chain.isEmpty())
            result.chain = m_chain;
        result.presented = !result.chain.isEmpty();
        if (!result.presented)
            result.error = tr("the gateway presented no certificate");
        finish(std::move(result));
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        Result result;
        // The handshake may have delivered the chain before the gateway hung up.
        result.chain = m_chain;
        result.presented = !m_chain.isEmpty();
        result.error = m_socket->errorString();
        finish(std::move(result));
    });
    m_timer->start(timeoutMs);
    qCDebug(lcClient) << "probe: TLS handshake with" << host << port;
    m_socket->connectToHostEncrypted(host, port);
}

void TlsProbe::finish(Result result)
{
    abort();
    Q_EMIT finished(result);
}

} // namespace suanli::client
