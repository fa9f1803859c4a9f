package org.modelregistry.adapter.persistence;

/**
 * A moment's use of a database's connection pool, for metrics.
 *
 * @param active connections lent out now
 * @param idle connections open and waiting to be lent
 * @param waiting threads waiting for a connection (the pool is exhausted when this grows)
 * @param maximum the most connections the pool opens
 */
public record ConnectionPoolStatistics(int active, int idle, int waiting, int maximum) {}
