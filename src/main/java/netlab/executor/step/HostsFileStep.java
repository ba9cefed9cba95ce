package netlab.executor.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import netlab.plan.Operation;
import netlab.state.StateStore;

/**
 * The lab's hosts file, written beside its record ({@code /run/netlab/LAB/hosts}): every node's
 * /etc/netns/NODE/hosts links to it ({@link NodeNameStep}).
 *
 * <p>Undone: with the lab's record, whose directory holds it.
 */
public record HostsFileStep(Operation.WriteHosts operation) implements Step {
    /** The file in the lab's directory. */
    public static Path file(Path labDirectory) {
        return labDirectory.resolve("hosts");
    }

    @Override
    public String command() {
        Path directory = StateStore.DEFAULT_ROOT.resolve(operation.lab());
        return "mkdir -p " + Commands.quoted(directory.toString()) + " && printf '%s\\n' "
                + operation.lines().stream().map(Commands::quoted).collect(Collectors.joining(" "))
                + " > " + Commands.quoted(file(directory).toString());
    }

    @Override
    public List<Creation> creates() {
        return List.of();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of();
    }

    public void run(StepContext context) {
        Path file = file(context.labDirectory());
        try {
            // Readable by all: the programs of a node read it as /etc/hosts, whoever they run as.
            Files.writeString(file, String.join("\n", operation.lines()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StepFailedException(this, new UncheckedIOException("cannot write " + file, e));
        }
    }
}
