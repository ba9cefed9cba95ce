package netlab.cli;

/**
 * {@code netlab [-v] down LAB} without picocli ({@link PlainForm}): the command a student types
 * after every exercise. {@code --all}, {@code -f}, help and the rest go to picocli, which reads
 * them as {@link DownCommand} declares. Both run {@link DownCommand#down}.
 */
final class DownShortcut {
    private DownShortcut() {}

    static boolean applies(String[] args) {
        return PlainForm.is(args, "down");
    }

    static int run(String[] args) {
        return PlainForm.run(args, (lab, verbose, out, err) -> DownCommand.down(lab, false, verbose, out, err));
    }
}
