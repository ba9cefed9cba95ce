package netlab.executor.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.error.LabStateException;
import netlab.kernel.NetNamespace;
import netlab.kernel.Sysctl;
import netlab.state.HostSysctlLedger;
import netlab.state.HostSysctlLedger.Entry;

/**
 * Host sysctls, which every lab on the machine shares: a lab that sets one joins its holders in
 * the machine's ledger, the first of them having recorded the value from before; a lab going
 * down leaves, and the last to leave puts the old value back. Two labs may hold a key only at
 * the same value: the second asking for another is refused, before it changes anything.
 */
public final class SharedHostSysctls {
    private final HostSysctlLedger ledger;

    public SharedHostSysctls(HostSysctlLedger ledger) {
        this.ledger = ledger;
    }

    /** Why {@code lab} may not set {@code key} to {@code value} (other labs hold it at another); empty if it may. */
    public Optional<String> conflict(String lab, String key, String value) {
        return conflict(ledger.entries().get(key), lab, value);
    }

    /** Sets the key for {@code lab}, recording the old value if no lab held it yet. */
    public void set(NetNamespace host, String lab, String key, String value) {
        ledger.change(entries -> {
            Entry entry = entries.get(key);
            conflict(entry, lab, value).ifPresent(reason -> {
                throw new LabStateException(reason);
            });
            List<String> holders = new ArrayList<>(entry == null ? List.of() : entry.holders());
            if (!holders.contains(lab)) {
                holders.add(lab);
            }
            String original = entry == null ? Sysctl.read(host, key) : entry.original();
            entries.put(key, new Entry(key, original, value, holders));
            return entries;
        });
        // Written after the ledger: a netlab killed in between left the key as it was, which
        // is what the ledger's old value then says.
        Sysctl.write(host, key, value);
    }

    /** {@code lab} lets go of {@code key}; the last holder puts the old value back (a key gone with its interface is done). */
    public void release(NetNamespace host, String lab, String key) {
        ledger.change(entries -> {
            Entry entry = entries.get(key);
            if (entry == null || !entry.holders().contains(lab)) {
                return entries; // never set by this lab (killed before), or released already
            }
            List<String> holders = new ArrayList<>(entry.holders());
            holders.remove(lab);
            if (holders.isEmpty()) {
                Sysctl.restore(host, key, entry.original());
                entries.remove(key);
            } else {
                entries.put(key, new Entry(key, entry.original(), entry.value(), holders));
            }
            return entries;
        });
    }

    private static Optional<String> conflict(Entry entry, String lab, String value) {
        if (entry == null || entry.value().equals(value) || List.of(lab).containsAll(entry.holders())) {
            return Optional.empty();
        }
        return Optional.of("host sysctl " + entry.key() + " is " + entry.value() + " for lab"
                + (entry.holders().size() > 1 ? "s " : " ") + String.join(", ", entry.holders()) + ", and lab " + lab
                + " would set it to " + value);
    }
}
