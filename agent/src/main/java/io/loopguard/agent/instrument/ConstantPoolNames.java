package io.loopguard.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names looked for among the strings of a class file's constant pool, where every name a class declares or
 * calls is: a class that holds none of them neither declares nor calls a method of those names. Read in place
 * ({@link ConstantPool}'s layout) and without allocating, as a transformer must judge every class that loads and
 * changes very few.
 */
final class ConstantPoolNames {
    private final byte[][] names;

    ConstantPoolNames(Collection<String> names) {
        Set<String> distinct = new LinkedHashSet<>(names);
        this.names = new byte[distinct.size()][];
        int i = 0;
        for (String name : distinct) {
            this.names[i++] = name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether the class file's constant pool holds one of the names; also {@code true} for a file this cannot
     * read (not a class file, a constant this does not know), which is then read in full, so it is never wrong
     * the other way.
     */
    boolean anyIn(byte[] classFile) {
        int count = ConstantPool.entryCount(classFile);
        if (count < 0) {
            return true;
        }
        int offset = ConstantPool.FIRST_ENTRY;
        for (int entry = 1; entry < count; entry++) {
            int next = ConstantPool.next(classFile, offset);
            if (next < 0) {
                return true;
            }
            if (classFile[offset] == ConstantPool.UTF8 && isName(classFile, offset + 3, next - offset - 3)) {
                return true;
            }
            if (ConstantPool.takesTwoEntries(classFile[offset])) {
                entry++;
            }
            offset = next;
        }
        return false;
    }

    private boolean isName(byte[] classFile, int start, int length) {
        next:
        for (byte[] name : names) {
            if (name.length != length) {
                continue;
            }
            for (int i = 0; i < length; i++) {
                if (classFile[start + i] != name[i]) {
                    continue next;
                }
            }
            return true;
        }
        return false;
    }
}
