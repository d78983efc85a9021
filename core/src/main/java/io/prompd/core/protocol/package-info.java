/**
 * The static registry protocol: where each document lives ({@link io.prompd.core.protocol.RegistryLayout})
 * and the records of the documents themselves, which the generator writes and the client reads,
 * both through {@link io.prompd.core.json.Json}.
 *
 * <p>Conventions of every document:
 * <ul>
 *   <li>An optional value is {@code null} in its record and left out of the JSON; lists and maps
 *       are never null, only empty.</li>
 *   <li>URLs are relative to the URL of the document that holds them (a tarball in
 *       {@code packages/@a/b/index.json} is {@code -/b-1.0.0.tgz}) unless the registry was built
 *       with a base URL, so the same files work from any host, mirror or {@code file://} folder.</li>
 *   <li>Times are UTC instants; they come from Git commits, never from the clock of the build.</li>
 *   <li>{@code <version>.json} and tarballs never change once written; what may change about a
 *       published version (yanked, deprecated, dist-tags) lives only in the package's {@code index.json}.</li>
 * </ul>
 */
package io.prompd.core.protocol;
