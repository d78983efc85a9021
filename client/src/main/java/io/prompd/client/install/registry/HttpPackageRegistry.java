package io.prompd.client.install.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.http.AccessRefused;
import io.prompd.client.http.Credential;
import io.prompd.client.http.FetchFailure;
import io.prompd.client.http.IntegrityMismatch;
import io.prompd.client.http.NotFound;
import io.prompd.client.http.ProgressListener;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.http.WebPage;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.DependencyTexts;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** Registries read through the client's {@link RegistryFetcher}: static files over HTTP or from a folder. */
public final class HttpPackageRegistry implements PackageRegistry {

    /**
     * A registry's failures to give a tarball that the URL a lock records may make up for: the tarball missing, other
     * bytes, and a registry that cannot be read (unreachable, failing for all its tries, refusing).
     */
    private static final Set<ExitCode> MADE_UP_FOR = Set.of(ExitCode.NOT_FOUND, ExitCode.INTEGRITY, ExitCode.NETWORK);
    /** The failures of a registry's tarball that the locked file: URL would make up for, if it were read. */
    private static final Set<ExitCode> FILE_URL_WOULD_MAKE_UP_FOR = Set.of(ExitCode.NOT_FOUND, ExitCode.INTEGRITY);

    private final RegistryFetcher fetcher;
    private final RegistryRoutes routes;
    private final SuggestedCommands commands;
    /** Roots seen to hold a registry of a protocol this client reads, so each is asked at most once a run. */
    private final Set<RegistryUrl> verifiedRoots = ConcurrentHashMap.newKeySet();

    /** @param commands how the hints of its failures spell the prompd commands they suggest */
    public HttpPackageRegistry(RegistryFetcher fetcher, RegistryRoutes routes, SuggestedCommands commands) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public SuggestedCommands commands() {
        return commands;
    }

    @Override
    public Optional<PublishedPackage> find(PackageName name) {
        RegistryEndpoint endpoint = routes.endpointFor(name);
        URI url = endpoint.resolve(RegistryLayout.url(RegistryLayout.packument(name)));
        RegistryFetcher.Document document;
        try {
            document = fetch(endpoint, url);
        } catch (PrompdException failure) {
            if (failure.exitCode() == ExitCode.NOT_FOUND) {
                requireRegistry(endpoint, Optional.empty());
                if (failure instanceof NotFound missing && !missing.answeredBy().equals(url)) {
                    throw redirectedAway(name, endpoint, url, missing);
                }
                return Optional.empty();
            }
            throw failure;
        }
        Packument packument = document.read(json -> {
            Packument read = parse(endpoint, json, Packument.class, document);
            requireAsked(name.toString(), read.name().toString(), document);
            requireDistinctVersions(read, document);
            requireLocalFiles(read, url, document);
            return read;
        });
        return Optional.of(new PublishedPackage(packument, url));
    }

    /**
     * A package's document that a redirect led away to a URL lacking it: where the redirect ended is the place to
     * look (a sign-in gateway, a moved registry), not the package's name, so no similar names are offered.
     */
    private PrompdException redirectedAway(PackageName name, RegistryEndpoint endpoint,
            URI url, NotFound missing) {
        return new PrompdException(ExitCode.NOT_FOUND, "no package " + name + " in registry " + endpoint.describe()
                + ": its index.json" + Urls.redirection(url, missing.answeredBy())
                + " was not found", "the registry sent the request elsewhere, as a sign-in gateway or a moved registry"
                + " does: open " + Urls.display(url) + " in a browser, or check the registry URL"
                + " (" + commands.quoted("registry list") + ")", missing);
    }

    /**
     * Each version must be listed under itself, and once: a resolver and an installer find a version
     * by its key, and SemVer holds versions differing only in build metadata to be one.
     */
    private static void requireDistinctVersions(Packument packument, RegistryFetcher.Document document) {
        Version previous = null;
        for (var entry : packument.versions().entrySet()) {
            Version version = entry.getKey();
            if (previous != null && previous.samePrecedence(version)) {
                throw damaged(document, "versions " + previous + " and " + version
                        + " are one version: build metadata does not make another");
            }
            if (!entry.getValue().version().equals(version)) {
                throw damaged(document, "versions/" + version + " says it is version " + entry.getValue().version());
            }
            previous = version;
        }
    }

