package dev.selftune.samples;

/**
 * A mono audio buffer as audio and DSP code keeps one: a sample array that may be longer than the
 * samples in use ({@code length}, as in a pooled buffer), the sample rate, and the settings of one
 * peaking equaliser band applied to it. Plain mutable fields, the usual style of such buffers.
 */
public final class Signal {
    public double[] data;
    public int length;
    public double sampleRate;
    public double centreHz;
    public double gainDb;
    public double q;

    public Signal(double[] data, int length, double sampleRate, double centreHz, double gainDb, double q) {
        this.data = data;
        this.length = length;
        this.sampleRate = sampleRate;
        this.centreHz = centreHz;
        this.gainDb = gainDb;
        this.q = q;
    }
}
