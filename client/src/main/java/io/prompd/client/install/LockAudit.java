package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import io.prompd.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What makes a {@code prompd.lock} stale though it meets {@code prompd.json}, as a hand edit or a careless merge of it
 * leaves it: a dependency a locked package records that the lock lacks, or recorded dependencies
 * that are not those the version's own {@code prompd.json} declares. Either way a package some version needs could go
 * uninstalled, as cargo and npm re-resolve such a lock rather than trust it.
 */
public final class LockAudit {

    private LockAudit() {
    }

    /**
     * Where an install notes the {@code prompd.lock} it last found agreeing with the installed versions' manifests,
     * by size and modification time: an edit of the lock changes either, so a warm install reads those manifests,
     * one per locked version, only once after each change, as the lock's own check costs its size.
     */
    private static final String AUDITED_FILE = ".prompd/lock-audited";

    /** Each way the lock is stale, as a clause naming the entry; none for a lock a resolution wrote. */
    public static List<String> problems(LockFile lock, PackageStore store) throws IOException {
        List<String> problems = new ArrayList<>(disagreeingWithManifests(lock, store));
        problems.addAll(lock.lackedDependencies());
        return problems;
    }

    /**
     * As {@link #problems(LockFile, PackageStore)} for the project's {@code prompd.lock}, reading the installed
     * manifests only when the file changed since an install last found it agreeing with them; for a run holding
     * the project's lock, which notes a lock found agreeing.
     */
    public static List<String> problems(LockFile lock, PackageStore store, Path projectFolder) throws IOException {
        Path lockFile = projectFolder.resolve(LockFile.FILE_NAME);
        Path audited = projectFolder.resolve(AUDITED_FILE);
        String stamp = stamp(lockFile);
        if (stamp.equals(readOrEmpty(audited))) {
            return lock.lackedDependencies();
        }
        List<String> problems = problems(lock, store);
        if (problems.isEmpty()) {
            AtomicFiles.write(audited, stamp.getBytes(StandardCharsets.UTF_8));
        }
        return problems;
    }

    /** Empty for a project with no lock yet, whose empty lock is audited at no cost. */
    private static String stamp(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\n";
        } catch (NoSuchFileException noLock) {
            return "";
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException | MalformedInputException notNoted) {
            return "";
        }
    }

    /**
     * The entries whose recorded dependencies are not those the installed version's {@code prompd.json} declares.
     * Only installed versions are read, as the integrity that pinned their bytes pins their dependencies too: a version
     * not installed yet is for the install to check against its registry's record, which it fetches for it anyway.
     */
    private static List<String> disagreeingWithManifests(LockFile lock, PackageStore store) throws IOException {
        List<String> disagreeing = new ArrayList<>();
        for (Map.Entry<PackageName, LockedPackage> entry : lock.packages().entrySet()) {
            LockedPackage locked = entry.getValue();
            Optional<SortedMap<String, String>> declared = store.declaredDependencies(entry.getKey(), locked.version());
            if (declared.isPresent() && !declared.get().equals(texts(locked.dependencies()))) {
                disagreeing.add(recordedAgainst(entry.getKey(), locked, declared.get(),
                        "its own " + ManifestReader.FILE_NAME + " declares"));
            }
        }
        return disagreeing;
    }

    /** {@code prompd.lock records no dependencies for @a/x@1.0.0, and its own prompd.json declares @b/y ^1.1.0}. */
    static String recordedAgainst(PackageName name, LockedPackage locked, SortedMap<String, String> actual,
                                  String source) {
        return LockFile.FILE_NAME + " records " + dependencies(texts(locked.dependencies())) + " for " + name + "@"
                + locked.version() + ", and " + source + " " + dependencies(actual);
    }

    /** Dependencies by name, each range as written. */
    static SortedMap<String, String> texts(SortedMap<PackageName, VersionRange> dependencies) {
        SortedMap<String, String> texts = new TreeMap<>();
        dependencies.forEach((name, range) -> texts.put(name.toString(), range.text()));
        return texts;
    }

    private static String dependencies(SortedMap<String, String> dependencies) {
        return dependencies.isEmpty() ? "no dependencies" : String.join(", ", dependencies.entrySet().stream()
                .map(one -> one.getKey() + " " + one.getValue()).toList());
    }
}
