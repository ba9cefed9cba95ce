package netlab.kube.cli;

import java.nio.file.Path;
import netlab.kube.LabParts;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What printing a lab's objects and bringing them up both take: K, the namespace, the image. */
final class SplitOptions {
    /** netlab partition's limit (PartitionCommand.MAX_HOSTS): the split's time grows fast past it. */
    static final int MAX_HOSTS = 64;

    @Option(names = "--hosts", paramLabel = "K", description = "How many machines (parts), 1.." + MAX_HOSTS + ".")
    Integer hosts;

    @Mixin
    NamespaceOption namespace;

    @Option(names = "--image", paramLabel = "IMG", converter = ImageReference.class,
            description = "The agents' image, [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] (default: netlab:VERSION).")
    String image;

    /** K, checked: a usage error when missing or out of range. */
    int hosts(CommandSpec spec) {
        if (hosts == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--hosts=K'");
        }
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw new ParameterException(spec.commandLine(), "--hosts must be 1.." + MAX_HOSTS + ", not " + hosts);
        }
        return hosts;
    }

    /** The lab in {@code file} split over K machines; a K it cannot fill is a usage error. */
    LabParts split(FileSplitter splitter, Path file, CommandSpec spec) {
        int k = hosts(spec);
        try {
            return splitter.split(file, k);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--hosts: " + e.getMessage());
        }
    }

    String image() {
        return image == null ? DefaultImage.name() : image;
    }
}
