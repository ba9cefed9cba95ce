package netlab.kube.cli;

import java.nio.file.Path;
import netlab.kube.LabParts;

/** The lab in a topology file split over K machines, as the kube module takes it. */
@FunctionalInterface
public interface FileSplitter {
    LabParts split(Path file, int hosts);
}
