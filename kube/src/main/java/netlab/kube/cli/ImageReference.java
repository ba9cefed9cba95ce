package netlab.kube.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --image IMG}: an image reference as Docker's grammar has it (github.com/distribution/reference,
 * {@code regexp.go}): {@code [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST]}. Anything else is
 * a usage error here, rather than a refusal from the API server or a pull error on every node.
 */
final class ImageReference implements ITypeConverter<String> {
    // Possessive quantifiers throughout: a greedy repeated group recurses once per repetition in
    // java.util.regex, and a long argument would overflow the stack.
    /** A part of the name: lower-case letters and digits, joined by '.', '_', "__" or dashes. */
    private static final String PATH_COMPONENT = "[a-z0-9]++(?:(?:[_.]|__|-++)[a-z0-9]++)*+";
    /** A label of the registry's host name: letters and digits, dashes only inside. */
    private static final String DOMAIN_COMPONENT = "[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+";
    private static final String REGISTRY = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*+|\\[[a-fA-F0-9:]++\\])"
            + "(?::[0-9]++)?";
    private static final String TAG = "\\w[\\w.-]{0,127}+";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*+(?:[-_+.][A-Za-z][A-Za-z0-9]*+)*+:[0-9a-fA-F]{32,}+";
    private static final Pattern REFERENCE = Pattern.compile("(?<name>(?:" + REGISTRY + "/)?" + PATH_COMPONENT + "(?:/"
            + PATH_COMPONENT + ")*+)(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    /** Docker's limit on the name, registry included. */
    private static final int NAME_MAX = 255;

    @Override
    public String convert(String value) {
        Matcher reference = REFERENCE.matcher(value);
        if (!reference.matches() || reference.group("name").length() > NAME_MAX) {
            throw new TypeConversionException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not an image reference: "
                    + "[REGISTRY[:PORT]/]NAME[:TAG][@DIGEST], NAME of lower-case letters and digits joined by '.', '_' "
                    + "or '-', in parts split by '/', at most " + NAME_MAX + " characters with REGISTRY");
        }
        return value;
    }
}
