package netlab.cli;

import netlab.error.PermissionException;
import netlab.sys.ProcessStatus;

/**
 * Checks, before anything is changed, that netlab may do its work: creating namespaces and
 * interfaces needs CAP_NET_ADMIN, mounting them under /run/netns needs CAP_SYS_ADMIN.
 */
final class Privileges {
    private Privileges() {}

    static void requireAdmin() {
        if (!isAdmin()) {
            throw new PermissionException("netlab needs root to work with labs (CAP_NET_ADMIN and CAP_SYS_ADMIN): "
                    + "run it with sudo");
        }
    }

    /**
     * Whether netlab may make labs in the machine's namespaces; an ordinary user's labs live in
     * namespaces of their own (docs/rootless.md).
     */
    static boolean isAdmin() {
        return ProcessStatus.mayAdministerNetworks();
    }

    /** The real user id. */
    static int uid() {
        return ProcessStatus.uid();
    }
}
