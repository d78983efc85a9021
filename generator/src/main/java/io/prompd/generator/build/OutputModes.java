package io.prompd.generator.build;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * The permissions of what a build writes: files 0644 and folders 0755, as a tarball's entries
 * have, whatever the umask of the process. Left to the umask, a build under a stricter one (cron,
 * sudo, a systemd unit's {@code UMask=}) wrote files the web server could not read beside carried
 * over ones that it could, and an incremental output differed from a fresh one. The output folder
 * itself takes the mode and group of the folder it replaces, which are the operator's choice for
 * the web server, not the build's. Every folder keeps the set-group-ID bit that it has from the
 * folder above, so that the files below it get that folder's group as the operator set it up;
 * a file carried over from the previous output in another group (the folder's before the operator
 * changed it) is copied into it, as a fresh build would write it.
 *
 * <p>Nothing is set on a file system without POSIX permissions (Windows), nor, from its first
 * refusal on, on a mount that cannot store them (vfat, SMB): there the mount decides.
 */
final class OutputModes {

    private static final int FILE = 0644;
    private static final int FOLDER = 0755;
    /** The owner's read, write and search bits, which listing and deleting a folder's entries need. */
    private static final int OWNER_ALL = 0700;
    private static final int SET_GROUP_ID = 02000;
    /** The permissions, set-user-ID, set-group-ID and sticky bits of {@code unix:mode}, without the file type. */
    private static final int MODE_BITS = 07777;

    private final int topMode;
    private final int folderMode;
    /** The group id the files created below the output folder get; unused where {@link #unsupported}. */
    private final int group;
    /** Set at the first change the file system refuses, after which nothing is tried again. */
    private volatile boolean unsupported;

    private OutputModes(int topMode, int folderMode, int group, boolean unsupported) {
        this.topMode = topMode;
        this.folderMode = folderMode;
        this.group = group;
        this.unsupported = unsupported;
    }

    /**
     * Gives {@code top}, the new output folder just created, the group and mode of {@code replaced}
     * when it exists, so that the files and folders created below it get the group and set-group-ID
     * bit from the start. Until {@link #finish} its owner may do anything in it: a folder made
     * read-only (0555) would refuse the files to come.
     */
    static OutputModes forOutput(Path top, Path replaced) throws IOException {
        if (!top.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return new OutputModes(FOLDER, FOLDER, 0, true);
        }
        int mode;
        if (Files.exists(replaced)) {
            Map<String, Object> attributes = Files.readAttributes(replaced, "unix:mode,gid");
            mode = (int) attributes.get("mode") & MODE_BITS;
            try {
                Files.setAttribute(top, "unix:gid", attributes.get("gid"));
            } catch (FileSystemException notAMember) {
                // only root, or a member of the group, may give a folder to it: the folder keeps the user's
            }
        } else {
            mode = newFolderMode(top);
        }
        // the group is asked once the folder has its mode, on which it depends
        boolean unsupported = !applied(top, "unix:mode", mode | OWNER_ALL);
        return new OutputModes(mode, FOLDER | (mode & SET_GROUP_ID), unsupported ? 0 : groupOfNewFiles(top),
                unsupported);
    }

    /**
     * Creates the missing folders above the output folder as the build's own: 0755 whatever the umask, with the
     * set-group-ID bit a folder gets from the one above. Made along with the lock file beside the output folder,
     * they were left to the umask, and a build under umask 077 hid the output from a web server reading it as another
     * user. A folder another process makes meanwhile is left as it made it.
     */
    static void createFoldersAbove(Path out) throws IOException {
        Path folder = out.toAbsolutePath().normalize().getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFoldersAbove(folder);
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            if (!Files.isDirectory(folder)) {
                throw createdMeanwhile;
            }
            return;
        }
        if (folder.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            applied(folder, "unix:mode", newFolderMode(folder));
        }
    }

    /** The mode a folder just created gets: 0755, with the set-group-ID bit when it has it from the one above. */
    private static int newFolderMode(Path created) throws IOException {
        return FOLDER | ((int) Files.getAttribute(created, "unix:mode") & SET_GROUP_ID);
    }

    /**
     * The group the file system gives a new file in the folder: the folder's when it has the set-group-ID bit,
     * else the process's on Linux, the folder's always on BSD and macOS. A file created there and deleted at
     * once tells, wherever the build runs and whatever group it runs under.
     */
    private static int groupOfNewFiles(Path folder) throws IOException {
        Path probe = Files.createTempFile(folder, ".group", "");
        try {
            return (int) Files.getAttribute(probe, "unix:gid");
        } finally {
            Files.delete(probe);
        }
    }

    /** Gives a new file below the output folder its permissions. */
    void file(Path file) throws IOException {
        set(file, "unix:mode", FILE);
    }

    /** Gives a new folder below the output folder its permissions. */
    void folder(Path folder) throws IOException {
        set(folder, "unix:mode", folderMode);
    }

    /**
     * Whether a file of the previous output has the permissions and the group a new file gets, and
     * so can be linked: one without, from a build before this rule, changed by hand, or in the group
     * the output folder had before the operator gave it another (with the set-group-ID bit, which
     * gives new files the folder's group), is copied instead, since changing a hard link's
     * permissions or group would change those of the live output, which a build leaves as it is
     * until it is published. One look-up reads both, by number: a group's name would be looked up
     * for every file, and a build carries tens of thousands over.
     */
    boolean mayLink(Path file) throws IOException {
        if (unsupported) {
            return true;
        }
        Map<String, Object> attributes = Files.readAttributes(file, "unix:mode,gid");
        return ((int) attributes.get("mode") & MODE_BITS) == FILE && (int) attributes.get("gid") == group;
    }

    /** Gives the output folder its final mode, before it is published. */
    void finish(Path top) throws IOException {
        if ((topMode & OWNER_ALL) != OWNER_ALL) {
            set(top, "unix:mode", topMode);
        }
    }

    /**
     * Lets the owner delete what a folder a build made holds: the top folder of a staging folder
     * or retired build has the mode of the output folder it replaced, which the operator may have
     * made read-only (0555), and every second build then failed to delete the build it retired.
     * The folders below it are a build's, 0755. Nothing is done to a folder that is not there, nor
     * on a file system without POSIX modes.
     */
    static void ownerMayEmpty(Path folder) throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("unix")
                || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int mode = (int) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & OWNER_ALL) != OWNER_ALL) {
            Files.setAttribute(folder, "unix:mode", (mode | OWNER_ALL) & MODE_BITS, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private void set(Path path, String attribute, Object value) throws IOException {
        if (!unsupported && !applied(path, attribute, value)) {
            unsupported = true;
        }
    }

    private static boolean applied(Path path, String attribute, Object value) throws IOException {
        try {
            Files.setAttribute(path, attribute, value);
            return true;
        } catch (FileSystemException refused) {
            // a file this build has just created: only a mount without permissions refuses the change
            return false;
        }
    }
}
