#pragma once

#include "suanli/v1/events.pb.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace suanli::app {

// GatewayWords says in the console's language what a gateway sends as a code with its parts:
// an alert's summary (its cause, the node and accelerator it is about) and the province a centre
// draws its power from. Where a gateway sends no code, its own (English) words are shown.
class GatewayWords {
    Q_DECLARE_TR_FUNCTIONS(GatewayWords)
public:
    GatewayWords() = delete;

    // "lg-r0017-n3 down: XID 79: GPU fell off the bus", "lg-r0017-n3 GPU 5: XID 48: double-bit
    // ECC error"; the alert's summary when it has no cause, or not the parts its cause takes.
    static QString alertSummary(const v1::Alert &alert);
    // One cause with its parts (see v1::AlertCause); empty for UNSPECIFIED, a value this console
    // does not know, or parts that do not fit the cause.
    static QString alertCause(v1::AlertCause cause, const QStringList &args);
    // How many parts a cause takes; -1 for a value this console does not know.
    static int alertCauseArgs(v1::AlertCause cause);

    // A province by the name a gateway sends ("Shanghai"); a name it does not know as it is.
    static QString province(const QString &name);
    // The provinces whose names the console knows.
    static QStringList knownProvinces();
};

} // namespace suanli::app
