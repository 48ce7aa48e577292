package aimengine.cache;

/** The cache is being changed by someone else right now (a clean, or a run using the model); try again later. */
public class CacheBusyException extends RuntimeException {
    public CacheBusyException(String message) {
        super(message);
    }
}
