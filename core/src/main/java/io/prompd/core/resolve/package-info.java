/**
 * The dependency resolver shared by {@code prompd install} and the registry's pull-request check:
 * PubGrub (as in Dart's pub and uv) over exact sets of published versions, with pub's style of
 * explanation when no solution exists.
 */
package io.prompd.core.resolve;
