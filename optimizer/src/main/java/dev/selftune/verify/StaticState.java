package dev.selftune.verify;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The static state a call can reach: the static fields of the target class and of every class on
 * the user's class path whose fields or methods the tuned method uses, following its calls
 * transitively, up to {@link #MAX_CLASSES} classes. Compared after every call like the arguments.
 */
final class StaticState {
    /* A bound on the classes walked: a target reaching into a large application would otherwise
     * make every call snapshot that application's statics. Classes beyond it are not compared. */
    static final int MAX_CLASSES = 64;
    /* A bound on the methods followed to find them (calls into a large library). */
    static final int MAX_METHODS = 1000;
    /* Static arrays above this many elements (lookup tables) are compared by a 64-bit digest, not
     * copied: the original's outcome keeps one static snapshot per row, ~1400 rows. */
    static final int COPY_LIMIT = 4096;
    /* At most this many arrays and objects of static state are walked after each call (a static
     * cache of a million entries would otherwise cost a full walk per row); beyond it the walk is
     * cut off the same way in the original and the variant, and what lies beyond is not compared. */
    static final long MAX_NODES = 100_000;

    private final List<Field> fields;

    private StaticState(List<Field> fields) {
        this.fields = fields;
    }

    /**
     * Internal names of the classes to watch: {@code owner} first, then the class-path classes whose
     * fields or methods the tuned method uses, following its calls (and lambda bodies) into
     * class-path methods, breadth first. {@code loader} finds their bytes; JDK classes are never watched.
     */
    static List<String> reachable(String owner, byte[] ownerBytes, String name, String desc, java.net.URLClassLoader loader) {
        Set<String> classes = new LinkedHashSet<>(List.of(owner));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String[]> todo = new ArrayDeque<>();
        todo.add(new String[] {owner, name, desc});
        Map<String, byte[]> bytes = new HashMap<>(Map.of(owner, ownerBytes));
        while (!todo.isEmpty() && seen.size() < MAX_METHODS) {
            String[] m = todo.poll();
            if (!seen.add(m[0] + "." + m[1] + m[2])) {
                continue;
            }
            byte[] b = bytes.computeIfAbsent(m[0], k -> read(loader, k));
            if (b == null) {
                continue;
            }
            for (String[] ref : references(b, m[1], m[2])) {
                boolean onPath = ref[0].equals(owner) || loader.findResource(ref[0] + ".class") != null;
                if (!onPath || !classes.contains(ref[0]) && classes.size() >= MAX_CLASSES) {
                    continue;
                }
                classes.add(ref[0]);
                if (ref[1] != null) {
                    todo.add(ref);
                }
            }
        }
        return new ArrayList<>(classes);
    }

    /*
     * The classes are initialised here, when the sandbox is made, in both the original's and each
     * variant's loader: reading a static field of a class not yet initialised would run its
     * initialiser at a point that depends on the code under test. A class whose initialiser fails
     * is left out of both.
     */
    static StaticState watch(List<String> classes, ClassLoader loader) {
        List<Field> fields = new ArrayList<>();
        for (String name : classes) {
            Class<?> c;
            try {
                c = Class.forName(name.replace('/', '.'), true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (c.getClassLoader() != loader) {
                continue;
            }
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                boolean constant = Modifier.isFinal(mod) && (f.getType().isPrimitive() || f.getType() == String.class);
                if (!Modifier.isStatic(mod) || constant || f.getName().startsWith("$selftune$")) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    fields.add(f);
                } catch (RuntimeException e) {
                    // not readable: not compared
                }
            }
        }
        return new StaticState(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The watched fields' values, as one snapshot object in the walker's graph (aliases to arguments kept). */
    Object snapshot(Snapshot.Walker w) {
        Map<String, Object> values = new LinkedHashMap<>();
        w.copyLimit(COPY_LIMIT);
        w.nodeLimit(MAX_NODES);
        for (Field f : fields) {
            String key = f.getDeclaringClass().getName() + "." + f.getName();
            Object v;
            try {
                v = f.get(null);
            } catch (IllegalAccessException e) {
                continue;
            }
            values.put(key, w.of(v, key));
        }
        return new Snapshot.Obj("static state", values);
    }

    private static byte[] read(java.net.URLClassLoader loader, String name) {
        URL u = loader.findResource(name + ".class");
        if (u == null) {
            return null;
        }
        try (InputStream in = u.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /* Owners of the fields and methods {@code name desc} uses: {owner, null, null} for a field,
     * {owner, method, desc} for a call or a method handle (a lambda body is followed like a call). */
    private static List<String[]> references(byte[] bytes, String name, String desc) {
        List<String[]> refs = new ArrayList<>();
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String n, String d, String sig, String[] ex) {
                    if (!n.equals(name) || !d.equals(desc)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(int op, String owner, String f, String fd) {
                            add(owner, null, null);
                        }

                        @Override
                        public void visitMethodInsn(int op, String owner, String mn, String md, boolean itf) {
                            add(owner, mn, md);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String in, String id, org.objectweb.asm.Handle bsm, Object... args) {
                            for (Object a : args) {
                                if (a instanceof org.objectweb.asm.Handle h) {
                                    add(h.getOwner(), h.getName(), h.getDesc());
                                }
                            }
                        }

                        private void add(String owner, String mn, String md) {
                            if (!owner.startsWith("[")) {
                                refs.add(new String[] {owner, mn, md});
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // an unreadable class names nothing
        }
        return refs;
    }
}
