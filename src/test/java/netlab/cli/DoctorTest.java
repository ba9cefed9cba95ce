package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * netlab doctor finds each problem planted for it, and says nothing else. Each run is a child JVM
 * in network and mount namespaces of its own (unshare), where the problem is planted with the
 * real tools first (nft, sysctl, ip, mount), so nothing planted outlives the run. The kernel's
 * own lines are what /proc/config.gz, read by zcat, says this kernel lacks.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class DoctorTest {
    /** The bridge-nf settings are 1 in every new namespace once br_netfilter is in the kernel: off unless planted. */
    private static final String NO_BRIDGE_NETFILTER = "[ ! -d /proc/sys/net/bridge ] || sysctl -qw "
            + "net.bridge.bridge-nf-call-iptables=0 net.bridge.bridge-nf-call-ip6tables=0; ";
    private static final String FORWARD_FIX = "accept the lab's traffic first: nft insert rule %1$s iifname BRIDGE accept, "
            + "and the same with oifname (Docker: in chain DOCKER-USER); or nft 'chain %1$s { policy accept; }'";

    private static List<String> kernelLines;

    @TempDir
    Path directory;

    @BeforeAll
    static void readTheKernelsConfiguration() {
        assumeTrue(Files.exists(Path.of("/proc/config.gz")), "the kernel keeps no /proc/config.gz");
        assumeTrue(!Files.exists(Path.of("/proc/modules")), "modules loaded could add what the configuration lacks");
        String config = Shell.check("sh", "-c", "zcat /proc/config.gz");
        kernelLines = new ArrayList<>();
        String[][] features = {{"CONFIG_VETH", "veth", "veth pairs", "problem"}, {"CONFIG_BRIDGE", "bridge", "bridges", "problem"},
                {"CONFIG_MACVLAN", "macvlan", "macvlan interfaces", "problem"}, {"CONFIG_NF_TABLES", "nf_tables", "nf_tables", "problem"},
                {"CONFIG_NFT_NAT", "nft_nat", "snat rules", "problem"}, {"CONFIG_NFT_MASQ", "nft_masq", "masquerade rules", "problem"},
                {"CONFIG_NET_SCH_NETEM", "sch_netem", "delay and jitter on links", "warning"},
                {"CONFIG_NET_SCH_TBF", "sch_tbf", "rate limits on links", "warning"},
                {"CONFIG_NFT_NUMGEN", "nft_numgen", "loss on links", "warning"},
                {"CONFIG_VXLAN", "vxlan", "vxlan tunnels (a lab split over machines)", "warning"}};
        for (String[] feature : features) {
            if (!config.contains("\n" + feature[0] + "=y\n") && !config.contains("\n" + feature[0] + "=m\n")) {
                kernelLines.add(feature[3] + ": the kernel has no " + feature[1] + " (" + feature[0] + "), so " + feature[2]
                        + " cannot be made; fix: install a kernel built with " + feature[0] + "=y or =m");
            }
        }
        assumeTrue(kernelLines.stream().noneMatch(line -> line.startsWith("problem")), "this kernel cannot make labs");
        assumeTrue(!"0".equals(read("/proc/sys/user/max_user_namespaces")), "user namespaces are off");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** {@code netlab doctor args} in a child JVM in namespaces of its own, after {@code plant} ran there. */
    private static Shell.Result doctor(List<String> prefix, String plant, String... args) {
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "--mount", "--propagation", "private", "sh", "-ec",
                // A /run of its own: the suite's /run/netns, made private by this very unshare, is not the case's.
                "ip link set lo up; mount -t tmpfs doctor-run /run; " + plant + "exec \"$@\"", "sh"));
        command.addAll(prefix);
        command.addAll(NetlabRunner.javaCommand(Main.class, concat("doctor", args)));
        return Shell.run(command.toArray(String[]::new));
    }

    private static Shell.Result doctor(String plant, String... args) {
        return doctor(List.of(), plant, args);
    }

    private static String[] concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** The kernel's lines, then {@code findings}, then the summary doctor ends with. */
    private static String output(List<String> findings) {
        return output(List.of(), findings);
    }

    /** As {@link #output(List)}, with the trial's lines, which come before what the kernel says of itself. */
    private static String output(List<String> trial, List<String> findings) {
        List<String> lines = new ArrayList<>(trial);
        lines.addAll(kernelLines);
        lines.addAll(findings);
        long problems = lines.stream().filter(line -> line.startsWith("problem: ")).count();
        long warnings = lines.stream().filter(line -> line.startsWith("warning: ")).count();
        long unchecked = lines.stream().filter(line -> line.startsWith("not checked: ")).count();
        List<String> counts = new ArrayList<>();
        if (problems > 0) {
            counts.add(problems + " problem" + (problems > 1 ? "s" : ""));
        }
        if (warnings > 0) {
            counts.add(warnings + " warning" + (warnings > 1 ? "s" : ""));
        }
        if (unchecked > 0) {
            counts.add(unchecked + " not checked");
        }
        String summary = problems > 0 ? String.join(", ", counts)
                : "nothing blocks a lab" + (counts.isEmpty() ? "" : "; " + String.join(", ", counts));
        lines.add("netlab doctor: " + summary);
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aMachineWithNoneOfTheProblemsPassesWithOnlyTheKernelsOwnLines() {
        // A route of the machine's own that no subnet of lan.topo touches, and a forward chain that accepts.
        Shell.Result run = doctor(NO_BRIDGE_NETFILTER + "ip link add d0 type veth peer name d1; "
                + "ip addr add 10.99.0.1/24 dev d0; ip link set d0 up; "
                + "nft 'table ip filter { chain FORWARD { type filter hook forward priority 0; policy accept; }; }'; ",
                Cli.LAN);

        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of()));
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aForwardChainOfIpOrInetWithPolicyDropIsAProblemEachOtherChainIsNot() {
        Shell.Result run = doctor(NO_BRIDGE_NETFILTER
                + "nft 'table ip filter { chain FORWARD { type filter hook forward priority 0; policy drop; }; "
                + "chain INPUT { type filter hook input priority 0; policy drop; }; }'; "
                + "nft 'table ip open { chain forward { type filter hook forward priority 0; policy accept; }; }'; "
                + "nft 'table ip6 filter { chain FORWARD { type filter hook forward priority 0; policy drop; }; }'; "
                + "nft 'table inet firewall { chain forward { type filter hook forward priority 10; policy drop; }; }'; ",
                Cli.LAN);

        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of(forwardDrop("ip filter FORWARD"), forwardDrop("inet firewall forward"))));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    private static String forwardDrop(String chain) {
        return "problem: the host drops what it forwards (nf_tables chain " + chain + ": hook forward, policy drop; Docker "
                + "and firewalls set it), so labs routed through the host lose their traffic; fix: "
                + FORWARD_FIX.formatted(chain);
    }

    @Test
    void bridgeNetfilterCallingIptablesIsAWarning() {
        assumeTrue(Files.isDirectory(Path.of("/proc/sys/net/bridge")), "no br_netfilter in this kernel");
        Shell.Result run = doctor(NO_BRIDGE_NETFILTER + "sysctl -qw net.bridge.bridge-nf-call-iptables=1; ", Cli.LAN);

        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of("warning: br_netfilter sends bridged traffic through the firewall "
                + "(net.bridge.bridge-nf-call-iptables = 1), so a forward drop or firewall rule also drops traffic between "
                + "nodes on one bridge; fix: sysctl -w net.bridge.bridge-nf-call-iptables=0 (Docker and Kubernetes set it; "
                + "only if nothing here needs it)")));
        assertThat(run.exitCode()).isZero();
    }

    /**
     * A legacy iptables rule when iptables-legacy is installed; else the legacy filter table
     * itself, which the kernel makes when a program first asks for it (IPT_SO_GET_INFO).
     */
    @Test
    void iptablesLegacyTablesNextToNfTablesAreAWarning() throws Exception {
        String plant;
        if (Shell.run("sh", "-c", "command -v iptables-legacy").exitCode() == 0) {
            plant = "iptables-legacy -A FORWARD -j ACCEPT; ";
        } else {
            assumeTrue(Shell.run("sh", "-c", "command -v python3").exitCode() == 0, "neither iptables-legacy nor python3");
            Path script = Files.writeString(directory.resolve("legacy-filter.py"), """
                    import ctypes, socket
                    libc = ctypes.CDLL(None, use_errno=True)
                    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
                    info = ctypes.create_string_buffer(84)  # struct ipt_getinfo
                    info[:6] = b"filter"
                    size = ctypes.c_uint(84)
                    IPT_SO_GET_INFO = 64
                    assert libc.getsockopt(s.fileno(), socket.IPPROTO_IP, IPT_SO_GET_INFO, info, ctypes.byref(size)) == 0
                    """);
            plant = "python3 " + script + "; ";
        }
        Shell.Result run = doctor(NO_BRIDGE_NETFILTER + plant + "[ \"$(cat /proc/net/ip_tables_names)\" = filter ]; ", Cli.LAN);

        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of("warning: iptables-legacy tables are in use next to nf_tables "
                + "(filter): their rules filter lab traffic too, and nft does not show them; fix: look with "
                + "iptables-legacy-save; move them to nf_tables (iptables-legacy-save | iptables-nft-restore) or remove the "
                + "rules that drop lab traffic")));
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aRouteOfTheMachineOverlappingALabsSubnetIsAProblem() {
        Shell.Result run = doctor(NO_BRIDGE_NETFILTER + "ip link add d0 type veth peer name d1; "
                + "ip addr add 192.168.0.77/24 dev d0; ip link set d0 up; ", Cli.LAN);

        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of("problem: " + Cli.LAN + ": subnet 192.168.0.0/24 (host:br0, ns1:eth0, "
                + "ns2:eth0) overlaps the machine's route 192.168.0.0/24 dev d0, so traffic to those addresses may take the "
                + "wrong way; fix: give the lab other addresses (in a copy of the file), or bring it up without root (in "
                + "namespaces of its own: README, \"Without root\")")));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void aRunNetnsThatIsNotSharedIsAProblem() {
        Shell.Result run = doctor(NO_BRIDGE_NETFILTER + "mount -t tmpfs doctor /run; mkdir /run/netns; "
                + "mount --bind /run/netns /run/netns; mount --make-private /run/netns; ", Cli.LAN);

        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of("problem: /run/netns is not a shared mount, so namespaces named in "
                + "one mount namespace are empty files in others; fix: mount --make-shared /run/netns")));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /** Without CAP_NET_ADMIN the nf_tables chains cannot be listed: said, not counted as a problem. */
    @Test
    void withoutRootWhatCannotBeReadIsSaidSoAndTheRestIsChecked() {
        Shell.Result run = doctor(List.of("setpriv", "--bounding-set=-net_admin,-sys_admin", "--inh-caps=-net_admin,-sys_admin"),
                NO_BRIDGE_NETFILTER + "nft 'table ip filter { chain FORWARD { type filter hook forward priority 0; policy drop; }; }'; "
                        + "ip link add d0 type veth peer name d1; ip addr add 192.168.0.77/24 dev d0; ip link set d0 up; ",
                Cli.LAN);

        assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of("not checked: cannot list the nf_tables chains (a forward hook with "
                + "policy drop) (needs root); fix: run sudo netlab doctor", "problem: " + Cli.LAN + ": subnet 192.168.0.0/24 "
                + "(host:br0, ns1:eth0, ns2:eth0) overlaps the machine's route 192.168.0.0/24 dev d0, so traffic to those "
                + "addresses may take the wrong way; fix: give the lab other addresses (in a copy of the file), or bring it up "
                + "without root (in namespaces of its own: README, \"Without root\")")));
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /**
     * As root, veth, bridge, macvlan and a masquerade rule are made for real in a throwaway
     * namespace: the trace shows them made, and the namespace doctor runs in has no link but lo
     * and no nf_tables table afterwards.
     */
    @Test
    void asRootWhatLabsNeedIsMadeInAThrowawayNamespaceThatLeavesNothing() {
        List<String> command = new ArrayList<>(List.of("unshare", "--net", "sh", "-ec", "ip link set lo up; "
                + "\"$@\" >/dev/null; ip -o link | wc -l; nft list ruleset | wc -l", "sh"));
        command.addAll(NetlabRunner.javaCommand(Main.class, "--trace-netlink", "doctor", Cli.LAN));
        Shell.Result run = Shell.run(command.toArray(String[]::new));

        assertThat(run.stdout()).as(run.stderr()).isEqualTo("1\n0\n");
        assertThat(run.stderr()).contains("Name name=\"doctor0\"", "Name name=\"doctor-br\"", "Name name=\"doctor-mv\"",
                "NFT_MSG_NEWRULE");
    }

    /**
     * A refusal of the kernel is a problem naming its reason; the kernel is made to refuse one
     * request (NETLAB_TEST_REFUSE_MESSAGE: the veth pair, the bridge, the NAT table). Without
     * a veth there is no parent for the macvlan, which is then not tried.
     */
    @Test
    void aFeatureTheKernelRefusesIsAProblemWithItsReason() {
        String[][] cases = {{"1", "veth pairs (add a veth pair: EOPNOTSUPP (Operation not supported)); fix: modprobe veth"},
                {"2", "bridges (add a bridge: EOPNOTSUPP (Operation not supported)); fix: modprobe bridge"},
                {"4", "masquerade rules (add a table with a masquerade rule: EINVAL (Invalid argument)); fix: modprobe nf_tables "
                        + "nft_masq"}};
        for (String[] refused : cases) {
            Shell.Result run = doctor(List.of("env", "NETLAB_TEST_REFUSE_MESSAGE=" + refused[0]), NO_BRIDGE_NETFILTER, Cli.LAN);

            assertThat(run.stdout()).as(run.stderr()).isEqualTo(output(List.of("problem: the kernel cannot make " + refused[1]
                    + ", or install a kernel that has them"), List.of()));
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }
}
