suanli_test(tst_rbac LIBS suanli_auth)
suanli_test(tst_collection LIBS suanli_cache)
suanli_test(tst_overview LIBS suanli_cache)
suanli_test(tst_actionexecutor LIBS suanli_gateway_core)
