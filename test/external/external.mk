# The test suite's external tree: its packages, as kitroot's own.
include $(sort $(wildcard $(KR_EXTERNAL_KITROOT_TEST_PATH)/pkg/*/*.mk))
