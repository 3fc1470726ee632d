package io.loopguard.agent.common;

/** A method named by its class's binary name and its name, all overloads: {@code com.acme.Handler#read}. */
public record MethodRef(String className, String methodName) {

    /** Parses {@code Class#method}; throws {@link IllegalArgumentException} with a readable reason. */
    public static MethodRef parse(String text) {
        int hash = text.indexOf('#');
        if (hash <= 0 || hash == text.length() - 1 || text.indexOf('#', hash + 1) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not of the form Class#method"
                    + " (for example com.acme.LegacyClient#fetch)");
        }
        return new MethodRef(text.substring(0, hash).trim(), text.substring(hash + 1).trim());
    }

    /** The class name as class files spell it: {@code com/acme/Handler}. */
    public String internalClassName() {
        return className.replace('.', '/');
    }

    @Override
    public String toString() {
        return className + "#" + methodName;
    }
}
