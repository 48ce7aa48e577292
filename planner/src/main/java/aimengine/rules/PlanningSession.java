package aimengine.rules;

import aimengine.facts.ContextHint;
import aimengine.facts.Decision;
import aimengine.facts.Fit;
import aimengine.facts.InScope;
import aimengine.facts.LaunchArg;
import aimengine.facts.RecipeGroup;
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
import aimengine.io.InputException;

/**
 * One planning run: inserts the facts, fires the rules and collects what the rules concluded, in the order they
 * concluded it (an insertion listener keeps the order, so the explanation is deterministic).
 *
 * <p>Custom rules can loop or fail, so the session runs within a {@link RuleBudget} on a thread of its own: a rule
 * that fires past the cap, a session still running at the deadline, or a rule whose condition or consequence throws
 * ends planning with an {@link aimengine.io.InputException} naming the rule's file, line and name. A consequence
 * stuck in a loop of its own cannot be stopped from outside; its (daemon) thread is left behind and the command ends.
 */
public final class PlanningSession {
    private final RuleBase ruleBase;
    private final RuleBudget budget;

    public PlanningSession(RuleBase ruleBase) {
        this(ruleBase, RuleBudget.DEFAULT);
    }

    public PlanningSession(RuleBase ruleBase, RuleBudget budget) {
        this.ruleBase = ruleBase;
        this.budget = budget;
    }

    /** What the rules concluded. */
    public record Outcome(java.util.Set<String> inScope, List<Decision> decisions, Map<String, List<Rejection>> rejections,
                          Map<String, ContextHint> hints, Map<String, Fit> fits, Selection selection,
                          UsableGpus usable, Map<String, List<LaunchArg>> launchArgs) {
    }

    public Outcome run(Collection<?> facts) {
        KieSession session = ruleBase.kieBase().newKieSession();
        Collector collector = new Collector();
        FiringWatch watch = new FiringWatch(session, budget.maxFirings(weight(facts)));
        session.addEventListener(collector);
        session.addEventListener(watch);
        session.addEventListener(watch.updates());
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                facts.forEach(session::insert);
                session.fireAllRules();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "aim-engine planning");
        thread.setDaemon(true);
        thread.start();
        if (!finished(thread, budget.deadline())) {
            session.halt();
            thread.interrupt();
            throw overTime(watch);
        }
        session.dispose();
        if (failure[0] != null) {
            throw RuleFailures.explain(failure[0], watch.firing(), ruleBase.index());
        }
        if (watch.exceeded()) {
            String rule = watch.culprit();
            throw new InputException(List.of(ruleBase.index().problem(rule, "rule \"" + rule + "\" keeps the rules "
                    + "firing: planning stopped after " + watch.cap() + " rule firings (a rule that modifies or updates "
                    + "a fact it matches fires again and again: add a condition it changes, or no-loop)")));
        }
        return new Outcome(collector.inScope, List.copyOf(collector.decisions), collector.rejections, collector.hints, collector.fits,
                collector.selection, collector.usable, collector.launchArgs);
    }

    /** The facts inserted here and those a recipe group brings in when in scope, as if all came in up front. */
    private static int weight(Collection<?> facts) {
        int n = 0;
        for (Object f : facts) {
            n += f instanceof RecipeGroup g ? 1 + g.heldBack() : 1;
        }
        return n;
    }

    private InputException overTime(FiringWatch watch) {
        long seconds = budget.deadline().toSeconds();
        String running = watch.firing();
        if (running != null) {
            return new InputException(List.of(ruleBase.index().problem(running, "rule \"" + running
                    + "\" was still running after " + seconds + " s: planning stopped (a loop in the rule's consequence?)")));
        }
        String rule = watch.culprit();
        return new InputException(List.of(ruleBase.index().problem(rule, "rule \"" + rule + "\" keeps the rules "
                + "firing: planning stopped after " + seconds + " s (a rule that modifies or updates a fact it matches "
                + "fires again and again: add a condition it changes, or no-loop)")));
    }

    private static boolean finished(Thread thread, java.time.Duration deadline) {
        try {
            thread.join(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while planning", e);
        }
        return !thread.isAlive();
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
