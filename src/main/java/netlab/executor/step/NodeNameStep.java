package netlab.executor.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.error.LabStateException;
import netlab.kernel.EtcNetns;
import netlab.kernel.UtsNamespaces;
import netlab.plan.Operation;
import netlab.state.StateStore;

/**
 * A node's names: its own UTS namespace with the node's name as host name, bound at
 * {@code /run/netlab/LAB/uts/NODE} (as {@code unshare --uts=FILE hostname NODE} leaves one;
 * {@code netlab exec} joins it), and {@code /etc/netns/NODE/hosts}, a link to the lab's hosts
 * file, which {@code ip netns exec} and {@code netlab exec} bind over /etc/hosts. All of a plan's
 * nodes are named at once.
 *
 * <p>Undone: the UTS namespaces with the lab's directory (all of its {@code uts} is the lab's).
 * /etc/netns/NODE is recorded before it is made (and /etc/netns, when the machine had none);
 * {@code down} removes the link only while it still points at the lab's file, then the directory
 * only when nothing else is in it.
 */
public record NodeNameStep(Operation.NameNode operation) implements Step {
    /** Workers making UTS namespaces: as for network namespaces, more than the cores only queue. */
    static final int WORKERS = NamespaceStep.WORKERS;

    /** Where the node's UTS namespace is bound, in the lab's directory. */
    public static Path utsFile(Path labDirectory, String node) {
        return utsDirectory(labDirectory).resolve(node);
    }

    /** The lab's UTS namespaces, one file each: everything in it is the lab's. */
    public static Path utsDirectory(Path labDirectory) {
        return labDirectory.resolve("uts");
    }

    @Override
    public String command() {
        Path directory = StateStore.DEFAULT_ROOT.resolve(operation.lab());
        String uts = Commands.quoted(utsFile(directory, operation.node()).toString());
        String etc = Commands.quoted(EtcNetns.of(operation.node()).toString());
        return "mkdir -p " + Commands.quoted(utsDirectory(directory).toString()) + " && touch " + uts
                // Written to the kernel as sethostname(2) takes it: hostname(1) refuses names it finds odd.
                + " && unshare --uts=" + uts + " sh -c 'printf %s \"$1\" > /proc/sys/kernel/hostname' sh "
                + Commands.quoted(operation.node())
                + " && mkdir -p " + EtcNetns.DIRECTORY + " && mkdir " + etc
                + " && ln -s " + Commands.quoted(HostsFileStep.file(directory).toString()) + " " + etc + "/hosts";
    }

    @Override
    public List<Creation> creates() {
        return List.of(new Creation.EtcNetns(operation.node()));
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of();
    }

    /**
     * Names every node of {@code steps}: the UTS namespaces first (in the lab's own directory,
     * nothing to record), then, recorded in one write, each /etc/netns/NODE with its link. A
     * directory made meanwhile by someone else is theirs: it is forgotten and up fails.
     */
    public static void nameAll(List<NodeNameStep> steps, StepContext context) {
        Path labDirectory = context.labDirectory();
        Map<Path, String> hostnames = new LinkedHashMap<>();
        steps.forEach(step -> hostnames.put(utsFile(labDirectory, step.node()), step.node()));
        try {
            Files.createDirectories(utsDirectory(labDirectory));
            UtsNamespaces.createAll(hostnames, WORKERS);
        } catch (IOException e) {
            throw new StepFailedException(steps.getFirst(), new UncheckedIOException(e));
        } catch (RuntimeException e) {
            throw new StepFailedException(steps.getFirst(), e);
        }
        Optional<Path> etc = context.etcNetns();
        if (etc.isPresent()) {
            linkHostsFiles(steps, context, etc.get(), HostsFileStep.file(labDirectory));
        }
    }

    private static void linkHostsFiles(List<NodeNameStep> steps, StepContext context, Path etc, Path hosts) {
        List<Creation> creations = new ArrayList<>();
        boolean makeEtc = !Files.isDirectory(etc);
        if (makeEtc) {
            creations.add(new Creation.EtcNetnsDirectory());
        }
        steps.forEach(step -> creations.addAll(step.creates()));
        context.journal().aboutToCreate(creations);
        if (makeEtc) {
            try {
                Files.createDirectory(etc);
            } catch (FileAlreadyExistsException e) {
                context.journal().notMade(List.of(new Creation.EtcNetnsDirectory())); // someone made it meanwhile
            } catch (IOException e) {
                throw new StepFailedException(steps.getFirst(), new UncheckedIOException("cannot make " + etc, e));
            }
        }
        for (NodeNameStep step : steps) {
            Path directory = etc.resolve(step.node());
            try {
                Files.createDirectory(directory);
            } catch (FileAlreadyExistsException e) {
                context.journal().notMade(step.creates());
                throw new StepFailedException(step, new LabStateException(directory
                        + " appeared after up checked it: someone else's files for a node " + step.node()));
            } catch (IOException e) {
                throw new StepFailedException(step, new UncheckedIOException("cannot make " + directory, e));
            }
            try {
                Files.createSymbolicLink(directory.resolve("hosts"), hosts);
            } catch (IOException e) {
                throw new StepFailedException(step, new UncheckedIOException("cannot link " + directory + "/hosts", e));
            }
        }
    }
}
