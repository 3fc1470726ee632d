package io.loopguard.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names looked for among the strings of a class file's constant pool, where every name a class declares or
 * calls is: a class that holds none of them neither declares nor calls a method of those names. Read without
 * parsing the class, as a transformer must judge every class that loads and changes very few.
 *
 * <p>Self-contained (only JDK types), as it runs inside class-file transformers.
 */
final class ConstantPoolNames {
    private static final int MAGIC = 0xCAFEBABE;
    // The constant pool's tags, as the JVM specification numbers them.
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

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
        if (classFile.length < 10 || readInt(classFile, 0) != MAGIC) {
            return true;
        }
        int count = readUnsignedShort(classFile, 8);
        int offset = 10;
        for (int entry = 1; entry < count; entry++) {
            if (offset + 3 > classFile.length) {
                return true;
            }
            switch (classFile[offset]) {
                case UTF8 -> {
                    int length = readUnsignedShort(classFile, offset + 1);
                    if (isName(classFile, offset + 3, length)) {
                        return true;
                    }
                    offset += 3 + length;
                }
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> offset += 3;
                case METHOD_HANDLE -> offset += 4;
                case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC,
                     INVOKE_DYNAMIC -> offset += 5;
                case LONG, DOUBLE -> {
                    offset += 9;
                    entry++; // takes two entries
                }
                default -> {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isName(byte[] classFile, int start, int length) {
        if (start + length > classFile.length) {
            return true;
        }
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

    private static int readUnsignedShort(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }

    private static int readInt(byte[] bytes, int offset) {
        return readUnsignedShort(bytes, offset) << 16 | readUnsignedShort(bytes, offset + 2);
    }
}
