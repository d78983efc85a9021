package io.prompd.client.install;

import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import java.util.ArrayList;
import java.util.List;

/** What a user should hear of a locked version that its registry has yanked or deprecated. */
public final class StatusNotes {

    private StatusNotes() {
    }

    /**
     * @param whyKept what a yank's note says, before the way off it, of why the version is still
     *                there, such as {@code installed because the lock file pins it; }; empty to say nothing
     */
    static List<String> of(PackageName name, VersionSummary known, String whyKept) {
        List<String> notes = new ArrayList<>();
        String locked = name + "@" + known.version();
        if (known.yanked() != null) {
            notes.add(locked + " is " + labelled("yanked", known.yanked()) + " (" + whyKept + "'prompd update " + name
                    + "' moves off it)");
        }
        if (known.deprecated() != null) {
            notes.add(locked + " is " + labelled("deprecated", known.deprecated()));
        }
        return notes;
    }

    /** {@code yanked: reason}, or the bare label when the registry gave an empty reason. */
    public static String labelled(String label, String reason) {
        return reason.isBlank() ? label : label + ": " + reason.strip();
    }
}
