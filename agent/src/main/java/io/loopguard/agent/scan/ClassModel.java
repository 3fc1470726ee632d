package io.loopguard.agent.scan;

import java.util.List;
import java.util.Map;

/**
 * What the scan keeps of one class: its place in the type hierarchy and its methods, by name and descriptor.
 * Names are internal ({@code com/acme/Handler}).
 */
record ClassModel(String name, String superName, List<String> interfaces, boolean isInterface, boolean isAbstract,
                  String sourceFile, Origin origin, boolean markedEntry, Map<String, MethodModel> methods) {

    /** Whose code a class is, which decides what the scan does with it. */
    enum Origin {
        /** The code being scanned: entry points are looked for here, and paths followed through it. */
        APPLICATION,
        /** A dependency: paths are followed through it, but it has no entry points of its own. */
        LIBRARY,
        /** An event-loop framework or the JDK: read for its types only; calls into it end a path. */
        OPAQUE
    }

    MethodModel method(String name, String descriptor) {
        return methods.get(name + descriptor);
    }

    String binaryName() {
        return name.replace('/', '.');
    }
}
