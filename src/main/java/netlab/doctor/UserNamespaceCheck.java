package netlab.doctor;

import java.util.List;
import netlab.executor.held.UserNamespaces;

/**
 * Labs without root live in user namespaces: off, they block an ordinary user's labs (a problem
 * for the user who runs doctor, a warning for root, whose labs do not need them).
 */
final class UserNamespaceCheck {
    private UserNamespaceCheck() {}

    static List<Finding> check(boolean root) {
        UserNamespaces.Off off = UserNamespaces.off();
        if (off == null) {
            return List.of();
        }
        String what = "user namespaces are off (" + off.setting() + "), so labs without root cannot be made";
        return List.of(new Finding(root ? Finding.Level.WARNING : Finding.Level.PROBLEM, what, off.fix()));
    }
}
