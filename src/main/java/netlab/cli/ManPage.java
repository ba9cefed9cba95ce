package netlab.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** One man page in troff (man(7) macros) from a command's definition: what help says, as a page. */
final class ManPage {
    private ManPage() {}

    static String of(CommandSpec spec, String name, String version) {
        StringBuilder page = new StringBuilder();
        page.append(".TH ").append(name.toUpperCase(Locale.ROOT).replace("-", "\\-"))
                .append(" 1 \"\" \"netlab ").append(escape(version)).append("\" \"netlab manual\"\n");
        // Ragged right and no hyphenation: option names and paths stay whole, as in help.
        page.append(".ad l\n.nh\n");
        String description = text(spec.usageMessage().description());
        page.append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(firstSentence(description))).append('\n');
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        page.append(".SH SYNOPSIS\n.nf\n").append(escape(help.synopsis(0).strip())).append("\n.fi\n");
        page.append(".SH DESCRIPTION\n").append(escape(description)).append('\n');
        if (!spec.positionalParameters().isEmpty()) {
            page.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec positional : spec.positionalParameters()) {
                item(page, "\\fI" + escape(positional.paramLabel()) + "\\fR", text(positional.description()));
            }
        }
        page.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                String names = String.join(", ", option.names().clone());
                String value = option.arity().max() > 0 ? " \\fI" + escape(option.paramLabel()) + "\\fR" : "";
                item(page, "\\fB" + escape(names) + "\\fR" + value, text(option.description()));
            }
        }
        if (!spec.subcommands().isEmpty()) {
            page.append(".SH COMMANDS\n");
            spec.subcommands().forEach((verb, command) -> {
                if (!command.getCommandSpec().usageMessage().hidden() && !verb.equals("help")) {
                    item(page, "\\fB" + escape(name + "-" + verb) + "\\fR(1)",
                            firstSentence(text(command.getCommandSpec().usageMessage().description())));
                }
            });
        }
        Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            page.append(".SH EXIT STATUS\n");
            exitCodes.forEach((code, meaning) -> item(page, escape(code.strip()), meaning));
        }
        page.append(".SH SEE ALSO\n").append(name.equals("netlab") ? "README.md of the netlab checkout" : "\\fBnetlab\\fR(1)")
                .append('\n');
        return page.toString();
    }

    private static void item(StringBuilder page, String tag, String text) {
        page.append(".TP\n").append(tag).append('\n').append(escape(text)).append('\n');
    }

    private static String text(String[] lines) {
        return String.join(" ", lines).replace("%n", "\n").strip();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.replaceAll("\\.$", "") : text.substring(0, end);
    }

    /** Text as troff prints it: backslashes and hyphens literal, no line read as a request. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.replaceAll("(?m)^([.'])", "\\\\&$1");
    }
}
