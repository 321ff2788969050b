#include "app/models/FilterText.h"
#include "common/FieldSet.h"
#include "common/Filter.h"

#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>
#include <QtTest>
#include <set>

// FilterText says what is wrong with a filter in the console's language: in English exactly what
// suanlictl and the gateway say, and in Chinese from the translation, for every kind of mistake.

using namespace suanli;
using namespace suanli::app;

namespace {

struct Mistake {
    const FieldSet *fields;
    QString text;
};

// One text per kind of mistake the filter language can report.
QList<Mistake> mistakes()
{
    return {
        { &nodeFields(), u"-"_qs },
        { &nodeFields(), u":idle"_qs },
        { &nodeFields(), u"stat:idle"_qs },
        { &nodeFields(), u"state!idle"_qs },
        { &nodeFields(), u"reason>x"_qs },
        { &nodeFields(), u"state>idle"_qs },
        { &nodeFields(), u"reason:\"xid"_qs },
        { &nodeFields(), u"reason:\"xid\"79"_qs },
        { &nodeFields(), u"state:idle,"_qs },
        { &nodeFields(), u","_qs },
        { &nodeFields(), u"state:"_qs },
        { &nodeFields(), u"util<ten"_qs },
        { &jobFields(), u"age>soon"_qs },
        { &jobFields(), u"submit>yesterday"_qs },
        { &nodeFields(), u"reboot:maybe"_qs },
        { &nodeFields(), u"state:sleepy"_qs },
    };
}

} // namespace

class TestFilterText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyMistakeIsNamedInEnglishAsTheGatewayNamesIt();
    void everyMistakeIsNamedInChinese();
};

void TestFilterText::everyMistakeIsNamedInEnglishAsTheGatewayNamesIt()
{
    std::set<FilterError::Code> codes;
    for (const Mistake &mistake : mistakes()) {
        const QByteArray utf8 = mistake.text.toUtf8();
        FilterError error;
        QVERIFY2(
            !Filter::parse(utf8.toStdString(), *mistake.fields, &error), qPrintable(mistake.text));
        QVERIFY2(error.code != FilterError::Code::Other, qPrintable(mistake.text));
        codes.insert(error.code);

        FilterText filter(*mistake.fields);
        filter.setText(mistake.text);
        QVERIFY(filter.hasError());
        QCOMPARE(filter.errorMessage(), QString::fromStdString(error.message));
    }
    // Every code but Other has its text above.
    QCOMPARE(codes.size(), std::size_t(FilterError::Code::UnknownValue));
}

void TestFilterText::everyMistakeIsNamedInChinese()
{
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/suanli_zh_CN.qm"_qs));
    QCoreApplication::installTranslator(&translator);
    for (const Mistake &mistake : mistakes()) {
        FilterText filter(*mistake.fields);
        filter.setText(mistake.text);
        QVERIFY(filter.hasError());
        const QString message = filter.errorMessage();
        // Chinese words, and the names the filter language keeps (fields, values) as typed.
        QVERIFY2(std::any_of(message.cbegin(), message.cend(),
                     [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; }),
            qPrintable(message));
    }
    FilterText filter(nodeFields());
    filter.setText(u"stat:idle"_qs);
    QVERIFY2(filter.errorMessage().contains(u"stat"), qPrintable(filter.errorMessage()));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestFilterText)
#include "tst_filtertext.moc"
