package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import io.prompd.cli.HelpCommand;
import io.prompd.cli.OtherToolsWords;
import io.prompd.cli.Terminal;
import io.prompd.cli.VerboseOption;
import io.prompd.client.config.ClientKeyStore;
import io.prompd.client.config.Config;
import io.prompd.client.config.HttpLimits;
import io.prompd.client.config.RegistryChooser;
import io.prompd.client.config.Settings;
import io.prompd.client.http.NotCached;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Stack;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** The {@code prompd} command: the entry point of the client. */
@Command(
        name = "prompd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Create, validate and pack prompt packages; install them from a Prompd registry.",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  " + Settings.HOME_VARIABLE + "      the prompd home folder, as --home (default: $HOME/.prompd)",
            "  " + Settings.REGISTRY_VARIABLE + "  the registry in place of the default, as --registry",
            "  " + Settings.OFFLINE_VARIABLE + "   1, true, yes or on never to touch the network, as --offline",
            "  https_proxy      the http:// proxy of https registries, with a login as",
            "                   http://user:password@host:port when it asks for one",
            "  http_proxy       the proxy of http registries",
            "  no_proxy         hosts, with their subdomains, reached directly",
            "                   (upper-case names work too: HTTPS_PROXY, ...)",
            "  " + Settings.CA_FILE_VARIABLE + "   a PEM file of CA certificates to trust beside Java's, for a",
            "                   registry or proxy that your company's own CA signs",
            "  " + Settings.HTTP_TIMEOUT_VARIABLE,
            "                   seconds each wait on a registry may last, over the",
            "                   configuration's http.timeout (default: 10 to connect,",
            "                   30 else)",
            "  " + Settings.HTTP_RETRIES_VARIABLE,
            "                   how often a request that failed is tried again, over the",
            "                   configuration's http.retries (default: 3)",
            "  JAVA_OPTS        Java's options; for a registry that requires a client",
            "                   certificate (mutual TLS), -D" + ClientKeyStore.FILE_PROPERTY + "=client.p12",
            "                   -D" + ClientKeyStore.PASSWORD_PROPERTY + "=... name its key store"})
public final class PrompdCommand implements Runnable, OtherToolsWords {

    /** Every subcommand, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            HelpCommand.class,
            InitCommand.class,
            ValidateCommand.class,
            PackCommand.class,
            InstallCommand.class,
            UninstallCommand.class,
            UpdateCommand.class,
            OutdatedCommand.class,
            ListCommand.class,
            InfoCommand.class,
            TreeCommand.class,
            CacheCommand.class,
            ConfigCommand.class,
            RegistryCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            CompletionCommand.class);

    /** The JDK's setting that refuses some proxy logins for https tunnels; see {@link #main}. */
    private static final String TUNNEL_LOGINS_REFUSED = "jdk.http.auth.tunneling.disabledSchemes";

    /** The words {@code PROMPD_OFFLINE} takes, in any case, for offline and online: the help and hint list them. */
    private static final List<String> OFFLINE_ON = List.of("1", "true", "yes", "on");
    private static final List<String> OFFLINE_OFF = List.of("0", "false", "no", "off");

    /** The root's options that take a value, which is then not a subcommand's name. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--home", "--registry");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * npm's {@code ci}, whose nearest command, {@code i}, may rewrite the lock {@code ci} keeps as it is; the
     * {@code add} of cargo, pnpm and yarn, and their {@code upgrade}, too far from any command here to be suggested.
     * npm's and cargo's {@code publish}, and the {@code run} and {@code exec} of npm, cargo and uv, are the first
     * thing their users type, for what prompd does otherwise or not at all: the hint says what to do instead.
     */
    @Override
    public Map<String, Answer> otherToolsWords() {
        Answer publish = Answer.noneHere("prompd has no publish: a package is published by a pull request to the"
                + " registry's repository; 'prompd pack' writes its tarball, and the registry's CONTRIBUTING.md says"
                + " where to add it");
        Answer run = Answer.noneHere("prompd sends no prompt to a model: it installs prompt files for your own"
                + " tools to read; 'prompd list --json' gives the folder of each installed package");
        return Map.of("ci", Answer.ownWord("install --frozen"), "add", Answer.ownWord("install"),
                "upgrade", Answer.ownWord("update"), "publish", publish, "run", run, "exec", run);
    }