    /**
     * A {@code file:} URL names a file of this machine: one naming a host ({@code //host/x.tgz} in a folder
     * registry's document resolves to {@code file://host/x.tgz}) is read nowhere, and would be written to prompd.lock
     * as the version's source.
     */
    private static void requireLocalFiles(Packument packument, URI url, RegistryFetcher.Document document) {
        for (VersionSummary version : packument.versions().values()) {
            URI tarball = Urls.resolve(url, version.dist().tarball());
            String host = tarball.getRawAuthority();
            if ("file".equalsIgnoreCase(tarball.getScheme()) && host != null && !host.isEmpty()
                    && !"localhost".equalsIgnoreCase(host)) {
                throw damaged(document, "/versions/" + version.version() + "/dist: the tarball URL "
                        + Urls.display(tarball) + " names the host " + host + ", and a file: URL is read from this"
                        + " machine only");
            }
        }
    }

    /**
     * A document must be of what was asked: a registry could otherwise install one package under
     * another's name, at its own path or by redirecting one package's URL to another's.
     */
    private static void requireAsked(String asked, String described, RegistryFetcher.Document document) {
        if (!described.equals(asked)) {
            throw damaged(document, "it describes " + described + ", and " + asked + " was asked for");
        }
    }

    /**
     * Tells a wrong registry URL from a missing package, and a registry newer than this client from
     * a damaged document, by its {@code registry.json}. Only failures ask: an install that finds
     * every package costs no request more.
     *
     * @param asking the failure that asked, if one did, which stands when registry.json is as damaged
     *               and so tells nothing: it names the document the user's command needed
     */
    private void requireRegistry(RegistryEndpoint endpoint, Optional<PrompdException> asking) {
        if (verifiedRoots.contains(endpoint.root())) {
            return;
        }
        // offline or unreachable, it cannot tell: the failure that asked stands
        registryDocument(endpoint, failure -> Optional.empty())
                .ifPresent(fetched -> registryFields(endpoint, fetched, asking));
    }

    /**
     * The registry's {@code registry.json}, one not found failing as no registry there, and any other failure to fetch
     * it as {@code otherwise} decides: empty to go on without it, or thrown.
     */
    private Optional<RegistryFetcher.Document> registryDocument(RegistryEndpoint endpoint,
            Function<PrompdException, Optional<RegistryFetcher.Document>> otherwise) {
        URI document = endpoint.resolve(RegistryLayout.REGISTRY_DOCUMENT);
        try {
            return Optional.of(fetch(endpoint, document));
        } catch (NotFound missing) {
            throw noRegistry(endpoint, document, missing);
        } catch (PrompdException failure) {
            return otherwise.apply(failure);
        }
    }

    /**
     * Reads the registry's {@code registry.json} with the endpoint's credentials, as {@code prompd login} checks new
     * ones before storing them: a refusal says the credentials given were refused, where other requests' refusals
     * speak of stored ones.
     *
     * @throws PrompdException as {@link #find} does when there is no registry there, or it cannot be reached, or
     *                         refuses the credentials
     */
    public CheckedAccess checkAccess(RegistryEndpoint endpoint) {
        RegistryFetcher.Document fetched = registryDocument(endpoint, failed -> {
            throw failed.getCause() instanceof AccessRefused refused
                    ? Refusal.ofGiven(endpoint, named(endpoint), refused, commands) : failed;
        }).orElseThrow();
        Optional<Boolean> saysPrivate = saysPrivate(registryFields(endpoint, fetched, Optional.empty()));
        return new CheckedAccess(saysPrivate, servesWithoutCredentials(endpoint, fetched.url()));
    }

    /** What registry.json's {@code "private"} says, which the generator writes always; empty where it says nothing. */
    private static Optional<Boolean> saysPrivate(Map<?, ?> registryFields) {
        return registryFields.get("private") instanceof Boolean saysPrivate ? Optional.of(saysPrivate)
                : Optional.empty();
    }

    /**
     * Whether the registry serves its registry.json to a request without credentials too: what the file says is no
     * proof, as a server may guard a registry built as public, and a warning that credentials are not needed must
     * not talk the user out of those it needs. Only a registry.json read from that answer tells so: an answer of
     * status 200 may be a login page a guard redirected to (as oauth2-proxy does), or anything else than the file; a
     * failure of any kind tells no such thing either.
     */
    private boolean servesWithoutCredentials(RegistryEndpoint endpoint, URI document) {
        if (endpoint.credential().isEmpty()) {
            return true;
        }
        try {
            registryFields(endpoint, fetcher.fetchDocumentOnce(document), Optional.empty());
            return true;
        } catch (PrompdException notServed) {
            return false;
        }
    }

