package io.prompd.client.install;

import io.prompd.client.install.store.PackageStore;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.prompt.EscapingReferences;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.source.DirectorySource;
import java.io.IOException;
import java.util.List;

/**
 * Refuses a version unpacked for an install whose prompts, or the files their templates load, refer to a file out of
 * the package they read from ({@link EscapingReferences}): a registry's check never publishes one, so its host served
 * what the registry did not publish, or the archive was tampered with, and a prompt rendered from the store would read
 * a file of this machine's ({@code ../../.ssh/id_rsa}). Only what the prompts name is read, as far as they parse; the
 * registry's check judged the rest.
 */
final class PromptsInside {

    private PromptsInside() {
    }

    /**
     * @return the version's prompts as parsed to look, which the install asks next for their dependencies' files
     *         ({@link InstalledReferences}) rather than parse them again
     * @throws PrompdException INTEGRITY naming each reference out, with its file and line
     */
    static List<PromptFile> require(PackageStore.Unpacked unpacked) throws IOException {
        EscapingReferences.Read read = EscapingReferences.read(new DirectorySource(unpacked.staged()));
        List<EscapingReferences.Escaping> escaping = read.escaping();
        if (!escaping.isEmpty()) {
            throw new PrompdException(ExitCode.INTEGRITY, "the tarball of " + unpacked.name() + "@"
                    + unpacked.version() + " was refused, and nothing of it was installed: its prompts refer to "
                    + (escaping.size() == 1 ? "a file" : "files") + " outside the package, at " + String.join("; ",
                    escaping.stream().map(EscapingReferences.Escaping::describe).toList()), "prompd validate refuses"
                    + " a reference out of the package, and a registry's check refuses to publish it, so the registry's"
                    + " host served what the registry never published, or the archive was tampered with; tell the"
                    + " registry's maintainers");
        }
        return List.copyOf(read.prompts().values());
    }
}
