package netlab.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Why a file could not be read or written, in words: the file API often says only which file. */
final class IoReasons {
    private IoReasons() {}

    static String of(Exception e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : fs.getFile() + ": ";
            if (fs.getReason() != null) {
                return file + fs.getReason();
            }
            String reason = switch (fs) {
                case AccessDeniedException denied -> "permission denied";
                case NoSuchFileException missing -> "no such file or directory";
                case FileAlreadyExistsException exists -> "exists and is not a directory";
                case NotDirectoryException notDirectory -> "not a directory";
                default -> fs.getClass().getSimpleName();
            };
            return file + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Why {@code file} could not be read or written, without its name: the caller's sentence has it already. */
    static String about(Path file, IOException e) {
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        String reason = of(e);
        for (String named : new String[] {file + ": ", file + " "}) {
            if (reason.startsWith(named)) {
                return reason.substring(named.length());
            }
        }
        return reason;
    }
}
