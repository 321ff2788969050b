// The metrics API against a real gateway: live points arrive on the GUI thread, history matches
// what the gateway holds, refusals say why, and a receiver that goes away is never called back.
#include "client/MetricsQuery.h"
#include "client/MetricsStream.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "tests/client/TestSupport.h"

#include <QPointer>
#include <QTest>
#include <QThread>
#include <cmath>
#include <memory>
#include <optional>

using namespace suanli::client;
using namespace suanli::client::test;
using State = Connection::State;

namespace {
// A simulated minute every second (12 s of centre time per 0.2 s tick).
const std::vector<std::string> kFastCentre
    = { "--sim-nodes", "32", "--sim-jobs", "200", "--sim-speed", "60", "--tick", "0.2" };
constexpr int kTimeoutMs = 30000;

v1::StreamMetricsRequest streamRequest(
    v1::MetricScope scope, const std::string &target, const std::vector<std::string> &metrics)
{
    v1::StreamMetricsRequest r;
    r.set_scope(scope);
    r.set_target(target);
    for (const auto &m : metrics)
        r.add_metrics(m);
    return r;
}
} // namespace

class TestMetricsApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<GatewayProcess>(kFastCentre);
        QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
        m_token = m_gateway->addUser("wall", "viewer");
        m_connection = std::make_unique<Connection>(profileFor(*m_gateway, m_token));
        watchEverything(*m_connection);
        m_connection->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_connection->site()->nodes().items.isEmpty(), kTimeoutMs);
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        m_gateway.reset();
    }

    void streamDeliversMinutesOnTheGuiThread()
    {
        MetricsStream stream(m_connection.get(),
            streamRequest(v1::METRIC_SCOPE_SITE, "", { "utilisation_percent", "it_power_watts" }),
            nullptr);
        QList<MetricPoint> points;
        bool onGuiThread = true;
        connect(&stream, &MetricsStream::pointsArrived, this, [&](const QList<MetricPoint> &batch) {
            onGuiThread = onGuiThread && QThread::currentThread() == qApp->thread();
            points += batch;
        });
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(points.size() >= 3, kTimeoutMs);
        QVERIFY(onGuiThread);
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY2(points.at(i).time > points.at(i - 1).time, "one point per new minute");
        for (const MetricPoint &p : points) {
            QCOMPARE(std::fmod(p.time, 60.0), 0.0);
            QVERIFY(p.values.contains(QStringLiteral("utilisation_percent")));
            QVERIFY(p.values.value(QStringLiteral("it_power_watts")) > 0);
        }
        stream.stop();
        QVERIFY(!stream.isOpen());
    }

    void queryReturnsWhatTheGatewayHolds()
    {
        // The newest minute the gateway holds is the end of the range.
        MetricsStream stream(m_connection.get(),
            streamRequest(v1::METRIC_SCOPE_NODE, firstNode(), { "power_watts" }), nullptr);
        std::optional<double> first;
        std::optional<double> newest;
        connect(&stream, &MetricsStream::pointsArrived, this, [&](const QList<MetricPoint> &batch) {
            if (!first)
                first = batch.first().time;
            newest = batch.last().time;
        });
        stream.start();
        // A few minutes of history past the first point the stream brought.
        QTRY_VERIFY_WITH_TIMEOUT(newest.has_value() && *newest - *first >= 180, kTimeoutMs);
        stream.stop();

        const auto request
            = MetricsQuery::request(v1::METRIC_SCOPE_NODE, QString::fromStdString(firstNode()),
                { QStringLiteral("utilisation_percent"), QStringLiteral("power_watts") }, *newest,
                600, MetricsQuery::stepFor(600));
        QCOMPARE(request.step().seconds(), 60);
        MetricsQuery query(m_connection.get(), nullptr);
        std::optional<MetricsResult> result;
        bool onGuiThread = false;
        query.query(request, [&](const MetricsResult &r) {
            onGuiThread = QThread::currentThread() == qApp->thread();
            result = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs);
        QVERIFY(onGuiThread);
        QVERIFY2(result->ok(), qPrintable(result->message));
        QCOMPARE(result->series.size(), 2);
        QCOMPARE(result->retentionSeconds, qint64(24 * 3600));
        const MetricSeries *power = result->find(QStringLiteral("power_watts"));
        QVERIFY(power);
        QCOMPARE(power->unit, QStringLiteral("watts"));
        QVERIFY(power->available);
        QCOMPARE(power->times.size(), 11);
        QCOMPARE(power->times.last(), *newest);
        QVERIFY(!std::isnan(power->values.last()));

        // The same call straight through gRPC gives the same numbers.
        v1::QueryMetricsResponse direct;
        auto stub = v1::Telemetry::NewStub(m_gateway->channel());
        QVERIFY(stub->QueryMetrics(GatewayProcess::context(m_token).get(), request, &direct).ok());
        for (const v1::Series &s : direct.series()) {
            const MetricSeries *mine = result->find(QString::fromStdString(s.metric()));
            QVERIFY(mine);
            QCOMPARE(mine->times.size(), s.times_size());
            for (int i = 0; i < s.times_size(); ++i) {
                QCOMPARE(mine->times.at(i), double(s.times(i)));
                if (std::isnan(s.values(i)))
                    QVERIFY(std::isnan(mine->values.at(i)));
                else
                    QCOMPARE(mine->values.at(i), s.values(i));
            }
        }
    }

    void refusalsSayWhy()
    {
        MetricsQuery query(m_connection.get(), nullptr);
        std::optional<MetricsResult> result;
        query.query(MetricsQuery::request(v1::METRIC_SCOPE_SITE, {}, { QStringLiteral("bogus") },
                        double(QDateTime::currentSecsSinceEpoch()), 3600, 60),
            [&](const MetricsResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs);
        QCOMPARE(result->code, int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(result->message.contains(QStringLiteral("bogus")), qPrintable(result->message));

        MetricsStream stream(
            m_connection.get(), streamRequest(v1::METRIC_SCOPE_NODE, "no-such-node", {}), nullptr);
        std::optional<int> code;
        QString message;
        connect(&stream, &MetricsStream::failed, this, [&](int c, const QString &m) {
            code = c;
            message = m;
        });
        stream.start();
        QTRY_VERIFY_WITH_TIMEOUT(code.has_value(), kTimeoutMs);
        QCOMPARE(*code, int(grpc::StatusCode::NOT_FOUND));
        QVERIFY2(message.contains(QStringLiteral("no-such-node")), qPrintable(message));
        // Refused for good: not reopened.
        QTest::qWait(1500);
        QVERIFY(!stream.isOpen());
    }

    void receiverThatGoesAwayIsNotCalledBack()
    {
        int answers = 0;
        int batches = 0;
        {
            auto *receiver = new QObject;
            auto *query = new MetricsQuery(m_connection.get(), receiver);
            for (int i = 0; i < 5; ++i)
                query->query(MetricsQuery::request(v1::METRIC_SCOPE_SITE, {}, {},
                                 double(QDateTime::currentSecsSinceEpoch()), 7 * 86400, 3600),
                    [&](const MetricsResult &) { ++answers; });
            // Some calls may already be answered by gRPC (their results queued
            // for this thread), others still in flight: neither may call back.
            auto *stream = new MetricsStream(
                m_connection.get(), streamRequest(v1::METRIC_SCOPE_SITE, "", {}), receiver);
            connect(stream, &MetricsStream::pointsArrived, this, [&] { ++batches; });
            stream->start();
            QVERIFY(stream->isOpen());
            QPointer<MetricsStream> watched(stream);
            delete receiver; // cancels the calls and the stream, and waits for gRPC
            QVERIFY(watched.isNull());
        }
        QTest::qWait(1500);
        QCOMPARE(answers, 0);
        QCOMPARE(batches, 0);
        // The connection goes on serving new receivers.
        MetricsQuery again(m_connection.get(), nullptr);
        std::optional<MetricsResult> result;
        again.query(MetricsQuery::request(v1::METRIC_SCOPE_SITE, {}, { QStringLiteral("pue") },
                        double(QDateTime::currentSecsSinceEpoch()), 3600, 60),
            [&](const MetricsResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs);
        QVERIFY2(result->ok(), qPrintable(result->message));
    }

private:
    std::string firstNode() const
    {
        QStringList names = m_connection->site()->nodes().items.keys();
        names.sort();
        return names.first().toStdString();
    }

    std::unique_ptr<GatewayProcess> m_gateway;
    std::string m_token;
    std::unique_ptr<Connection> m_connection;
};

QTEST_GUILESS_MAIN(TestMetricsApi)
#include "tst_metricsApi.moc"
