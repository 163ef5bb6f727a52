# kitroot-wrapper: the toolchain wrapper (host; see toolchain/toolchain-wrapper.mk)
wrapper_BIN = kitroot-wrapper
wrapper_CPPFLAGS = -D_POSIX_C_SOURCE=200809L