    // Options of scope INHERIT are accepted before or after any subcommand; picocli binds every
    // inherited copy to these fields of the root command.

    @Option(names = {VerboseOption.SHORT_NAME, VerboseOption.NAME}, scope = ScopeType.INHERIT,
            description = VerboseOption.ON_ERRORS + ", and each request to a registry as it ends.")
    private boolean verbose;

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The prompd home folder (default: $" + Settings.HOME_VARIABLE + ", else $"
                    + Settings.USER_HOME_VARIABLE + "/" + Settings.HOME_FOLDER_NAME + ").")
    Path home;

    @Option(names = "--registry", scope = ScopeType.INHERIT, paramLabel = "URL|NAME",
            description = "The registry to use in place of the default, by URL or configured name (default: $"
                    + Settings.REGISTRY_VARIABLE + ", else the configured default); scopes routed to"
                    + " a registry keep it.")
    String registry;

    /**
     * Null when neither {@code --offline} nor {@code --no-offline} is given, for the variable to decide; else the last
     * one given ({@link LastOneWins}).
     */
    @Option(names = "--offline", negatable = true, scope = ScopeType.INHERIT, preprocessor = LastOneWins.class,
            description = "Never touch the network: use only the cache, what is installed and file:// registries"
                    + " (default: $" + Settings.OFFLINE_VARIABLE + "; --no-offline overrides it; the last one given"
                    + " wins).")
    Boolean offline;

    private final CliContext context;
    /** The home, once a command has asked for it; null before. */
    private ChosenHome askedHome;