    /**
     * What {@link #checkAccess} found.
     *
     * @param saysPrivate              what the registry's {@code registry.json} says of itself in {@code "private"}
     * @param servedWithoutCredentials whether the registry serves its {@code registry.json} to a request without
     *                                 credentials too
     */
    public record CheckedAccess(Optional<Boolean> saysPrivate, boolean servedWithoutCredentials) {
        public CheckedAccess {
            Objects.requireNonNull(saysPrivate, "saysPrivate");
        }

        /** A registry that needs no credentials, as it says: those sent to it protect nothing, and go all the same. */
        public boolean isPublic() {
            return saysPrivate.equals(Optional.of(false)) && servedWithoutCredentials;
        }

        /** A registry built as private that anyone who reaches it reads, as no authentication stands in front of it. */
        public boolean isExposed() {
            return saysPrivate.equals(Optional.of(true)) && servedWithoutCredentials;
        }
    }

    private PrompdException noRegistry(RegistryEndpoint endpoint, URI document, NotFound missing) {
        // after a redirect, the URL it led to is the one that lacks it, and the one to look at
        String lacking = missing.answeredBy().equals(document) ? "it has no " + RegistryLayout.REGISTRY_DOCUMENT
                : "its " + RegistryLayout.REGISTRY_DOCUMENT + Urls.redirection(document, missing.answeredBy())
                        + " was not found";
        return new PrompdException(ExitCode.NOT_FOUND, "no prompd registry at " + Urls.display(endpoint.root().uri())
                + ": " + lacking, endpoint.urlCorrection(commands));
    }

    /**
     * The fields of a registry's {@code registry.json}, once it is seen to be one of a protocol this client reads.
     *
     * @param asking the failure that asked, if one did, which stands when registry.json is as damaged
     */
    private Map<?, ?> registryFields(RegistryEndpoint endpoint, RegistryFetcher.Document fetched,
                                     Optional<PrompdException> asking) {
        String root = Urls.display(endpoint.root().uri());
        URI document = fetched.url();
        Map<?, ?> registry = fetched.read(json -> {
            if (WebPage.startsOne(json)) {
                throw webPage(fetched);
            }
            Map<?, ?> fields;
            try {
                fields = read(json, Map.class, fetched);
            } catch (PrompdException damaged) {
                throw asking.orElse(damaged);
            }
            // only the fields this client needs: a newer protocol may change all others
            // after a redirect to another host, that host's answer is the one that says so
            String redirected = Urls.redirection(document, fetched.answeredBy());
            if (!fields.containsKey("protocolVersion")) {
                throw new PrompdException(ExitCode.NOT_FOUND, "no prompd registry at " + root + ": its "
                        + RegistryLayout.REGISTRY_DOCUMENT + redirected + " has no protocolVersion (is it a registry's"
                        + " Git repository rather than what prompd-registry builds from one?)",
                        "build it with 'prompd-registry build REPO --out DIR' and use DIR, or check the registry URL");
            }
            BigInteger protocol;
            try {
                protocol = protocolVersion(fields.get("protocolVersion"), fetched);
            } catch (PrompdException damaged) {
                throw asking.orElse(damaged);
            }
            if (protocol.compareTo(BigInteger.valueOf(RegistryLayout.PROTOCOL_VERSION)) > 0) {
                // an answer this prompd cannot use, which is the network's exit code as --help lists them
                throw new PrompdException(ExitCode.NETWORK, "the registry at " + root + redirected
                        + " uses protocol version " + protocol + ", and this prompd reads up to version "
                        + RegistryLayout.PROTOCOL_VERSION,
                        "update prompd");
            }
            return fields;
        });
        verifiedRoots.add(endpoint.root());
        return registry;
    }

