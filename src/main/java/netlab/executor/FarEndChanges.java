package netlab.executor;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * What moving one vxlan from its far ends {@code old} to {@code now} asks of the kernel: a new
 * remote when the first far end moved, then the all-zero fdb entry's destinations to delete and
 * to append, so that it holds exactly {@code now}.
 *
 * <p>The remote's own destination is one of that entry's, and changing the remote touches only
 * it: the kernel appends the new remote (nothing when it is there already) and deletes the old
 * one's; the other destinations stay (vxlan_changelink, since 2018's "vxlan: changelink: Fix
 * handling of default remotes").
 *
 * @param remote the vxlan's new remote, when it changes
 */
record FarEndChanges(Optional<InetAddress> remote, List<InetAddress> deleted, List<InetAddress> appended) {
    static FarEndChanges between(List<InetAddress> old, List<InetAddress> now) {
        SequencedSet<InetAddress> kernel = new LinkedHashSet<>(old);
        Optional<InetAddress> remote = Optional.empty();
        if (!old.getFirst().equals(now.getFirst())) {
            remote = Optional.of(now.getFirst());
            kernel.add(now.getFirst());
            kernel.remove(old.getFirst());
        }
        List<InetAddress> deleted = kernel.stream().filter(address -> !now.contains(address)).toList();
        List<InetAddress> appended = now.stream().filter(address -> !kernel.contains(address)).toList();
        return new FarEndChanges(remote, deleted, appended);
    }
}
