package aimengine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeploySizingTest {
    private static final long GIB = DeploySizing.GIB;
    private final DeploySizing sizing = new DeploySizing(100L << 20, GIB, 300, 4 * GIB, 8 * GIB, 1.25, 15);

    @Test
    void theStartupBudgetIsDownloadPlusLoadPlusEngineStart() {
        // 64 GiB at 100 MiB/s = 655.36 s, at 1 GiB/s = 64 s, + 300 s = 1019.36 s, rounded up
        assertEquals(1020, sizing.startupSeconds(64 * GIB, 64 * GIB, 600));
    }

    @Test
    void theStartupBudgetIsNeverBelowDefaultTimeout() {
        assertEquals(600, sizing.startupSeconds(GIB, GIB, 600));
        assertEquals(1800, sizing.startupSeconds(64 * GIB, 64 * GIB, 1800));
    }

    @Test
    void sharedMemoryGrowsWithTheTensorParallelSizeAboveAFloor() {
        assertEquals(8 * GIB, sizing.shmBytes(1));
        assertEquals(8 * GIB, sizing.shmBytes(2));
        assertEquals(16 * GIB, sizing.shmBytes(4));
        assertEquals(32 * GIB, sizing.shmBytes(8));
    }

    @Test
    void theCacheHoldsTheCheckpointWithHeadroomInWholeGib() {
        assertEquals(80 * GIB, sizing.cacheBytes(64 * GIB));
        assertEquals(2 * GIB, sizing.cacheBytes(GIB + 1));
        assertEquals(GIB, sizing.cacheBytes(0));
    }

    @Test
    void thePlatformWaitsLongerThanRunsGrace() {
        assertEquals(45, sizing.terminationGraceSeconds(30));
        assertEquals(15, sizing.terminationGraceSeconds(0));
    }
}
