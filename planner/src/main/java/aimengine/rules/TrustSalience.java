package aimengine.rules;

/**
 * The salience bands of rules/trust.drl, named so the order of the trust rules reads as phases: what a candidate
 * needs is derived first, then refused or allowed, then advisories matched and refused, and the warnings about the
 * chosen candidate come after the choice (preference selects at 30, fallback states at 20 and 10).
 */
public final class TrustSalience {
    /** After the in-scope and compatibility rules (81, 80): derive what each in-scope candidate needs. */
    public static final int DERIVE = 79;
    /** Refuse or allow: sources, remote code, pickle weights, pinned revision; the engine flags that follow. */
    public static final int DECIDE = 78;
    /** Match the engine advisories against each candidate's version and conditions. */
    public static final int ADVISORIES = 77;
    /** Refuse candidates an advisory the policy rejects applies to. */
    public static final int ADVISORY_REJECT = 76;
    /** State warnings about the selected candidate, after every fallback statement. */
    public static final int WARN = 5;

    private TrustSalience() {
    }
}
