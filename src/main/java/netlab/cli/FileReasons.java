package netlab.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file an agent reads or writes failed, in a user's words: "there is no such file", not the path once more. */
final class FileReasons {
    private FileReasons() {}

    /** Why {@code file} could not be read or written, without the path again (the exceptions' own messages repeat it). */
    static String of(Path file, IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "there is no such file";
            case AccessDeniedException denied -> "permission denied";
            case CharacterCodingException coding -> "it is not UTF-8 text";
            default -> {
                String message = String.valueOf(e.getMessage());
                yield message.startsWith(file + " ") ? message.substring(file.toString().length() + 1)
                        : message.startsWith(file + ": ") ? message.substring(file.toString().length() + 2) : message;
            }
        };
    }
}
