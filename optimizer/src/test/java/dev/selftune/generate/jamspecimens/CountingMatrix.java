package dev.selftune.generate.jamspecimens;

/** A {@link RowMatrix} whose setter also counts its calls: it writes a field besides its data array. */
public class CountingMatrix extends RowMatrix {
    public int sets;

    public CountingMatrix(int numRows, int numCols) {
        super(numRows, numCols);
    }

    public double countedSet(int index, double value) {
        sets++;
        return data[index] = value;
    }
}
