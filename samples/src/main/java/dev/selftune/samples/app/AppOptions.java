package dev.selftune.samples.app;

/** Command-line options of {@link AnalyticsApp}; each bad value is rejected with the option's name. */
record AppOptions(double seconds, long batches, long seed, int batchSize, int checksumBatches, double reportEverySeconds) {
    AppOptions {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("--seconds must be ≥ 0, got " + seconds);
        }
        if (batches < 0) {
            throw new IllegalArgumentException("--batches must be ≥ 0, got " + batches);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
        }
        if (checksumBatches < 1) {
            throw new IllegalArgumentException("--checksum-batches must be ≥ 1, got " + checksumBatches);
        }
        if (!(reportEverySeconds > 0)) {
            throw new IllegalArgumentException("--report-every must be > 0, got " + reportEverySeconds);
        }
        if (batches > 0) {
            checksumBatches = (int) Math.min(batches, Integer.MAX_VALUE);
        }
    }

    static AppOptions parse(String[] args) {
        double seconds = 60;
        long batches = 0;
        long seed = 42;
        int batchSize = 1024;
        int checksumBatches = 20;
        double reportEvery = 5;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--seconds" -> seconds = Double.parseDouble(value);
                    case "--batches" -> batches = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--batch-size" -> batchSize = Integer.parseInt(value);
                    case "--checksum-batches" -> checksumBatches = Integer.parseInt(value);
                    case "--report-every" -> reportEvery = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " expects a number, got '" + value + "'");
            }
        }
        return new AppOptions(seconds, batches, seed, batchSize, checksumBatches, reportEvery);
    }
}