    private PrompdCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw CommandLines.subcommandRequired(spec);
    }

    /** Whether {@code --verbose} was given, before or after the subcommand. */
    boolean verbose() {
        return verbose;
    }

    CliContext context() {
        return context;
    }

    /** Options first, then environment variables, then defaults. */
    Settings settings() {
        Path homeFolder = homeFolder();
        if (registry != null && registry.isBlank()) {
            throw new PrompdException(ExitCode.USAGE, "--registry is given an empty registry",
                    "give a URL such as https://registry.example.com/ or the name of a configured registry,"
                            + " or leave the option out");
        }
        Optional<String> chosenRegistry = Optional.ofNullable(registry)
                .or(() -> context.variable(Settings.REGISTRY_VARIABLE));
        Map<String, String> proxyVariables = new TreeMap<>();
        Settings.PROXY_VARIABLES.forEach(name -> context.variable(name)
                .ifPresent(value -> proxyVariables.put(name, value)));
        Optional<Path> caFile = context.variable(Settings.CA_FILE_VARIABLE)
                .map(file -> userPath(file, Settings.CA_FILE_VARIABLE));
        boolean offlineChosen = offline != null ? offline
                : context.variable(Settings.OFFLINE_VARIABLE).map(PrompdCommand::offlineVariable).orElse(false);
        HttpLimits http = HttpLimits.NONE;
        for (HttpLimits.Limit limit : HttpLimits.Limit.values()) {
            http = limit.in(http, limitVariable(limit));
        }
        return new Settings(homeFolder, chosenRegistry, offlineChosen, proxyVariables, caFile,
                ClientKeyStore.of(System::getProperty), http, askedHome.commands(registryOption()));
    }

    /**
     * The limit a variable sets for the run, over the configuration's, as cargo's {@code CARGO_HTTP_TIMEOUT} over its
     * {@code http.timeout}; a value that is none is refused, as a typo in a CI job's setting would otherwise go unseen.
     */
    private OptionalInt limitVariable(HttpLimits.Limit limit) {
        String name = Settings.limitVariable(limit);
        Optional<String> value = context.variable(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(limit.parse(value.get()));
        } catch (IllegalArgumentException invalid) {
            throw new PrompdException(ExitCode.USAGE, "$" + name + " is invalid: " + invalid.getMessage(), "set it"
                    + " to " + limit.takes() + ", or unset it for the configuration's " + limit.key() + " or the"
                    + " default");
        }
    }

    /**
     * {@code PROMPD_OFFLINE}'s value as cargo reads {@code CARGO_NET_OFFLINE} and npm {@code npm_config_offline}: a
     * word a user means as a switch, any other refused rather than read as one or the other, as a typo in a CI job's
     * setting would otherwise go online (or stay offline) unnoticed.
     */
    private static boolean offlineVariable(String value) {
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (OFFLINE_ON.contains(word) || OFFLINE_OFF.contains(word)) {
            return OFFLINE_ON.contains(word);
        }
        throw new PrompdException(ExitCode.USAGE, "$" + Settings.OFFLINE_VARIABLE + " is " + TerminalText.quoted(value)
                + ", which is neither on nor off", "set it to " + Plural.series(OFFLINE_ON, "or") + " never to touch"
                + " the network, to " + Plural.series(OFFLINE_OFF, "or") + " or unset it otherwise (in any case)");
    }

    /**
     * How this run's hints spell the prompd commands they suggest, for a command that takes no other setting (init,
     * validate and pack use no home, but the commands they suggest do); without a home when no usable one is chosen.
     */
    SuggestedCommands commands() {
        try {
            return chosenHome().commands(registryOption());
        } catch (PrompdException unusable) {
            return new SuggestedCommands(Optional.empty(), registryOption());
        }
    }

    /**
     * The note a command showing the configured default prints when this run chooses another registry, naming the
     * option or the variable that did: otherwise what it shows is what this very run, and every other like it, does
     * not use. The registry is read as every command reads it, so that one refused there (a URL holding a password,
     * a query, an unknown name) is refused here too, never quoted as it was given.
     *
     * @throws PrompdException when the option or the variable gives no registry the configuration can use
     */
    Optional<String> registryOverrideNote(Config config) {
        Settings settings = settings();
        return RegistryChooser.overrideOf(config, settings.registry(), settings.commands())
                .map(chosen -> "note: " + Settings.registrySource(settings.commands()) + " chooses " + chosen
                        + " in place of the default; routed scopes keep their registries");
    }

    /**
     * The notes a command showing the configured limits prints of each that a variable sets for this run, as
     * {@link #registryOverrideNote} of the registry.
     */
    List<String> limitOverrideNotes() {
        HttpLimits chosen = settings().http();
        return Arrays.stream(HttpLimits.Limit.values()).flatMap(limit -> limit.of(chosen).stream()
                .mapToObj(value -> "note: $" + Settings.limitVariable(limit) + " sets " + limit.key() + " to " + value
                        + " in place of the configuration's"))
                .toList();
    }

    /** The registry --registry gave, for the commands suggested to name; empty when none (or a blank one) was. */
    private Optional<String> registryOption() {
        return Optional.ofNullable(registry).filter(given -> !given.isBlank());
    }

    /**
     * {@code <home>/packages}, for a command that reads installed packages only at best effort and
     * needs no other setting (validate), the home taken as the command's ({@link #retold}); empty when the home is no
     * usable folder.
     */
    Optional<Path> packagesFolder() {
        return usable(this::homeFolder).map(Settings::packagesFolder);
    }

    /**
     * The home, for a command that only keeps it out of a package folder it lies in (pack and validate, which must
     * never pack its credentials and installed packages); empty when no usable folder is chosen. Not taken as the
     * command's home: no failure of such a command is the home's ({@link #retold}).
     */
    Optional<Path> homeToLeaveOut() {
        return usable(() -> chosenHome().folder());
    }

    /** {@code <home>/packages} of {@link #homeToLeaveOut}, the home not taken as the command's (pack). */
    Optional<Path> packagesToLeaveOut() {
        return homeToLeaveOut().map(Settings::packagesFolder);
    }

    /** The home the choice gives, empty when it is no usable folder. */
    private static Optional<Path> usable(Supplier<Path> home) {
        try {
            return Optional.of(home.get());
        } catch (PrompdException unusable) {
            return Optional.empty();
        }
    }

    private Path homeFolder() {
        askedHome = chosenHome();
        return askedHome.folder();
    }

    private ChosenHome chosenHome() {
        // An empty option would resolve to the working folder, which would then receive the config.json with
        // its secrets and be packed with it; an empty variable stays "unset", as shells leave them.
        if (home != null && home.toString().isBlank()) {
            throw new PrompdException(ExitCode.USAGE, "--home is given an empty folder name",
                    "give the prompd home folder, as in --home ~/.prompd, or leave the option out");
        }
        // $HOME before Java's user.home, as npm, cargo and pip take it, so a shell that sets another home for a run is
        // followed: user.home comes from the account's entry and ignores that
        ChosenHome chosen = Optional.ofNullable(home)
                .map(folder -> new ChosenHome(userPath(folder.toString(), "--home"), ChosenHome.Origin.OPTION))
                .or(() -> context.variable(Settings.HOME_VARIABLE).map(folder -> new ChosenHome(userPath(folder,
                        Settings.HOME_VARIABLE), ChosenHome.Origin.VARIABLE)))
                .or(() -> context.variable(Settings.USER_HOME_VARIABLE).map(folder -> new ChosenHome(context.resolve(
                        Path.of(folder)).resolve(Settings.HOME_FOLDER_NAME), ChosenHome.Origin.USER_HOME)))
                .orElseGet(() -> new ChosenHome(context.userHome().resolve(Settings.HOME_FOLDER_NAME),
                        ChosenHome.Origin.ACCOUNT_HOME));
        if (Files.exists(chosen.folder()) && !Files.isDirectory(chosen.folder())) {
            throw new PrompdException(ExitCode.USAGE, "the prompd home " + chosen.folder() + " is a file, not a folder",
                    "point --home or $" + Settings.HOME_VARIABLE + " at a folder (it is created when missing)");
        }
        return chosen;
    }

    /**
     * A failed command's failure, told as the home's where it comes from where the home is ({@link ChosenHome}), for a
     * command that asked for the home: init and pack use none, and a folder of theirs above where it would be is
     * theirs.
     */
    private CommandLine.ExecutionException retold(CommandLine.ExecutionException failed) {
        Throwable told = offlineByVariable(failed.getCause());
        if (askedHome != null) {
            told = askedHome.retold(told);
        }
        return told == failed.getCause() ? failed
                : new CommandLine.ExecutionException(failed.getCommandLine(), told.getMessage(), told);
    }

    /**
     * A miss of a run that {@code $PROMPD_OFFLINE} made offline, its hint saying so: "without --offline" would be no
     * way out for a user who gave no {@code --offline}, the same command failing the same way.
     */
    private Throwable offlineByVariable(Throwable failure) {
        if (!(failure instanceof NotCached missed) || offline != null) {
            return failure;
        }
        return new NotCached(missed.getMessage(), missed.hint() + " (this run is offline because $"
                + Settings.OFFLINE_VARIABLE + " is set: add --no-offline, or unset it)", missed);
    }

    /**
     * A path the user gave, from the working folder. One starting with {@code ~} reached prompd unexpanded, as bash
     * leaves it in {@code --home=~/h} and in quotes: taken as it stands it would make a folder named {@code ~} in the
     * working folder, while the completion script, which expands it, reads another.
     *
     * @param origin the option or variable that gave it, as the user would write it
     */
    private Path userPath(String path, String origin) {
        if (path.startsWith("~")) {
            boolean option = origin.startsWith("-");
            String ownHome = path.equals("~") || path.startsWith("~/") ? "\"$HOME" + path.substring(1) + "\""
                    : "an absolute path";
            throw new PrompdException(ExitCode.USAGE, TerminalText.oneLine(origin + " is given '" + path
                    + "', whose ~ the shell did not expand into a home folder"),
                    TerminalText.oneLine("let the shell expand it, as in " + origin + (option ? " " + path
                            + " (a space, not '=')" : "=" + path + " (without quotes)") + ", or write " + ownHome
                            + "; for a folder named ~ in this one, write ./" + path));
        }
        return context.resolve(Path.of(path));
    }

    public static void main(String[] args) {
        PrintWriter out = Terminal.standardOutput();
        PrintWriter err = Terminal.utf8(System.err);
        // The JDK refuses Basic logins to a proxy for the tunnels of https requests unless told
        // otherwise, yet that is what the user:password in https_proxy asks for, as curl and pip send it.
        if (System.getProperty(TUNNEL_LOGINS_REFUSED) == null) {
            System.setProperty(TUNNEL_LOGINS_REFUSED, "");
        }
        // Picocli builds its model of every command it is given by reflection, and for all of them
        // that is most of a short run's start-up: give it only the one invoked, when one is named.
        int exitCode = commandLine(out, err, CliContext.system(), needed(args)).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The command line with its streams, context, exit codes and error handling set up; tests call this too. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context) {
        return commandLine(out, err, context, SUBCOMMANDS);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, CliContext context,
                                           List<Class<?>> subcommands) {
        PrompdCommand root = new PrompdCommand(context);
        CommandLine cli = new CommandLine(root, new Factory(root));
        subcommands.forEach(cli::addSubcommand);
        cli.getSubcommands().values().forEach(PrompdCommand::transformModel);
        CommandLine.IExecutionStrategy execution = cli.getExecutionStrategy();
        cli.setExecutionStrategy(parsed -> {
            refuseOptionGivenTwice(parsed);
            try {
                return execution.execute(parsed);
            } catch (CommandLine.ExecutionException failed) {
                throw root.retold(failed);
            }
        });
        return CommandLines.configure(cli, out, err, root::verbose, EnumSet.allOf(ExitCode.class),
                context.environment());
    }

    /**
     * Applies the command's model transformer, and its subcommands': picocli applies them only to the subcommands a
     * command line is made with, and these are added after, so that a run builds only the one it needs.
     */
    private static void transformModel(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        if (spec.modelTransformer() != null) {
            spec.modelTransformer().transform(spec);
        }
        command.getSubcommands().values().forEach(PrompdCommand::transformModel);
    }

    /**
     * A root option given both before and after a subcommand is a usage error, as picocli makes one given twice in
     * one place, and as cargo refuses both: picocli binds every copy to one field, so the last would win silently
     * and a wrapper's --registry lose to the user's without a word.
     */
    private static void refuseOptionGivenTwice(CommandLine.ParseResult parsed) {
        for (String option : OPTIONS_WITH_VALUE) {
            List<CommandLine.ParseResult> giving = new ArrayList<>();
            for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
                if (level.hasMatchedOption(option)) {
                    giving.add(level);
                }
            }
            if (giving.size() > 1) {
                CommandLine.ParseResult last = giving.get(giving.size() - 1);
                throw new CommandLine.ParameterException(last.commandSpec().commandLine(), "option '" + option
                        + "' is given both before and after '" + last.commandSpec().name()
                        + "'; it should be specified only once");
            }
        }
    }

    /**
     * The subcommands a run needs: the one the arguments name (by name or alias), none for a bare
     * {@code --version}, and all of them otherwise (help, a usage error, an unknown name).
     */
    static List<Class<?>> needed(String[] args) {
        for (int index = 0; index < args.length; index++) {
            String argument = args[index];
            if (OPTIONS_WITH_VALUE.contains(argument)) {
                index++;
            } else if (!argument.startsWith("-")) {
                return SUBCOMMANDS.stream()
                        .filter(type -> type != HelpCommand.class && names(type).contains(argument))
                        .<List<Class<?>>>map(List::of)
                        .findFirst().orElse(SUBCOMMANDS);
            }
        }
        List<String> options = List.of(args);
        boolean versionOnly = (options.contains("--version") || options.contains("-V"))
                && !options.contains("--help") && !options.contains("-h");
        return versionOnly ? List.of() : SUBCOMMANDS;
    }

    private static Set<String> names(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        Set<String> names = new HashSet<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    /**
     * Sets a negatable flag given on its own ({@code --offline}, {@code --no-offline}) to its value, so that the last
     * one given wins, as cargo's and git's negatable flags do: an alias {@code prompd --offline} is overridden by a
     * {@code --no-offline} after it, the field left null (the variable deciding) only where neither is given, which
     * picocli's negation, setting the opposite of a default, cannot tell. (A list of values would make the flag one
     * that takes a value in the completion script picocli writes.) A value given with the flag
     * ({@code --offline=false}) is left to picocli.
     */
    static final class LastOneWins implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandLine.Model.CommandSpec commandSpec,
                                  CommandLine.Model.ArgSpec argSpec, Map<String, Object> info) {
            if (!" ".equals(info.get("separator"))) {
                return false;
            }
            argSpec.setValue(!(Boolean) info.get("negated"));
            return true;
        }
    }

    /** Gives each subcommand that asks for it (a constructor taking the root) the root's context and settings. */
    private record Factory(PrompdCommand root) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(PrompdCommand.class);
                return constructor.newInstance(root);
            } catch (NoSuchMethodException noRootNeeded) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
