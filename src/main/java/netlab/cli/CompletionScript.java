package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash completion script, written from the command definitions so that a new verb or option
 * completes without anyone editing a script. Each verb becomes one line of a {@code case}: its
 * options, those of them that take a value, and the kind of each positional argument. Lab and
 * node names come from {@code netlab __complete labs|nodes} ({@link CompleteNamesCommand}), run
 * as the command the user typed, so {@code nlab}, {@code ./netlab} and a netlab elsewhere on the
 * PATH each complete from their own state.
 */
final class CompletionScript {
    private CompletionScript() {}

    /** How a word is completed: the kind names the script's {@code _netlab_complete_kind} knows. */
    static String kind(String label) {
        String upper = label.toUpperCase(Locale.ROOT);
        if (upper.contains("NODE")) {
            return "node";
        }
        if (upper.contains("LAB")) {
            return upper.contains("FILE") ? "lab-or-file" : "lab";
        }
        if (upper.contains("FILE") || upper.contains("OUT") || upper.contains("DIR")) {
            return "file";
        }
        if (upper.equals("COMMAND")) {
            return "command";
        }
        return "word";
    }

    static String bash(CommandSpec root) {
        StringBuilder verbs = new StringBuilder();
        for (Map.Entry<String, CommandLine> verb : root.subcommands().entrySet()) {
            if (verb.getValue().getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            CommandSpec spec = verb.getValue().getCommandSpec();
            verbs.append("        ").append(verb.getKey()).append(") options='").append(options(spec, false))
                    .append("' valued='").append(options(spec, true)).append("' kinds='").append(kinds(spec))
                    .append(spec.parser().stopAtPositional() ? "' stop=yes" : "'").append(" ;;\n");
        }
        return TEMPLATE.replace("@VERBS@", String.join(" ", visibleVerbs(root)))
                .replace("@ROOT_OPTIONS@", options(root, false))
                .replace("@ROOT_VALUED@", options(root, true))
                .replace("@CASES@", verbs.toString());
    }

    private static List<String> visibleVerbs(CommandSpec root) {
        List<String> verbs = new ArrayList<>();
        root.subcommands().forEach((name, verb) -> {
            if (!verb.getCommandSpec().usageMessage().hidden()) {
                verbs.add(name);
            }
        });
        return verbs;
    }

    /** Every name of the options, or of those taking a value, each as NAME=KIND when valued. */
    private static String options(CommandSpec spec, boolean valued) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden() || valued == (option.arity().max() == 0)) {
                continue;
            }
            for (String name : option.names()) {
                names.add(valued ? name + "=" + kind(option.paramLabel()) : name);
            }
        }
        return String.join(" ", names);
    }

    /** The kind of each positional argument in order; the last one repeats when it takes many. */
    private static String kinds(CommandSpec spec) {
        if (spec.name().equals("help")) {
            return "verb";
        }
        List<String> kinds = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            String kind = positional.completionCandidates() != null
                    ? "one-of:" + String.join(",", positional.completionCandidates())
                    : kind(positional.paramLabel());
            kinds.add(kind);
        }
        return String.join(" ", kinds);
    }

    private static final String TEMPLATE = """
            # bash completion for netlab (and for zsh through bashcompinit); written by
            # "netlab completion bash" from netlab's own command definitions.

            # Completes $cur as a word of kind $1; $2 is the command the user typed.
            _netlab_complete_kind() {
              local kind=$1 command=$2
              case $kind in
                lab) COMPREPLY=($(compgen -W "$("$command" __complete labs 2>/dev/null)" -- "$cur")) ;;
                node) COMPREPLY=($(compgen -W "$("$command" __complete nodes 2>/dev/null)" -- "$cur")) ;;
                lab-or-file)
                  COMPREPLY=($(compgen -W "$("$command" __complete labs 2>/dev/null)" -- "$cur")
                    $(compgen -f -- "$cur")) ;;
                file) COMPREPLY=($(compgen -f -- "$cur")) ;;
                command) COMPREPLY=($(compgen -c -- "$cur")) ;;
                verb) COMPREPLY=($(compgen -W "@VERBS@" -- "$cur")) ;;
                one-of:*) kind=${kind#one-of:}; COMPREPLY=($(compgen -W "${kind//,/ }" -- "$cur")) ;;
                *) COMPREPLY=() ;;
              esac
            }

            # The kind of the value option $1 takes, from a list of NAME=KIND; empty if none.
            _netlab_valued_kind() {
              local entry
              for entry in $2; do
                [[ ${entry%%=*} == "$1" ]] && { echo "${entry#*=}"; return; }
              done
            }

            _netlab() {
              # zsh (bashcompinit) runs this too: split words and count from 0 as bash does.
              [[ -n ${ZSH_VERSION-} ]] && setopt local_options sh_word_split ksh_arrays
              local cur=${COMP_WORDS[COMP_CWORD]} command=${COMP_WORDS[0]}
              local verb='' options='@ROOT_OPTIONS@' valued='@ROOT_VALUED@' kinds=''
              # stop: after its first argument every word is the program's (exec NODE PROG -x).
              local i word kind entry names positional=0 ended='' stop=''
              COMPREPLY=()
              for ((i = 1; i < COMP_CWORD; i++)); do
                word=${COMP_WORDS[i]}
                if [[ -z $ended && -n $(_netlab_valued_kind "$word" "$valued") ]]; then
                  ((i++))
                elif [[ -z $ended && $word == -- ]]; then
                  ended=yes
                elif [[ -z $ended && $word == -* ]]; then
                  :
                elif [[ -z $verb ]]; then
                  verb=$word
                  case $verb in
            @CASES@        *) return ;;
                  esac
                else
                  ((positional++))
                fi
                [[ -n $stop && $positional -gt 0 ]] && ended=yes
              done
              kind=$(_netlab_valued_kind "${COMP_WORDS[COMP_CWORD - 1]}" "$valued")
              if [[ $COMP_CWORD -gt 1 && -z $ended && -n $kind ]]; then
                _netlab_complete_kind "$kind" "$command"
              elif [[ -z $ended && $cur == -* ]]; then
                names=$options
                for entry in $valued; do names="$names ${entry%%=*}"; done
                COMPREPLY=($(compgen -W "$names" -- "$cur"))
              elif [[ -z $verb ]]; then
                _netlab_complete_kind verb "$command"
              else
                local -a all=($kinds)
                if ((${#all[@]} == 0)); then
                  return
                elif ((positional >= ${#all[@]})); then
                  # Past the last argument it names: a program's arguments, files mostly.
                  [[ ${all[-1]} == command ]] && kind=file || kind=none
                else
                  kind=${all[positional]}
                fi
                _netlab_complete_kind "$kind" "$command"
              fi
            }

            complete -o filenames -F _netlab netlab nlab
            """;
}
