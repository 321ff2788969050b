// whoami, users and tokens: the Auth service.
#include "common/Describe.h"
#include "suanli/v1/auth.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Table.h"

namespace suanli::ctl {

namespace {

std::string joined(
    const google::protobuf::RepeatedPtrField<std::string> &items, const std::string &empty = "-")
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out.empty() ? empty : out;
}

void printField(std::ostream &out, const std::string &name, const std::string &value)
{
    out << name << std::string(name.size() < 10 ? 10 - name.size() : 1, ' ') << value << '\n';
}

} // namespace

int runWhoAmI(const Invocation &, const Connection &connection, const Output &output)
{
    auto stub = v1::Auth::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    v1::WhoAmIResponse me;
    const grpc::Status status = stub->WhoAmI(&context, v1::WhoAmIRequest(), &me);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json()) {
        output.printJson(me);
        return 0;
    }
    std::ostream &out = output.out();
    printField(out, "user", me.user().name());
    printField(out, "role", stateName(me.user().role()));
    printField(out, "tenants",
        joined(me.user().tenants(), me.user().role() == v1::ROLE_ADMIN ? "all" : "-"));
    printField(out, "site", me.site().empty() ? "-" : me.site());
    printField(out, "server",
        "suanlid " + me.server_version()
            + (me.backend().empty() ? "" : ", " + me.backend() + " backend") + " at "
            + connection.options().server);
    return 0;
}

int runUsers(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Auth::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    if (inv.command == "users list") {
        v1::ListUsersResponse users;
        const grpc::Status status = stub->ListUsers(&context, v1::ListUsersRequest(), &users);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(users);
            return 0;
        }
        Table table({ { "NAME" }, { "ROLE" }, { "TENANTS" }, { "CREATED" }, { "TOKENS" } });
        for (const v1::User &u : users.users()) {
            std::string tokens;
            for (const v1::TokenInfo &t : u.tokens())
                tokens += (tokens.empty() ? "" : ", ") + t.id();
            table.addRow({ u.name(), stateName(u.role()), joined(u.tenants()),
                formatTimeShort(u.create_time()), tokens.empty() ? "-" : tokens });
        }
        table.print(output.out());
        return 0;
    }
    if (inv.command == "users add") {
        v1::CreateUserRequest request;
        request.set_name(inv.args[0]);
        request.set_role(*parseRole(inv.value("role")));
        for (const std::string &tenant : inv.values("tenant"))
            request.add_tenants(tenant);
        v1::CreateUserResponse created;
        const grpc::Status status = stub->CreateUser(&context, request, &created);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(created);
            return 0;
        }
        const v1::User &u = created.user();
        output.out() << "added user " << u.name() << " (" << stateName(u.role())
                     << (u.tenants().empty() ? "" : ", tenants " + joined(u.tenants())) << ")\n"
                     << "token: " << created.token() << '\n';
        output.err() << "The token is shown only this once: store it now.\n";
        return 0;
    }
    // users remove
    v1::DeleteUserRequest request;
    request.set_name(inv.args[0]);
    v1::DeleteUserResponse deleted;
    const grpc::Status status = stub->DeleteUser(&context, request, &deleted);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json())
        output.printJson(deleted);
    else
        output.out() << "removed user " << inv.args[0] << " and all their tokens\n";
    return 0;
}

int runTokens(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Auth::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    if (inv.command == "tokens create") {
        v1::CreateTokenRequest request;
        request.set_user(inv.args[0]);
        v1::CreateTokenResponse created;
        const grpc::Status status = stub->CreateToken(&context, request, &created);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(created);
            return 0;
        }
        output.out() << "token " << created.info().id() << " for " << inv.args[0] << '\n'
                     << "token: " << created.token() << '\n';
        output.err() << "The token is shown only this once: store it now.\n";
        return 0;
    }
    // tokens revoke
    v1::RevokeTokenRequest request;
    request.set_token_id(inv.args[0]);
    v1::RevokeTokenResponse revoked;
    const grpc::Status status = stub->RevokeToken(&context, request, &revoked);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json())
        output.printJson(revoked);
    else
        output.out() << "revoked token " << inv.args[0] << '\n';
    return 0;
}

} // namespace suanli::ctl
