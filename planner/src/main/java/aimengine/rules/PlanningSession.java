package aimengine.rules;

import aimengine.facts.ContextHint;
import aimengine.facts.Decision;
import aimengine.facts.Fit;
import aimengine.facts.InScope;
import aimengine.facts.LaunchArg;
import aimengine.facts.Rejection;
import aimengine.facts.Selection;
import aimengine.facts.UsableGpus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * One planning run: inserts the facts, fires the rules and collects what the rules concluded, in the order they
 * concluded it (an insertion listener keeps the order, so the explanation is deterministic).
 */
public final class PlanningSession {
    private final RuleBase ruleBase;

    public PlanningSession(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    /** What the rules concluded. */
    public record Outcome(java.util.Set<String> inScope, List<Decision> decisions, Map<String, List<Rejection>> rejections,
                          Map<String, ContextHint> hints, Map<String, Fit> fits, Selection selection,
                          UsableGpus usable, Map<String, List<LaunchArg>> launchArgs) {
    }

    public Outcome run(Collection<?> facts) {
        KieSession session = ruleBase.kieBase().newKieSession();
        Collector collector = new Collector();
        try {
            session.addEventListener(collector);
            facts.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return new Outcome(collector.inScope, List.copyOf(collector.decisions), collector.rejections, collector.hints, collector.fits,
                collector.selection, collector.usable, collector.launchArgs);
    }

    private static final class Collector extends DefaultRuleRuntimeEventListener {
        final java.util.Set<String> inScope = new java.util.HashSet<>();
        final List<Decision> decisions = new ArrayList<>();
        final Map<String, List<Rejection>> rejections = new LinkedHashMap<>();
        final Map<String, ContextHint> hints = new LinkedHashMap<>();
        final Map<String, Fit> fits = new LinkedHashMap<>();
        final Map<String, List<LaunchArg>> launchArgs = new LinkedHashMap<>();
        Selection selection;
        UsableGpus usable;

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            if (o instanceof InScope s) {
                inScope.add(s.candidate());
            } else if (o instanceof Decision d) {
                decisions.add(d);
            } else if (o instanceof Rejection r) {
                rejections.computeIfAbsent(r.candidate(), k -> new ArrayList<>()).add(r);
            } else if (o instanceof ContextHint h) {
                hints.put(h.candidate(), h);
            } else if (o instanceof Fit f) {
                fits.put(f.candidate(), f);
            } else if (o instanceof Selection s) {
                selection = s;
            } else if (o instanceof UsableGpus u) {
                usable = u;
            } else if (o instanceof LaunchArg a) {
                launchArgs.computeIfAbsent(a.candidate(), k -> new ArrayList<>()).add(a);
            }
        }
    }
}
