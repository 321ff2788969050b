#pragma once

#include "server/gateway/ServiceBase.h"
#include "suanli/v1/auth.grpc.pb.h"

namespace suanli::server {

// AuthService tells callers who they are and lets admins manage users and tokens.
class AuthService final : public v1::Auth::CallbackService, public ServiceBase {
public:
    explicit AuthService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerUnaryReactor *WhoAmI(grpc::CallbackServerContext *call, const v1::WhoAmIRequest *,
        v1::WhoAmIResponse *response) override;
    grpc::ServerUnaryReactor *ListUsers(grpc::CallbackServerContext *call,
        const v1::ListUsersRequest *, v1::ListUsersResponse *response) override;
    grpc::ServerUnaryReactor *CreateUser(grpc::CallbackServerContext *call,
        const v1::CreateUserRequest *request, v1::CreateUserResponse *response) override;
    grpc::ServerUnaryReactor *DeleteUser(grpc::CallbackServerContext *call,
        const v1::DeleteUserRequest *request, v1::DeleteUserResponse *response) override;
    grpc::ServerUnaryReactor *CreateToken(grpc::CallbackServerContext *call,
        const v1::CreateTokenRequest *request, v1::CreateTokenResponse *response) override;
    grpc::ServerUnaryReactor *RevokeToken(grpc::CallbackServerContext *call,
        const v1::RevokeTokenRequest *request, v1::RevokeTokenResponse *response) override;
};

} // namespace suanli::server
