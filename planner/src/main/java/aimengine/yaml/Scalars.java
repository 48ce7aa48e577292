package aimengine.yaml;

import aimengine.io.InputProblem;
import java.util.List;

/** Strict conversions of YAML scalars to numbers, with a located problem instead of an exception. */
final class Scalars {
    private Scalars() {
    }

    static Integer integer(String file, String key, YamlNode node, long min, long max, List<InputProblem> problems) {
        if (!node.isScalar()) {
            problems.add(new InputProblem(file, node.line(), "'" + key + "' must be a whole number, found " + node.describe()));
            return null;
        }
        String text = node.text().trim();
        long value;
        try {
            value = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            String problem = text.matches("[-+]?[0-9_]+") ? "'" + key + "' is " + text + "; it must be between " + min + " and " + max
                    : "'" + key + "' must be a whole number, found '" + text + "'";
            problems.add(new InputProblem(file, node.line(), problem));
            return null;
        }
        if (value < min || value > max) {
            problems.add(new InputProblem(file, node.line(),
                    "'" + key + "' is " + text + "; it must be between " + min + " and " + max));
            return null;
        }
        return (int) value;
    }

    static Double number(String file, String key, YamlNode node, double min, double max, List<InputProblem> problems) {
        if (!node.isScalar()) {
            problems.add(new InputProblem(file, node.line(), "'" + key + "' must be a number, found " + node.describe()));
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(node.text().trim());
        } catch (NumberFormatException e) {
            problems.add(new InputProblem(file, node.line(), "'" + key + "' must be a number, found '" + node.text() + "'"));
            return null;
        }
        if (!(value >= min && value <= max)) {
            problems.add(new InputProblem(file, node.line(),
                    "'" + key + "' is " + node.text() + "; it must be between " + min + " and " + max));
            return null;
        }
        return value;
    }
}
