suanli_test(tst_sim LIBS suanli_sim)
