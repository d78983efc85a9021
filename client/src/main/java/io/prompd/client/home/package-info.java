/**
 * Maintenance of what the prompd home holds for every project: the cache
 * ({@link io.prompd.client.home.CacheService}, for {@code prompd cache verify} and {@code prompd cache clean}) and
 * the store of installed versions ({@link io.prompd.client.home.StoreService}, for {@code prompd uninstall --global}).
 * Each operation holds the home lock, so that no install reads or writes there meanwhile; the layout and the lock
 * are {@code install.store}'s, which these services only use.
 */
package io.prompd.client.home;
