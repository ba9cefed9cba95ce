package netlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.executor.held.HeldLabs;
import netlab.state.HeldLab;
import netlab.state.LabRecord;
import netlab.state.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ls", description = "List the labs that are up (or broken).")
final class LsCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<LabRecord> labs = Labs.store().list();
        if (labs.isEmpty()) {
            out.println("no lab is up");
            return;
        }
        out.printf("%-20s %-7s %5s  %-20s %s%n", "LAB", "STATUS", "NODES", "SINCE", "FILE");
        List<String> unreadable = new ArrayList<>();
        boolean interrupted = false;
        for (LabRecord record : labs) {
            switch (record) {
                case LabRecord.Readable(LabState lab) -> {
                    interrupted |= !lab.isUp();
                    out.printf("%-20s %-7s %5d  %-20s %s%n", printable(lab.lab()), lab.isUp() ? "up" : "broken",
                            lab.namespaces().size(), lab.since().toString().substring(0, 19).replace('T', ' '),
                            printable(lab.file()));
                }
                case LabRecord.Held(HeldLab held) -> {
                    Optional<LabRecord> inside = HeldLabs.inside(held);
                    if (inside.isPresent() && inside.get() instanceof LabRecord.Readable(LabState lab)
                            && HeldLabs.isAlive(held)) {
                        interrupted |= !lab.isUp();
                        out.printf("%-20s %-7s %5d  %-20s %s%n", printable(lab.lab()), lab.isUp() ? "up" : "broken",
                                lab.namespaces().size(), lab.since().toString().substring(0, 19).replace('T', ' '),
                                printable(lab.file()));
                    } else {
                        interrupted = true;
                        out.printf("%-20s %-7s %5s  %-20s %s%n", held.lab(), "broken", "-", "-", "-");
                    }
                }
                case LabRecord.Unreadable lab -> {
                    out.printf("%-20s %-7s %5s  %-20s %s%n", lab.lab(), "broken", "-", "-", "-");
                    unreadable.add("lab " + lab.lab() + ": its record cannot be read (" + lab.reason()
                            + "); netlab down " + lab.lab() + " says how to remove it");
                }
            }
        }
        if (interrupted) {
            out.println("a broken lab was interrupted while it was brought up or down; remove it with: netlab down LAB");
        }
        unreadable.forEach(out::println);
    }

    /** A name or path as one line of the listing: control characters (a newline, say) shown as '?'. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
