package io.loopguard.agent.config;

import io.loopguard.agent.common.MethodRef;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the options {@link KnownOptions} declares from four sources, each of which wins over the next: system
 * properties ({@code -Dloopguard.mode=strict}), environment variables ({@code LOOPGUARD_MODE=strict}), the
 * agent argument ({@code -javaagent:loopguard-agent.jar=mode=strict,events=x.jsonl}) and a properties file
 * ({@code config=loopguard.properties}). Keys are matched whatever their case.
 *
 * <p>A bad option never stops the application: it is reported as one line naming the option and the problem,
 * and says what the agent does instead (its default is kept).
 */
public final class OptionsParser {
    /** Splits on commas that start a new {@code key=}, so regexes and lists may contain commas. */
    private static final Pattern OPTION_SEPARATOR = Pattern.compile(",(?=\\s*[A-Za-z][A-Za-z-]*\\s*=)");

    private final Consumer<String> lines;

    /** @param lines receives one readable sentence per bad option, and with {@code show-options} one per option given */
    public OptionsParser(Consumer<String> lines) {
        this.lines = line -> lines.accept(oneLine(line));
    }

    /** A sentence that quotes what the user wrote stays one line: control characters in it are shown escaped. */
    private static String oneLine(String line) {
        StringBuilder text = new StringBuilder(line.length());
        line.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        text.append(String.format("\\u%04x", c));
                    } else {
                        text.appendCodePoint(c);
                    }
                }
            }
        });
        return text.toString();
    }

    /** A value as one source gave it, under its key as written there. */
    private record Given(String key, String value, OptionSource source, String where) {

        /** How a line names the option: by key, and by where it was written unless that is plain. */
        String named() {
            return switch (source) {
                case ENVIRONMENT -> key + " (" + where + ")";
                case CONFIG_FILE -> key + " (in " + where + ")";
                default -> key;
            };
        }
    }

    public Options parse(String agentArgument, Properties systemProperties, Map<String, String> environment) {
        Map<String, Given> given = given(agentArgument, systemProperties, environment);
        Options.Builder builder = new Options.Builder();
        for (Option<?> option : KnownOptions.ALL) {
            Given value = given.get(option.key());
            if (value != null) {
                apply(option, value, builder);
            }
        }
        Options options = builder.build();
        if (!options.metricsHost().equals(Options.DEFAULTS.metricsHost()) && options.metricsPort() == 0) {
            lines.accept("option metrics-host: has no effect without metrics-port; Prometheus metrics are not"
                    + " served");
        }
        if (options.showOptions()) {
            showOrigins(given, options);
        }
        return options;
    }

    /** The value each known option is given, by lower-case key, from the source that wins; unknown keys are named. */
    private Map<String, Given> given(String agentArgument, Properties systemProperties, Map<String, String> environment) {
        List<Given> argument = fromArgument(agentArgument);
        List<Given> environmentVariables = fromEnvironment(environment);
        List<Given> properties = fromSystemProperties(systemProperties);
        Given config = last("config", properties, environmentVariables, argument);
        Map<String, Given> given = new LinkedHashMap<>();
        List<Given> unknown = new ArrayList<>();
        // Lowest precedence first: a later source replaces what an earlier one gave.
        for (List<Given> source : List.of(fromFile(config), argument, environmentVariables, properties)) {
            Map<String, Given> fromThisSource = new LinkedHashMap<>();
            for (Given option : source) {
                if (KnownOptions.named(option.key()) == null) {
                    unknown.add(option);
                    continue;
                }
                String key = option.key().toLowerCase(Locale.ROOT);
                if (fromThisSource.put(key, option) != null) {
                    lines.accept("option " + option.named() + ": given more than once; '" + option.value()
                            + "', from the " + describe(option) + ", is used");
                }
                given.put(key, option);
            }
        }
        unknown.forEach(option -> lines.accept("option " + option.named() + ": is not a Loopguard option (known: "
                + KnownOptions.keys() + "); it is ignored"));
        return given;
    }

    private void apply(Option<?> option, Given given, Options.Builder builder) {
        String value = given.value().trim();
        String problem = "option " + given.named() + ": ";
        if (value.isEmpty()) {
            lines.accept(problem + "needs " + option.plainValues() + "; " + option.whenInvalid());
            return;
        }
        try {
            option.parseInto(builder, value, leftOut -> lines.accept(problem + leftOut));
        } catch (IllegalArgumentException bad) {
            lines.accept(problem + bad.getMessage() + "; " + option.whenInvalid());
        }
    }

    private void showOrigins(Map<String, Given> given, Options options) {
        for (Option<?> option : KnownOptions.ALL) {
            Given value = given.get(option.key());
            if (value != null) {
                lines.accept("option " + option.key() + "=" + option.text(options) + " (from the "
                        + describe(value) + ")");
            }
        }
    }

    private static String describe(Given option) {
        return switch (option.source()) {
            case SYSTEM_PROPERTY -> "system property " + option.where();
            case ENVIRONMENT -> "environment variable " + option.where();
            case AGENT_ARGUMENT -> "agent argument";
            case CONFIG_FILE -> "config file " + option.where();
        };
    }

    @SafeVarargs
    private static Given last(String key, List<Given>... sourcesByPrecedence) {
        for (List<Given> source : sourcesByPrecedence) {
            for (int i = source.size() - 1; i >= 0; i--) {
                if (source.get(i).key().equalsIgnoreCase(key)) {
                    return source.get(i);
                }
            }
        }
        return null;
    }

    private List<Given> fromArgument(String agentArgument) {
        List<Given> options = new ArrayList<>();
        if (agentArgument != null && !agentArgument.isBlank()) {
            for (String pair : OPTION_SEPARATOR.split(agentArgument.trim())) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    lines.accept("agent option '" + pair.trim() + "' has no value; write it as key=value");
                    continue;
                }
                options.add(new Given(pair.substring(0, equals).trim(), pair.substring(equals + 1),
                        OptionSource.AGENT_ARGUMENT, "agent argument"));
            }
        }
        return options;
    }

    /**
     * Only the variables that name an option: the environment is shared with other tools, which may use names
     * of the same prefix for themselves (as {@code LOOPGUARD_TEST_JDKS} does, for this project's tests).
     */
    private static List<Given> fromEnvironment(Map<String, String> environment) {
        List<Given> options = new ArrayList<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(OptionSource.ENVIRONMENT_PREFIX)
                    && KnownOptions.named(OptionSource.keyOfEnvironmentVariable(name)) != null) {
                options.add(new Given(OptionSource.keyOfEnvironmentVariable(name), value, OptionSource.ENVIRONMENT,
                        name));
            }
        });
        return options;
    }

    private static List<Given> fromSystemProperties(Properties systemProperties) {
        List<Given> options = new ArrayList<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(OptionSource.PROPERTY_PREFIX)) {
                options.add(new Given(name.substring(OptionSource.PROPERTY_PREFIX.length()),
                        systemProperties.getProperty(name), OptionSource.SYSTEM_PROPERTY, name));
            }
        }
        return options;
    }

    /** The options in the {@code config} file, if one is given; read once, at start-up. */
    private List<Given> fromFile(Given config) {
        List<Given> options = new ArrayList<>();
        if (config == null || config.value().isBlank()) {
            return options;
        }
        Path path = Path.of(config.value().trim());
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException | RuntimeException e) {
            lines.accept("option " + config.named() + ": cannot read '" + path + "' (" + e
                    + "); the options in it are not used");
            return options;
        }
        for (String key : file.stringPropertyNames()) {
            if (key.equalsIgnoreCase("config")) {
                lines.accept("option config (in " + path + "): a config file cannot name another; it is ignored");
            } else {
                options.add(new Given(key, file.getProperty(key), OptionSource.CONFIG_FILE, path.toString()));
            }
        }
        return options;
    }
}
