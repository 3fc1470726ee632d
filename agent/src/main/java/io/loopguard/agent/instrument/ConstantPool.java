package io.loopguard.agent.instrument;

import java.nio.charset.StandardCharsets;

/**
 * A class file's constant pool, read in place: where each entry starts, and what its method references name. The
 * transformers judge classes by it before they parse one, and it needs no ASM or ByteBuddy class loaded: a class
 * that loads while a transformer runs is not handed to the transformers.
 */
final class ConstantPool {
    private static final int MAGIC = 0xCAFEBABE;
    /** Where the first entry starts, after the magic number, the versions and the entry count. */
    static final int FIRST_ENTRY = 10;
    // The constant pool's tags, as the JVM specification numbers them.
    static final int UTF8 = 1;
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

    private final byte[] classFile;
    /** Where each entry starts, by its index; 0 for index 0 and for the second index a long or double takes. */
    private final int[] offsets;

    private ConstantPool(byte[] classFile, int[] offsets) {
        this.classFile = classFile;
        this.offsets = offsets;
    }

    /** @return the pool, or {@code null} for what is not a class file this can read (cut short, an unknown constant) */
    static ConstantPool of(byte[] classFile) {
        int count = entryCount(classFile);
        if (count < 0) {
            return null;
        }
        int[] offsets = new int[count];
        int offset = FIRST_ENTRY;
        for (int entry = 1; entry < count; entry++) {
            offsets[entry] = offset;
            int next = next(classFile, offset);
            if (next < 0) {
                return null;
            }
            if (takesTwoEntries(classFile[offset])) {
                entry++;
            }
            offset = next;
        }
        return new ConstantPool(classFile, offsets);
    }

    /** The number of entries plus one, as the class file counts them; -1 if it is no class file. */
    static int entryCount(byte[] classFile) {
        if (classFile.length < FIRST_ENTRY
                || (readUnsignedShort(classFile, 0) << 16 | readUnsignedShort(classFile, 2)) != MAGIC) {
            return -1;
        }
        return readUnsignedShort(classFile, 8);
    }

    /** Whether an entry with this tag takes two indices: a long or a double does. */
    static boolean takesTwoEntries(byte tag) {
        return tag == LONG || tag == DOUBLE;
    }

    /**
     * Where the entry after the one at {@code offset} starts; -1 if that entry is cut short or has a tag this does
     * not know. A long or double takes two indices but one place.
     */
    static int next(byte[] classFile, int offset) {
        if (offset + 3 > classFile.length) {
            return -1;
        }
        int end = switch (classFile[offset]) {
            case UTF8 -> offset + 3 + readUnsignedShort(classFile, offset + 1);
            case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> offset + 3;
            case METHOD_HANDLE -> offset + 4;
            case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, NAME_AND_TYPE, DYNAMIC,
                 INVOKE_DYNAMIC -> offset + 5;
            case LONG, DOUBLE -> offset + 9;
            default -> -1;
        };
        return end > classFile.length ? -1 : end;
    }

    /** The indices of the entries run from 1 to this, exclusive. */
    int size() {
        return offsets.length;
    }

    /** Whether the entry at {@code index} refers to a method, of a class or of an interface. */
    boolean isMethodReference(int index) {
        int offset = offsets[index];
        return offset != 0 && (classFile[offset] == METHOD_REF || classFile[offset] == INTERFACE_METHOD_REF);
    }

    /** The internal name of the class a method reference names ({@code java/lang/Thread}). */
    String owner(int methodReference) {
        int ownerClass = offsets[readUnsignedShort(classFile, offsets[methodReference] + 1)];
        return utf8(offsets[readUnsignedShort(classFile, ownerClass + 1)]);
    }

    /** The name of the method a method reference names. */
    String name(int methodReference) {
        return utf8(offsets[readUnsignedShort(classFile, nameAndType(methodReference) + 1)]);
    }

    /** The descriptor of the method a method reference names ({@code (J)V}). */
    String descriptor(int methodReference) {
        return utf8(offsets[readUnsignedShort(classFile, nameAndType(methodReference) + 3)]);
    }

    private int nameAndType(int methodReference) {
        return offsets[readUnsignedShort(classFile, offsets[methodReference] + 3)];
    }

    /**
     * The string of the UTF8 entry at {@code offset}. Names and descriptors are decoded as UTF-8, which reads the
     * class file's modified UTF-8 alike for everything but the NUL character and characters past U+FFFF: no name
     * this is compared with has those.
     */
    private String utf8(int offset) {
        return new String(classFile, offset + 3, readUnsignedShort(classFile, offset + 1), StandardCharsets.UTF_8);
    }

    private static int readUnsignedShort(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }
}
