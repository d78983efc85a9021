/**
 * The package manifest, {@code prompd.json}: its records ({@link io.prompd.core.manifest.Manifest},
 * {@link io.prompd.core.manifest.ManifestDraft} and the {@link io.prompd.core.manifest.ManifestBody} of fields they
 * share), reading with every problem at once
 * ({@link io.prompd.core.manifest.ManifestReader}), the paths it names
 * ({@link io.prompd.core.manifest.ManifestPaths}), licenses ({@link io.prompd.core.manifest.LicenseCheck})
 * and writing ({@link io.prompd.core.manifest.ManifestWriter}). The resource {@code prompd.schema.json}
 * beside these classes is the JSON Schema editors use; {@code ManifestSchemaTest} keeps it in step.
 *
 * <p>Decisions, so that every reader and writer of manifests agrees:
 * <ul>
 *   <li>An optional single value is an {@link java.util.Optional}; an absent list or map is empty.
 *       The writer leaves out empty lists and maps, so {@code "keywords": []} does not survive a rewrite.</li>
 *   <li>An empty string for an optional text field ({@code "repository": ""}, as npm's templates
 *       write) counts as absent, with a warning. JSON {@code null} is a wrong type, an error.</li>
 *   <li>{@code devDependencies} is an unknown field (a warning, kept in {@code extra}): prompd has no
 *       development-only installs, so knowing it would promise something prompd does not do.</li>
 *   <li>A repository given as a bare URL, or as an object without {@code type}, is a Git repository, as in npm.</li>
 *   <li>An SPDX identifier prompd does not know is only a warning: its list is an offline subset.</li>
 * </ul>
 */
package io.prompd.core.manifest;
