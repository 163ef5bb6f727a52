# kitroot-init: PID 1 (target; see pkg/init)
init_BIN = kitroot-init
init_CPPFLAGS = -D_GNU_SOURCE
