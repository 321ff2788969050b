// Every RPC's request validation and authorisation: bytes → the method's request message → the
// gateway's own handler, which authenticates, checks the role and tenant scope, validates every
// field and only then acts. A real Gateway runs in this process in front of a still simulated
// centre, reached over loopback through a generic stub, so each input goes through the exact
// code a client's call does.
//
// An input is "Service.Method\n" (an unknown name picks a method by its bytes), one byte for
// the caller (no token, a wrong token, viewer, operator, tenant manager, admin), then the
// request's bytes. Bytes that are not a valid request message are not sent (the gateway never
// sees them: gRPC refuses them before any handler runs).
//
// What must hold for any input: the gateway answers (no crash, no hang past the deadline); no
// call ends UNKNOWN or INTERNAL (a handler that threw, or a failure the caller cannot act on);
// a call without a valid token is UNAUTHENTICATED; a role the method's rule refuses is
// PERMISSION_DENIED, before any field is looked at.
#include "common/Permissions.h"
#include "server/gateway/Gateway.h"
#include "server/gateway/Log.h"
#include "server/store/Store.h"
#include "suanli/v1/tenancy.grpc.pb.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <google/protobuf/descriptor.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/byte_buffer.h>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace suanli;
namespace fs = std::filesystem;

namespace {

enum class Caller : uint8_t { None, WrongToken, Viewer, Operator, TenantManager, Admin, Count };

struct Method {
    std::string name; // "Cluster.DrainNodes"
    std::string path; // "/suanli.v1.Cluster/DrainNodes"
    Access access;
    bool streaming;
    const google::protobuf::Message *prototype;
};

struct Centre {
    fs::path dir;
    std::unique_ptr<server::Gateway> gateway;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<grpc::GenericStub> stub;
    std::unique_ptr<server::Store> store;
    std::string tenant;
    std::string tokens[size_t(Caller::Count)];
    std::vector<Method> methods;

    Centre()
    {
        std::string pattern = (fs::temp_directory_path() / "suanli-fuzz-rpc-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            std::abort();
        dir = pattern;
        // Refusals are the point here: only errors are logged, not one audit line per input.
        server::Log::setLevel(server::LogLevel::Error);
        server::GatewayOptions options;
        options.listen = "127.0.0.1:0";
        options.dataDir = dir.string();
        options.tickSeconds = 0.2;
        options.sim.nodes = 16;
        options.sim.jobs = 60;
        options.sim.speed = 0;
        options.sim.tickSeconds = options.tickSeconds;
        gateway = std::make_unique<server::Gateway>(options);
        gateway->start();

        grpc::SslCredentialsOptions ssl;
        std::ifstream ca(dir / "tls" / "ca.pem");
        std::ostringstream pem;
        pem << ca.rdbuf();
        ssl.pem_root_certs = pem.str();
        channel = grpc::CreateChannel(
            "127.0.0.1:" + std::to_string(gateway->port()), grpc::SslCredentials(ssl));
        stub = std::make_unique<grpc::GenericStub>(channel);

        // The users, made through the store the way `suanlid user add` does beside a running
        // gateway; the tenant manager manages the centre's first tenant.
        store = std::make_unique<server::Store>(dir.string());
        tokens[size_t(Caller::WrongToken)] = "sl_" + std::string(43, 'A');
        ensureUser(Caller::Viewer);
        ensureUser(Caller::Operator);
        ensureUser(Caller::Admin);
        v1::ListTenantsResponse tenants;
        {
            auto tenancy = v1::Tenancy::NewStub(channel);
            grpc::ClientContext ctx;
            ctx.AddMetadata("authorization", "Bearer " + tokens[size_t(Caller::Admin)]);
            ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
            if (!tenancy->ListTenants(&ctx, v1::ListTenantsRequest(), &tenants).ok()
                || tenants.tenants().empty())
                std::abort();
        }
        tenant = tenants.tenants(0).id();
        ensureUser(Caller::TenantManager);

        const auto *pool = google::protobuf::DescriptorPool::generated_pool();
        auto *factory = google::protobuf::MessageFactory::generated_factory();
        for (const auto &[name, access] : methodAccess()) {
            const auto dot = name.find('.');
            const auto *service = pool->FindServiceByName("suanli.v1." + name.substr(0, dot));
            const auto *method
                = service ? service->FindMethodByName(name.substr(dot + 1)) : nullptr;
            if (!method) {
                std::fprintf(stderr, "fuzz_rpc: %s is not in the API\n", name.c_str());
                std::abort();
            }
            methods.push_back({ name, "/" + service->full_name() + "/" + method->name(), access,
                method->server_streaming(), factory->GetPrototype(method->input_type()) });
        }
    }

    // An input may delete a caller's user or revoke its token through the Auth methods (as
    // admin): the caller is made again before the next input, so every input starts alike.
    void ensureUser(Caller caller)
    {
        static const char *names[] = { "", "", "viewer", "operator", "manager", "admin" };
        static const v1::Role roles[] = { v1::ROLE_UNSPECIFIED, v1::ROLE_UNSPECIFIED,
            v1::ROLE_VIEWER, v1::ROLE_OPERATOR, v1::ROLE_TENANT_MANAGER, v1::ROLE_ADMIN };
        std::string &token = tokens[size_t(caller)];
        if (!token.empty() && store->authenticate(token))
            return;
        store->deleteUser(names[size_t(caller)]);
        std::vector<std::string> scope;
        if (caller == Caller::TenantManager)
            scope.push_back(tenant);
        token = store->createUser(names[size_t(caller)], roles[size_t(caller)], scope);
    }
};

Centre *theCentre = nullptr;

Centre &centre()
{
    if (!theCentre) {
        theCentre = new Centre;
        // At a normal exit the gateway stops and its data folder goes; the Centre itself is
        // left for the process's end, as the gateway's last answers may still be in flight.
        std::atexit([] {
            theCentre->gateway->shutdown();
            std::error_code ignored;
            fs::remove_all(theCentre->dir, ignored);
        });
    }
    return *theCentre;
}

// One call, unary or server-streaming (the first message read, then the call is cancelled);
// its final status.
grpc::Status call(Centre &c, const Method &method, Caller caller, const std::string &request)
{
    grpc::ClientContext ctx;
    if (caller != Caller::None)
        ctx.AddMetadata("authorization", "Bearer " + c.tokens[size_t(caller)]);
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    grpc::Slice slice(request);
    grpc::ByteBuffer sent(&slice, 1);

    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    grpc::Status result;

    if (!method.streaming) {
        grpc::ByteBuffer received;
        c.stub->UnaryCall(
            &ctx, method.path, grpc::StubOptions(), &sent, &received, [&](grpc::Status status) {
                std::lock_guard lock(mutex);
                result = std::move(status);
                done = true;
                cv.notify_one();
            });
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return done; });
        return result;
    }

