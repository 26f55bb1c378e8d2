package dev.secondchance.internal;

/** Names of classes for verdict reasons and messages, safe for any class whatever loaded it. */
public final class TypeNames {

    private TypeNames() {}

    /**
     * The class's name without its package or outer classes ({@code Outer$Inner} → {@code Inner}), read from its
     * binary name. Unlike {@link Class#getSimpleName()}, which asks the outer class and throws
     * {@link IllegalAccessError} or {@link IncompatibleClassChangeError} for a member class that another class
     * loader defined, this never throws for a non-null class.
     *
     * @param type the class
     * @return its short name; for an anonymous class, its number
     * @throws NullPointerException if {@code type} is null
     */
    public static String simple(Class<?> type) {
        String name = type.getName();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }
}
