/**
 * Package archives: which files a package publishes ({@link io.prompd.core.archive.PackSelector}),
 * the reproducible tarball ({@link io.prompd.core.archive.Packer}), its integrity
 * ({@link io.prompd.core.archive.Integrity}) and the safe way back to files
 * ({@link io.prompd.core.archive.SafeUnpacker}).
 *
 * <p>Packing and unpacking apply the same rules ({@link io.prompd.core.archive.PackagePaths},
 * {@link io.prompd.core.archive.ArchiveLimits}), so the registry never publishes what a client would
 * refuse. Decisions worth knowing:
 * <ul>
 *   <li>An empty {@code files} list restricts nothing, so {@code "files": []} still publishes
 *       {@code main} and the prompts; the manifest's reader warns of it, since the list reads as
 *       unfinished. npm packs only {@code package.json}, README and LICENSE then, which here would
 *       leave out every prompt the manifest names and fail the package it was meant to publish.</li>
 *   <li>Packing reports problems for {@code prompd validate}; unpacking throws, because a download
 *       is all-or-nothing.</li>
 *   <li>Unpacking refusals end with exit code INTEGRITY when the archive is damaged or holds what
 *       {@code prompd pack} never writes, and FAILURE when a sound archive exceeds the limits.</li>
 * </ul>
 */
package io.prompd.core.archive;
