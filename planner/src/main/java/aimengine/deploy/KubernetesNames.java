package aimengine.deploy;

import aimengine.io.InputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names and quantities as the Kubernetes API accepts them, checked before anything is written so that a bad flag is
 * one line at the prompt rather than a rejected apply.
 */
public final class KubernetesNames {
    /** RFC 1035 label: what a Service name must be (and so every object aim-engine names after the deployment). */
    private static final Pattern LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    /** RFC 1123 subdomain: what a Secret or PersistentVolumeClaim name may be. */
    private static final Pattern SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_SUBDOMAIN = 253;
    /** The API server's quantity grammar (k8s.io/apimachinery resource.Quantity, as the CRDs' pattern states it). */
    private static final Pattern QUANTITY = Pattern.compile(
            "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$");
    public static final int MAX_LABEL = 63;

    private KubernetesNames() {
    }

    /** Checks an object name given with {@code option}; {@code maxLength} leaves room for suffixes the target adds. */
    public static String checkName(String option, String name, int maxLength) {
        if (!LABEL.matcher(name).matches()) {
            throw new InputException(option + " " + name + ": not a valid Kubernetes name: lower-case letters, digits"
                    + " and '-', starting with a letter and ending with a letter or digit");
        }
        if (name.length() > maxLength) {
            throw new InputException(option + " " + name + ": longer than " + maxLength + " characters");
        }
        return name;
    }

    /** Checks the name of an existing object (a Secret, a claim) given with {@code option}. */
    public static String checkObjectName(String option, String name) {
        if (!SUBDOMAIN.matcher(name).matches() || name.length() > MAX_SUBDOMAIN) {
            throw new InputException(option + " " + name + ": not a valid Kubernetes object name: lower-case letters,"
                    + " digits, '-' and '.', starting and ending with a letter or digit");
        }
        return name;
    }

    /** Checks a storage quantity such as 200Gi; "10GB" is not one (the API wants 10G or 10Gi). */
    public static String checkQuantity(String option, String quantity) {
        if (!QUANTITY.matcher(quantity).matches() || quantity.startsWith("-") || quantity.matches("[+]?[0.]+\\D*")) {
            throw new InputException(option + " " + quantity + ": not a Kubernetes quantity; write it like 200Gi,"
                    + " 500G or 1Ti");
        }
        return quantity;
    }

    /** A name derived from a model id: "Qwen/Qwen3-32B" -> "qwen3-32b", shortened to {@code maxLength}. */
    public static String fromModel(String model, int maxLength) {
        String last = model.replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String name = last.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "m-" + name;
        }
        if (name.length() > maxLength) {
            name = name.substring(0, maxLength);
        }
        return name.replaceAll("-+$", "");
    }

    /** Whole GiB as a quantity: 68719476736 -> "64Gi". */
    public static String gibibytes(long bytes) {
        return ((bytes + DeploySizing.GIB - 1) / DeploySizing.GIB) + "Gi";
    }
}
