package netlab.executor.held;


/**
 * Why an ordinary user cannot make a user namespace here, from whichever of the switches this
 * kernel has (docs/rootless.md, "User namespaces disabled"); null when none is off.
 */
public final class UserNamespaces {
    /** The switch that is off, as sysctl names it, and the command that turns it on. */
    public record Off(String setting, String fix) {}

    private UserNamespaces() {}

    static String whyOff() {
        Off off = off();
        return off == null ? null : "user namespaces are off on this machine (" + off.setting()
                + "), so labs without root cannot be made; root can enable them: " + off.fix();
    }

    /** The first switch that keeps an ordinary user from making a user namespace; null when none is off. */
    public static Off off() {
        String debian = read("kernel/unprivileged_userns_clone");
        if ("0".equals(debian)) {
            return off("kernel.unprivileged_userns_clone = 0", "sysctl -w kernel.unprivileged_userns_clone=1");
        }
        String max = read("user/max_user_namespaces");
        if ("0".equals(max)) {
            return off("user.max_user_namespaces = 0", "sysctl -w user.max_user_namespaces=15000");
        }
        String apparmor = read("kernel/apparmor_restrict_unprivileged_userns");
        if ("1".equals(apparmor)) {
            return off("kernel.apparmor_restrict_unprivileged_userns = 1",
                    "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile for netlab's java");
        }
        return null;
    }

    private static Off off(String setting, String fix) {
        return new Off(setting, fix);
    }

    private static String read(String key) {
        try {
            return netlab.kernel.Sysctl.readOnce(java.nio.file.Path.of("/proc/sys", key));
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }
}
