package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.Folders;
import io.prompd.client.files.NotRegularFiles;
import io.prompd.client.files.OwnerOnly;
import io.prompd.core.files.RunLock;
import io.prompd.core.files.TemporaryFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import io.prompd.core.SortedCopies;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code config.json}. A missing file is the empty configuration; a pipe, a device or a folder in its
 * place, or where its link leads, is refused, naming it, before it is opened or replaced. Writes are
 * atomic (a temporary file moved over the old one), so a crash leaves the old file or the new
 * one, never half of one; and the file is readable by its owner only, since it holds secrets.
 * Changes ({@link #update}) hold a lock file beside it from reading to writing, so two runs
 * changing the configuration at the same moment both keep their change.
 */
public final class ConfigStore {

    /** A change reads and writes one small file: another run holding the lock longer is stuck. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Beside the configuration, so runs sharing a home share it. */
    private static final String LOCK_FILE = "config.lock";
    private final Path file;
    /** How the hints of a file with problems spell the prompd commands that mend it. */
    private final SuggestedCommands commands;

    public ConfigStore(Path file, SuggestedCommands commands) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    public static ConfigStore of(Settings settings) {
        return new ConfigStore(settings.configFile(), settings.commands());
    }

    public Path file() {
        return file;
    }

    /** @throws ConfigException when the file is malformed, with every problem at its field */
    public Config read() throws IOException {
        byte[] json;
        try {
            requireRegularFile();
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return Config.EMPTY;
        } catch (AccessDeniedException denied) {
            throw new PrompdException(ExitCode.FAILURE, "this user may not read the configuration file " + file,
                    "give it back its owner's read right (chmod u+r " + ShellWords.path(file.toString())
                            + "), or choose another home with --home");
        }
        return ConfigJson.read(file, json, commands);
    }

    /**
     * The configuration as {@link #read}, or, of a file whose only problems are credential entries it cannot use, the
     * configuration without those ({@link UnusableCredentials}): enough to tell which registry a login or a logout is
     * for, which mends its entry.
     */
    public Config readForCredentials() throws IOException {
        try {
            return read();
        } catch (ConfigException broken) {
            return broken.unusableCredentials().map(UnusableCredentials::without).orElseThrow(() -> broken);
        }
    }

    /**
     * Refuses the file, or the one its links lead to, when it is no regular file, before it is opened or replaced: a
     * pipe would hold every command (Tab completion too) until a writer came, a device be read without end, and a
     * write would put the configuration, credentials and all, in a device's place ({@code /dev/null}, for root). A
     * missing file passes, for the caller to take as the empty configuration or to create.
     */
    private void requireRegularFile() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException missing) {
            return;
        }
        if (!attributes.isRegularFile()) {
            throw new PrompdException(ExitCode.FAILURE, "the configuration file " + file + " is "
                    + NotRegularFiles.described(file, attributes), "prompd keeps its configuration in a regular file,"
                    + " or a link to one, which each change replaces: move what is there away (a link, not what it"
                    + " leads to), and prompd writes a new file in its place; or choose another home with --home");
        }
    }

    /**
     * Replaces the file; a killed write's temporary file, which may hold secrets, goes first. A
     * link (as dotfiles managers make) stays a link: its target is replaced, in the target's folder.
     */
    public void write(Config config) throws IOException {
        write(ConfigJson.write(config));
    }

    private void write(byte[] json) throws IOException {
        Path folder = file.getParent();
        Folders.create(folder);
        requireRegularFile();
        TemporaryFiles.removeOrphansOf(file);
        AtomicFiles.write(file, json, OwnerOnly.fileIn(folder));
    }

    /**
     * Reads, changes and writes back the configuration under the lock, so that a change made by
     * another run meanwhile is read first rather than overwritten; an unchanged configuration is
     * not written. A file whose only problem is a reference to a registry it does not configure is
     * changed as one without that reference, which comes back unless the change replaced it: the
     * change that adds the registry or names another, as the problem advises, makes the file good.
     *
     * @param onWait told the lock's file once if another run holds the lock, so that the user knows why nothing happens
     * @throws ConfigException when the file cannot be used and the change does not make it good
     */
    public Change update(UnaryOperator<Config> change, Consumer<Path> onWait) throws IOException {
        return update(change, UnaryOperator.identity(), onWait);
    }

    /**
     * Unsets the key as {@link #update} would, and in a file naming registries it does not configure, the references
     * under that key too: {@code config unset registry} makes good a file whose default names no registry.
     *
     * @param onWait as {@link #update} takes it
     */
    public Change unset(ConfigKey key, Consumer<Path> onWait) throws IOException {
        return update(key::unset, unknown -> unknown.unsetting(key), onWait);
    }

    /**
     * Changes the credentials of one registry as {@link #update} changes the configuration; and in a file whose only
     * problems are credential entries it cannot use, which advise logging in again, replaces or removes that registry's
     * entry, keeping the others as the file holds them ({@link UnusableCredentials}). A file whose unusable entries are
     * all of other registries is refused for them.
     *
     * @param registry the registry whose credentials the change sets or removes, in the configuration read
     * @param onWait   as {@link #update} takes it
     */
    public Change updateCredentials(Function<Config, RegistryUrl> registry, UnaryOperator<Config> change,
                                    Consumer<Path> onWait) throws IOException {
        return updateOr(change, onWait, broken -> {
            Optional<UnusableCredentials> unusable = broken.unusableCredentials();
            if (unusable.isEmpty()) {
                return repair(broken, change, UnaryOperator.identity());
            }
            Config without = unusable.get().without();
            RegistryUrl changed = registry.apply(without);
            if (!unusable.get().entries().containsKey(changed)) {
                throw broken;
            }
            Config after = change.apply(without);
            write(unusable.get().json(after, changed));
            return new Change(without, after, ConfigKey.entries(without), ConfigKey.entries(after), true);
        });
    }

    private Change update(UnaryOperator<Config> change, UnaryOperator<UnknownRegistryNames> replacing,
                          Consumer<Path> onWait) throws IOException {
        return updateOr(change, onWait, broken -> repair(broken, change, replacing));
    }

    /** What to do, under the lock, with a file that cannot be used: change it if the change mends it, else refuse. */
    private interface Mending {
        Change mend(ConfigException broken) throws IOException;
    }

    private Change updateOr(UnaryOperator<Config> change, Consumer<Path> onWait, Mending mending)
            throws IOException {
        try (RunLock lock = lock(onWait)) {
            Config before;
            try {
                before = read();
            } catch (ConfigException broken) {
                return mending.mend(broken);
            }
            Config after = change.apply(before);
            if (!after.equals(before)) {
                write(after);
            }
            return new Change(before, after, ConfigKey.entries(before), ConfigKey.entries(after), false);
        }
    }

    /**
     * The lock of {@link #update}, which a home on a disk mounted read-only refuses as {@code install} does its own.
     */
    private RunLock lock(Consumer<Path> onWait) throws IOException {
        Path lock = file.resolveSibling(LOCK_FILE);
        try {
            return RunLock.acquire(lock, PATIENCE, () -> onWait.accept(lock));
        } catch (FileSystemException refused) {
            Settings.requireWritableHome(refused, file.getParent());
            throw refused;
        }
    }

    /**
     * Changes, under the caller's lock, a file whose only problem may be its references to registries not configured.
     * A change that replaces some of them is written though others are left, so that the commands the file's problems
     * advise can be run one after the other; a change replacing none is refused for the problems it leaves.
     */
    private Change repair(ConfigException broken, UnaryOperator<Config> change,
                          UnaryOperator<UnknownRegistryNames> replacing) throws IOException {
        UnknownRegistryNames unknown = broken.repairable().orElseThrow(() -> broken);
        UnknownRegistryNames after = replacing.apply(unknown).repaired(change.apply(unknown.without()));
        if (after.unknownCount() > 0 && after.unknownCount() >= unknown.unknownCount()) {
            throw broken;
        }
        write(after.json());
        return new Change(unknown.without(), after.without(), unknown.entries(), after.entries(), false);
    }

    /**
     * The configuration before and after one {@link #update}.
     *
     * @param before        the configuration read, less the file's references to registries it does not configure
     * @param after         the configuration written, less such references a change left
     * @param entriesBefore the keys the file held, those references included, as {@link ConfigKey#entries} shows them
     * @param entriesAfter  the keys the file holds now, alike
     * @param replacedUnusable whether the change replaced or removed a credential entry this prompd could not use,
     *                         which {@code before} leaves out
     */
    public record Change(Config before, Config after, SortedMap<String, String> entriesBefore,
                         SortedMap<String, String> entriesAfter, boolean replacedUnusable) {
        public Change {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            entriesBefore = SortedCopies.map(Objects.requireNonNull(entriesBefore, "entriesBefore"));
            entriesAfter = SortedCopies.map(Objects.requireNonNull(entriesAfter, "entriesAfter"));
        }
    }
}
