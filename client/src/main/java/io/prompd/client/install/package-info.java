/**
 * Installing packages: {@link io.prompd.client.install.Installer} for {@code install}, {@code update}
 * and {@code uninstall}, and the read-only views {@link io.prompd.client.install.ProjectGraph},
 * {@link io.prompd.client.install.Outdated} and {@link io.prompd.client.install.PackageInfo}. The views stay here
 * because they answer by installing's own rules: the graph is the one the planner plans and the installer installs,
 * outdated says what an update would choose and warns as an install does, and info refuses what an install refuses.
 * Maintaining the home's cache and store, which uses only {@code install.store}, is {@code client.home}'s.
 *
 * <p>An install plans a {@link io.prompd.client.install.lock.LockFile} and then makes the store hold
 * it. Planning keeps the project's lock when it still meets {@code prompd.json} (no registry is
 * asked, not even for packages already installed), and otherwise runs core's resolver over
 * {@link io.prompd.client.install.registry.RegistryIndex}, preferring the locked versions. Only then
 * are tarballs fetched, verified and unpacked, and only after that are {@code prompd.json} and
 * {@code prompd.lock} rewritten, both in full before either is renamed into place, so a failure at
 * any step before those two renames leaves the project as it was.
 *
 * <p>Crash safety rests on one rule: nothing appears under its final name until it is complete
 * ({@link io.prompd.core.files.AtomicFiles}). Everything half-done has a temporary name, and the
 * run that takes a lock after a run killed while holding it deletes what that run left
 * ({@link io.prompd.client.install.store.RunLocks#home}); the documents' cache and the project's
 * folder, written without the home's lock, are looked through at every run.
 */
package io.prompd.client.install;
