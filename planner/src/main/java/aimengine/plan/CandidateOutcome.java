package aimengine.plan;

import aimengine.facts.Candidate;
import aimengine.facts.Rejection;
import aimengine.model.MemoryEstimate;

/**
 * How one candidate fared.
 *
 * @param candidate      the candidate
 * @param status         selected, eligible or rejected
 * @param shorterContext runnable only with a shorter context
 * @param rule           the first rule that rejected it, or that hinted a shorter context; null when it simply fits
 * @param reason         why, with numbers
 * @param moreRejections further rejections of the same candidate by other rules, in the order they fired
 * @param memory         its memory budget, when the fit rules computed one
 */
public record CandidateOutcome(Candidate candidate, Status status, boolean shorterContext, String rule,
                               String reason, java.util.List<Rejection> moreRejections, MemoryEstimate memory) {

    public CandidateOutcome {
        moreRejections = java.util.List.copyOf(moreRejections);
    }

    public enum Status {
        SELECTED, ELIGIBLE, REJECTED;

        public String key() {
            return name().toLowerCase();
        }
    }
}
