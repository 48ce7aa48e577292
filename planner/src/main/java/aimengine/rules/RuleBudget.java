package aimengine.rules;

import java.time.Duration;

/**
 * How much work one planning session may do before it is stopped as a runaway: a rule that modifies what it
 * matches fires forever, a consequence that loops never returns. The cap on firings grows with the facts (the
 * built-in rules fire a few times per candidate); the deadline is far above any real plan (170 ms for 40,000
 * candidates, see bench/RESULTS.md).
 *
 * @param firingsPerFact rule firings allowed per inserted fact
 * @param minFirings     firings allowed whatever the number of facts
 * @param deadline       wall-clock time for inserting the facts and firing the rules
 */
public record RuleBudget(int firingsPerFact, int minFirings, Duration deadline) {
    public static final RuleBudget DEFAULT = new RuleBudget(100, 100_000, Duration.ofSeconds(10));

    long maxFirings(int facts) {
        return Math.max(minFirings, (long) firingsPerFact * facts);
    }
}
