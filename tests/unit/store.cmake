suanli_test(tst_store LIBS suanli_store)
