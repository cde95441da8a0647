package dev.fila.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration written as number–unit pairs ({@code 250ms}, {@code 90s}, {@code 30m},
 * {@code 1h30m}, {@code 2d}), the way scenario files write them, into milliseconds.
 */
final class DurationConverter implements ITypeConverter<Long> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    @Override
    public Long convert(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(s);
        double millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double unit =
                    switch (m.group(2)) {
                        case "ms" -> 1;
                        case "s" -> 1_000;
                        case "m" -> 60_000;
                        case "h" -> 3_600_000;
                        default -> 86_400_000;
                    };
            millis += Double.parseDouble(m.group(1)) * unit;
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new TypeConversionException("expected a duration such as 30m, 1h or 90s, got '" + text + "'");
        }
        return Math.round(millis);
    }
}
