// The console checks what the gateway checks, against a real gateway: a reason is held to the
// gateway's limit in bytes, so a Chinese reason the dialog takes is one the gateway takes, and
// one the gateway would refuse is stopped in the dialog with how many characters must go; and
// for every role and every method of the API, the console's role gate enables a button exactly
// when the gateway lets that role make the call.
#include "app/dialogs/ConfirmActionDialog.h"
#include "app/dialogs/DecideQuotaRequestDialog.h"
#include "app/dialogs/TextLimitHint.h"
#include "app/pages/RoleGate.h"
#include "common/RequestLimits.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/placement.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>
#include <google/protobuf/descriptor.h>
#include <grpcpp/impl/client_unary_call.h>
#include <grpcpp/support/sync_stream.h>
#include <memory>

using namespace suanli;

namespace {

// A Chinese reason of `n` characters, three bytes each in UTF-8.
QString chinese(int n)
{
    return QString(n, QChar(u'维'));
}

// What the gateway answers `token` calling `service`.`method` with an empty request: for a
// stream, the status once its first message came (OK) or it ended.
grpc::Status call(const std::shared_ptr<grpc::Channel> &channel, const std::string &token,
    const google::protobuf::MethodDescriptor &method)
{
    const std::string path = "/" + method.service()->full_name() + "/" + method.name();
    grpc::Slice empty { std::string() };
    const grpc::ByteBuffer request(&empty, 1);
    auto ctx = test::GatewayProcess::context(token);
    if (!method.server_streaming()) {
        grpc::ByteBuffer response;
        return grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(channel.get(),
            grpc::internal::RpcMethod(path.c_str(), grpc::internal::RpcMethod::NORMAL_RPC),
            ctx.get(), request, &response);
    }
    // A stream the gateway takes answers at once (a snapshot, the overview now).
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    const grpc::internal::RpcMethod rpc(path.c_str(), grpc::internal::RpcMethod::SERVER_STREAMING);
    std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> reader(
        grpc::internal::ClientReaderFactory<grpc::ByteBuffer>::Create(
            channel.get(), rpc, ctx.get(), request));
    grpc::ByteBuffer first;
    if (reader->Read(&first)) {
        ctx->TryCancel();
        reader->Finish();
        return grpc::Status::OK;
    }
    return reader->Finish();
}

} // namespace

class ConsoleContractTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aChineseReasonIsCheckedAsTheGatewayChecksIt();
    void aRejectionCommentIsHeldToTheGatewaysLimit();
    void theRoleGateAnswersAsTheGatewayForEveryRoleAndMethod();

private:
    // What the gateway answers an operator draining a node with `reason`.
    grpc::Status drain(const QString &reason);

    std::unique_ptr<test::GatewayProcess> m_gateway;
    std::string m_operator;
    std::string m_node;
};

void ConsoleContractTest::initTestCase()
{
    m_gateway = std::make_unique<test::GatewayProcess>(
        std::vector<std::string> { "--sim-nodes", "16", "--sim-jobs", "20", "--tick", "0.2" });
    QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
    m_operator = m_gateway->addUser("ops", "operator");
    auto cluster = v1::Cluster::NewStub(m_gateway->channel());
    v1::ListNodesResponse nodes;
    auto ctx = test::GatewayProcess::context(m_operator);
    QVERIFY(cluster->ListNodes(ctx.get(), v1::ListNodesRequest(), &nodes).ok());
    QVERIFY(nodes.nodes_size() > 0);
    m_node = nodes.nodes(0).name();
}

grpc::Status ConsoleContractTest::drain(const QString &reason)
{
    auto cluster = v1::Cluster::NewStub(m_gateway->channel());
    v1::DrainNodesRequest request;
    request.add_names(m_node);
    request.set_reason(reason.toStdString());
    v1::NodeActionResponse response;
    auto ctx = test::GatewayProcess::context(m_operator);
    return cluster->DrainNodes(ctx.get(), request, &response);
}

