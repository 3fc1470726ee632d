package io.loopguard.api.spi;

/**
 * What a {@link LoopguardIntegration} can say about a framework: which of its threads must never block, its
 * event loops and their units of work, where blocking is accepted and why, and its own blocking methods.
 *
 * <p>Everything is named, never loaded: types by binary name ({@code com.acme.LoopThread},
 * {@code com.acme.Pool$Worker}), methods as {@code Class#method} (all overloads). Write the names the framework
 * publishes, even for a copy of it relocated into another jar (shaded): a relocated name ends in the
 * original one. A name that cannot be read costs its integration everything it declared. Every method
 * returns this description, to chain the next entry.
 */
public interface Framework {

    /** Threads of this class or interface, or of a subtype, must never block, for their whole life. */
    Framework nonBlockingThreadType(String type);

    /** Threads whose whole name matches this regular expression must never block, for their whole life. */
    Framework nonBlockingThreadNames(String regex);

    /**
     * A thread of the method's class may block whenever this {@code boolean} method, without parameters,
     * returns {@code true} on it, even inside an event loop: the framework made it for blocking work.
     */
    Framework blockingPermittedBy(String booleanMethod);

    /**
     * An event loop's run method, called once for the loop's whole life on the object that is its executor:
     * the thread must not block while it runs, and the stall watchdog watches the loop.
     */
    Framework eventLoop(String runMethod);

    /**
     * A static method without parameters that returns, called on one of the framework's event loops, that loop's
     * executor: how the watchdog sends its delay probe to a loop that was already running when the agent was
     * attached (its run method's object cannot be reached then).
     */
    Framework currentLoop(String staticMethod);

    /** The running thread must not block while this method runs; for a loop that is not an executor of its own. */
    Framework nonBlockingWhile(String method);

    /** The thread that calls this method must never block again, for the rest of its life. */
    Framework nonBlockingAfter(String method);

    /**
     * One call of this method is one unit of an event loop's work (a task, or handling the I/O that is
     * ready): the stall watchdog times each. Waiting for I/O must not be inside one, so an idle loop is
     * never stuck.
     */
    Framework task(String method);

    /**
     * A pool whose workers run both tasks that must not block and tasks that may: while {@code taskMethod}
     * runs one task, the worker must not block if its public field {@code stateField} holds
     * {@code nonBlockingState} (compared with its {@code toString()}).
     *
     * @param workerType the binary name of the workers' thread class
     */
    Framework nonBlockingPerTask(String taskMethod, String workerType, String stateField, String nonBlockingState);

    /** Blocking inside this method is accepted, even on a thread that must never block, for {@code reason}. */
    Framework allowBlockingIn(String method, String reason);

    /**
     * One of the framework's own methods that blocks its caller, and what to call instead on an event loop. A call
     * of it on a thread that must never block is reported when it starts, even where the framework then refuses it
     * or it would not wait; it is probed in the type named and in the types of the framework's own packages (its
     * first two: {@code io.netty}) that implement or override it.
     */
    Framework blockingMethod(String method, String instead);

    /** A method the framework calls on an event loop with the application's code: a handler's callback. */
    Framework runsOnEventLoop(String method);

    /** A method that hands the application's code to an event loop, to run there later. */
    Framework handsToEventLoop(String method);

    /**
     * A method that hands the application's code to a thread that may block (a worker pool): the build-time scan
     * does not follow that code from the call, even where a {@link #runsOnEventLoop} method would say it runs on a
     * loop.
     */
    Framework handsToWorker(String method);

    /**
     * The framework's own code, a package and those below it ({@code io.netty}): the build-time scan reads its
     * types but does not follow calls into it (its blocking methods are declared here), and looks for no entry
     * points in it.
     */
    Framework ownPackage(String packageName);

    /**
     * A method that returns a scheduler whose threads must never block ({@code Schedulers#parallel}): lambdas that
     * {@link #movesLaterOperators} or {@link #movesWholeChain} put on it are entry points for the build-time scan.
     */
    Framework nonBlockingScheduler(String factoryMethod);

    /**
     * An operator that moves the operators after it onto the scheduler it is given ({@code Flux#publishOn}): the
     * lambdas given to the framework's later operators, written in the same method, run there.
     */
    Framework movesLaterOperators(String method);

    /**
     * An operator that moves the whole chain onto the scheduler it is given ({@code Flux#subscribeOn}): the lambdas
     * given to the framework's operators written in the same method run there.
     */
    Framework movesWholeChain(String method);
}
