package netlab.cli;

import java.time.Instant;
import java.util.Optional;
import netlab.state.LabState;

/**
 * One row of {@code netlab ls}, for the table and for {@code --json} alike.
 *
 * @param user whose lab it is with {@code --all-users}; empty for the caller's own
 * @param broken interrupted while brought up or down, its holder gone, or its record unreadable
 * @param nodes, since, file empty when the record cannot say (a held lab whose holder is gone, an unreadable record)
 * @param problem why the record cannot be read
 */
record ListedLab(Optional<String> user, String lab, boolean broken, Optional<Integer> nodes, Optional<Instant> since,
        Optional<String> file, Optional<String> problem) {
    static ListedLab of(Optional<String> user, LabState lab) {
        return new ListedLab(user, lab.lab(), !lab.isUp(), Optional.of(lab.namespaces().size()), Optional.of(lab.since()),
                Optional.of(lab.file()), Optional.empty());
    }
}
