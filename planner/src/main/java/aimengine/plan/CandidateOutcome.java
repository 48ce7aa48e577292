package aimengine.plan;

import aimengine.model.MemoryEstimate;

/**
 * How one candidate fared.
 *
 * @param candidate      the candidate
 * @param status         selected, eligible or rejected
 * @param shorterContext runnable only with a shorter context
 * @param rule           the (first) rule that rejected it, or that hinted a shorter context; null when it simply fits
 * @param reason         why, with numbers (several rejections are joined with "; ")
 * @param memory         its memory budget, when the fit rules computed one
 */
public record CandidateOutcome(Candidate candidate, Status status, boolean shorterContext, String rule,
                               String reason, MemoryEstimate memory) {

    public enum Status {
        SELECTED, ELIGIBLE, REJECTED;

        public String key() {
            return name().toLowerCase();
        }
    }
}