void ConsoleContractTest::aChineseReasonIsCheckedAsTheGatewayChecksIt()
{
    app::ConfirmActionDialog dialog(QStringLiteral("Drain"), QStringLiteral("Drain one node?"),
        { QString::fromStdString(m_node) }, true);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *reason = dialog.findChild<QLineEdit *>();
    auto *hint = dialog.findChild<app::TextLimitHint *>();
    QVERIFY(ok && reason && hint);

    // A short reason: nothing to say about the limit.
    reason->setText(QStringLiteral("更换电源"));
    QVERIFY(ok->isEnabled());
    QVERIFY(hint->isHidden());

    // 341 Chinese characters are 1,023 bytes: the dialog takes them, says no more fit, and the
    // gateway takes them too.
    reason->setText(chinese(341));
    QVERIFY(ok->isEnabled());
    QVERIFY(!hint->isHidden());
    QVERIFY2(hint->text().startsWith(u"0 "), qPrintable(hint->text()));
    const grpc::Status taken = drain(chinese(341));
    QVERIFY2(taken.ok(), taken.error_message().c_str());

    // 350 are 1,050 bytes, well under the 1,000 characters the dialog used to allow: the
    // gateway refuses them, and the dialog now does too, saying nine characters must go.
    const grpc::Status refused = drain(chinese(350));
    QCOMPARE(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(QString::fromStdString(refused.error_message()),
        QStringLiteral("reason is 1050 bytes; at most %1").arg(kReasonLimit.maxBytes));
    reason->setText(chinese(350));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(hint->text().startsWith(u"9 "), qPrintable(hint->text()));

    // Shortened to fit, it may be sent again.
    reason->setText(chinese(341));
    QVERIFY(ok->isEnabled());
}

void ConsoleContractTest::aRejectionCommentIsHeldToTheGatewaysLimit()
{
    v1::QuotaRequest request;
    request.set_id("qr-000001");
    app::DecideQuotaRequestDialog dialog(
        app::DecideQuotaRequestDialog::Decision::Reject, request, {});
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *comment = dialog.findChild<QPlainTextEdit *>();
    QVERIFY(ok && comment);
    comment->setPlainText(chinese(341));
    QVERIFY(ok->isEnabled());
    comment->setPlainText(chinese(342));
    QVERIFY(!ok->isEnabled());
}

void ConsoleContractTest::theRoleGateAnswersAsTheGatewayForEveryRoleAndMethod()
{
    const std::vector<std::pair<v1::Role, std::string>> users = {
        { v1::ROLE_VIEWER, m_gateway->addUser("wall", "viewer") },
        { v1::ROLE_OPERATOR, m_operator },
        { v1::ROLE_TENANT_MANAGER, m_gateway->addUser("mgr", "tenant-manager", { "tenanta" }) },
        { v1::ROLE_ADMIN, m_gateway->addUser("root", "admin") },
    };
    const auto channel = m_gateway->channel();
    const auto *pool = google::protobuf::DescriptorPool::generated_pool();
    int methods = 0;
    // Links the Placement API's descriptors into the pool.
    QVERIFY(v1::QuotePlacementRequest::descriptor());
    for (const char *service : { "Auth", "Cluster", "Scheduler", "Tenancy", "Telemetry", "Events",
             "Audit", "Placement" }) {
        const auto *descriptor = pool->FindServiceByName(std::string("suanli.v1.") + service);
        QVERIFY2(descriptor, service);
        for (int i = 0; i < descriptor->method_count(); ++i) {
            const auto &method = *descriptor->method(i);
            const std::string name = std::string(service) + "." + method.name();
            QVERIFY2(knownMethod(name), name.c_str());
            ++methods;
            for (const auto &[role, token] : users) {
                const grpc::Status status = call(channel, token, method);
                QVERIFY2(status.error_code() != grpc::StatusCode::UNAUTHENTICATED,
                    status.error_message().c_str());
                const bool gatewayAllows
                    = status.error_code() != grpc::StatusCode::PERMISSION_DENIED;
                const std::string what = name + " as " + v1::Role_Name(role) + ": gateway says "
                    + std::to_string(status.error_code()) + " " + status.error_message();
                QVERIFY2(app::RoleGate::allows(role, name) == gatewayAllows, what.c_str());
                // The button the console shows for it is enabled exactly then.
                QAction action;
                app::RoleGate::apply(&action, role, name, true, QStringLiteral("Do it"));
                QVERIFY2(action.isEnabled() == gatewayAllows, what.c_str());
                QVERIFY2(action.toolTip().contains(u'\n') == !gatewayAllows, what.c_str());
            }
        }
    }
    QCOMPARE(size_t(methods), methodAccess().size());
}

QTEST_MAIN(ConsoleContractTest)
#include "tst_console_contract.moc"
