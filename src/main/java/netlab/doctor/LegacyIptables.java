package netlab.doctor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * iptables-legacy tables next to nf_tables: they filter packets too, and neither {@code nft list
 * ruleset} nor netlab sees them. The kernel lists the legacy tables in use in
 * /proc/net/ip_tables_names (mode 0440: root only).
 */
final class LegacyIptables {
    private LegacyIptables() {}

    /** Equivalent to: {@code cat /proc/net/ip_tables_names /proc/net/ip6_tables_names}. */
    static List<Finding> check() {
        List<Finding> findings = new ArrayList<>();
        for (String family : List.of("ip", "ip6")) {
            Path names = Path.of("/proc/net/" + family + "_tables_names");
            String tool = family.equals("ip") ? "iptables" : "ip6tables";
            try {
                List<String> tables = Files.readAllLines(names).stream().map(String::strip).filter(t -> !t.isEmpty()).sorted()
                        .toList();
                if (!tables.isEmpty()) {
                    findings.add(Finding.warning(tool + "-legacy tables are in use next to nf_tables (" + String.join(", ", tables)
                            + "): their rules filter lab traffic too, and nft does not show them",
                            "look with " + tool + "-legacy-save; move them to nf_tables (" + tool + "-legacy-save | "
                                    + tool + "-nft-restore) or remove the rules that drop lab traffic"));
                }
            } catch (NoSuchFileException e) {
                // no legacy iptables in this kernel: nothing to say
            } catch (AccessDeniedException e) {
                findings.add(Finding.needsRoot("cannot read " + names + " (iptables-legacy tables)"));
            } catch (IOException e) {
                findings.add(new Finding(Finding.Level.NOT_CHECKED, "cannot read " + names + ": " + e.getMessage(),
                        "look with " + tool + "-legacy-save"));
            }
        }
        return findings;
    }
}
