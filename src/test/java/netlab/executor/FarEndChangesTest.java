package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The requests that move a vxlan's far ends, given that a new remote swaps only the old remote's
 * flooding destination for its own (TunnelRepointingTest reads the result back from the kernel).
 */
class FarEndChangesTest {
    private static List<InetAddress> ips(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(" ")).map(InetAddress::ofLiteral).toList();
    }

    private static void assertChanges(String old, String now, String remote, String deleted, String appended) {
        FarEndChanges changes = FarEndChanges.between(ips(old), ips(now));
        assertThat(changes.remote()).as("%s to %s: remote", old, now)
                .isEqualTo(remote.isEmpty() ? Optional.empty() : Optional.of(InetAddress.ofLiteral(remote)));
        assertThat(changes.deleted()).as("%s to %s: deleted", old, now).isEqualTo(ips(deleted));
        assertThat(changes.appended()).as("%s to %s: appended", old, now).isEqualTo(ips(appended));
    }

    @Test
    void aFloodingEntryThatWentIsDeletedEvenWhenTheRemoteMoved() {
        assertChanges("192.0.2.1 192.0.2.2 192.0.2.3", "192.0.2.4 192.0.2.2", "192.0.2.4", "192.0.2.3", "");
    }

    @Test
    void aRemoteMovedToAFloodingEntrysAddressNeedsNoAppend() {
        assertChanges("192.0.2.1 192.0.2.2", "192.0.2.2 192.0.2.5", "192.0.2.2", "", "192.0.2.5");
    }

    @Test
    void theOldRemoteKeptAsAFloodingEntryIsAppendedAgain() {
        assertChanges("192.0.2.1 192.0.2.2", "192.0.2.3 192.0.2.1 192.0.2.2", "192.0.2.3", "", "192.0.2.1");
    }

    @Test
    void onlyFloodingEntriesChangedLeaveTheRemote() {
        assertChanges("192.0.2.1 192.0.2.2 192.0.2.3", "192.0.2.1 192.0.2.3 192.0.2.4", "", "192.0.2.2",
                "192.0.2.4");
    }
}
