package io.prompd.client.http;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hosts of a run that could not be reached (refused, no route, no such host), so that a registry refusing
 * connections gives one error, not every index and tarball its own tries. One request at a time tries such a host
 * again: another that could not reach it meanwhile waits for those tries rather than make its own, and then goes on at
 * once if they got through, or fails with them if they were given up. A burst of refusals across parallel requests
 * does not put a host down, as a restarting server gives one: only the tries of the request trying it again do.
 */
final class Outages {

    /**
     * A host given up on, unreachable on every try of the request trying it again: its number of tries, and the last
     * failure.
     */
    record Outage(Origin origin, int attempts, TransientFailure last) {
        Outage {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(last, "last");
            if (attempts < 1) {
                throw new IllegalArgumentException("a host is given up on after a try at least, not " + attempts);
            }
        }
    }

    private final Map<Origin, Outage> down = new HashMap<>();
    /** The request trying each host again, as the token it passed. */
    private final Map<Origin, Object> retrying = new HashMap<>();

    /** The outage of the URL's host, if a request of this run gave up on it; never for a URL without a host. */
    synchronized Optional<Outage> of(URI url) {
        return down.values().stream().filter(outage -> outage.origin().contains(url)).findFirst();
    }

    /** The URL's host answered: requests to it go ahead again. */
    synchronized void reached(URI url) {
        down.keySet().removeIf(origin -> origin.contains(url));
    }

    /**
     * The request trying the URL's host again gave up on it after {@code attempts} tries, the last of which,
     * {@code last}, could not reach it.
     *
     * @return the host's outage, as {@link #of} gives it to the requests after
     */
    synchronized Outage gaveUp(URI url, int attempts, TransientFailure last) {
        Outage outage = new Outage(Origin.of(url), attempts, last);
        down.put(outage.origin(), outage);
        return outage;
    }

    /**
     * After a try of {@code request} that could not reach the URL's host: whether it is the one to try that host again,
     * which it is when no other request is, and stays until {@link #ended}; else waits until the one that is has ended,
     * and is not. Never the one for a host already given up on.
     */
    synchronized boolean triesAgain(URI url, Object request) throws InterruptedException {
        Origin origin = Origin.of(url);
        if (down.containsKey(origin)) {
            return false;
        }
        Object trying = retrying.putIfAbsent(origin, request);
        if (trying == null || trying == request) {
            return true;
        }
        while (retrying.get(origin) == trying) {
            wait();
        }
        return false;
    }

    /** The request's tries of a host it could not reach are over: it got through, gave up, or ended otherwise. */
    synchronized void ended(Object request) {
        if (retrying.values().removeIf(trying -> trying == request)) {
            notifyAll();
        }
    }
}
