package dev.selftune.samples.app;

/** Parses the lines of {@link RecordStream}; a malformed line is an error naming the line. */
final class RecordParser {
    private RecordParser() {
    }

    static Record parse(String line) {
        int[] commas = new int[6];
        int from = 0;
        for (int f = 0; f < commas.length; f++) {
            int at = line.indexOf(',', from);
            if (at < 0) {
                throw new IllegalArgumentException("line has " + f + " commas, expected 6: " + line);
            }
            commas[f] = at;
            from = at + 1;
        }
        return new Record(
                Long.parseLong(line, 0, commas[0], 10),
                line.substring(commas[0] + 1, commas[1]),
                Integer.parseInt(line, commas[1] + 1, commas[2], 10),
                Integer.parseInt(line, commas[2] + 1, commas[3], 10),
                Double.parseDouble(line.substring(commas[3] + 1, commas[4])),
                Double.parseDouble(line.substring(commas[4] + 1, commas[5])),
                line.substring(commas[5] + 1));
    }
}
