package dev.secondchance.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line of an example, with its help text. {@code --help} and {@code -h} are always
 * known. Values are given as {@code --name value} or {@code --name=value}.
 */
public final class Options {

    private final String help;
    private final Map<String, Option> known;
    private final Map<String, String> values;
    private final boolean helpRequested;

    private Options(String help, Map<String, Option> known, Map<String, String> values, boolean helpRequested) {
        this.help = help;
        this.known = known;
        this.values = values;
        this.helpRequested = helpRequested;
    }

    /**
     * Parses {@code args}.
     *
     * @param command how the example is started, for the usage line
     * @param about what the example does, a few lines for the help
     * @param options the options it knows
     * @param args the arguments
     * @return the parsed options
     * @throws UsageException if an argument is unknown or a value is missing
     */
    public static Options parse(String command, String about, List<Option> options, String... args) {
        Map<String, Option> known = new LinkedHashMap<>();
        for (Option option : options) {
            known.put(option.name(), option);
        }
        String help = helpText(command, about, options);
        Map<String, String> values = new HashMap<>();
        boolean helpRequested = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                helpRequested = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            Option option = known.get(name);
            if (option == null) {
                throw new UsageException("unknown option --" + name);
            }
            if (option.isFlag()) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = "true";
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("--" + name + " needs a value (" + option.valueName() + ")");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return new Options(help, known, values, helpRequested);
    }

    /** @return true if {@code --help} or {@code -h} was given */
    public boolean helpRequested() {
        return helpRequested;
    }

    /** @return the help text: usage, description and every option with its default */
    public String help() {
        return help;
    }

    /**
     * @param name an option's name
     * @return its value, or its default; null if it has neither
     */
    public String string(String name) {
        Option option = option(name);
        return values.getOrDefault(name, option.defaultValue());
    }

    /**
     * @param name a flag's name
     * @return true if the flag was given
     */
    public boolean flag(String name) {
        option(name);
        return values.containsKey(name);
    }

    /**
     * @param name an option's name
     * @param min the smallest legal value
     * @return its value as an int
     * @throws UsageException if it is not an int of at least {@code min}
     */
    public int integer(String name, int min) {
        long value = longValue(name);
        if (value < min || value > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " must be an integer >= " + min + ", got " + string(name));
        }
        return (int) value;
    }

    /**
     * @param name an option's name
     * @return its value as a long
     * @throws UsageException if it is not a long
     */
    public long longValue(String name) {
        String value = string(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new UsageException("--" + name + " must be an integer, got " + value);
        }
    }

    /**
     * @param name an option's name
     * @return its value as a path
     */
    public Path path(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " needs a path");
        }
        return Path.of(value);
    }

    /**
     * @param name an option's name
     * @return its comma-separated value as a list, empty if the value is empty
     */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        String value = string(name);
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    private Option option(String name) {
        Option option = known.get(name);
        if (option == null) {
            throw new IllegalArgumentException("no option --" + name + " was declared");
        }
        return option;
    }

    private static String helpText(String command, String about, List<Option> options) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(command).append(" [options]\n\n").append(about.strip()).append("\n\nOptions:\n");
        List<String> left = new ArrayList<>();
        int width = "--help".length();
        for (Option option : options) {
            String flag = "--" + option.name() + (option.isFlag() ? "" : " " + option.valueName());
            left.add(flag);
            width = Math.max(width, flag.length());
        }
        for (int i = 0; i < options.size(); i++) {
            Option option = options.get(i);
            text.append("  ").append(pad(left.get(i), width)).append("  ").append(option.description());
            if (option.defaultValue() != null) {
                text.append(" (default: ").append(option.defaultValue().isEmpty() ? "none" : option.defaultValue())
                        .append(')');
            }
            text.append('\n');
        }
        text.append("  ").append(pad("--help", width)).append("  show this help and exit\n");
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
