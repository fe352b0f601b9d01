package dev.selftune.generate.transform;

import dev.selftune.generate.CountedLoop;
import dev.selftune.generate.LoopNestEscape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * A scatter update {@code t[key] += e} in a counted loop, on an {@code int[]}, {@code long[]},
 * {@code short[]}, {@code char[]} or {@code byte[]} table held in local {@code table} ({@code store}
 * is its xASTORE opcode), that may be spread over private copies of the table: no other part of the
 * loop reads or writes the table. {@code guardLocals} are the locals holding arrays of the table's
 * type that the loop also accesses; unless the table is fresh, each must be another object.
 */
record ScatterUpdate(CountedLoop loop, int table, int store, boolean fresh, List<Integer> guardLocals) {

    /*
     * Narrow tables: javac writes counts[k]++ on a short[] as (short) (counts[k] + 1). Narrowing is
     * a ring homomorphism (mod 2^16, 2^8), so the merged (short) (t + P1 + ...) is still the exact
     * result. A byte[] table could be a boolean[] (BASTORE serves both); private byte[] copies then
     * hold the counts mod 2^8 and the merge's store into the boolean[] keeps bit 0, as every store
     * of the original does.
     */
    boolean wide() {
        return store == Opcodes.LASTORE;
    }

    int load() {
        return store - Opcodes.IASTORE + Opcodes.IALOAD;
    }

    int add() {
        return wide() ? Opcodes.LADD : Opcodes.IADD;
    }

    /** The narrowing conversion the value goes through before the store, or -1 for int and long tables. */
    int narrow() {
        return narrowFor(store);
    }

    int newarrayType() {
        return switch (store) {
            case Opcodes.LASTORE -> Opcodes.T_LONG;
            case Opcodes.SASTORE -> Opcodes.T_SHORT;
            case Opcodes.CASTORE -> Opcodes.T_CHAR;
            case Opcodes.BASTORE -> Opcodes.T_BYTE;
            default -> Opcodes.T_INT;
        };
    }

    private static int narrowFor(int store) {
        return switch (store) {
            case Opcodes.SASTORE -> Opcodes.I2S;
            case Opcodes.CASTORE -> Opcodes.I2C;
            case Opcodes.BASTORE -> Opcodes.I2B;
            default -> -1;
        };
    }

    /** The scatter update of {@code loop}, or the reason in words why it has none that may be privatised. */
    static Object analyze(ClassNode owner, MethodNode method, CountedLoop loop) {
        if (loop.coveredByTry()) {
            return "the loop is inside a try block, whose handler could read the table before the merge";
        }
        if (!loop.isStraightLine() || loop.hasJumpsOut() || loop.hasReturns()) {
            return "the loop body branches, breaks or returns (only straight-line bodies are privatised)";
        }
        ScatterBody body;
        try {
            body = ScatterBody.lift(loop.bodyFirst(), loop.increment());
        } catch (ScatterBody.Refused e) {
            return e.getMessage();
        }
        String why = "the loop stores no integer array element at an index it computes (no t[key] += e)";
        for (ScatterBody.Sym store : body.stores()) {
            ScatterBody.Sym array = store.args().get(0);
            int op = (Integer) store.detail();
            if (op == Opcodes.FASTORE || op == Opcodes.DASTORE || !array.kind().equals("local")) {
                continue;
            }
            int t = (Integer) array.detail();
            Object found = check(owner, method, loop, body, store, t, op);
            if (found instanceof ScatterUpdate u) {
                return u;
            }
            why = (String) found;
        }
        return why;
    }

    private static Object check(ClassNode owner, MethodNode method, CountedLoop loop, ScatterBody body, ScatterBody.Sym store,
                                int t, int storeOp) {
        String table = "local " + t;
        if (body.storedLocals().contains(t)) {
            return table + " is assigned in the loop, so the table changes from one iteration to the next";
        }
        ScatterBody.Sym index = store.args().get(1);
        ScatterBody.Sym value = store.args().get(2);
        boolean wide = storeOp == Opcodes.LASTORE;
        int add = wide ? Opcodes.LADD : Opcodes.IADD;
        int load = storeOp - Opcodes.IASTORE + Opcodes.IALOAD;
        ScatterBody.Sym self = new ScatterBody.Sym("load", load, wide ? 2 : 1, List.of(store.args().get(0), index));
        int narrow = narrowFor(storeOp);
        if (narrow >= 0 && value.kind().equals("op") && (Integer) value.detail() == narrow) {
            value = value.args().get(0);
        } else if (narrow >= 0) {
            return table + " is stored with a value that is not its own element plus an increment, narrowed (t[key] = (short) (t[key] + e))";
        }
        if (!value.kind().equals("op") || (Integer) value.detail() != add || !value.args().contains(self)) {
            return table + " is stored with a value that is not its own element plus an increment (t[key] = t[key] + e)";
        }
        ScatterBody.Sym increment = value.args().get(0).equals(self) ? value.args().get(1) : value.args().get(0);
        if (index.reads(t) || increment.reads(t)) {
            return "the index or the increment of " + table + " reads the table itself";
        }
        for (ScatterBody.Sym sink : body.sinks()) {
            if (sink != store && sink.reads(t)) {
                return table + " is read elsewhere in the loop (a read of the scatter table would see partial counts)";
            }
        }
        boolean fresh;
        try {
            fresh = LoopNestEscape.analyze(owner.name, method).whyNotFresh(t, loop.head()) == null;
        } catch (AnalyzerException e) {
            return "the method does not analyse: " + e.getMessage();
        }
        Set<Integer> guard = new LinkedHashSet<>();
        int sameStore = storeOp;
        for (ScatterBody.Sym access : body.arrayAccesses()) {
            int op = (Integer) access.detail();
            if (access == store || (op != load && op != sameStore) || fresh) {
                continue;
            }
            ScatterBody.Sym array = access.args().get(0);
            if (array.kind().equals("local") && (Integer) array.detail() == t) {
                continue;
            }
            if (!array.kind().equals("local") || body.storedLocals().contains((Integer) array.detail())) {
                return table + " is not a fresh array and the loop accesses another array of its type"
                        + " that is not held in a local it leaves alone, so no identity check can rule out that it is the table";
            }
            guard.add((Integer) array.detail());
        }
        return new ScatterUpdate(loop, t, storeOp, fresh, new ArrayList<>(guard));
    }
}
