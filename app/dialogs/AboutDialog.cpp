#include "app/dialogs/AboutDialog.h"

#include "app/models/Words.h"
#include "client/Connection.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QSslSocket>
#include <QVBoxLayout>
#include <google/protobuf/stubs/common.h>
#include <grpcpp/grpcpp.h>

namespace suanli::app {

AboutDialog::AboutDialog(const QList<client::Connection *> &centres, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Suanli"));
    setObjectName(QStringLiteral("AboutDialog"));
    auto *label = new QLabel(text(centres), this);
    label->setObjectName(QStringLiteral("AboutText"));
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

QString AboutDialog::text(const QList<client::Connection *> &centres)
{
    const auto html = [](const QString &s) { return s.toHtmlEscaped(); };
    QString out
        = QStringLiteral("<h3>%1</h3>")
              .arg(html(tr("Suanli (算力) %1").arg(QCoreApplication::applicationVersion())));
    out += QStringLiteral("<p>%1</p>")
               .arg(html(tr("A management console for AI compute centres.")));

    out += QStringLiteral("<p><b>%1</b><br>").arg(html(tr("Centres connected")));
    if (centres.isEmpty())
        out += html(tr("None."));
    QStringList lines;
    for (const client::Connection *centre : centres) {
        const auto &identity = centre->identity();
        const QString version = QString::fromStdString(identity.server_version());
        lines.append(
            html(version.isEmpty() ? tr("%1: gateway version not known yet (it has not answered)")
                                         .arg(Words::centreName(centre))
                                   : tr("%1: gateway suanlid %2 (%3)")
                                         .arg(Words::centreName(centre), version,
                                             QString::fromStdString(identity.backend()))));
    }
    out += lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");

    // The libraries the console is built from, with the versions running now.
    struct Library {
        QString name;
        QString version;
        QString licence;
    };
    const QList<Library> libraries {
        { QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0") },
        { QStringLiteral("gRPC"), QString::fromStdString(grpc::Version()),
            QStringLiteral("Apache-2.0") },
        { QStringLiteral("Protocol Buffers"),
            QString::fromStdString(
                google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION)),
            QStringLiteral("BSD-3-Clause") },
        { QStringLiteral("QCustomPlot"), QString(), QStringLiteral("GPL-3.0") },
        { QStringLiteral("QtKeychain"), QString(), QStringLiteral("BSD-3-Clause") },
        { QStringLiteral("OpenSSL"), QSslSocket::sslLibraryVersionString(),
            QStringLiteral("Apache-2.0") },
        { QStringLiteral("SQLite"), QString(), tr("public domain") },
    };
    out += QStringLiteral("<p><b>%1</b><br>").arg(html(tr("Built with")));
    lines.clear();
    for (const Library &l : libraries)
        lines.append(html(l.version.isEmpty()
                ? tr("%1 — %2", "a library and its licence").arg(l.name, l.licence)
                : tr("%1 %2 — %3", "a library, its version and its licence")
                      .arg(l.name, l.version, l.licence)));
    out += lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
    out += QStringLiteral("<p>%1</p>")
               .arg(html(tr("SQLite keeps the gateway's records (suanlid); the console does not "
                            "use it. Because the console's charts use QCustomPlot, which is "
                            "under the GPL-3.0, the console as a whole is distributed under the "
                            "GPL-3.0.")));
    return out;
}

} // namespace suanli::app
