using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;

namespace PleGen.Samples.Cli;

/// <summary>
/// Numeric command-line options that read their value themselves, in the invariant culture, and check its range in the
/// same step: a value that is not a number ("--epochs abc") is a parse error naming the option and the value, like one
/// out of range. (A validator reading a value that failed to parse throws instead, ending the program with a stack trace.)
/// </summary>
public static class NumericOption
{
    /// <summary>An integer option; values below <paramref name="minimum"/> (when given) are refused.</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int? minimum = null) =>
        Parsed(name, description, defaultValue, text =>
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                string expected = minimum switch
                {
                    null => "a whole number",
                    0 => "a whole number, 0 or more",
                    { } m => string.Create(CultureInfo.InvariantCulture, $"a whole number of at least {m}"),
                };
                return (defaultValue, LooksInteger(text)
                    ? string.Create(CultureInfo.InvariantCulture, $"{name} must be {(text.TrimStart().StartsWith('-') ? $"at least {int.MinValue}" : $"at most {int.MaxValue}")}, got '{text}'.")
                    : $"{name} must be {expected}, got '{text}'.");
            }

            if (minimum is not { } min || value >= min)
            {
                return (value, null);
            }

            return (value, min == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{name} must be 0 or more, got {value}.")
                : string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {min}, got {value}."));
        });

    /// <summary>A seed: a whole number from 0 to <see cref="ulong.MaxValue"/>.</summary>
    public static Option<ulong> Seed(string name, string description, ulong defaultValue) =>
        Parsed(name, description, defaultValue, text =>
            ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong value)
                ? (value, null)
                : (defaultValue, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from 0 to {ulong.MaxValue}, got '{text}'.")));

    /// <summary>A finite number greater than 0 (decimal point '.', exponents allowed: 1e-3).</summary>
    public static Option<double> PositiveNumber(string name, string description, double defaultValue) =>
        Parsed(name, description, defaultValue, text =>
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return (defaultValue, $"{name} must be a positive number, got '{text}'.");
            }

            return value > 0 && double.IsFinite(value) ? (value, null) : (value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive number, got {value}."));
        });

    /// <summary>An option whose last token <paramref name="parse"/> turns into a value and, when it is refused, the message saying why.</summary>
    private static Option<T> Parsed<T>(string name, string description, T defaultValue, Func<string, (T Value, string? Error)> parse) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            // No token: the option was given without a value, which the parser reports itself (its arity).
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }

            (T value, string? error) = parse(result.Tokens[^1].Value);
            if (error is not null)
            {
                result.AddError(error);
            }

            return value;
        },
    };

    private static bool LooksInteger(string text)
    {
        string digits = text.Trim().TrimStart('-', '+');
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }
}
