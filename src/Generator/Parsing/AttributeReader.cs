using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PleGen.Generator.Parsing;

/// <summary>
/// Reads one attribute's arguments as typed values with the location of the argument that wrote them.
/// Total: an argument that is missing, mistyped or not a constant becomes a PLE0018 diagnostic, never an exception.
/// </summary>
internal sealed class AttributeReader
{
    // Written: the argument appears in the declaration (source syntax, or the compiled attribute of a referenced
    // assembly), as opposed to a constructor parameter's default.
    private readonly Dictionary<string, (TypedConstant Value, LocationInfo? Location, bool Written)> _arguments = new(StringComparer.Ordinal);
    private readonly string _attributeName;
    private readonly List<DiagnosticInfo> _diagnostics;

    private AttributeReader(string attributeName, LocationInfo? attributeLocation, List<DiagnosticInfo> diagnostics)
    {
        _attributeName = attributeName;
        AttributeLocation = attributeLocation;
        _diagnostics = diagnostics;
    }

    public LocationInfo? AttributeLocation { get; }

    /// <summary>False when the attribute could not be bound at all (its arguments are then unusable).</summary>
    public bool IsBound { get; private set; }

    /// <summary>Binds <paramref name="data"/>'s arguments to their syntax; reports what cannot be read.</summary>
    public static AttributeReader Read(AttributeData data, string attributeName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var reader = new AttributeReader(attributeName, LocationInfo.From(syntax), diagnostics);
        reader.Bind(data, syntax);
        return reader;
    }

    private void Bind(AttributeData data, AttributeSyntax? syntax)
    {
        IMethodSymbol? constructor = data.AttributeConstructor;
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = syntax?.ArgumentList?.Arguments ?? default;

        if (constructor is null)
        {
            // Overload resolution failed: wrong argument count or types. The compiler says which; we say where.
            Report(AttributeLocation, "could not be bound to a constructor: check the number and the types of its arguments (found " + Describe(arguments) + ")");
            return;
        }

        IsBound = true;
        if (syntax is null)
        {
            BindCompiled(data, constructor);
            return;
        }

        // Constructor arguments: positional by order, or by `name:`.
        int position = 0;
        var constructorSyntax = new Dictionary<string, AttributeArgumentSyntax>(StringComparer.Ordinal);
        foreach (AttributeArgumentSyntax argument in arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            string? parameterName = argument.NameColon?.Name.Identifier.ValueText
                ?? (position < constructor.Parameters.Length ? constructor.Parameters[position].Name : null);
            position++;
            if (parameterName is not null)
            {
                constructorSyntax[parameterName] = argument;
            }
        }

        ImmutableArray<TypedConstant> values = data.ConstructorArguments;
        for (int i = 0; i < constructor.Parameters.Length && i < values.Length; i++)
        {
            string name = constructor.Parameters[i].Name;
            constructorSyntax.TryGetValue(name, out AttributeArgumentSyntax? argumentSyntax);
            Add(name, values[i], argumentSyntax is null ? AttributeLocation : LocationInfo.From(argumentSyntax), argumentSyntax is not null);
        }

        // Named arguments: the compiler drops a named argument it cannot evaluate, so compare with the syntax.
        var named = new Dictionary<string, TypedConstant>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
        {
            named[pair.Key] = pair.Value;
        }

        foreach (AttributeArgumentSyntax argument in arguments)
        {
            if (argument.NameEquals is null)
            {
                continue;
            }

            string name = argument.NameEquals.Name.Identifier.ValueText;
            LocationInfo? location = LocationInfo.From(argument);
            if (named.TryGetValue(name, out TypedConstant value))
            {
                Add(name, value, location, explicitlyWritten: true);
            }
            else
            {
                Report(location, $"argument '{argument.ToString()}' is not a compile-time constant of the property's type");
            }
        }
    }

    // An attribute compiled into a referenced assembly (a TaskGroup class from a library) has no syntax: its
    // constructor and named arguments are exactly what its declaration wrote, so all of them count as written.
    private void BindCompiled(AttributeData data, IMethodSymbol constructor)
    {
        ImmutableArray<TypedConstant> values = data.ConstructorArguments;
        for (int i = 0; i < constructor.Parameters.Length && i < values.Length; i++)
        {
            Add(constructor.Parameters[i].Name, values[i], AttributeLocation, explicitlyWritten: true);
        }

        foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
        {
            Add(pair.Key, pair.Value, AttributeLocation, explicitlyWritten: true);
        }
    }

    private void Add(string name, TypedConstant value, LocationInfo? location, bool explicitlyWritten)
    {
        if (HasError(value))
        {
            Report(location, $"argument '{name}' is not a compile-time constant of its declared type (the compiler could not evaluate it)");
            return;
        }

        if (explicitlyWritten || !_arguments.ContainsKey(name))
        {
            _arguments[name] = (value, location, explicitlyWritten);
        }
    }

