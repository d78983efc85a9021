package io.prompd.client.install;

import io.prompd.client.http.RegistryFetcher;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whether a failure's offer of {@code --offline} stands: the one place that decides it for the commands that read a
 * registry's documents (install, update, uninstall, outdated, info). The fetcher offers it for a document the cache
 * holds ({@link RegistryFetcher#OFFLINE_OFFER}), which is all it knows; an offline run of the command may need other
 * documents too (a dependency just added to prompd.json), and the tarballs of the versions it chooses, and which of
 * its requests fails first is chance. So the offer stands only where the command, done again as its {@code --offline}
 * run does it up to what it writes, from the cache alone and changing nothing, gets through; otherwise it is taken out
 * of the hint, which then says what it says without it. The check runs only for a failure that makes the offer, after
 * the network failed: it reads files on this machine, a fraction of the time the failed requests took.
 */
final class OfflineOffer {

    private OfflineOffer() {
    }

    /** A command's work, which may fail offering {@code --offline}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    /** What an {@code --offline} run of the command must get through, done from the cache alone: it fails if not. */
    @FunctionalInterface
    interface OfflineRun {
        void run() throws IOException;
    }

    /**
     * The work's result; a failure of it that offers {@code --offline} is thrown as it is only where {@code offline}
     * gets through, else without the offer.
     */
    static <T> T checked(Work<T> work, OfflineRun offline) throws IOException {
        try {
            return work.run();
        } catch (PrompdException failed) {
            if (!failed.hint().contains(RegistryFetcher.OFFLINE_OFFER) || getsThrough(offline)) {
                throw failed;
            }
            throw new PrompdException(failed.exitCode(), failed.getMessage(),
                    failed.hint().replace(RegistryFetcher.OFFLINE_OFFER, ""), failed);
        }
    }

    private static boolean getsThrough(OfflineRun offline) {
        try {
            offline.run();
            return true;
        } catch (PrompdException | IOException | UncheckedIOException fails) {
            return false;
        }
    }
}
