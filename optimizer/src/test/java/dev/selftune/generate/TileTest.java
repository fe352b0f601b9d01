package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Verdict;
import dev.selftune.generate.nestspecimens.Nests;
import dev.selftune.generate.nestspecimens.Tiles;
import dev.selftune.generate.transform.Tile;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class TileTest {
    private static final TransformContext CTX = TransformContext.exact(Policy.defaults());
    private final Tile tile = new Tile();

    private List<Map<String, Integer>> offers(Class<?> c, String name) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(c));
        return tile.candidates(cn, TunedMethods.find(cn, name, null), CTX);
    }

    private String why(Class<?> c, String name) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(c));
        return tile.whyNotApplied(cn, TunedMethods.find(cn, name, null), CTX);
    }

    @Test
    void candidates_transposeIntoAFreshMatrix_everyBlockSizeUnguarded() {
        assertEquals(List.of(Map.of("nest", 0, "block", 32, "guard", 0), Map.of("nest", 0, "block", 16, "guard", 0),
                Map.of("nest", 0, "block", 64, "guard", 0), Map.of("nest", 0, "block", 8, "guard", 0)),
                offers(Tiles.class, "transpose"));
    }

    @Test
    void candidates_outputIsAParameter_offeredOnlyBehindTheAliasGuard() {
        assertTrue(offers(Tiles.class, "transposeInto").stream().allMatch(p -> p.get("guard") == 1),
                offers(Tiles.class, "transposeInto").toString());
        assertFalse(offers(Tiles.class, "transposeInto").isEmpty());
        assertTrue(offers(Nests.class, "matmulInto").stream().allMatch(p -> p.get("guard") == 1));
        assertFalse(offers(Nests.class, "matmul").isEmpty(), "the j-k nest of i-j-k multiply tiles");
        assertFalse(offers(Nests.class, "dotMatmul").isEmpty(), "an accumulator nest tiles once made perfect");
    }

    @Test
    void whyNotApplied_carriedDependenceFlatIndicesOrReduction_saysWhichRule() {
        assertTrue(why(Tiles.class, "symmetrise").contains("loop-carried dependence"), why(Tiles.class, "symmetrise"));
        assertTrue(why(Tiles.class, "transposeFlatOverlap").contains("not an induction variable plus or minus invariants"),
                why(Tiles.class, "transposeFlatOverlap"));
        assertTrue(why(Nests.class, "total").contains("reduction whose order would change"), why(Nests.class, "total"));
        assertTrue(why(Nests.class, "lowerProduct").contains("not rectangular"), why(Nests.class, "lowerProduct"));
        assertEquals(List.of(), offers(Tiles.class, "symmetrise"));
        assertEquals(List.of(), offers(Tiles.class, "transposeFlatOverlap"));
    }

    @Test
    void candidates_flatRowMajorTransposeAndProduct_offeredUnguarded() {
        assertEquals(4, offers(Tiles.class, "transposeFlat").size(), offers(Tiles.class, "transposeFlat").toString());
        assertTrue(offers(Tiles.class, "transposeFlat").stream().allMatch(p -> p.get("guard") == 0));
        assertEquals(4, offers(Tiles.class, "matmulFlat").size(), offers(Tiles.class, "matmulFlat").toString());
    }

    @Test
    void verify_tiledFlatTranspose_passes() {
        Map<String, Integer> params = Map.of("nest", 0, "block", 2, "guard", 0);
        Verdict v = TransformVerdicts.verify(Tiles.class, "transposeFlat", Tile.NAME, params,
                TransformVerdicts.apply(Tiles.class, "transposeFlat", tile, params), 16, 100);
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    @Test
    void whyNotApplied_parameterOutputWithCallInMethod_namesTheMissingGuard() {
        String why = why(Nests.class, "escaped");
        assertTrue(why.contains("not a fresh array"), why);
        assertTrue(why.contains("no alias guard is possible"), why);
    }

    @Test
    void whyNotApplied_blockRangeWithoutAUsableSize_namesTheRange() {
        Policy p = Policy.defaults().withRanges(Map.of("tile.block", List.of(1, 0)));
        ClassNode cn = ClassBytes.read(Specimen.bytes(Tiles.class));
        MethodNode m = TunedMethods.find(cn, "transpose", null);
        assertEquals(List.of(), tile.candidates(cn, m, TransformContext.exact(p)));
        assertTrue(tile.whyNotApplied(cn, m, TransformContext.exact(p)).contains("tile.block"));
    }

    @Test
    void apply_transposeWithSmallAndOddBlocks_sameMatrixAsTheOriginal() throws Exception {
        Method original = Specimen.load(Tiles.class.getName(), Specimen.bytes(Tiles.class))
                .getMethod("transpose", double[][].class);
        for (int block : new int[] {2, 3, 8, 64}) {
            byte[] bytes = TransformVerdicts.apply(Tiles.class, "transpose", tile, Map.of("nest", 0, "block", block, "guard", 0));
            assertEquals("", Specimen.check(bytes));
            Method tiled = Specimen.load(Tiles.class.getName(), bytes).getMethod("transpose", double[][].class);
            for (int[] shape : new int[][] {{0, 0}, {1, 1}, {1, 7}, {7, 1}, {5, 9}, {16, 16}, {17, 33}}) {
                double[][] a = new double[shape[0]][shape[1]];
                for (int i = 0; i < a.length; i++) {
                    Arrays.setAll(a[i], j -> Math.random());
                }
                assertTrue(Arrays.deepEquals((Object[]) original.invoke(null, (Object) a), (Object[]) tiled.invoke(null, (Object) a)),
                        "block " + block + " shape " + Arrays.toString(shape));
            }
        }
    }

    @Test
    void apply_boundsNearIntegerMaxValue_tilesEndAtTheBoundWithoutWrapping() throws Exception {
        Method original = Specimen.load(Tiles.class.getName(), Specimen.bytes(Tiles.class))
                .getMethod("shifted", double[][].class, int.class);
        for (int block : new int[] {2, 3, 64}) {
            byte[] bytes = TransformVerdicts.apply(Tiles.class, "shifted", tile, Map.of("nest", 0, "block", block, "guard", 0));
            Method tiled = Specimen.load(Tiles.class.getName(), bytes).getMethod("shifted", double[][].class, int.class);
            for (int lo : new int[] {Integer.MAX_VALUE - 5, Integer.MAX_VALUE - 4, Integer.MIN_VALUE, -3, 0}) {
                double[][] a = new double[5][5];
                for (int i = 0; i < 5; i++) {
                    Arrays.setAll(a[i], j -> Math.random());
                }
                Object want = original.invoke(null, a, lo);
                Object got = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return tiled.invoke(null, a, lo);
                    } catch (ReflectiveOperationException e) {
                        return e;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(Arrays.deepEquals((Object[]) want, (Object[]) got), "block " + block + " lo " + lo);
            }
        }
    }

    @Test
    void verify_tiledTransposeSample_passes() {
        Map<String, Integer> params = Map.of("nest", 0, "block", 8, "guard", 0);
        Verdict v = TransformVerdicts.verify(Tiles.class, "transpose", Tile.NAME, params,
                TransformVerdicts.apply(Tiles.class, "transpose", tile, params), 4, 19);
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    @Test
    void verify_guardedTiledTransposeInto_passesWithBothSidesDriven() {
        Map<String, Integer> params = Map.of("nest", 0, "block", 8, "guard", 1);
        byte[] bytes = TransformVerdicts.apply(Tiles.class, "transposeInto", tile, params);
        assertTrue(ClassBytes.read(bytes).methods.stream().anyMatch(m -> m.name.equals("transposeInto$fast$1")));
        Verdict v = TransformVerdicts.verify(Tiles.class, "transposeInto", Tile.NAME, params, bytes, 4, 19);
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    @Test
    void apply_paramsThatDoNotMatchTheAnalysis_declined() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Tiles.class));
        assertFalse(tile.apply(cn, TunedMethods.find(cn, "transpose", null), Map.of("nest", 0, "block", 8, "guard", 1), CTX),
                "a fresh output is not guarded");
        assertFalse(tile.apply(cn, TunedMethods.find(cn, "transpose", null), Map.of("nest", 0, "block", 1, "guard", 0), CTX));
        assertFalse(tile.apply(cn, TunedMethods.find(cn, "symmetrise", null), Map.of("nest", 0, "block", 8, "guard", 0), CTX));
    }
}