    private static bool HasError(TypedConstant value)
    {
        if (value.Kind == TypedConstantKind.Error)
        {
            return true;
        }

        if (value.Kind == TypedConstantKind.Array && !value.IsNull)
        {
            foreach (TypedConstant item in value.Values)
            {
                if (HasError(item))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Describe(SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
        => arguments.Count == 0 ? "no arguments" : "(" + arguments.ToString() + ")";

    private void Report(LocationInfo? location, string problem)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, location ?? AttributeLocation, _attributeName, problem));

    /// <summary>Whether the argument was written in source (constructor defaults count as not written).</summary>
    public bool IsWritten(string name) => _arguments.TryGetValue(name, out var entry) && entry.Written;

    public Arg<int> Int(string name, int defaultValue) => Get(name, defaultValue, v => v is int i ? i : (int?)null);

    public Arg<double> Double(string name, double defaultValue) => Get(name, defaultValue, v => v switch
    {
        double d => d,
        float f => f,
        int i => i,
        _ => (double?)null,
    });

    public Arg<bool> Bool(string name, bool defaultValue) => Get(name, defaultValue, v => v is bool b ? b : (bool?)null);

    public Arg<string?> String(string name) => GetReference(name, v => v as string);

    public Arg<ITypeSymbol?> Type(string name) => GetReference(name, v => v as ITypeSymbol);

    /// <summary>
    /// An enum argument. A cast such as <c>(Activation)7</c> is a constant of the right type but names no member;
    /// it is reported here, since no generated code could use it.
    /// </summary>
    public Arg<T> Enum<T>(string name, string typeName, T defaultValue)
        where T : struct
    {
        Arg<T> value = Get(name, defaultValue, v => v is int i ? (T)(object)i : (T?)null);
        if (value.IsSet && !System.Enum.IsDefined(typeof(T), value.Value))
        {
            Report(value.Location, $"argument '{name}' is {Convert.ToInt32(value.Value, System.Globalization.CultureInfo.InvariantCulture)}, which is not a member of {typeName}; use one of {string.Join(", ", System.Enum.GetNames(typeof(T)).Select(n => typeName + "." + n))}");
            return Arg<T>.Unset(defaultValue, value.Location);
        }

        return value;
    }

    public Arg<int[]?> IntArray(string name) => Array<int>(name, "an int array such as [64, 32]");

    public Arg<string[]?> StringArray(string name) => Array<string>(name, "a string array such as [\"ctr\", \"cvr\"]");

    private Arg<T[]?> Array<T>(string name, string expected)
    {
        if (!_arguments.TryGetValue(name, out var entry))
        {
            return Arg<T[]?>.Unset(null, AttributeLocation);
        }

        if (entry.Value.IsNull)
        {
            return new Arg<T[]?>(null, false, entry.Location);
        }

        if (entry.Value.Kind != TypedConstantKind.Array)
        {
            Report(entry.Location, $"argument '{name}' must be {expected}");
            return Arg<T[]?>.Unset(null, entry.Location);
        }

        var result = new T[entry.Value.Values.Length];
        for (int i = 0; i < result.Length; i++)
        {
            if (entry.Value.Values[i].Value is not T item)
            {
                Report(entry.Location, $"argument '{name}' must be {expected}");
                return Arg<T[]?>.Unset(null, entry.Location);
            }

            result[i] = item;
        }

        return new Arg<T[]?>(result, true, entry.Location);
    }

    private Arg<T> Get<T>(string name, T defaultValue, Func<object?, T?> convert)
        where T : struct
    {
        if (!_arguments.TryGetValue(name, out var entry))
        {
            return Arg<T>.Unset(defaultValue, AttributeLocation);
        }

        T? value = convert(entry.Value.Value);
        if (value is null)
        {
            Report(entry.Location, $"argument '{name}' has the wrong type");
            return Arg<T>.Unset(defaultValue, entry.Location);
        }

        return new Arg<T>(value.Value, entry.Written, entry.Location);
    }

    private Arg<T?> GetReference<T>(string name, Func<object?, T?> convert)
        where T : class
    {
        if (!_arguments.TryGetValue(name, out var entry))
        {
            return Arg<T?>.Unset(null, AttributeLocation);
        }

        if (entry.Value.IsNull)
        {
            return new Arg<T?>(null, true, entry.Location);
        }

        T? value = convert(entry.Value.Value);
        if (value is null)
        {
            Report(entry.Location, $"argument '{name}' has the wrong type");
        }

        return new Arg<T?>(value, value is not null, entry.Location);
    }
}
