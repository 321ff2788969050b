// The console speaks Chinese everywhere: lupdate, run on today's sources,
// finds no string without a Chinese translation; translations keep every
// placeholder of their source; the embedded catalogue loads.
#include "app/models/GatewayWords.h"
#include "app/models/PendingReasonText.h"
#include "server/backends/facts/GridCarbon.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations; // one per numerus form, or one
    bool unfinished = false;
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context")
                context.clear();
            else if (name == u"name" && message.source.isNull() && context.isEmpty())
                context = xml.readElementText();
            else if (name == u"message") {
                message = Message {};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            } else if (name == u"source")
                message.source = xml.readElementText();
            else if (name == u"translation") {
                const auto type = xml.attributes().value(QLatin1String("type"));
                message.unfinished = type == u"unfinished";
                if (type == u"vanished" || type == u"obsolete")
                    message.source.clear();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (name == u"numerusform")
                message.translations.append(xml.readElementText());
        } else if (xml.isEndElement() && xml.name() == u"message") {
            if (!message.source.isEmpty())
                out.append(message);
            message = Message {};
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

// Runs lupdate on the console's sources into a copy of `ts`.
QString refreshed(const QTemporaryDir &dir, const QString &ts, const QStringList &extra)
{
    const QString copy = dir.filePath(QFileInfo(ts).fileName());
    QFile::remove(copy);
    if (!QFile::copy(ts, copy))
        return {};
    QFile(copy).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const QString src = QStringLiteral(SUANLI_SOURCE_DIR);
    QStringList args { QStringLiteral("-silent"), QStringLiteral("-locations"),
        QStringLiteral("none"), QStringLiteral("-no-obsolete"),
        // Includes name their files from the project root.
        QStringLiteral("-I"), QStringLiteral(SUANLI_SOURCE_DIR) };
    args += extra;
    args += { src + QStringLiteral("/app"), src + QStringLiteral("/widgets"),
        src + QStringLiteral("/client"), QStringLiteral("-ts"), copy };
    QProcess lupdate;
    lupdate.start(QStringLiteral(SUANLI_LUPDATE), args);
    if (!lupdate.waitForFinished(60000) || lupdate.exitCode() != 0)
        return {};
    return copy;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured(0));
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyStringHasChinese()
    {
        QTemporaryDir dir;
        const QString ts
            = refreshed(dir, QStringLiteral(SUANLI_SOURCE_DIR "/translations/suanli_zh_CN.ts"),
                { QStringLiteral("-target-language"), QStringLiteral("zh_CN") });
        QVERIFY2(!ts.isEmpty(), "lupdate did not run");
        QString error;
        const auto messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QStringList missing;
        for (const auto &m : messages) {
            bool empty = m.translations.isEmpty();
            for (const auto &t : m.translations)
                empty = empty || t.trimmed().isEmpty();
            if (m.unfinished || empty)
                missing.append(m.context + QStringLiteral(": ") + m.source);
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 string(s) without Chinese (run `ninja -C build "
                                      "translations_update` and translate them in "
                                      "translations/suanli_zh_CN.ts):\n  %2")
                           .arg(missing.size())
                           .arg(missing.join(QStringLiteral("\n  ")))));
    }

    void everyPluralHasEnglishForms()
    {
        QTemporaryDir dir;
        const QString ts
            = refreshed(dir, QStringLiteral(SUANLI_SOURCE_DIR "/translations/suanli_en.ts"),
                { QStringLiteral("-target-language"), QStringLiteral("en"),
                    QStringLiteral("-pluralonly") });
        QVERIFY2(!ts.isEmpty(), "lupdate did not run");
        QString error;
        const auto messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        for (const auto &m : messages)
            if (m.numerus && (m.unfinished || m.translations.size() != 2))
                missing.append(m.context + QStringLiteral(": ") + m.source);
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("plural strings without English singular and plural in "
                                      "translations/suanli_en.ts:\n  %1")
                           .arg(missing.join(QStringLiteral("\n  ")))));
    }

    void translationsKeepPlaceholders()
    {
        QString error;
        const auto messages
            = readTs(QStringLiteral(SUANLI_SOURCE_DIR "/translations/suanli_zh_CN.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList wrong;
        for (const auto &m : messages) {
            auto expected = placeholders(m.source);
            for (const auto &t : m.translations) {
                if (t.isEmpty())
                    continue;
                auto got = placeholders(t);
                // Chinese has one plural form, which may spell the number as %n or not at all.
                if (m.numerus) {
                    expected.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (got != expected)
                    wrong.append(
                        m.context + QStringLiteral(": ") + m.source + QStringLiteral(" → ") + t);
            }
        }
        QVERIFY2(wrong.isEmpty(),
            qPrintable(QStringLiteral("translations that drop or add a placeholder:\n  %1")
                           .arg(wrong.join(QStringLiteral("\n  ")))));
    }

    // What a gateway sends as a code (an alert's cause, a province, why a job waits) is said in
    // Chinese for every code there is, not passed through in English.
    void everyGatewayCodeHasChinese()
    {
        const auto chinese = [](const QString &text) {
            for (const QChar c : text)
                if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
                    return true;
            return false;
        };
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/suanli_zh_CN")));
        QStringList missing;

        const auto *causes = suanli::v1::AlertCause_descriptor();
        for (int i = 0; i < causes->value_count(); ++i) {
            const auto cause = suanli::v1::AlertCause(causes->value(i)->number());
            if (cause == suanli::v1::ALERT_CAUSE_UNSPECIFIED)
                continue;
            const int count = suanli::app::GatewayWords::alertCauseArgs(cause);
            if (count < 0) {
                missing.append(QString::fromStdString(causes->value(i)->name()));
                continue;
            }
            QStringList args;
            for (int a = 0; a < count; ++a)
                args.append(QString::number(a + 1));
            if (cause == suanli::v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE)
                args = { QStringLiteral("slurm"), QStringLiteral("1796650260"), QString() };
            QCoreApplication::installTranslator(&zh);
            const QString text = suanli::app::GatewayWords::alertCause(cause, args);
            QCoreApplication::removeTranslator(&zh);
            if (!chinese(text))
                missing.append(QString::fromStdString(causes->value(i)->name()) + u": " + text);
        }

        // The console knows every province the gateway's carbon table has, by the same Chinese
        // name the gateway itself keeps for it.
        for (const auto &province : suanli::server::GridCarbon::provinces()) {
            const QString name = QString::fromStdString(province.name);
            QCoreApplication::installTranslator(&zh);
            const QString text = suanli::app::GatewayWords::province(name);
            QCoreApplication::removeTranslator(&zh);
            if (text != QString::fromStdString(province.nameZh))
                missing.append(name + u": " + text + u" (the gateway's: "
                    + QString::fromStdString(province.nameZh) + u')');
        }
        for (const QString &province : suanli::app::GatewayWords::knownProvinces()) {
            QCoreApplication::installTranslator(&zh);
            const QString text = suanli::app::GatewayWords::province(province);
            QCoreApplication::removeTranslator(&zh);
            if (!chinese(text))
                missing.append(province + u": " + text);
        }

        const auto *reasons = suanli::v1::PendingReason_descriptor();
        for (int i = 0; i < reasons->value_count(); ++i) {
            suanli::v1::Job job;
            job.set_state(suanli::v1::JOB_STATE_PENDING);
            job.set_tenant("galaxy");
            job.set_project("galaxy-llm");
            job.set_accelerators(8);
            job.set_model(suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100);
            job.set_pending_reason(suanli::v1::PendingReason(reasons->value(i)->number()));
            QCoreApplication::installTranslator(&zh);
            const QString text = suanli::app::PendingReasonText::of(job);
            QCoreApplication::removeTranslator(&zh);
            if (!chinese(text))
                missing.append(QString::fromStdString(reasons->value(i)->name()) + u": " + text);
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("codes said without Chinese:\n  %1")
                           .arg(missing.join(QStringLiteral("\n  ")))));
    }

    void embeddedCatalogueLoads()
    {
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/suanli_zh_CN")));
        QCoreApplication::installTranslator(&zh);
        QCOMPARE(
            QCoreApplication::translate("suanli::app::NodesPage", "Nodes"), QStringLiteral("节点"));
        QCoreApplication::removeTranslator(&zh);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
