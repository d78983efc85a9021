/**
 * The dependency resolver shared by {@code prompd install} and the registry's pull-request check:
 * PubGrub (as in Dart's pub and uv) with pub's style of explanation when no solution exists.
 *
 * <p>Once a package's versions are fetched they are all known, so a version set is an exact
 * subset of them (a bit set over the sorted versions) rather than a union of intervals: a range
 * becomes the versions that satisfy it, with npm's pre-release rule, and intersection, complement
 * and inclusion need no interval arithmetic. The text of the range is kept to explain failures.
 * The project itself is a virtual package with one version whose dependencies are the roots.
 */
package io.prompd.core.resolve;