    /**
     * A protocolVersion there but not a whole number from 1 is damaged, not the missing one of a registry's sources.
     * One beyond Java's int (read as a long or a BigInteger) is a whole number all the same, of a protocol far newer.
     */
    private static BigInteger protocolVersion(Object value, RegistryFetcher.Document document) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger number = new BigInteger(value.toString());
            if (number.signum() > 0) {
                return number;
            }
        }
        String shown = value instanceof String text ? Json.writeString(text) : String.valueOf(value);
        throw damaged(document, "protocolVersion is " + TerminalText.line(shown)
                + ", where a whole number from 1 belongs");
    }

    @Override
    public VersionDocument versionDocument(PublishedPackage published, Version version) {
        PackageName name = published.packument().name();
        VersionSummary listed = published.version(version).orElseThrow(() -> new IllegalArgumentException(
                "the index.json of " + name + " does not list " + version));
        RegistryEndpoint endpoint = routes.endpointFor(name);
        URI url = endpoint.resolve(RegistryLayout.url(RegistryLayout.versionDocument(name, version)));
        RegistryFetcher.Document fetched;
        try {
            fetched = fetch(endpoint, url);
        } catch (NotFound missing) {
            throw ListedButMissing.versionDocument(name, version, missing);
        }
        return fetched.read(json -> {
            VersionDocument document = parse(endpoint, json, VersionDocument.class, fetched);
            requireAsked(name + "@" + version, document.name() + "@" + document.version(), fetched);
            requireAgreeing(document, url, published, listed, fetched);
            return document;
        });
    }

    /**
     * A version's document must say what its package's {@code index.json} says of the tarball and the dependencies,
     * which an install takes from the index: shown from a document that disagrees, they would not be what installs
     * (a registry midway through an update, or one whose documents were edited apart), so the pair is as damaged as a
     * document of another version, rather than one taken over the other. The generator writes both from one record.
     */
    private static void requireAgreeing(VersionDocument document, URI url, PublishedPackage published,
                                        VersionSummary listed, RegistryFetcher.Document fetched) {
        Dist own = document.dist();
        Dist indexed = listed.dist();
        List<Disagreement> disagreeing = new ArrayList<>(Stream.of(
                new Disagreement("dist/tarball", Urls.display(Urls.resolve(url, own.tarball())),
                        Urls.display(Urls.resolve(published.url(), indexed.tarball()))),
                new Disagreement("dist/integrity", own.integrity().toString(), indexed.integrity().toString()),
                new Disagreement("dist/size", String.valueOf(own.size()), String.valueOf(indexed.size())),
                new Disagreement("dist/fileCount", String.valueOf(own.fileCount()),
                        String.valueOf(indexed.fileCount())),
                new Disagreement("dist/unpackedSize", String.valueOf(own.unpackedSize()),
                        String.valueOf(indexed.unpackedSize())))
                .filter(field -> !field.own().equals(field.indexed())).toList());
        // as the resolver reads them, as an install compares a tarball's own with the index's
        if (!VersionRange.desugarAlike(document.dependencies(), listed.dependencies())) {
            disagreeing.add(new Disagreement("dependencies",
                    DependencyTexts.listed(DependencyTexts.of(document.dependencies())),
                    DependencyTexts.listed(DependencyTexts.of(listed.dependencies()))));
        }
        if (disagreeing.isEmpty()) {
            return;
        }
        Disagreement first = disagreeing.get(0);
        List<String> others = disagreeing.stream().skip(1).map(field -> "/" + field.field()).toList();
        throw damaged(fetched, "its /" + first.field() + " is " + first.own() + ", where " + Urls.display(
                published.url()) + " gives " + first.indexed() + " at /versions/" + listed.version() + "/"
                + first.field() + (others.isEmpty() ? "" : "; they disagree on " + String.join(", ", others) + " too"));
    }

    /** A field of a version's document, by its pointer there, whose value its package's index.json gives otherwise. */
    private record Disagreement(String field, String own, String indexed) {
    }

    @Override
    public List<PackageName> packageNames(PackageName near) {
        RegistryEndpoint endpoint = routes.endpointFor(near);
        URI url = endpoint.resolve(RegistryLayout.PACKAGE_LIST);
        RegistryFetcher.Document fetched;
        try {
            fetched = fetch(endpoint, url);
        } catch (NotFound missing) {
            throw new MissingDocument(missing, "the registry has no " + RegistryLayout.PACKAGE_LIST + ": not found at "
                    + Urls.displayAnswered(url, missing.answeredBy()));
        }
        return fetched.read(json -> {
            if (WebPage.startsOne(json)) {
                throw new MissingDocument(webPage(fetched), "the registry sent a web page, not JSON: "
                        + Urls.displayAnswered(url, fetched.answeredBy()));
            }
            return parse(endpoint, json, PackageList.class, fetched);
        }).packages().stream().map(PackageSummary::name).toList();
    }

    @Override
    public Downloaded download(PackageName name, Version version, URI locked, boolean indexed, UrlSource source,
                               Path target, Integrity integrity, OptionalLong size, ProgressListener progress) {
        RegistryEndpoint endpoint = routes.endpointFor(name);
        if (endpoint.isOwnTarball(name, locked, indexed)) {
            download(endpoint, name, version, locked, target, integrity, size, progress);
            return new Downloaded(locked, Optional.empty());
        }
        URI own = endpoint.tarball(name, version);
        try {
            fetchTarball(endpoint, name, version, own, target, integrity, size, progress);
            return new Downloaded(own, Optional.empty());
        } catch (PrompdException notThere) {
            // Other bytes than the lock pins (a mirror's damaged copy) are no more the locked version than a missing
            // tarball is, nor is a registry that cannot be read now (down, failing, refusing) a reason to go without a
            // copy the lock's URL still serves: the integrity pins the bytes from anywhere.
            if (!MADE_UP_FOR.contains(notThere.exitCode())) {
                throw notThere;
            }
            fromRecorded(endpoint, name, version, locked, source, Optional.of(named(endpoint, own, notThere)), target,
                    integrity, size, progress);
            return new Downloaded(locked, Optional.of(notThere.getMessage()));
        }
    }

    @Override
    public void downloadRecorded(PackageName name, Version version, URI locked, Optional<PrompdException> unreadable,
                                 Path target, Integrity integrity, OptionalLong size, ProgressListener progress) {
        fromRecorded(routes.endpointFor(name), name, version, locked, UrlSource.LOCK, unreadable, target, integrity,
                size, progress);
    }

    /**
     * Downloads a version from the URL the lock records, or the registry's index gives where no lock had it
     * ({@code source}), outside the registry serving its name, which {@code failed} to give it, or whose index says it
     * has no copy of it as locked when empty: that the caller tells by the index.
     */
    private void fromRecorded(RegistryEndpoint endpoint, PackageName name, Version version, URI locked,
                              UrlSource source, Optional<PrompdException> failed, Path target, Integrity integrity,
                              OptionalLong size, ProgressListener progress) {
        // A registry built with --base-url may keep its tarballs on another host, as the lock recorded.
        if (!endpoint.mayRead(locked)) {
            // a registry that could not be read now may later: what it gave, or lacks, is what the message is of
            throw failed.filter(first -> !FILE_URL_WOULD_MAKE_UP_FOR.contains(first.exitCode())).orElseGet(() ->
                    fileOfARemoteRegistry(endpoint, name, version, locked, failed));
        }
        Optional<RegistryEndpoint> holding = routes.holding(locked);
        try {
            // as npm does, a URL under another configured registry gets that one's credentials, and only that URL
            fetchTarball(holding.orElse(endpoint), name, version, locked, target, integrity, size, progress);
        } catch (PrompdException alsoFailed) {
            if (failed.isEmpty()) {
                throw named(holding.orElse(endpoint), locked, alsoFailed);
            }
            // a URL no configured registry holds is no failure of the registry that failed first
            throw bothFailed(source.url(name, version), failed.get(),
                    holding.map(registry -> named(registry, locked, alsoFailed)).orElse(alsoFailed));
        }
    }

    @Override
    public Optional<RouteChange> routeChange(PackageName name, LockedPackage locked, boolean indexed) {
        RegistryEndpoint endpoint = routes.endpointFor(name);
        URI recorded = locked.resolved();
        Optional<RegistryEndpoint> recordedIn = locked.registry().map(root -> routes.holding(root.uri())
                .filter(holding -> holding.root().equals(root))).orElseGet(() -> routes.gave(name, recorded));
        return endpoint.isOwnTarball(name, recorded, indexed) ? Optional.empty()
                : Optional.of(new RouteChange(name, locked.version(), recorded, locked.registry(), endpoint,
                        recordedIn, routes.names()));
    }

    /**
     * A registry on the network, or a lock cloned with a project, could otherwise have this machine
     * read any of its files ({@code /dev/zero}, a key) as a package's tarball. The registry's own URL
     * answered not found first, or other bytes, or its index lacks the version, so the version's tarball is not found,
     * or the registry's failed its integrity check, with that failure's exit code and hint: the refusal says why the
     * recorded URL was no way out.
     */
    private static PrompdException fileOfARemoteRegistry(RegistryEndpoint endpoint, PackageName name, Version version,
                                                         URI tarball, Optional<PrompdException> notThere) {
        String notRead = "the tarball of " + name + "@" + version + " is not read from " + Urls.display(tarball)
                + " instead: " + endpoint.fileUrlRefused();
        return notThere.map(first -> new PrompdException(first.exitCode(), first.getMessage() + ", and " + notRead,
                first.hint(), first)).orElseGet(() -> new PrompdException(ExitCode.NOT_FOUND, notRead, ""));
    }

    /**
     * The failure of the registry serving the name (its tarball, or what it answered for its index), then of the URL
     * the lock records or its index gives ({@code url} says which): the registry's exit code and hint, as it is where
     * the version is to come from, unless the URL gave other bytes than recorded, and the other hint when it says more.
     * The deciding failure is the cause, the other suppressed: a caller walking the causes, and a stack trace, find
     * first what the exit code and hint are of.
     */
    private static PrompdException bothFailed(String url, PrompdException failed, PrompdException alsoFailed) {
        // Other bytes under the version's name are the failure to heed wherever they came from (a CDN's tampered
        // copy), whatever the registry lacked or failed to answer: its exit code and hint decide, and a hint to check
        // the name and version, which were found, would mislead.
        boolean otherBytes = alsoFailed.exitCode() == ExitCode.INTEGRITY;
        PrompdException deciding = otherBytes ? alsoFailed : failed;
        PrompdException other = otherBytes ? failed : alsoFailed;
        // two files not found are checked alike, whether a folder's or a server's
        boolean saysMore = !other.hint().isEmpty() && !other.hint().equals(deciding.hint())
                && !(failed instanceof NotFound && alsoFailed instanceof NotFound)
                && !(deciding.exitCode() == ExitCode.INTEGRITY && other.exitCode() == ExitCode.NOT_FOUND);
        String otherHint = saysMore ? "; " + other.hint() : "";
        PrompdException both = new PrompdException(deciding.exitCode(), failed.getMessage() + "; " + url
                + " failed too: " + alsoFailed.getMessage(), deciding.hint() + otherHint, deciding);
        both.addSuppressed(other);
        return both;
    }

    private void download(RegistryEndpoint endpoint, PackageName name, Version version, URI tarball, Path target,
                          Integrity integrity, OptionalLong size, ProgressListener progress) {
        try {
            fetchTarball(endpoint, name, version, tarball, target, integrity, size, progress);
        } catch (PrompdException failed) {
            throw named(endpoint, tarball, failed);
        }
    }

    /**
     * Downloads a tarball with the registry's credentials, failing in the fetcher's words, which name no registry, and
     * other bytes naming the version they are not.
     */
    private void fetchTarball(RegistryEndpoint endpoint, PackageName name, Version version, URI tarball, Path target,
                              Integrity integrity, OptionalLong size, ProgressListener progress) {
        Optional<Credential> credential = endpoint.credential();
        try {
            if (credential.isPresent()) {
                fetcher.download(tarball, credential.get(), target, integrity, size, progress);
            } else {
                fetcher.download(tarball, target, integrity, size, progress);
            }
        } catch (IntegrityMismatch otherBytes) {
            throw otherBytes.of(name, version);
        }
    }

    /** A tarball's failure naming the registry when it refused, or when the failure on the way was to a URL of it. */
    private PrompdException named(RegistryEndpoint endpoint, URI tarball, PrompdException failed) {
        if (failed instanceof AccessRefused refused) {
            return refusal(endpoint, refused);
        }
        // a lock's URL outside the registry (another registry's, a mirror's upstream) is no failure of the registry
        return failed instanceof FetchFailure failure && endpoint.holds(tarball) ? failure(endpoint, failure) : failed;
    }

    /**
     * A failure on the way to the registry or at its server, naming the registry as a refusal does: with several
     * registries, which of them failed is what to look into.
     */
    private PrompdException failure(RegistryEndpoint endpoint, FetchFailure failed) {
        return new PrompdException(failed.exitCode(), named(endpoint) + " failed: " + failed.getMessage(),
                failed.hint() + (failed.urlSuspect() ? "; " + endpoint.urlCorrection(commands) : ""), failed);
    }

    /**
     * {@code registry work (https://…/)}, as configured, with {@code , which scope @acme is routed to,} when that chose
     * it.
     */
    private static String named(RegistryEndpoint endpoint) {
        return "registry " + endpoint.describe() + endpoint.route()
                .map(scope -> ", which scope " + scope + " is routed to,").orElse("");
    }

    private PrompdException refusal(RegistryEndpoint endpoint, AccessRefused refused) {
        return Refusal.of(endpoint, named(endpoint), refused, commands);
    }

    @Override
    public PackageRegistry cacheOnly() {
        return new HttpPackageRegistry(fetcher.cacheOnly(), routes, commands);
    }

    @Override
    public int maxConcurrent() {
        return fetcher.maxConcurrent();
    }

    @Override
    public Optional<PrompdException> servingNone() {
        return routes.servingNone();
    }

    @Override
    public String describe(PackageName name) {
        return "registry " + routes.endpointFor(name).describe();
    }

    @Override
    public Optional<String> scopeRouting(PackageName name) {
        return routes.endpointFor(name).scopeRouting(name, commands);
    }

    @Override
    public boolean isAtHand(PackageName name) {
        return routes.endpointFor(name).isFolder();
    }

    @Override
    public List<Path> removeLeftovers() throws IOException {
        return fetcher.removeLeftovers();
    }

    private RegistryFetcher.Document fetch(RegistryEndpoint endpoint, URI url) {
        try {
            return endpoint.credential().map(credential -> fetcher.fetchDocument(url, credential))
                    .orElseGet(() -> fetcher.fetchDocument(url));
        } catch (AccessRefused refused) {
            throw refusal(endpoint, refused);
        } catch (FetchFailure failed) {
            throw failure(endpoint, failed);
        }
    }

    /**
     * Reads a document, telling a registry newer than this client by its {@code registry.json} when it does not fit.
     */
    private <T> T parse(RegistryEndpoint endpoint, byte[] json, Class<T> type, RegistryFetcher.Document document) {
        try {
            return read(json, type, document);
        } catch (PrompdException unreadable) {
            requireRegistry(endpoint, Optional.of(unreadable));
            throw unreadable;
        }
    }

    private static <T> T read(byte[] json, Class<T> type, RegistryFetcher.Document document) {
        if (WebPage.startsOne(json)) {
            throw webPage(document);
        }
        String why;
        try {
            return Json.read(json, type);
        } catch (JsonProcessingException unreadable) {
            why = JsonSyntaxError.of(unreadable, json).placeAndReason();
        } catch (IOException | IllegalArgumentException unreadable) {
            why = unreadable.getMessage();
        }
        throw damaged(document, why);
    }

    /**
     * A document that arrived and does not fit is damaged. It fails as a web page in its place does,
     * as an answer the registry's host gave and the run cannot use rather than a failure of this
     * machine's: a registry midway through an update, or a cache in front of it, answers so for a
     * while, and a script retrying on the network's code then gets past it. Why quotes the document's
     * text (a name, a tarball URL), its line breaks spelt out: raw, one could start a hint of the registry's.
     */
    private static DamagedDocument damaged(RegistryFetcher.Document document, String why) {
        // a registry folder is read as it is, with no cached copy that --offline could fall back on
        String hint = RegistryLayout.isFileUrl(document.url())
                ? "the registry folder may be midway through a build or a copy: try again once it is done; if it"
                        + " persists, build the folder again with prompd-registry, or report it to whoever keeps"
                        + " it with this message"
                : "try again later" + (document.offlineHasAnother() ? RegistryFetcher.OFFLINE_OFFER : "")
                        + "; if it persists, report it to the registry's maintainers with this message";
        return new DamagedDocument("the registry sent a damaged document: "
                + Urls.displayAnswered(document.url(), document.answeredBy()) + " (" + TerminalText.oneLine(why) + ")",
                hint, document.url());
    }

    private static PrompdException webPage(RegistryFetcher.Document document) {
        return WebPage.insteadOf("JSON", document.url(), document.answeredBy(), "a network's sign-in page or a proxy"
                + " may have answered, or the URL is not a Prompd registry's; open it in a browser to see");
    }
}
