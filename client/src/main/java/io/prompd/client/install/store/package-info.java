/**
 * What an install leaves in the prompd home: the store of installed versions
 * ({@code <home>/packages/<name>@<version>/}, shared by every project, never changed once complete, each with the
 * integrity of the tarball it was unpacked from recorded beside it),
 * the tarball cache addressed by integrity ({@code <home>/cache/tarballs/sha512/…}), the locks that
 * serialise runs, and the staging that makes every write appear whole.
 */
package io.prompd.client.install.store;
