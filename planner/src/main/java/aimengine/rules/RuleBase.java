package aimengine.rules;

import aimengine.yaml.InputException;
import aimengine.yaml.InputProblem;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.io.ResourceType;

/** Compiles DRL files into a KieBase. A DRL error becomes an {@link InputException} with file, line and message. */
public final class RuleBase {
    private final KieBase kieBase;

    private RuleBase(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    public static RuleBase of(KieBase kieBase) {
        return new RuleBase(kieBase);
    }

    public static RuleBase compile(List<DrlSource> sources) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        for (int i = 0; i < sources.size(); i++) {
            DrlSource s = sources.get(i);
            kfs.write("src/main/resources/aim/rules/f" + i + ".drl",
                    ks.getResources().newByteArrayResource(s.text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .setResourceType(ResourceType.DRL).setSourcePath("aim/rules/f" + i + ".drl"));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<InputProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new InputProblem(nameOf(m.getPath(), sources), Math.max(m.getLine(), 0), oneLine(m.getText())));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new RuleBase(ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase());
    }

    private static String nameOf(String path, List<DrlSource> sources) {
        if (path != null) {
            for (int i = 0; i < sources.size(); i++) {
                if (path.endsWith("/f" + i + ".drl")) {
                    return sources.get(i).name();
                }
            }
        }
        return sources.size() == 1 ? sources.get(0).name() : "rules";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    public KieBase kieBase() {
        return kieBase;
    }
}
