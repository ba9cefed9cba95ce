package netlab.sys;

/**
 * The x86_64 numbers of the system calls netlab makes, as in the kernel's
 * {@code arch/x86/entry/syscalls/syscall_64.tbl} ({@code <asm/unistd_64.h>}). Other architectures
 * number them differently; netlab's native dependencies (Netty's epoll library) are x86_64's too.
 */
final class SyscallNumbers {
    static final long __NR_close = 3;
    static final long __NR_rt_sigprocmask = 14;
    static final long __NR_socket = 41;
    static final long __NR_sendto = 44;
    static final long __NR_recvmsg = 47;
    static final long __NR_bind = 49;
    static final long __NR_getsockname = 51;
    static final long __NR_socketpair = 53;
    static final long __NR_setsockopt = 54;
    static final long __NR_getsockopt = 55;
    static final long __NR_execve = 59;
    static final long __NR_getrlimit = 97;
    static final long __NR_mount = 165;
    static final long __NR_umount2 = 166;
    static final long __NR_sethostname = 170;
    static final long __NR_openat = 257;
    static final long __NR_mkdirat = 258;
    static final long __NR_mknodat = 259;
    static final long __NR_unlinkat = 263;
    static final long __NR_unshare = 272;
    static final long __NR_setns = 308;
    static final long __NR_pidfd_send_signal = 424;
    static final long __NR_pidfd_open = 434;
    static final long __NR_close_range = 436;

    private SyscallNumbers() {}
}
