package aimengine.rules;

import aimengine.io.InputException;
import aimengine.io.InputProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;

/**
 * Compiles DRL files at run time into a kjar holding the Drools executable model (the same form the built-in rules
 * are compiled to at build time), so the result can be cached as bytes and loaded fast on the next run.
 * A DRL error becomes an {@link InputException} with file, line and message.
 */
final class RuleCompiler {
    /** The artifact of every run-time compiled kjar; each is loaded in a class loader of its own. */
    private static final String GROUP = "aim.custom";
    private static final String ARTIFACT = "rules";
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final Pattern CONSEQUENCE_LINE = Pattern.compile("\\(line (\\d+),\\s*col \\d+\\)");
    private static final int MAX_MESSAGE = 300;

    /** The bytes of the compiled kjar. */
    byte[] compile(List<DrlSource> sources) {
        KieServices ks = KieServices.Factory.get();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(fileSystem(ks, sources)).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Some constructs make the executable-model generator throw instead of reporting a message.
            throw new InputException(explain(ks, sources, List.of(new InputProblem(nameOf(null, sources), 0,
                    "cannot be compiled to the Drools executable model: " + shorten(oneLine(String.valueOf(e.getMessage())))))));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new InputException(explain(ks, sources, problems(errors, sources)));
        }
        return ((InternalKieModule) builder.getKieModule()).getBytes();
    }

    /** The rule base in a jar made by {@link #compile}; IllegalStateException when the bytes are not such a jar. */
    static RuleBase load(byte[] jar, ClassLoader classes) {
        try {
            return ExecutableModel.load(new JarClassLoader(jar, classes), ExecutableModel.indexPath(GROUP, ARTIFACT))
                    .orElseThrow(() -> new IllegalStateException("compiled rules jar has no model index"));
        } catch (IOException e) {
            throw new IllegalStateException("compiled rules jar cannot be read: " + e.getMessage(), e);
        }
    }

    private static KieFileSystem fileSystem(KieServices ks, List<DrlSource> sources) {
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId(GROUP, ARTIFACT, "1");
        kfs.generateAndWritePomXML(id);
        for (int i = 0; i < sources.size(); i++) {
            // Files are named by position: a user's file name need not be a valid resource path.
            kfs.write("src/main/resources/aim/rules/f" + i + ".drl", ks.getResources()
                    .newByteArrayResource(sources.get(i).text().getBytes(StandardCharsets.UTF_8))
                    .setResourceType(ResourceType.DRL));
        }
        return kfs;
    }

    /**
     * The executable-model compiler stops at the first semantic error and often gives no line; the classic compiler
     * reports every error with its line. So unless every problem already has a line (syntax errors do), the classic
     * compiler explains, and when it finds nothing (a construct only the executable model rejects) the executable
     * model's own problems are reported.
     */
    private static List<InputProblem> explain(KieServices ks, List<DrlSource> sources,
                                              List<InputProblem> execProblems) {
        if (execProblems.stream().allMatch(p -> p.line() > 0)) {
            return execProblems;
        }
        List<Message> classic = ks.newKieBuilder(fileSystem(ks, sources)).buildAll().getResults()
                .getMessages(Message.Level.ERROR);
        return classic.isEmpty() ? execProblems : problems(classic, sources);
    }

    /** The compiler's messages as problems, leaving out its "null Package" echo of a file's syntax errors. */
    private static List<InputProblem> problems(List<Message> messages, List<DrlSource> sources) {
        List<InputProblem> problems = new ArrayList<>();
        DrlIndex index = DrlIndex.of(sources);
        for (Message m : messages) {
            String file = nameOf(m.getPath(), sources);
            int line = Math.max(m.getLine(), 0);
            String text = oneLine(m.getText());
            Matcher inConsequence = CONSEQUENCE_LINE.matcher(text);
            if (inConsequence.find()) {
                // Java in a consequence is parsed on its own: its line counts from the rule's "then".
                int thenLine = index.at(file, line).map(DrlIndex.Location::thenLine).orElse(0);
                if (thenLine > 0) {
                    line = thenLine + Integer.parseInt(inConsequence.group(1)) - 1;
                }
            }
            problems.add(new InputProblem(file, line, shorten(text)));
        }
        return problems.stream()
                .filter(p -> !(p.line() == 0 && p.message().equals(NULL_PACKAGE)
                        && problems.stream().anyMatch(o -> o.file().equals(p.file()) && o.line() > 0)))
                .toList();
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

    /**
     * The Java parser's message without its list of every token it expected and its stack trace (two kilobytes on
     * one line): "Unable to parse consequence caused by: (line 2,col 7) Parse error. Found ";"".
     */
    static String shorten(String message) {
        String s = message;
        int trace = s.indexOf(" Problem stacktrace");
        if (trace >= 0) {
            s = s.substring(0, trace);
        }
        int expected = s.indexOf(", expected one of");
        if (expected >= 0) {
            s = s.substring(0, expected);
        }
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "..." : s;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
