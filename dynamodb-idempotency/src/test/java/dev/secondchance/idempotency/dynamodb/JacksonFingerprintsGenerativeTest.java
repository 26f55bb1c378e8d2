package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secondchance.idempotency.Fingerprint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded generative tests of canonical JSON fingerprints: the keys of every object permuted give the same
 * fingerprint; any one value changed, added, removed or renamed gives another. Each repetition prints its
 * seed; rerun one with {@code -Dsc.seed=<seed>}.
 */
class JacksonFingerprintsGenerativeTest {

    private static final int DOCUMENTS_PER_SEED = 100;
    private static final long BASE_SEED = 0xF1A6E4L;

    private final JsonMapper mapper = JsonMapper.builder().build();

    static long seed(RepetitionInfo repetition) {
        String fixed = System.getProperty("sc.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : BASE_SEED + repetition.getCurrentRepetition();
        System.out.println(JacksonFingerprintsGenerativeTest.class.getSimpleName() + " seed=" + seed);
        return seed;
    }

    // ------------------------------------------------------------------ generators

    /** A random JSON value as plain Java: maps, lists, strings, longs, doubles, booleans and null. */
    static Object value(Random random, int depth) {
        int kind = random.nextInt(depth >= 5 ? 5 : 7);
        switch (kind) {
            case 0:
                return string(random);
            case 1:
                return random.nextInt(3) == 0 ? random.nextLong() : (long) random.nextInt(1000) - 500;
            case 2:
                double d = random.nextInt(3) == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian();
                return Double.isFinite(d) ? d : 0.5;
            case 3:
                return random.nextBoolean();
            case 4:
                return null;
            case 5:
                Map<String, Object> object = new LinkedHashMap<>();
                int fields = random.nextInt(6);
                for (int i = 0; i < fields; i++) {
                    object.put(string(random), value(random, depth + 1));
                }
                return object;
            default:
                List<Object> array = new ArrayList<>();
                int elements = random.nextInt(5);
                for (int i = 0; i < elements; i++) {
                    array.add(value(random, depth + 1));
                }
                return array;
        }
    }

    /** A short string of any valid code points (supplementary ones included), or of ASCII letters. */
    static String string(Random random) {
        int length = random.nextInt(8);
        StringBuilder s = new StringBuilder();
        boolean ascii = random.nextBoolean();
        while (s.length() < length) {
            int cp = ascii ? 'a' + random.nextInt(4) : random.nextInt(Character.MAX_CODE_POINT + 1);
            if (Character.getType(cp) != Character.SURROGATE) {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    /** The same value with every object's keys in a random order. */
    @SuppressWarnings("unchecked")
    static Object permuted(Random random, Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) map).entrySet());
            Collections.shuffle(entries, random);
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : entries) {
                copy.put(e.getKey(), permuted(random, e.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object element : list) {
                copy.add(permuted(random, element));
            }
            return copy;
        }
        return value;
    }

    /** A deep copy with exactly one change somewhere: a scalar changed, a key added, removed or renamed. */
    @SuppressWarnings("unchecked")
    static Object changed(Random random, Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty() && random.nextInt(3) != 0) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            List<String> keys = new ArrayList<>(copy.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0:
                    copy.remove(key);
                    break;
                case 1:
                    Object moved = copy.remove(key);
                    copy.put(freshKey(copy, key), moved);
                    break;
                case 2:
                    copy.put(freshKey(copy, key), null);
                    break;
                default:
                    copy.put(key, changed(random, copy.get(key)));
            }
            return copy;
        }
        if (value instanceof List<?> list && !list.isEmpty() && random.nextInt(3) != 0) {
            List<Object> copy = new ArrayList<>(list);
            int at = random.nextInt(copy.size());
            if (random.nextBoolean()) {
                copy.remove(at);
            } else {
                copy.set(at, changed(random, copy.get(at)));
            }
            return copy;
        }
        return changedScalar(random, value);
    }

    private static String freshKey(Map<String, Object> map, String base) {
        String key = base + "x";
        while (map.containsKey(key)) {
            key += "x";
        }
        return key;
    }

    private static Object changedScalar(Random random, Object value) {
        if (value instanceof String s) {
            return s + "\u00e9";
        }
        if (value instanceof Long l) {
            return l == Long.MAX_VALUE ? l - 1 : l + 1;
        }
        if (value instanceof Double d) {
            return d == Double.MAX_VALUE ? Math.nextDown(d) : Math.nextUp(d);
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value == null) {
            return random.nextBoolean() ? 0L : "";
        }
        // an empty object or array: give it one element, or turn it into the other kind
        if (value instanceof Map<?, ?>) {
            return random.nextBoolean() ? new ArrayList<>() : Map.of("k", 1L);
        }
        return random.nextBoolean() ? new LinkedHashMap<>() : new ArrayList<>(List.of(1L));
    }

    // ------------------------------------------------------------------ the properties

    @RepeatedTest(20)
    void permutingEveryObjectsKeys_keepsTheFingerprint(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        for (int i = 0; i < DOCUMENTS_PER_SEED; i++) {
            Object document = value(random, 0);
            Object permuted = permuted(random, document);
            String where = "seed=" + seed + " i=" + i + " document=" + document;
            try {
                assertEquals(JacksonFingerprints.canonicalJson(mapper, document),
                        JacksonFingerprints.canonicalJson(mapper, permuted), where);
                assertEquals(JacksonFingerprints.of(mapper, document), JacksonFingerprints.of(mapper, permuted), where);
            } catch (RuntimeException e) {
                fail(where + " threw " + e, e);
            }
        }
    }

    @RepeatedTest(20)
    void changingAnyOneValue_changesTheFingerprint(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        for (int i = 0; i < DOCUMENTS_PER_SEED; i++) {
            Object document = value(random, 0);
            Object changed = changed(random, document);
            String where = "seed=" + seed + " i=" + i + " document=" + document + " changed=" + changed;
            try {
                Fingerprint before = JacksonFingerprints.of(mapper, document);
                Fingerprint after = JacksonFingerprints.of(mapper, permuted(random, changed));
                assertNotEquals(before, after, where);
            } catch (RuntimeException e) {
                fail(where + " threw " + e, e);
            }
        }
    }

    /**
     * Deep nesting ends in bounded time, with a fingerprint or a typed {@link IllegalArgumentException}, never a
     * {@link StackOverflowError}. Regression: depth 5,000 overflowed the stack in Jackson's {@code valueToTree}
     * (found by this test; the first version of it had only depths up to 1,001 passing).
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {10, 500, 999, 1_000, 1_001, 5_000, 100_000})
    void deepNesting_givesAFingerprintOrATypedError(int depth) {
        Object document = "leaf";
        for (int i = 0; i < depth; i++) {
            document = i % 2 == 0 ? List.of(document) : Map.of("k", document);
        }
        Object nested = document;
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                JacksonFingerprints.of(mapper, nested);
            } catch (IllegalArgumentException typed) {
                // the documented failure
            }
        });
    }

    @RepeatedTest(2)
    void aLargeDocument_isFingerprintedInBoundedTime(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        Map<String, Object> large = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            large.put("k" + random.nextInt(), value(random, 3));
        }
        Object permuted = permuted(random, large);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertEquals(JacksonFingerprints.of(mapper, large), JacksonFingerprints.of(mapper, permuted),
                        "seed=" + seed));
    }
}
