package aimengine.facts;

import java.util.List;

/**
 * A surviving candidate's place in the preference order. The rules fill in each key (smaller is better) in the
 * order the preference policy lists them; Java only compares the tuples.
 *
 * @param candidate candidate key
 * @param keys      preference keys, most important first
 * @param tieBreak  last resort: recipe id then backend, so the choice is deterministic
 */
public record Rank(String candidate, List<Integer> keys, String tieBreak) {

    public Rank {
        keys = List.copyOf(keys);
    }

    /** The first of the ranks in preference order: one pass, so choosing stays linear in the survivors. */
    public static Rank first(java.util.Collection<?> ranks) {
        Rank best = null;
        for (Object o : ranks) {
            Rank r = (Rank) o;
            if (best == null || r.before(best)) {
                best = r;
            }
        }
        return best;
    }

    /** True when this candidate is preferred over the other. */
    public boolean before(Rank other) {
        for (int i = 0; i < Math.min(keys.size(), other.keys.size()); i++) {
            int c = Integer.compare(keys.get(i), other.keys.get(i));
            if (c != 0) {
                return c < 0;
            }
        }
        return tieBreak.compareTo(other.tieBreak) < 0;
    }
}
