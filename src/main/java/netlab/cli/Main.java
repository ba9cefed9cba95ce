package netlab.cli;

import netlab.sys.SyscallsInBackground;
import picocli.CommandLine;

/** Entry point of the {@code netlab} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Nearly every verb makes a system call; the JDK's work for the first one overlaps ours.
        SyscallsInBackground.start();
        netlab.executor.held.HeldLabs.rememberLaunch(args.length);
        try {
            netlab.executor.held.HeldLabs.prepareInside();
        } catch (RuntimeException e) {
            System.exit(Failures.report(e, StandardWriters.err(), false));
        }
        if (ExecShortcut.applies(args)) {
            System.exit(ExecShortcut.run(args));
        }
        if (UpShortcut.applies(args)) {
            System.exit(UpShortcut.run(args));
        }
        if (DownShortcut.applies(args)) {
            System.exit(DownShortcut.run(args));
        }
        CommandLine commandLine = NetlabCommand.commandLine(args);
        int status = commandLine.execute(args);
        // Verbs print with print(), not println(): flush what picocli's writers still hold.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(status);
    }
}
