package io.prompd.client.config;

import io.prompd.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and writes {@code config.json}. A missing file is the empty configuration. Writes are
 * atomic (a temporary file moved over the old one), so a crash leaves the old file or the new
 * one, never half of one; and the file is readable by its owner only, since it holds secrets.
 * Two prompd processes changing the configuration at the same moment are not coordinated: the
 * last write wins.
 */
public final class ConfigStore {

    static final Set<PosixFilePermission> OWNER_ONLY = Set.copyOf(PosixFilePermissions.fromString("rw-------"));

    private final Path file;

    public ConfigStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    public static ConfigStore of(Settings settings) {
        return new ConfigStore(settings.configFile());
    }

    public Path file() {
        return file;
    }

    /** @throws ConfigException when the file is malformed, with every problem at its field */
    public Config read() throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return Config.EMPTY;
        }
        return ConfigJson.read(file, json);
    }

    /** Replaces the file; a killed write's temporary file, which may hold secrets, goes first. */
    public void write(Config config) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        AtomicFiles.removeOrphansOf(file);
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // Created owner-only from the start, so the secrets are never readable by others, not even briefly.
        AtomicFiles.write(file, ConfigJson.write(config), ownerOnly);
    }

    /** Reads, changes and writes back the configuration; returns the configuration written. */
    public Config update(UnaryOperator<Config> change) throws IOException {
        Config changed = change.apply(read());
        write(changed);
        return changed;
    }
}
