package netlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.executor.held.HeldLabs;
import netlab.state.HeldLab;
import netlab.state.LabRecord;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ls", description = "List the labs that are up (or broken).")
final class LsCommand implements Runnable {
    private static final String ROW = "%-20s %-7s %5s  %-20s %s%n";

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = "--all-users", description = "Root: also list every user's labs (in /run/user/UID), reading only.")
    boolean allUsers;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    /** One lab of the listing, and whose it is (null: this user's). */
    private record Owned(String user, LabRecord record) {}

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<Owned> labs = new ArrayList<>();
        Labs.store().list().forEach(record -> labs.add(new Owned(null, record)));
        if (allUsers) {
            Privileges.requireAdmin();
            labs.addAll(usersLabs());
        }
        List<ListedLab> listed = labs.stream().map(owned -> listed(owned.user(), owned.record())).toList();
        if (json) {
            out.print(LsJson.render(listed));
            out.flush();
            return;
        }
        if (listed.isEmpty()) {
            out.println("no lab is up");
            return;
        }
        String userColumn = allUsers ? "%-12s " : "";
        out.printf(userColumn + ROW, allUsers ? new Object[] {"USER", "LAB", "STATUS", "NODES", "SINCE", "FILE"}
                : new Object[] {"LAB", "STATUS", "NODES", "SINCE", "FILE"});
        List<String> unreadable = new ArrayList<>();
        boolean interrupted = false;
        for (ListedLab lab : listed) {
            List<Object> row = new ArrayList<>();
            if (allUsers) {
                row.add(lab.user().orElse("root"));
            }
            interrupted |= lab.broken() && lab.problem().isEmpty();
            row.addAll(List.of(Printable.line(lab.lab()), lab.broken() ? "broken" : "up",
                    lab.nodes().map(String::valueOf).orElse("-"),
                    lab.since().map(since -> since.toString().substring(0, 19).replace('T', ' ')).orElse("-"),
                    lab.file().map(Printable::line).orElse("-")));
            if (lab.problem().isPresent() && lab.user().isEmpty()) {
                unreadable.add("lab " + lab.lab() + ": its record cannot be read (" + lab.problem().get()
                        + "); netlab down " + lab.lab() + " says how to remove it");
            }
            out.printf(userColumn + ROW, row.toArray());
        }
        if (interrupted) {
            out.println("a broken lab was interrupted while it was brought up or down; remove it with: netlab down LAB");
        }
        unreadable.forEach(out::println);
    }

    /** What the listing says of one record: a held lab whose holder is gone is broken. */
    private static ListedLab listed(String user, LabRecord record) {
        Optional<String> owner = Optional.ofNullable(user);
        return switch (record) {
            case LabRecord.Readable(LabState lab) -> ListedLab.of(owner, lab);
            case LabRecord.Held(HeldLab held) -> {
                Optional<LabRecord> inside = HeldLabs.inside(held);
                if (inside.isPresent() && inside.get() instanceof LabRecord.Readable(LabState lab) && HeldLabs.isAlive(held)) {
                    yield ListedLab.of(owner, lab);
                }
                // Its holder (or its way out) is gone, or it died before it was made.
                yield new ListedLab(owner, held.lab(), true, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
            case LabRecord.Unreadable lab -> new ListedLab(owner, lab.lab(), true, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(lab.reason()));
        };
    }

    /**
     * Every user's labs, as their own netlab keeps them in their runtime directory; a directory
     * that is not its owner's own with mode 0700 is skipped, never trusted. Root only reads them:
     * a user's lab is the user's to take down.
     */
    private static List<Owned> usersLabs() {
        List<Owned> labs = new ArrayList<>();
        try (DirectoryStream<Path> users = Files.newDirectoryStream(Path.of("/run/user"), "[0-9]*")) {
            for (Path runtime : users) {
                int uid = Integer.parseInt(runtime.getFileName().toString());
                if (uid == 0) {
                    continue;
                }
                try {
                    String user = Files.getOwner(runtime).getName();
                    StateStore.forUser(uid, runtime.toString()).list().forEach(record -> labs.add(new Owned(user, record)));
                } catch (IOException | RuntimeException e) {
                    // Not a runtime directory netlab would use: nothing of netlab's is there.
                }
            }
        } catch (IOException e) {
            return labs; // no /run/user: no user has a session
        }
        return labs;
    }

}
