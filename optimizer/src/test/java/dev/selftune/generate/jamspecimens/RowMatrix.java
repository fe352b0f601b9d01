package dev.selftune.generate.jamspecimens;

/** A row-major matrix object in EJML's style: public shape fields, a flat data array, a virtual setter. */
public class RowMatrix {
    public int numRows;
    public int numCols;
    public double[] data;

    public RowMatrix(int numRows, int numCols) {
        this.numRows = numRows;
        this.numCols = numCols;
        this.data = new double[numRows * numCols];
    }

    public double set(int index, double value) {
        return data[index] = value;
    }
}
