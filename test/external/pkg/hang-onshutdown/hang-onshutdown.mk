################################################################################
# hang-onshutdown: an onshutdown container that outlives its timeout (for the tests)
################################################################################

HANG_ONSHUTDOWN_VERSION = $(KR_VERSION)
HANG_ONSHUTDOWN_LICENSE = MIT
HANG_ONSHUTDOWN_BUSYBOX_APPLETS = sleep

$(eval $(container-package))
