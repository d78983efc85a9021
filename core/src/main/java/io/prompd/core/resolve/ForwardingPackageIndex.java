package io.prompd.core.resolve;

import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * An index that answers every question as the index it wraps does, for a view of that index to extend and override
 * only what it changes. A view implementing {@link PackageIndex} itself would keep the interface's default answer of
 * every method it does not write out, and so lose the wrapped index's answer, silently, whenever a method is added;
 * here every method forwards, which {@code ForwardingPackageIndexTest} holds for each method the interface has.
 */
public abstract class ForwardingPackageIndex implements PackageIndex {

    private final PackageIndex delegate;

    protected ForwardingPackageIndex(PackageIndex delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public List<Candidate> versions(PackageName name) {
        return delegate.versions(name);
    }

    @Override
    public Optional<Version> latest(PackageName name) {
        return delegate.latest(name);
    }

    @Override
    public boolean exists(PackageName name) {
        return delegate.exists(name);
    }

    @Override
    public Takedowns takedowns(PackageName name) {
        return delegate.takedowns(name);
    }

    @Override
    public String offered() {
        return delegate.offered();
    }

    @Override
    public Optional<String> heldBack(PackageName name, VersionRange range) {
        return delegate.heldBack(name, range);
    }

    @Override
    public NameSuggestions similarNames(PackageName name) {
        return delegate.similarNames(name);
    }

    @Override
    public Optional<String> lookedIn(PackageName name) {
        return delegate.lookedIn(name);
    }

    @Override
    public Optional<String> elsewhere(PackageName name) {
        return delegate.elsewhere(name);
    }

    @Override
    public void prefetch(Collection<PackageName> names) {
        delegate.prefetch(names);
    }

    @Override
    public void prefetch(SortedMap<PackageName, VersionRange> wanted) {
        delegate.prefetch(wanted);
    }
}
