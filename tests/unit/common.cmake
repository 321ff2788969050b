# Unit tests of suanli_common: the filter language, orderings, plain words and quota rules.
suanli_test(tst_filter LIBS suanli_common)
suanli_test(tst_describe LIBS suanli_common)
suanli_test(tst_errorinfo LIBS suanli_common)
suanli_test(tst_quotarules LIBS suanli_common)
suanli_test(tst_contract LIBS suanli_common)
