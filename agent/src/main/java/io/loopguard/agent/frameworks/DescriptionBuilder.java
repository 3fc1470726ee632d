package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;
import io.loopguard.api.spi.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Collects what one integration declares, reading each name as it comes: a name it cannot read throws
 * {@link IllegalArgumentException} with a sentence saying why.
 */
final class DescriptionBuilder implements Framework {
    private final List<String> nonBlockingThreadTypes = new ArrayList<>();
    private final List<Pattern> nonBlockingThreadNames = new ArrayList<>();
    private final List<MethodRef> blockingPermittedBy = new ArrayList<>();
    private final List<MethodRef> eventLoops = new ArrayList<>();
    private final List<MethodRef> currentLoops = new ArrayList<>();
    private final List<MethodRef> nonBlockingWhile = new ArrayList<>();
    private final List<MethodRef> nonBlockingAfter = new ArrayList<>();
    private final List<MethodRef> tasks = new ArrayList<>();
    private final List<TaskRunner> perTask = new ArrayList<>();
    private final List<Allowance> allowances = new ArrayList<>();
    private final List<BlockingMethod> blockingMethods = new ArrayList<>();
    private final List<MethodRef> runsOnEventLoop = new ArrayList<>();
    private final List<MethodRef> handsToEventLoop = new ArrayList<>();
    private final List<MethodRef> handsToWorker = new ArrayList<>();
    private final List<String> ownPackages = new ArrayList<>();
    private final List<MethodRef> nonBlockingSchedulers = new ArrayList<>();
    private final List<MethodRef> movesLaterOperators = new ArrayList<>();
    private final List<MethodRef> movesWholeChain = new ArrayList<>();

    @Override
    public Framework nonBlockingThreadType(String type) {
        nonBlockingThreadTypes.add(typeName(type));
        return this;
    }

    @Override
    public Framework nonBlockingThreadNames(String regex) {
        try {
            nonBlockingThreadNames.add(Pattern.compile(text(regex, "a thread-name pattern")));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a regular expression (" + e.getDescription() + ")");
        }
        return this;
    }

    @Override
    public Framework blockingPermittedBy(String booleanMethod) {
        blockingPermittedBy.add(method(booleanMethod));
        return this;
    }

    @Override
    public Framework eventLoop(String runMethod) {
        eventLoops.add(method(runMethod));
        return this;
    }

    @Override
    public Framework currentLoop(String staticMethod) {
        currentLoops.add(method(staticMethod));
        return this;
    }

    @Override
    public Framework nonBlockingWhile(String method) {
        nonBlockingWhile.add(method(method));
        return this;
    }

    @Override
    public Framework nonBlockingAfter(String method) {
        nonBlockingAfter.add(method(method));
        return this;
    }

    @Override
    public Framework task(String method) {
        tasks.add(method(method));
        return this;
    }

    @Override
    public Framework nonBlockingPerTask(String taskMethod, String workerType, String stateField,
                                        String nonBlockingState) {
        perTask.add(new TaskRunner(method(taskMethod), typeName(workerType), text(stateField, "a field name"),
                text(nonBlockingState, "the non-blocking state")));
        return this;
    }

    @Override
    public Framework allowBlockingIn(String method, String reason) {
        allowances.add(new Allowance(method(method), text(reason, "a reason")));
        return this;
    }

    @Override
    public Framework blockingMethod(String method, String instead) {
        blockingMethods.add(new BlockingMethod(method(method), text(instead, "what to call instead")));
        return this;
    }

    @Override
    public Framework runsOnEventLoop(String method) {
        runsOnEventLoop.add(method(method));
        return this;
    }

    @Override
    public Framework handsToEventLoop(String method) {
        handsToEventLoop.add(method(method));
        return this;
    }

    @Override
    public Framework handsToWorker(String method) {
        handsToWorker.add(method(method));
        return this;
    }

    @Override
    public Framework ownPackage(String packageName) {
        String name = typeName(packageName);
        if (name.endsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a package name (for example io.netty)");
        }
        ownPackages.add(name);
        return this;
    }

    @Override
    public Framework nonBlockingScheduler(String factoryMethod) {
        nonBlockingSchedulers.add(method(factoryMethod));
        return this;
    }

    @Override
    public Framework movesLaterOperators(String method) {
        movesLaterOperators.add(method(method));
        return this;
    }

    @Override
    public Framework movesWholeChain(String method) {
        movesWholeChain.add(method(method));
        return this;
    }

    FrameworkDescription build() {
        return new FrameworkDescription(List.copyOf(nonBlockingThreadTypes), List.copyOf(nonBlockingThreadNames),
                List.copyOf(blockingPermittedBy), List.copyOf(eventLoops), List.copyOf(currentLoops), List.copyOf(nonBlockingWhile),
                List.copyOf(nonBlockingAfter), List.copyOf(tasks), List.copyOf(perTask), List.copyOf(allowances),
                List.copyOf(blockingMethods), List.copyOf(runsOnEventLoop), List.copyOf(handsToEventLoop),
                new FrameworkDescription.ScanFacts(List.copyOf(handsToWorker), List.copyOf(ownPackages), List.copyOf(nonBlockingSchedulers),
                        List.copyOf(movesLaterOperators), List.copyOf(movesWholeChain)));
    }

    private static MethodRef method(String text) {
        return MethodRef.parse(text(text, "a method (Class#method)"));
    }

    /** A plain loop: this runs in every JVM's premain, where a stream costs its classes. */
    private static boolean hasWhitespace(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String typeName(String text) {
        String name = text(text, "a class name");
        if (name.contains("#") || name.contains("/") || hasWhitespace(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a binary class name (for example com.acme.LoopThread)");
        }
        return name;
    }

    private static String text(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an entry lacks " + what);
        }
        return text;
    }
}
