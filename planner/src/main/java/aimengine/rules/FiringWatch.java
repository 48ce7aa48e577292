package aimengine.rules;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Counts rule firings in a session and halts it past the cap; remembers the rule whose consequence is running, so
 * that a consequence that throws or never returns can be named, and which rules modified facts: a loop is a rule
 * that modifies what it (and others) match, and the rules it wakes fire more often than the culprit itself.
 */
final class FiringWatch extends DefaultAgendaEventListener {
    private final Map<String, Long> updatesByRule = new ConcurrentHashMap<>();
    private final RuleRuntimeEventListener updates = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            if (event.getRule() != null) {
                updatesByRule.merge(event.getRule().getName(), 1L, Long::sum);
            }
        }
    };

    private final KieSession session;
    private final long cap;
    /** Concurrent: read at the deadline while the session's thread still fires. */
    private final Map<String, Long> byRule = new ConcurrentHashMap<>();
    private volatile long total;
    private volatile String firing;
    private volatile boolean exceeded;

    FiringWatch(KieSession session, long cap) {
        this.session = session;
        this.cap = cap;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch().getRule().getName();
        byRule.merge(firing, 1L, Long::sum);
        if (++total > cap && !exceeded) {
            exceeded = true;
            session.halt();
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    /** The rule whose consequence is running now (or was when it threw); null between firings. */
    String firing() {
        return firing;
    }

    boolean exceeded() {
        return exceeded;
    }

    long cap() {
        return cap;
    }

    /** Listens to fact updates; add it to the session beside this listener. */
    RuleRuntimeEventListener updates() {
        return updates;
    }

    /** The rule that keeps the session busy: the one that modified facts most often, else the one fired most often. */
    String culprit() {
        Map<String, Long> counts = updatesByRule.isEmpty() ? byRule : updatesByRule;
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