    struct Reader : grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
        grpc::ClientContext *ctx;
        grpc::ByteBuffer in;
        std::mutex *mutex;
        std::condition_variable *cv;
        bool *done;
        grpc::Status *result;
        void OnReadDone(bool ok) override
        {
            if (ok)
                ctx->TryCancel();
        }
        void OnDone(const grpc::Status &status) override
        {
            std::lock_guard lock(*mutex);
            *result = status;
            *done = true;
            cv->notify_one();
        }
    } reader;
    reader.ctx = &ctx;
    reader.mutex = &mutex;
    reader.cv = &cv;
    reader.done = &done;
    reader.result = &result;
    c.stub->PrepareBidiStreamingCall(&ctx, method.path, grpc::StubOptions(), &reader);
    reader.StartWrite(&sent);
    reader.StartWritesDone();
    reader.StartRead(&reader.in);
    reader.StartCall();
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return done; });
    // A stream that sent its first message was cancelled here: that is the one CANCELLED.
    if (result.error_code() == grpc::StatusCode::CANCELLED)
        return grpc::Status::OK;
    return result;
}

bool roleAllowed(Caller caller, Access access)
{
    switch (caller) {
    case Caller::Viewer:
        return roleAllows(v1::ROLE_VIEWER, access);
    case Caller::Operator:
        return roleAllows(v1::ROLE_OPERATOR, access);
    case Caller::TenantManager:
        return roleAllows(v1::ROLE_TENANT_MANAGER, access);
    case Caller::Admin:
        return roleAllows(v1::ROLE_ADMIN, access);
    default:
        return false;
    }
}

[[noreturn]] void fail(
    const Method &method, Caller caller, const grpc::Status &status, const char *expected)
{
    std::fprintf(stderr, "fuzz_rpc: %s as caller %d ended %d \"%s\"; expected %s\n",
        method.name.c_str(), int(caller), int(status.error_code()), status.error_message().c_str(),
        expected);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Centre &c = centre();
    std::string_view input(reinterpret_cast<const char *>(data), size);
    const auto newline = input.find('\n');
    if (newline == std::string_view::npos || newline + 1 >= input.size())
        return 0;
    const std::string_view name = input.substr(0, newline);
    const Method *method = nullptr;
    uint32_t sum = 0;
    for (const auto &m : c.methods)
        if (m.name == name)
            method = &m;
    if (!method) {
        for (char ch : name)
            sum = sum * 31 + uint8_t(ch);
        method = &c.methods[sum % c.methods.size()];
    }
    const auto caller = Caller(uint8_t(input[newline + 1]) % uint8_t(Caller::Count));
    if (caller != Caller::None && caller != Caller::WrongToken)
        c.ensureUser(caller);
    const std::string_view bytes = input.substr(newline + 2);

    std::unique_ptr<google::protobuf::Message> request(method->prototype->New());
    if (!request->ParseFromArray(bytes.data(), int(bytes.size())))
        return 0;
    const grpc::Status status = call(c, *method, caller, request->SerializeAsString());
    const auto code = status.error_code();

    if (code == grpc::StatusCode::UNKNOWN || code == grpc::StatusCode::INTERNAL)
        fail(*method, caller, status, "neither UNKNOWN nor INTERNAL");
    if (code == grpc::StatusCode::DEADLINE_EXCEEDED)
        fail(*method, caller, status, "an answer within 20 s");
    if (caller == Caller::None || caller == Caller::WrongToken) {
        if (code != grpc::StatusCode::UNAUTHENTICATED)
            fail(*method, caller, status, "UNAUTHENTICATED");
    } else if (!roleAllowed(caller, method->access)) {
        if (code != grpc::StatusCode::PERMISSION_DENIED)
            fail(*method, caller, status, "PERMISSION_DENIED");
    } else if (code == grpc::StatusCode::UNAUTHENTICATED) {
        fail(*method, caller, status, "a valid token accepted");
    }
    return 0;
}
