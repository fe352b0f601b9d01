package dev.selftune.install;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/** Finds members a nestmate copy could not reach: protected ones inherited from a superclass in another package. */
final class ProtectedCheck {
    /*
     * JVMS 5.4.4: a protected member of class S is accessible to D only if D is S, a subclass of S,
     * or in S's run-time package. The copy is in the target's package but is no subclass, so a
     * protected member declared by a superclass in another package would fail with
     * IllegalAccessError at first execution, in an application thread. Superclasses are read as
     * class files through the target's loader, never loaded (no static initialisers run).
     */
    private final ClassNode host;
    private final Function<String, InputStream> resources;
    private final Map<String, ClassNode> read = new HashMap<>();
    private List<String> supers;

    ProtectedCheck(ClassNode host, Function<String, InputStream> resources) {
        this.host = host;
        this.resources = resources;
    }

    Function<String, InputStream> resources() {
        return resources;
    }

    /** Throws if {@code owner.name} ({@code desc} null for a field) resolves to an unreachable protected member. */
    void check(String owner, String name, String desc, String element) {
        if (resources == null || owner.startsWith("[") || (owner.equals(host.name) && declares(host, name, desc))) {
            return;
        }
        List<String> chain = supers();
        int start = owner.equals(host.name) ? 0 : chain.indexOf(owner);
        if (start < 0) {
            return;
        }
        for (int i = start; i < chain.size(); i++) {
            ClassNode c = node(chain.get(i));
            if (c == null) {
                return;
            }
            int access = access(c, name, desc);
            if (access >= 0) {
                if ((access & Opcodes.ACC_PROTECTED) != 0 && !packageOf(c.name).equals(packageOf(host.name))) {
                    throw new InstallException(element, InstallException.Rule.PROTECTED_ACCESS,
                            "uses protected " + (desc == null ? "field " : "method ") + name + " of "
                                    + c.name.replace('/', '.') + " from another package, which a nestmate copy may not reach",
                            "tune a method that reaches inherited state through public or package accessors");
                }
                return;
            }
        }
    }

    private List<String> supers() {
        if (supers == null) {
            supers = new ArrayList<>();
            for (String s = host.superName; s != null; ) {
                supers.add(s);
                ClassNode c = node(s);
                s = c == null ? null : c.superName;
            }
        }
        return supers;
    }

    private ClassNode node(String internalName) {
        return read.computeIfAbsent(internalName, n -> {
            try (InputStream in = resources.apply(n)) {
                if (in == null) {
                    return null;
                }
                ClassNode c = new ClassNode();
                new ClassReader(in).accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                return c;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }

    private static boolean declares(ClassNode c, String name, String desc) {
        return access(c, name, desc) >= 0;
    }

    private static int access(ClassNode c, String name, String desc) {
        if (desc == null) {
            for (FieldNode f : c.fields) {
                if (f.name.equals(name)) {
                    return f.access;
                }
            }
        } else {
            for (MethodNode m : c.methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    return m.access;
                }
            }
        }
        return -1;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
