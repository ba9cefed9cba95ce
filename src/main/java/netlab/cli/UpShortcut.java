package netlab.cli;

import java.nio.file.Path;

/**
 * {@code netlab [-v] up FILE} without picocli ({@link PlainForm}); {@code --dry-run}, help and
 * the rest go to picocli, which reads them as {@link UpCommand} declares. Both run {@link UpCommand#up}.
 */
final class UpShortcut {
    private UpShortcut() {}

    static boolean applies(String[] args) {
        return PlainForm.is(args, "up");
    }

    static int run(String[] args) {
        return PlainForm.run(args, (file, verbose, out, err) ->
                UpCommand.up(Path.of(file), new UpCommand.Placing(null, false), false, verbose, out, err));
    }
}
