package io.loopguard.agent.scan;

/** One method on a path, with the line of the call it makes towards the blocking call, as a stack trace shows it. */
record Frame(String className, String methodName, String sourceFile, int line) {

    @Override
    public String toString() {
        String where = sourceFile == null ? "Unknown Source" : line > 0 ? sourceFile + ":" + line : sourceFile;
        return className + "." + methodName + "(" + where + ")";
    }
}
