package netlab.cli;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import netlab.topology.Addresses;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.MachineAddresses;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.dsl.IpText;

/**
 * {@code up --hold --peers FILE}: where the far ends a part file names really are. Each line is
 * {@code ADDRESS TARGET}: a tunnel the file sends to ADDRESS goes to TARGET instead, an address or
 * a name looked up each time the file is read (a pod's DNS name, whose address changes when the
 * pod moves); blank lines and everything from a {@code #} on are skipped. A target must be a
 * machine's address ({@link MachineAddresses}): an address that is not one is refused, a name
 * that gives only such addresses counts as not resolving. A name that does not resolve keeps the
 * address it had, or the file's until it first resolves. Only tunnels over the
 * machine ({@code underlay host}, as the split makes them) are mapped: vxlans in the lab's nodes
 * keep what the lab says.
 */
final class PeerMap {
    private final Map<InetAddress, String> targets;
    /** Whether a peers file was given: then a far end it does not map is said, as likely a typo. */
    private final boolean given;

    private PeerMap(Map<InetAddress, String> targets, boolean given) {
        this.targets = targets;
        this.given = given;
    }

    static PeerMap none() {
        return new PeerMap(Map.of(), false);
    }

    static PeerMap read(Path file) {
        List<String> lines;
        try {
            lines = SettledText.read(file).orElseThrow(() -> new PeersFileException("the peers file " + file
                    + " is still being written (each of " + SettledText.READS + " reads "
                    + SettledText.APART.toMillis() + " ms apart differed from the one before)")).lines().toList();
        } catch (IOException e) {
            throw new PeersFileException("cannot read the peers file " + file + ": " + IoReasons.about(file, e));
        }
        Map<InetAddress, String> targets = new LinkedHashMap<>();
        Map<InetAddress, Integer> lineOf = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = withoutComment(lines.get(n)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            Optional<InetAddress> from = words.length == 2 ? literal(words[0]) : Optional.empty();
            if (from.isEmpty()) {
                throw new PeersFileException(file + ":" + (n + 1) + ": a peer line is 'ADDRESS TARGET', not '"
                        + line + "'");
            }
            Optional<InetAddress> to = literal(words[1]);
            if (to.isEmpty() && readsAsAnAddressElsewhere(words[1])) {
                throw new PeersFileException(file + ":" + (n + 1) + ": " + words[1] + " is not an address as topology "
                        + "files write them (IPv4 in four decimal parts without leading zeros, or IPv6 text)");
            }
            if (to.isPresent() && !MachineAddresses.isMachineAddress(to.get())) {
                throw new PeersFileException(file + ":" + (n + 1) + ": " + words[1] + " is not a machine's address ("
                        + MachineAddresses.REFUSED + ")");
            }
            Integer earlier = lineOf.putIfAbsent(from.get(), n + 1);
            if (earlier != null) {
                throw new PeersFileException(file + ":" + (n + 1) + ": " + words[0] + " is mapped on line " + earlier
                        + " already");
            }
            targets.put(from.get(), words[1]);
        }
        return new PeerMap(targets, true);
    }

    /** True when the file maps no address: an agent holding a lab takes that as a file being written. */
    boolean isEmpty() {
        return targets.isEmpty();
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** An address as the topology language reads it, so that a placeholder matches the part file's. */
    private static Optional<InetAddress> literal(String text) {
        return Optional.ofNullable(IpText.parse(text));
    }

    /**
     * A target such as {@code 010.0.0.1} or {@code 10.1}: not a name, yet read as an address by
     * some (Java gives 10.0.0.1, inet_aton 8.0.0.1): refused rather than guessed.
     */
    private static boolean readsAsAnAddressElsewhere(String text) {
        try {
            InetAddress.ofLiteral(text);
            return true;
        } catch (IllegalArgumentException e) {
            return text.matches("[0-9.]+");
        }
    }

    /**
     * The far ends of the tunnels to other machines ({@code underlay host}: the split makes these),
     * as the file gives them. A lab's vxlans whose sockets are in a node are not there: their
     * remotes are the lab's, and may well be the same addresses as the machines' placeholders.
     */
    static Map<Endpoint, List<InetAddress>> farEnds(Lab lab) {
        Map<Endpoint, List<InetAddress>> ends = new LinkedHashMap<>();
        for (Node node : lab.nodes()) {
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.Vxlan vxlan && vxlan.machine()) {
                    ends.put(new Endpoint(node.name(), vxlan.name()), vxlan.remotes());
                }
            }
        }
        return ends;
    }

    /**
     * The far ends mapped: a target looked up now, or when it does not resolve, the address it
     * last resolved to (the file's address before it ever did), each such target told to {@code
     * unresolved} as a line saying so. {@code lastResolved} is that memory, kept by the caller
     * across rounds (a tunnel's list of far ends loses places when two land on one address, so it
     * cannot be); this round's look-ups are put there.
     */
    Map<Endpoint, List<InetAddress>> map(Map<Endpoint, List<InetAddress>> fromFile,
            Map<InetAddress, InetAddress> lastResolved, Consumer<String> unresolved) {
        Map<InetAddress, InetAddress> now = new LinkedHashMap<>();
        Map<Endpoint, List<InetAddress>> mapped = new LinkedHashMap<>();
        fromFile.forEach((vxlan, remotes) -> {
            List<InetAddress> ends = remotes.stream().map(written -> now.computeIfAbsent(written,
                    w -> lookUp(w, lastResolved, unresolved))).toList();
            List<InetAddress> distinct = ends.stream().distinct().toList();
            if (distinct.size() < ends.size()) {
                // Two machines at one address (a typo, or a move half seen): one flooding entry each is all the kernel takes.
                unresolved.accept("tunnel " + vxlan + " has far ends at one address (" + String.join(" ",
                        ends.stream().map(Addresses::format).toList()) + "); it sends there once");
            }
            mapped.put(vxlan, distinct);
        });
        return mapped;
    }

    private InetAddress lookUp(InetAddress written, Map<InetAddress, InetAddress> lastResolved,
            Consumer<String> unresolved) {
        String target = targets.get(written);
        if (target == null) {
            if (given) {
                unresolved.accept("no peer line maps " + Addresses.format(written) + ", a far end of this part's "
                        + "tunnels; they send there as written");
            }
            return written;
        }
        List<InetAddress> found = addresses(target, written);
        Optional<InetAddress> machine = found.stream().filter(MachineAddresses::isMachineAddress).findFirst();
        if (machine.isPresent()) {
            lastResolved.put(written, machine.get());
            return machine.get();
        }
        InetAddress fallback = lastResolved.getOrDefault(written, written);
        String why = found.isEmpty() ? "has no " + (written instanceof Inet4Address ? "IPv4" : "IPv6") + " address now"
                : "resolves only to " + String.join(" ", found.stream().map(Addresses::format).toList())
                        + ", not a machine's address";
        unresolved.accept("peer " + target + " (for " + Addresses.format(written) + ") " + why
                + "; its tunnels stay at " + Addresses.format(fallback));
        return fallback;
    }

    /** The addresses {@code target} gives now of the family of {@code written}, the tunnel's. */
    private static List<InetAddress> addresses(String target, InetAddress written) {
        try {
            return Arrays.stream(InetAddress.getAllByName(target))
                    .filter(address -> (address instanceof Inet4Address) == (written instanceof Inet4Address))
                    .toList();
        } catch (UnknownHostException e) {
            return List.of(); // not (yet) in DNS: a pod that is not scheduled has no address
        }
    }
}
