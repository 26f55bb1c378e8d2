package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded generative tests of token validation: any string from 0 to 10,000 characters of random Unicode,
 * control characters and CR/LF is either accepted unchanged or rejected with an
 * {@link InvalidIdempotencyTokenException}, exactly as the documented rules say, and the rejection's message
 * never carries a control character (it cannot split a log line). Each repetition prints its seed; rerun one
 * with {@code -Dsc.seed=<seed>}.
 */
class IdempotencyTokensGenerativeTest {

    private static final int TOKENS_PER_SEED = 400;
    private static final long BASE_SEED = 0x70CE_4E5EL;

    static long seed(RepetitionInfo repetition) {
        String fixed = System.getProperty("sc.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : BASE_SEED + repetition.getCurrentRepetition();
        System.out.println(IdempotencyTokensGenerativeTest.class.getSimpleName() + " seed=" + seed);
        return seed;
    }

    /** A string of a random length up to 10,000 and a random alphabet. */
    static String token(Random random) {
        int length;
        switch (random.nextInt(5)) {
            case 0:
                length = random.nextInt(3);
                break;
            case 1:
                length = 250 + random.nextInt(12); // around the default limit
                break;
            case 2:
                length = 8185 + random.nextInt(15); // around the largest configurable limit
                break;
            case 3:
                length = random.nextInt(10_001);
                break;
            default:
                length = 1 + random.nextInt(64);
        }
        int alphabet = random.nextInt(6);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            switch (alphabet) {
                case 0: // printable ASCII only: mostly valid
                    s.append((char) (0x20 + random.nextInt(0x5F)));
                    break;
                case 1: // printable ASCII with a rare control character, CR or LF
                    if (random.nextInt(50) == 0) {
                        char[] bad = {'\r', '\n', '\t', '\0', 0x7F, 0x1B, 0x85, 0x2028};
                        s.append(bad[random.nextInt(bad.length)]);
                    } else {
                        s.append((char) (0x21 + random.nextInt(0x5E)));
                    }
                    break;
                case 2: // any UTF-16 code unit, lone surrogates included
                    s.append((char) random.nextInt(0x10000));
                    break;
                case 3: // any code point, supplementary ones as surrogate pairs
                    s.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                    break;
                case 4: // spaces at the ends
                    s.append(random.nextInt(4) == 0 ? ' ' : (char) (0x21 + random.nextInt(0x5E)));
                    break;
                default: // control characters only
                    s.append((char) random.nextInt(0x20));
            }
        }
        return s.toString();
    }

    /** The documented rule, written independently of the implementation. */
    static boolean valid(String token, int maxLength) {
        if (token.isEmpty() || token.length() > maxLength) {
            return false;
        }
        if (token.startsWith(" ") || token.endsWith(" ")) {
            return false;
        }
        return token.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    @RepeatedTest(25)
    void validate_acceptsExactlyTheDocumentedTokens_andOtherwiseThrowsTheTypedError(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < TOKENS_PER_SEED; i++) {
            String token = token(random);
            int maxLength = random.nextBoolean() ? IdempotencyTokens.DEFAULT_MAX_LENGTH
                    : 1 + random.nextInt(IdempotencyTokens.MAX_LENGTH_LIMIT);
            String where = "seed=" + seed + " i=" + i + " length=" + token.length() + " maxLength=" + maxLength;
            boolean expected = valid(token, maxLength);
            try {
                String returned = maxLength == IdempotencyTokens.DEFAULT_MAX_LENGTH
                        ? IdempotencyTokens.validate(token) : IdempotencyTokens.validate(token, maxLength);
                assertTrue(expected, where + ": accepted a token the rules reject");
                assertSame(token, returned, where);
                accepted++;
            } catch (InvalidIdempotencyTokenException e) {
                assertTrue(!expected, where + ": rejected a valid token: " + e.getMessage());
                assertNotNull(e.getMessage(), where);
                assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c != 0x7F),
                        where + ": the message has a control character");
                assertTrue(e.token() == null || e.token().length() <= Math.max(64, maxLength), where);
            } catch (RuntimeException e) {
                fail(where + ": threw " + e + " instead of InvalidIdempotencyTokenException", e);
            }
        }
        System.out.println("seed=" + seed + ": " + accepted + " of " + TOKENS_PER_SEED + " accepted");
    }

    @RepeatedTest(5)
    void storeKey_neverCollides_forAValidToken(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        for (int i = 0; i < TOKENS_PER_SEED; i++) {
            String token = token(random);
            String where = "seed=" + seed + " i=" + i;
            try {
                String key = IdempotencyTokens.storeKey("orders", token);
                assertTrue(valid(token, IdempotencyTokens.MAX_LENGTH_LIMIT), where);
                assertEquals("orders#" + token, key, where);
            } catch (InvalidIdempotencyTokenException e) {
                assertTrue(!valid(token, IdempotencyTokens.MAX_LENGTH_LIMIT), where + ": " + e.getMessage());
            }
        }
    }
}
