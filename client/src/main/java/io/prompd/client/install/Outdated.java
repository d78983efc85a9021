package io.prompd.client.install;

import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which locked packages have newer versions: within their ranges (wanted) and at all (latest). */
public final class Outdated {

    private Outdated() {
    }

    /**
     * One package with a newer version.
     *
     * @param current the locked version
     * @param wanted  the highest version every range on the package allows, not yanked
     * @param latest  the version the {@code latest} dist-tag points at
     * @param direct  whether {@code prompd.json} names it
     */
    public record Row(PackageName name, Version current, Version wanted, Optional<Version> latest, boolean direct) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(latest, "latest");
        }
    }

    /**
     * What {@link #check} found.
     *
     * @param rows     the packages with newer versions, in name order
     * @param warnings what else the user should know of the locked versions: yanked, deprecated, or
     *                 gone from the registry, in name order
     */
    public record Result(List<Row> rows, List<String> warnings) {
        public Result {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }
    }

    /** The outdated packages of the graph; fetches the index of every locked package, in parallel. */
    public static Result check(ProjectGraph graph, RegistryIndex index) {
        index.prefetch(graph.lock().packages().keySet());
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ProjectGraph.Entry entry : graph.entries()) {
            Optional<PublishedPackage> published = index.find(entry.name());
            if (published.isEmpty()) {
                warnings.add(entry.name() + " is no longer in the registry; " + entry.version() + " stays installed as"
                        + " locked, but 'prompd update' cannot resolve it");
                continue;
            }
            published.get().version(entry.version())
                    .ifPresent(summary -> warnings.addAll(StatusNotes.of(graph, published.get(), summary, "")));
            Version wanted = published.get().highestAllowed(graph.rangesOn(entry.name()))
                    .filter(highest -> highest.compareTo(entry.version()) > 0)
                    .orElse(entry.version());
            Optional<Version> latest = published.get().latest();
            boolean behind = !wanted.equals(entry.version())
                    || latest.filter(version -> version.compareTo(entry.version()) > 0).isPresent();
            if (behind) {
                rows.add(new Row(entry.name(), entry.version(), wanted, latest, entry.direct()));
            }
        }
        return new Result(rows, warnings);
    }
}
