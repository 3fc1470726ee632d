package io.loopguard.agent.accept;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.common.ThreadGroupName;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that accepts blocking calls: {@code [operation@]Class[#method][ on thread-family]}. It accepts a call
 * when any frame of the call's stack is in a class (and method) it names, wherever in the call chain, made
 * by the operation it names (the probed JDK method or the method the application called) and on a thread of
 * the family it names. A class pattern without a dot names classes of any package by their simple name
 * ({@code *Cache} is {@code com.acme.UserCache}).
 */
public final class AcceptRule {
    static final String FORM = "[operation@]Class[#method][ on thread-family]";
    private static final String EXAMPLE = "e.g. java.io.FileInputStream.read@com.acme.Config#load on nioEventLoopGroup-*";
    private static final Pattern FAMILY = Pattern.compile("^(.*?)\\s+on\\s+(\\S+)$");
    private static final Pattern OPERATION = Pattern.compile("[\\w$*]+(\\.[\\w$*]+)+");
    private static final Pattern CLASS = Pattern.compile("[\\w$*]+(\\.[\\w$*]+)*");
    private static final Pattern METHOD = Pattern.compile("[\\w$*]+|<init>|<clinit>");

    private final String text;
    private final NamePattern operation;
    private final NamePattern className;
    private final boolean bySimpleName;
    private final NamePattern method;
    private final NamePattern family;

    private AcceptRule(String text, NamePattern operation, NamePattern className, NamePattern method,
                       NamePattern family) {
        this.text = text;
        this.operation = operation;
        this.className = className;
        this.bySimpleName = className.toString().indexOf('.') < 0;
        this.method = method;
        this.family = family;
    }

    /** Parses a rule; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static AcceptRule parse(String rule) {
        String text = rule.trim();
        String rest = text;
        NamePattern family = null;
        Matcher on = FAMILY.matcher(rest);
        if (on.matches()) {
            rest = on.group(1);
            family = NamePattern.plain(on.group(2));
        }
        NamePattern operation = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String operationText = rest.substring(0, at).trim();
            if (!OPERATION.matcher(operationText).matches()) {
                throw bad(text, "'" + operationText + "' before @ is not an operation (a JDK method such as"
                        + " java.lang.Thread.sleep)");
            }
            operation = NamePattern.dotted(operationText);
            rest = rest.substring(at + 1).trim();
        }
        int hash = rest.indexOf('#');
        String classText = hash < 0 ? rest : rest.substring(0, hash).trim();
        String methodText = hash < 0 ? null : rest.substring(hash + 1).trim();
        if (!CLASS.matcher(classText).matches()) {
            throw bad(text, classText.isEmpty() ? "it names no class" : "'" + classText + "' is not a class name"
                    + " or pattern");
        }
        if (methodText != null && !METHOD.matcher(methodText).matches()) {
            throw bad(text, methodText.isEmpty() ? "nothing follows #" : "'" + methodText + "' is not a method"
                    + " name or pattern (<init> for a constructor, <clinit> for a static initializer)");
        }
        return new AcceptRule(text, operation, NamePattern.dotted(classText),
                methodText == null ? null : NamePattern.plain(methodText), family);
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException("'" + text + "' is not a rule: " + problem + "; write " + FORM + ", "
                + EXAMPLE);
    }

    /**
     * The one method this rule names, when it names nothing else (no pattern, operation or thread family, not a
     * constructor or static initializer): the agent weaves such a rule into the method, so that the calls it
     * accepts cost no stack; else {@code null}.
     */
    public MethodRef exactMethod() {
        String name = className.toString();
        if (operation != null || family != null || method == null || bySimpleName || name.contains("*")
                || method.toString().contains("*") || method.toString().startsWith("<")) {
            return null;
        }
        return new MethodRef(name, method.toString());
    }

    /**
     * @param operation the probed JDK method, e.g. {@code java.io.FileInputStream.read}
     * @param via       the method the application called to get there, or {@code null}
     */
    boolean accepts(String operation, String via, String thread, List<StackTraceElement> frames) {
        if (this.operation != null && !this.operation.matches(operation)
                && (via == null || !this.operation.matches(via))) {
            return false;
        }
        if (family != null && !family.matches(thread) && !family.toString().equals(ThreadGroupName.of(thread))) {
            return false;
        }
        for (StackTraceElement frame : frames) {
            String name = frame.getClassName();
            if (className.matches(bySimpleName ? name.substring(name.lastIndexOf('.') + 1) : name)
                    && (method == null || method.matches(frame.getMethodName()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AcceptRule that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The rule as written, as the {@code allow} option takes it. */
    @Override
    public String toString() {
        return text;
    }
}
