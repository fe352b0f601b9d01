package dev.selftune.cli;

import java.util.Map;

/** The help texts, and a one-line hint per option for error messages. */
final class Usage {
    private Usage() { }

    static final String MAIN = """
            selftune: tunes hot Java methods with verified bytecode variants, measured by JMH.

            usage: selftune <command> [options]

            commands:
              tune          tune one method from a class path and write a report (and the winner class) to --out
              self-improve  tune selftune's own search policy on training methods, judged on held-out ones
              table         print a results table over tune --out directories: selftune table out/a out/b ...
              attach        attach the tuning agent to a running JVM
              aa            A/A check: how often byte-identical pairs are wrongly decided 'swap'
              help          this text; 'selftune help tune' (or self-improve) for a command's options

            global: --version prints the version; --debug prints stack traces of internal errors.
            exit codes: 0 the command ran (whatever the decision), 1 internal error, 2 bad input or an ineligible target.
            """;

    static final String TUNE = """
            usage: selftune tune --classpath <entries> --target <class>#<method>[<descriptor>] --out <dir> [options]

            required:
              --classpath <a.jar:classes/>       jars and directories holding the target, ':'-separated
              --target <com.acme.Foo#bar>        the method; add its JVM descriptor when overloaded: com.acme.Foo#bar([II)J
              --out <dir>                        where report.json, report.html and winner/ go (created if missing;
                                                 only those three are replaced in an existing directory)
            inputs:
              --inputs <com.acme.Inputs#rows>    static no-arg method returning Object[][]: one argument list per row
                                                 (instance methods: the row starts with the receiver)
              --inputs-file <file>               argument rows captured by the agent
              --sizes <16,1024,65536>            array lengths for generated arguments
              --seed <N>                         seed for generated inputs (default 1)
            search and decision:
              --budget <120s>                    wall-clock budget: 120s, 90 (seconds), 2m, 1m30s, 1h (default 120s)
              --min-speedup <1.05>               smallest gain worth a swap (default 1.05)
              --confidence <0.95>                confidence of the speedup interval (default 0.95)
              --allow-fp-reassociation <1e-9>    let float/double sums be reordered, within this relative tolerance
              --policy <file>                    search policy (transforms, parameters, racing) as JSON
              --cache <dir|default>              reuse screening measurements kept in <dir> (default: ~/.cache/selftune);
                                                 confirmation always runs fresh forks
              --fork-jvm-flags=<"-XX:UseAVX=2 ..."> JVM flags for the measuring forks, space-separated (the agent
                                                 passes the host's code-generation flags)
            output:
              --quiet                            no progress on stderr; the summary still goes to stdout
              --debug                            stack traces for internal errors

            example:
              selftune tune --classpath samples/target/classes --target dev.selftune.samples.MatMul#multiply \\
                            --budget 2m --out out/matmul
            """;

    static final String SELF_IMPROVE = """
            usage: selftune self-improve --classpath <entries> --train <file> --holdout <file> --generations <N>
                                         --budget <per generation> --out <dir> [options]

              --classpath <a.jar:classes/>   jars and directories holding the targets
              --train <file>                 targets the policy is tuned on: one method per line, as --target takes it,
                                             optionally followed by inputs=<class>#<method>, fp=<tolerance>, sizes=16,1024;
                                             '#' at the start of a line or after a space starts a comment
              --holdout <file>               targets never trained on: each adopted generation is checked on them
              --generations <N>              generations after generation 0 (the default policy)
              --budget <10m>                 wall-clock budget of one generation, split equally over its tunings
                                             (candidates × training targets, a re-run of the best, the held-out targets)
              --candidates <3>               candidate policies per generation (default 3)
              --seed <N>                     seed of the policy mutator and of generated inputs (default 1)
              --cache <dir|default>          measurement cache for screening (default: the user's cache directory)
              --out <dir>                    report.json, report.html, policy-<g>.json per adopted generation
              --tune-self                    also tune selftune's own hottest methods (JFR samples of each generation)
                                             between generations, out of process, and swap confirmed winners into this
                                             JVM so later generations run on them (needs java -jar optimizer.jar to swap);
                                             report.json gets selfTuning per generation. Off by default
              --tune-self-methods <3>        own methods tuned after each generation (1..5; needs --tune-self)
              --tune-self-budget <30s>       budget of each own method's tuning, carved from --budget (needs --tune-self)
              --quiet                        no progress on stderr
            """;

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("--classpath", "pass the jars and directories holding the target, ':'-separated, like --classpath app.jar:build/classes"),
            Map.entry("--target", "name the method, like --target com.acme.Foo#bar or com.acme.Foo#bar(I)V"),
            Map.entry("--out", "name the directory for the report, like --out out/foo"),
            Map.entry("--inputs", "name a static no-arg method returning Object[][], like --inputs com.acme.Inputs#rows"),
            Map.entry("--inputs-file", "name a file of captured argument rows"),
            Map.entry("--sizes", "give array lengths, like --sizes 16,1024,65536"),
            Map.entry("--budget", "give a duration, like --budget 120s, 2m or 1m30s"),
            Map.entry("--seed", "give a whole number, like --seed 42"),
            Map.entry("--allow-fp-reassociation", "give a relative tolerance, like --allow-fp-reassociation 1e-9"),
            Map.entry("--min-speedup", "give a ratio, like --min-speedup 1.05"),
            Map.entry("--confidence", "give a level, like --confidence 0.95"),
            Map.entry("--policy", "name a policy file, like --policy policy.json"),
            Map.entry("--cache", "name a cache directory, or 'default' for ~/.cache/selftune, like --cache default"),
            Map.entry("--fork-jvm-flags", "give JVM flags, space-separated, like --fork-jvm-flags=\"-XX:UseAVX=2 -XX:-UseSuperWord\""));

    static String hint(String option) {
        return HINTS.getOrDefault(option, "see 'selftune help tune'");
    }
}
