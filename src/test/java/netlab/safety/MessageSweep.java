package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import netlab.cli.Main;
import netlab.netlink.NlmFlags;
import netlab.testing.KernelState;
import netlab.testing.NestedSandbox;
import netlab.testing.NetlabRunner;
import netlab.testing.StateDiff;
import netlab.testing.TextFile;

/**
 * One run of the message sweep, in a fresh nested sandbox of its own: the kernel state is
 * recorded first, then netlab runs with one of its message hooks (README, Safety), then
 * {@code netlab down} cleans up, and the state left must equal the state before, whole
 * ({@link KernelState}: links, addresses, routes, neighbours, every net.* sysctl, the ruleset, in
 * every namespace).
 */
final class MessageSweep {
    private static final Path KERNEL_STATE = Path.of("test/sandbox/kernel-state").toAbsolutePath();
    private static final Pattern FLAGS = Pattern.compile(" flags=0x([0-9a-f]+) ");

    /** What the sandbox's script recorded: each command's status and output, and the states. */
    record Outcome(String lab, KernelState before, KernelState after, int first, String firstErr, String ls, int down,
            String downOut, String lsAfter) {
        void leftNothing(String where) {
            List<String> diff = StateDiff.between(before, "nothing", after, "down");
            assertThat(diff).as(where + ": what is left (down said: " + downOut.strip() + ")").isEmpty();
            assertThat(lsAfter).as(where + ": ls after down").isEqualTo("no lab is up\n");
        }
    }

    private MessageSweep() {}

    /** How many netlink messages asking for a change (no dumps) {@code netlab ARGS} sends, after {@code setup}. */
    static int messages(Path dir, List<List<String>> setup, String... args) {
        List<String> traced = new ArrayList<>(List.of("--trace-netlink"));
        traced.addAll(List.of(args));
        StringBuilder script = new StringBuilder();
        setup.forEach(command -> script.append(netlab(command)).append(" >/dev/null 2>&1\n"));
        script.append(netlab(traced)).append(" 2>&1 >/dev/null\n");
        NestedSandbox.Outcome outcome = NestedSandbox.run(dir, List.of("sh", "-c", script.toString()));
        // The line after each "> sent" names the message and its flags; dumps (NLM_F_DUMP) are not counted.
        List<String> lines = outcome.out().lines().toList();
        int changes = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher flags = FLAGS.matcher(lines.get(i + 1));
            if (lines.get(i).startsWith("> sent") && flags.find()
                    && (Integer.parseInt(flags.group(1), 16) & NlmFlags.NLM_F_DUMP) != NlmFlags.NLM_F_DUMP) {
                changes++;
            }
        }
        return changes;
    }

    /**
     * In a fresh sandbox: the state, {@code setup}, {@code ENV=K netlab first...}, {@code ls},
     * {@code down LAB} (with {@code -f}: nothing may have been recorded yet), {@code ls}.
     */
    static Outcome run(Path dir, String lab, List<List<String>> setup, String variable, int message, List<String> first) {
        StringBuilder script = new StringBuilder("set -u\n");
        script.append(quoted(KERNEL_STATE.toString())).append(" ").append(quoted(dir.resolve("before").toString())).append('\n');
        setup.forEach(command -> script.append(netlab(command)).append(" >/dev/null 2>&1\n"));
        script.append(variable).append('=').append(message).append(' ').append(netlab(first))
                .append(" >/dev/null 2>").append(quoted(dir.resolve("first.err").toString())).append('\n')
                .append("echo $? >").append(quoted(dir.resolve("first.status").toString())).append('\n')
                .append(netlab(List.of("ls"))).append(" >").append(quoted(dir.resolve("ls").toString())).append('\n')
                .append(netlab(List.of("down", "-f", lab))).append(" >").append(quoted(dir.resolve("down.out").toString()))
                .append(" 2>&1\n")
                .append("echo $? >").append(quoted(dir.resolve("down.status").toString())).append('\n')
                .append(netlab(List.of("ls"))).append(" >").append(quoted(dir.resolve("ls-after").toString())).append('\n');
        NestedSandbox.Outcome outcome = NestedSandbox.run(dir.resolve("sandbox"), List.of("sh", "-c", script.toString()));
        return new Outcome(lab, KernelState.read(dir.resolve("before")), outcome.state(), status(dir, "first.status"),
                TextFile.read(dir.resolve("first.err")), TextFile.read(dir.resolve("ls")), status(dir, "down.status"),
                TextFile.read(dir.resolve("down.out")), TextFile.read(dir.resolve("ls-after")));
    }

    /** {@code count} message numbers spread over 1..{@code total}, both ends included; all of them when count >= total. */
    static List<Integer> spread(int total, int count) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(count, total); i++) {
            int message = count >= total ? i + 1 : 1 + (int) Math.round((double) i * (total - 1) / (count - 1));
            if (!picked.contains(message)) {
                picked.add(message);
            }
        }
        return picked;
    }

    /** The sweep samples in make test; {@code -Dnetlab.sweep=full} (make sweep) takes every message. */
    static int sample(int total, int inMakeTest) {
        return "full".equals(System.getProperty("netlab.sweep")) ? total : inMakeTest;
    }

    private static int status(Path dir, String file) {
        return Integer.parseInt(TextFile.read(dir.resolve(file)).strip());
    }

    private static String netlab(List<String> args) {
        return NetlabRunner.javaCommand(Main.class, args.toArray(String[]::new)).stream().map(MessageSweep::quoted)
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
