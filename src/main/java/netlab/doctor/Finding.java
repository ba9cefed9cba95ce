package netlab.doctor;

/**
 * One thing {@code netlab doctor} found, printed as one line with its fix.
 *
 * @param level whether it stops a lab, may spoil one, or could not be looked at
 * @param what what is wrong, in the user's words
 * @param fix the command or change that mends it
 */
public record Finding(Level level, String what, String fix) {
    public enum Level {
        /** Stops a lab or makes it misbehave: doctor exits 1. */
        PROBLEM("problem"),
        /** Spoils some labs or some statements only (link impairments, rootless labs as root). */
        WARNING("warning"),
        /** Could not be looked at by this user. */
        NOT_CHECKED("not checked");

        private final String word;

        Level(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The line doctor prints: {@code problem: WHAT; fix: FIX}. */
    public String line() {
        return level.word() + ": " + what + "; fix: " + fix;
    }

    static Finding problem(String what, String fix) {
        return new Finding(Level.PROBLEM, what, fix);
    }

    static Finding warning(String what, String fix) {
        return new Finding(Level.WARNING, what, fix);
    }

    /** Something only root can read: the fix is to ask again as root. */
    static Finding needsRoot(String what) {
        return new Finding(Level.NOT_CHECKED, what + " (needs root)", "run sudo netlab doctor");
    }
}
