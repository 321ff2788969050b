#include "server/services/AuthService.h"

namespace suanli::server {

grpc::ServerUnaryReactor *AuthService::WhoAmI(
    grpc::CallbackServerContext *call, const v1::WhoAmIRequest *, v1::WhoAmIResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Auth.WhoAmI", &who, false); !status.ok())
        return finish(call, status);
    if (auto user = m_ctx.store.user(who.user))
        *response->mutable_user() = *user;
    response->set_site(m_ctx.site.name);
    response->set_server_version(m_ctx.version);
    response->set_backend(m_ctx.backend.kind());
    return finish(call, grpc::Status::OK);
}

grpc::ServerUnaryReactor *AuthService::ListUsers(grpc::CallbackServerContext *call,
    const v1::ListUsersRequest *, v1::ListUsersResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Auth.ListUsers", &who, false); !status.ok())
        return finish(call, status);
    for (auto &user : m_ctx.store.listUsers())
        *response->add_users() = std::move(user);
    return finish(call, grpc::Status::OK);
}

grpc::ServerUnaryReactor *AuthService::CreateUser(grpc::CallbackServerContext *call,
    const v1::CreateUserRequest *request, v1::CreateUserResponse *response)
{
    constexpr const char *method = "Auth.CreateUser";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    return runAction(
        call,
        [this, call, who, method, request, response] {
            grpc::Status status;
            if (request->role() == v1::ROLE_UNSPECIFIED) {
                status = invalidArgument(
                    "role is required (viewer, operator, tenant-manager or admin)");
            } else if (m_ctx.store.user(request->name())) {
                status = grpc::Status(grpc::StatusCode::ALREADY_EXISTS,
                    "user '" + request->name() + "' already exists");
            } else {
                try {
                    const std::vector<std::string> tenants(
                        request->tenants().begin(), request->tenants().end());
                    response->set_token(
                        m_ctx.store.createUser(request->name(), request->role(), tenants));
                    if (auto user = m_ctx.store.user(request->name()))
                        *response->mutable_user() = *user;
                } catch (const std::invalid_argument &e) {
                    status = invalidArgument(e.what());
                }
            }
            audit(call, who, method, request->name(), {}, status,
                status.ok() ? "role " + Rbac::roleName(request->role()) : "");
            return status;
        },
        auditing(call, who, method, request->name()));
}

grpc::ServerUnaryReactor *AuthService::DeleteUser(grpc::CallbackServerContext *call,
    const v1::DeleteUserRequest *request, v1::DeleteUserResponse *)
{
    constexpr const char *method = "Auth.DeleteUser";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    return runAction(
        call,
        [this, call, who, method, request] {
            grpc::Status status;
            if (request->name() == who.user)
                status = grpc::Status(
                    grpc::StatusCode::FAILED_PRECONDITION, "you cannot remove your own user");
            else if (!m_ctx.store.deleteUser(request->name()))
                status = grpc::Status(
                    grpc::StatusCode::NOT_FOUND, "user '" + request->name() + "' not found");
            audit(call, who, method, request->name(), {}, status);
            return status;
        },
        auditing(call, who, method, request->name()));
}

grpc::ServerUnaryReactor *AuthService::CreateToken(grpc::CallbackServerContext *call,
    const v1::CreateTokenRequest *request, v1::CreateTokenResponse *response)
{
    constexpr const char *method = "Auth.CreateToken";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    return runAction(
        call,
        [this, call, who, method, request, response] {
            grpc::Status status;
            if (!m_ctx.store.user(request->user())) {
                status = grpc::Status(
                    grpc::StatusCode::NOT_FOUND, "user '" + request->user() + "' not found");
            } else {
                auto [info, token] = m_ctx.store.createToken(request->user());
                *response->mutable_info() = info;
                response->set_token(token);
            }
            audit(call, who, method, request->user(), {}, status,
                status.ok() ? response->info().id() : "");
            return status;
        },
        auditing(call, who, method, request->user()));
}

grpc::ServerUnaryReactor *AuthService::RevokeToken(grpc::CallbackServerContext *call,
    const v1::RevokeTokenRequest *request, v1::RevokeTokenResponse *)
{
    constexpr const char *method = "Auth.RevokeToken";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    return runAction(
        call,
        [this, call, who, method, request] {
            grpc::Status status;
            if (!m_ctx.store.revokeToken(request->token_id()))
                status = grpc::Status(
                    grpc::StatusCode::NOT_FOUND, "token '" + request->token_id() + "' not found");
            audit(call, who, method, request->token_id(), {}, status);
            return status;
        },
        auditing(call, who, method, request->token_id()));
}

} // namespace suanli::server
