package dev.secondchance.examples.herd.simulated;

import dev.secondchance.examples.cli.UsageException;
import java.util.ArrayList;
import java.util.List;

/** Parses the {@code --clients} option: {@code FROM..TO:STEP}, a single number, or a comma-separated list. */
public final class ClientCounts {

    private ClientCounts() {}

    /**
     * @param text for example {@code 10..200:10}, {@code 50} or {@code 10,50,100}
     * @return the numbers of clients, each {@code >= 1}, in the given order
     * @throws UsageException if the text is malformed
     */
    public static List<Integer> parse(String text) {
        List<Integer> counts = new ArrayList<>();
        try {
            if (text.contains("..")) {
                String[] rangeAndStep = text.split(":", 2);
                String[] bounds = rangeAndStep[0].split("\\.\\.", 2);
                int from = Integer.parseInt(bounds[0].strip());
                int to = Integer.parseInt(bounds[1].strip());
                int step = rangeAndStep.length == 2 ? Integer.parseInt(rangeAndStep[1].strip()) : 1;
                if (step < 1 || to < from) {
                    throw new UsageException("--clients range must have FROM <= TO and STEP >= 1: " + text);
                }
                for (int n = from; n <= to; n += step) {
                    counts.add(n);
                }
            } else {
                for (String item : text.split(",")) {
                    counts.add(Integer.parseInt(item.strip()));
                }
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--clients must look like 10..200:10, 50 or 10,50,100; got " + text);
        }
        if (counts.isEmpty() || counts.stream().anyMatch(n -> n < 1)) {
            throw new UsageException("--clients needs numbers >= 1, got " + text);
        }
        return counts;
    }
}
