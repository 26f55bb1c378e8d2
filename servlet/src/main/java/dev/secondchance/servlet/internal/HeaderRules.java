package dev.secondchance.servlet.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** HTTP header names: their syntax, and which response headers must never be replayed. */
public final class HeaderRules {

    /** Headers that describe one connection or one client, lower case. */
    private static final Set<String> NEVER_REPLAYED = Set.of("set-cookie", "set-cookie2", "date", "content-length",
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "idempotent-replayed");

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderRules() {}

    /** Returns {@code name} if it is an HTTP token (RFC 9110 section 5.6.2), else throws. */
    public static String checkName(String name, String what) {
        Objects.requireNonNull(name, () -> what + " must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
            if (!token) {
                throw new IllegalArgumentException(String.format("%s '%s' has character U+%04X at index %d; an "
                        + "HTTP name has letters, digits and %s only", what, name, (int) c, i, TOKEN_SYMBOLS));
            }
        }
        return name;
    }

    /** Returns the lower-case name if it may be replayed, else throws saying why not. */
    public static String checkReplayable(String name) {
        String lower = checkName(name, "header name").toLowerCase(Locale.ROOT);
        if (NEVER_REPLAYED.contains(lower)) {
            throw new IllegalArgumentException("header " + name + " is never replayed: it belongs to one "
                    + "connection, one client or one moment, or the filter sets it itself");
        }
        return lower;
    }

    /** Lower-cases names, checking each is replayable. */
    public static Set<String> lowerCase(Collection<String> names) {
        Set<String> set = new LinkedHashSet<>();
        names.forEach(name -> set.add(checkReplayable(name)));
        return Set.copyOf(set);
    }
}
