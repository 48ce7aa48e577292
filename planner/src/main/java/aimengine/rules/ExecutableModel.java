package aimengine.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;

/**
 * Builds a rule base from a Drools executable model (rules already compiled to Java classes) without the KIE
 * container: the container resolves its artifact from the first pom.properties on the class path, which in a fat jar
 * is the application's own, and then silently builds an empty rule base. The model's index file, written by the
 * compiler at META-INF/kie/GROUP/ARTIFACT/drools-model, names the generated model classes.
 */
final class ExecutableModel {
    private static final String VERSION_LINE = "Drools-Model-Version";

    private ExecutableModel() {
    }

    /** The index file of the artifact groupId:artifactId inside a kjar or on the class path. */
    static String indexPath(String groupId, String artifactId) {
        return "META-INF/kie/" + groupId + "/" + artifactId + "/drools-model";
    }

    /** The rule base whose index the class loader finds at indexPath, or empty when it finds none. */
    static Optional<RuleBase> load(ClassLoader loader, String indexPath) {
        try (InputStream in = loader.getResourceAsStream(indexPath)) {
            return in == null ? Optional.empty() : Optional.of(build(loader, modelClasses(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> modelClasses(InputStream index) throws IOException {
        List<String> names = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith(VERSION_LINE)) {
                names.add(name);
            }
        }
        return names;
    }

    private static RuleBase build(ClassLoader loader, List<String> classNames) {
        List<Model> models = new ArrayList<>();
        for (String name : classNames) {
            try {
                models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("rules model class " + name + " cannot be loaded: " + e, e);
            }
        }
        // An explicit configuration: without it Drools looks for the KIE services, which a lean runtime may lack.
        return RuleBase.of(KieBaseBuilder.createKieBaseFromModel(models,
                RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader)));
    }
}
