package dev.selftune.verify;

/** Compares a variant's outcome with the original's on one row and names the first difference. */
final class Judge {
    private Judge() { }

    /*
     * Order matters for the reason a person reads: control flow first (threw vs returned), then a
     * non-finite result the original did not produce (the invariant singles it out), then the
     * value, then each argument and the receiver. Argument state is compared after exceptions too:
     * a variant that throws the same exception but has already written half an array is different.
     */
    static String compare(Outcome original, Outcome variant, Differ differ, boolean isStatic) {
        if (original.threw() && !variant.threw()) {
            return "returns normally where the original threw " + original.thrown();
        }
        if (!original.threw() && variant.threw()) {
            return "throws " + variant.thrown() + " where the original returned normally";
        }
        if (original.threw() && !original.thrown().equals(variant.thrown())) {
            return "throws " + variant.thrown() + " where the original threw " + original.thrown();
        }
        if (!original.threw()) {
            if (differ.comparesFloats() && Differ.nonFinite(variant.returned()) && !Differ.nonFinite(original.returned())) {
                return "returns " + variant.returned() + " where the original returned the finite "
                        + Abbrev.show(original.returned());
            }
            String d = differ.diff(original.returned(), variant.returned(), "result");
            if (d != null) {
                return "returns a different value: " + d + " (original vs variant)";
            }
        }
        Object[] a = original.argsAfter();
        Object[] b = variant.argsAfter();
        for (int i = 0; i < a.length; i++) {
            boolean receiver = !isStatic && i == 0;
            String name = receiver ? "receiver" : "argument " + (isStatic ? i + 1 : i);
            String d = differ.diff(a[i], b[i], name);
            if (d != null) {
                return (receiver ? "leaves the receiver's fields different" : "leaves " + name + " different")
                        + " after the call" + (original.threw() ? " (both threw " + original.thrown() + ")" : "")
                        + ": " + d + " (original vs variant)";
            }
        }
        String d = differ.diff(original.statics(), variant.statics(), "static");
        if (d != null) {
            return "leaves static state different after the call" + (original.threw() ? " (both threw " + original.thrown() + ")" : "")
                    + ": " + d + " (original vs variant)";
        }
        return null;
    }
}
