package org.modelregistry.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Heap use of this JVM over one measured phase: the peak of every heap pool since {@link #start()}
 * and the garbage collections in between. The peak is what the pools held at their fullest, garbage
 * not yet collected included, so it is an upper bound of the live data.
 */
final class HeapWatch {

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .toList();
  private long collectionsAtStart;
  private long collectionMillisAtStart;

  /** What the phase cost the heap. */
  record Usage(long peakHeapBytes, long maxHeapBytes, long collections, long collectionMillis) {}

  /** Forgets earlier peaks; the phase starts now. */
  void start() {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    collectionsAtStart = collections();
    collectionMillisAtStart = collectionMillis();
  }

  /** The heap use since {@link #start()}. */
  Usage read() {
    long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return new Usage(
        peak,
        Runtime.getRuntime().maxMemory(),
        collections() - collectionsAtStart,
        collectionMillis() - collectionMillisAtStart);
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
        .filter(count -> count > 0)
        .sum();
  }

  private static long collectionMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .filter(millis -> millis > 0)
        .sum();
  }
}
