package netlab.cli;

/**
 * ANSI colour for what netlab writes to a terminal: red for errors and failures, green for passes.
 * None when the stream is not a terminal (a file, a pipe, a test's captured writer) or when
 * NO_COLOR is set, to any value (https://no-color.org), so scripts and logs get plain bytes.
 */
record Colour(boolean on) {
    static final Colour NONE = new Colour(false);
    private static final String RED = "\033[31m";
    private static final String GREEN = "\033[32m";
    private static final String RESET = "\033[0m";

    /** For standard output. */
    static Colour out() {
        return of(1);
    }

    /** For standard error. */
    static Colour err() {
        return of(2);
    }

    private static Colour of(int fd) {
        return new Colour(System.getenv("NO_COLOR") == null && Terminal.is(fd));
    }

    String red(String text) {
        return on ? RED + text + RESET : text;
    }

    String green(String text) {
        return on ? GREEN + text + RESET : text;
    }
}
