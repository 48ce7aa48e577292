package aimengine.deploy;

/**
 * The numbers a deployment is sized by, and the arithmetic on them (README, "Deploy"). The numbers are policy, read
 * from rules/deploy/sizing.yaml ({@link DeploySizingLoader}), so a platform team that measured its own network and
 * storage edits data, not code.
 *
 * @param downloadBytesPerSecond how fast a pod fetches a checkpoint from the hub (conservative: one stream, shared links)
 * @param loadBytesPerSecond     how fast the engine reads weights from the cache volume into GPU memory
 * @param engineStartSeconds     engine start-up besides loading: imports, kernel compilation, graph capture
 * @param shmBytesPerGpu         /dev/shm per tensor-parallel rank: RCCL/NCCL and the engine's workers exchange
 *                               tensors through shared memory, one buffer set per rank
 * @param minShmBytes            /dev/shm at least (one rank still runs the engine's worker processes through it)
 * @param cacheHeadroom          cache volume size as a multiple of the checkpoint (tokenizer, config, an upgrade's
 *                               partial second revision)
 * @param graceMarginSeconds     termination grace beyond --grace: aim-engine stops the engine's group, waits --grace,
 *                               then needs a moment to kill and exit before the kubelet's SIGKILL
 */
public record DeploySizing(long downloadBytesPerSecond, long loadBytesPerSecond, int engineStartSeconds,
                           long shmBytesPerGpu, long minShmBytes, double cacheHeadroom, int graceMarginSeconds) {

    public static final long GIB = 1L << 30;

    /**
     * Seconds the engine may take to answer its health check: bytes to download / download rate + weight bytes / load
     * rate + engine start, rounded up, and never less than {@code floorSeconds} (DEFAULT_TIMEOUT).
     */
    public int startupSeconds(long downloadBytes, long weightBytes, int floorSeconds) {
        double seconds = (double) downloadBytes / downloadBytesPerSecond + (double) weightBytes / loadBytesPerSecond
                + engineStartSeconds;
        return (int) Math.max(floorSeconds, Math.ceil(seconds));
    }

    /** /dev/shm for a tensor-parallel size, in whole GiB. */
    public long shmBytes(int tensorParallel) {
        return Math.max(minShmBytes, shmBytesPerGpu * Math.max(1, tensorParallel));
    }

    /** The cache volume for a checkpoint, rounded up to whole GiB. */
    public long cacheBytes(long checkpointBytes) {
        long bytes = (long) Math.ceil(checkpointBytes * cacheHeadroom);
        return Math.max(GIB, (bytes + GIB - 1) / GIB * GIB);
    }

    /** Kubernetes' terminationGracePeriodSeconds and Compose's stop_grace_period for a given --grace. */
    public int terminationGraceSeconds(int graceSeconds) {
        return graceSeconds + graceMarginSeconds;
    }
}
