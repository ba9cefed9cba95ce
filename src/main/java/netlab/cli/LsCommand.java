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
        if (labs.isEmpty()) {
            out.println("no lab is up");
            return;
        }
        String userColumn = allUsers ? "%-12s " : "";
        out.printf(userColumn + ROW, allUsers ? new Object[] {"USER", "LAB", "STATUS", "NODES", "SINCE", "FILE"}
                : new Object[] {"LAB", "STATUS", "NODES", "SINCE", "FILE"});
        List<String> unreadable = new ArrayList<>();
        boolean interrupted = false;
        for (Owned owned : labs) {
            List<Object> row = new ArrayList<>();
            if (allUsers) {
                row.add(owned.user() == null ? "root" : owned.user());
            }
            switch (owned.record()) {
                case LabRecord.Readable(LabState lab) -> {
                    interrupted |= !lab.isUp();
                    row.addAll(columns(lab));
                }
                case LabRecord.Held(HeldLab held) -> {
                    Optional<LabRecord> inside = HeldLabs.inside(held);
                    if (inside.isPresent() && inside.get() instanceof LabRecord.Readable(LabState lab)
                            && HeldLabs.isAlive(held)) {
                        interrupted |= !lab.isUp();
                        row.addAll(columns(lab));
                    } else {
                        // Its holder (or its way out) is gone, or it died before it was made.
                        interrupted = true;
                        row.addAll(List.of(held.lab(), "broken", "-", "-", "-"));
                    }
                }
                case LabRecord.Unreadable lab -> {
                    row.addAll(List.of(lab.lab(), "broken", "-", "-", "-"));
                    if (owned.user() == null) {
                        unreadable.add("lab " + lab.lab() + ": its record cannot be read (" + lab.reason()
                                + "); netlab down " + lab.lab() + " says how to remove it");
                    }
                }
            }
            out.printf(userColumn + ROW, row.toArray());
        }
        if (interrupted) {
            out.println("a broken lab was interrupted while it was brought up or down; remove it with: netlab down LAB");
        }
        unreadable.forEach(out::println);
    }

    private static List<Object> columns(LabState lab) {
        return List.of(printable(lab.lab()), lab.isUp() ? "up" : "broken", Integer.toString(lab.namespaces().size()),
                lab.since().toString().substring(0, 19).replace('T', ' '), printable(lab.file()));
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

    /** A name or path as one line of the listing: control characters (a newline, say) shown as '?'. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
