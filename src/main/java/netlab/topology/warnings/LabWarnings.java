package netlab.topology.warnings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netlab.topology.Lab;

/**
 * Classic lab mistakes that a valid file can still hold: a lab built from it comes up, but does
 * not do what its author meant. {@code netlab check} prints them as {@code FILE:LINE:COL: warning:
 * ...} and still says the file is valid: the kernel would accept every one of them, and a lab may
 * mean one (a broken network to debug is a lab too).
 */
public final class LabWarnings {
    private LabWarnings() {}

    /** Every warning about {@code lab}, in the file's order. */
    public static List<Warning> of(Lab lab) {
        List<Warning> warnings = new ArrayList<>();
        warnings.addAll(VethSubnets.check(lab));
        warnings.addAll(OverlappingSubnets.check(lab));
        warnings.addAll(Forwarding.check(lab));
        warnings.addAll(MissingRoutes.check(lab));
        warnings.sort(Comparator.comparingInt((Warning w) -> w.source().line()).thenComparingInt(w -> w.source().column()));
        return warnings;
    }
}
