package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortingTest {
    @Test
    void sort_randomArraysOfManyLengths_agreesWithArraysSort() {
        Random rnd = new Random(7);
        for (int n = 0; n < 200; n++) {
            int[] a = Rows.ints(rnd, n, 0);
            int[] expected = a.clone();
            Arrays.sort(expected);
            Sorting.sort(a);
            assertArrayEquals(expected, a, "length " + n);
        }
    }

    @Test
    void sort_extremesAndDuplicates_sortsAscending() {
        int[] a = {Integer.MAX_VALUE, 0, Integer.MIN_VALUE, 5, 5, -1, Integer.MIN_VALUE, 3, 2, 1, 0, 9};
        int[] expected = a.clone();
        Arrays.sort(expected);
        Sorting.sort(a);
        assertArrayEquals(expected, a);
    }

    @Test
    void sort_largeDescendingInput_sortsAscending() {
        int[] a = new int[10_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = a.length - i;
        }
        Sorting.sort(a);
        int[] expected = new int[a.length];
        Arrays.setAll(expected, i -> i + 1);
        assertArrayEquals(expected, a);
    }

    @Test
    void sort_emptyAndSingleton_leavesThemUnchanged() {
        int[] empty = {};
        Sorting.sort(empty);
        assertArrayEquals(new int[0], empty);
        int[] one = {42};
        Sorting.sort(one);
        assertArrayEquals(new int[] {42}, one);
    }
}
