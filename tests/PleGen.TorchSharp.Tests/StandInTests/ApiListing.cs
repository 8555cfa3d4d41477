using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using PleGen.TorchSharp.StandIn;

namespace PleGen.TorchSharp.Tests.StandInTests;

/// <summary>
/// The stand-in written out as C#-like declarations, one per line, each with its source file in dotnet/TorchSharp:
/// the list docs/torchsharp-standin.md carries. Types are headed by their path under namespace TorchSharp; members
/// follow, indented. Referenced types are written by simple name (as with `using TorchSharp; using
/// TorchSharp.Modules; using static TorchSharp.torch;`), with nullable annotations, tuple names and defaults.
/// </summary>
internal static class ApiListing
{
    public static IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        foreach (Type type in StandInApi.Types)
        {
            lines.Add(WithSource(TypeDeclaration(type), type));
            lines.AddRange(StandInApi.MembersOf(type)
                .Select(member => (order: KindOrder(member), text: MemberDeclaration(member), member))
                .OrderBy(entry => entry.order)
                .ThenBy(entry => entry.text, StringComparer.Ordinal)
                .Select(entry => WithSource("    " + entry.text, entry.member)));
        }
        return lines;
    }

    private static string WithSource(string declaration, MemberInfo member) =>
        $"{declaration}  // {member.GetCustomAttribute<TorchSharpSourceAttribute>()?.Path ?? "no source"}";

    private static int KindOrder(MemberInfo member) => member switch
    {
        FieldInfo => 0,
        ConstructorInfo => 1,
        PropertyInfo => 2,
        MethodInfo { IsSpecialName: false } => 3,
        _ => 4,
    };

    private static string TypeDeclaration(Type type)
    {
        string path = string.Join(".", Enclosing(type).Select(SimpleName));
        string inNamespace = type.Namespace == "TorchSharp" ? path : type.Namespace!["TorchSharp.".Length..] + "." + path;
        if (type.IsEnum)
        {
            string values = string.Join(", ", Enum.GetNames(type).Select(name =>
                $"{name} = {Convert.ToInt64(Enum.Parse(type, name), CultureInfo.InvariantCulture)}"));
            return $"{Visibility(type)} enum {inNamespace} : {TypeName(Enum.GetUnderlyingType(type))} {{ {values} }}";
        }

        string kind = type.IsInterface ? "interface"
            : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsAbstract ? "abstract class"
            : type.IsSealed ? "sealed class"
            : "class";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object))
        {
            bases.Add(TypeName(baseType));
        }
        bases.AddRange(type.GetInterfaces()
            .Where(candidate => type.BaseType is null || !candidate.IsAssignableFrom(type.BaseType))
            .Where(candidate => !type.GetInterfaces().Any(other => other != candidate && candidate.IsAssignableFrom(other)))
            .Select(candidate => TypeName(candidate)));
        string inheritance = bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
        return $"{Visibility(type)} {kind} {inNamespace}{inheritance}{Constraints(type.GetGenericArguments())}";
    }

    private static IEnumerable<Type> Enclosing(Type type)
    {
        var chain = new Stack<Type>();
        for (Type? current = type; current is not null; current = current.DeclaringType)
        {
            chain.Push(current);
        }
        return chain;
    }

    private static string MemberDeclaration(MemberInfo member)
    {
        var nullability = new NullabilityInfoContext();
        switch (member)
        {
            case FieldInfo field:
                return $"{Visibility(field)} {(field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}"
                    + $"{TypeName(field.FieldType, nullability.Create(field), TupleNames(field))} {field.Name}";
            case ConstructorInfo constructor:
                return $"{Visibility(constructor)} {BareName(constructor.DeclaringType!)}({Parameters(constructor, nullability)})";
            case PropertyInfo property:
                MethodInfo accessor = property.GetMethod ?? property.SetMethod!;
                string name = property.GetIndexParameters().Length == 0
                    ? property.Name
                    : $"this[{string.Join(", ", property.GetIndexParameters().Select(parameter => Parameter(parameter, nullability, isExtension: false)))}]";
                string accessors = (property.GetMethod is null ? "" : "get; ") + (property.SetMethod is null ? "" : "set; ");
                return $"{Visibility(accessor)} {Modifiers(accessor)}"
                    + $"{TypeName(property.PropertyType, nullability.Create(property), TupleNames(property))} {name} {{ {accessors}}}";
            case MethodInfo method:
                return MethodDeclaration(method, nullability);
            default:
                throw new NotSupportedException($"Listing {member.MemberType} members ({member}) is not supported; extend ApiListing.");
        }
    }

    private static string MethodDeclaration(MethodInfo method, NullabilityInfoContext nullability)
    {
        string returns = TypeName(method.ReturnType, nullability.Create(method.ReturnParameter), TupleNames(method.ReturnParameter));
        string parameters = Parameters(method, nullability);
        if (method.Name.Contains('.'))
        {
            // Explicit interface implementation, e.g. System.Collections.IEnumerable.GetEnumerator.
            string[] parts = method.Name.Split('.');
            return $"{returns} {parts[^2]}.{parts[^1]}({parameters})";
        }
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            return $"{Visibility(method)} static {(method.Name == "op_Implicit" ? "implicit" : "explicit")} operator {returns}({parameters})";
        }
        if (method.IsSpecialName && Operators.TryGetValue(method.Name, out string? symbol))
        {
            return $"{Visibility(method)} static {returns} operator {symbol}({parameters})";
        }
        string typeParameters = method.IsGenericMethodDefinition
            ? "<" + string.Join(", ", method.GetGenericArguments().Select(argument => argument.Name)) + ">"
            : "";
        return $"{Visibility(method)} {Modifiers(method)}{returns} {method.Name}{typeParameters}({parameters}){Constraints(method.GetGenericArguments())}";
    }

    private static readonly Dictionary<string, string> Operators = new()
    {
        ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/",
        ["op_UnaryNegation"] = "-", ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<",
        ["op_LessThanOrEqual"] = "<=", ["op_GreaterThan"] = ">", ["op_GreaterThanOrEqual"] = ">=",
    };

    private static string Modifiers(MethodInfo method)
    {
        if (method.IsStatic)
        {
            return "static ";
        }
        if (method.IsAbstract)
        {
            return "abstract ";
        }
        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() != method ? "override " : "virtual ";
        }
        return "";
    }

    private static string Visibility(MethodBase method) =>
        method.IsPublic ? "public"
        : method.IsFamilyOrAssembly ? "protected internal"
        : method.IsFamily ? "protected"
        : method.IsAssembly ? "internal"
        : method.IsFamilyAndAssembly ? "private protected"
        : "private";

    private static string Visibility(FieldInfo field) =>
        field.IsPublic ? "public" : field.IsFamily ? "protected" : field.IsAssembly ? "internal" : "private";

    private static string Visibility(Type type) =>
        type.IsPublic || type.IsNestedPublic ? "public"
        : type.IsNestedFamily ? "protected"
        : type.IsNestedPrivate ? "private"
        : "internal";

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability)
    {
        bool isExtension = method.IsDefined(typeof(ExtensionAttribute));
        return string.Join(", ", method.GetParameters().Select(parameter =>
            Parameter(parameter, nullability, isExtension && parameter.Position == 0)));
    }

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext nullability, bool isExtension)
    {
        string prefix = isExtension ? "this " : parameter.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "";
        string text = $"{prefix}{TypeName(parameter.ParameterType, nullability.Create(parameter), TupleNames(parameter))} {parameter.Name}";
        return parameter.HasDefaultValue ? $"{text} = {DefaultValue(parameter)}" : text;
    }

    private static string DefaultValue(ParameterInfo parameter)
    {
        object? value = parameter.DefaultValue;
        Type type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            double number => FormatDouble(number),
            _ when type.IsEnum => $"{SimpleName(type)}.{Enum.ToObject(type, value)}",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        };
    }

    private static string FormatDouble(double number)
    {
        string text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static string Constraints(Type[] typeParameters)
    {
        var clauses = new List<string>();
        foreach (Type parameter in typeParameters.Where(argument => argument.IsGenericParameter))
        {
            var constraints = new List<string>();
            if (parameter.GetCustomAttributes().Any(attribute => attribute.GetType().Name == "IsUnmanagedAttribute"))
            {
                constraints.Add("unmanaged");
            }
            else if (parameter.GenericParameterAttributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                constraints.Add("struct");
            }
            constraints.AddRange(parameter.GetGenericParameterConstraints()
                .Where(constraint => constraint != typeof(ValueType))
                .Select(constraint => TypeName(constraint)));
            if (constraints.Count > 0)
            {
                clauses.Add($" where {parameter.Name} : {string.Join(", ", constraints)}");
            }
        }
        return string.Concat(clauses);
    }

    private static Queue<string?> TupleNames(ICustomAttributeProvider provider) =>
        new(provider.GetCustomAttributes(typeof(TupleElementNamesAttribute), false)
            .Cast<TupleElementNamesAttribute>()
            .SelectMany(attribute => attribute.TransformNames));

    private static string TypeName(Type type) => TypeName(type, null, new Queue<string?>());

    private static string TypeName(Type type, NullabilityInfo? nullability, Queue<string?> tupleNames)
    {
        if (type.IsByRef)
        {
            return "ref " + TypeName(type.GetElementType()!, nullability, tupleNames);
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, nullability?.GenericTypeArguments.FirstOrDefault(), tupleNames) + "?";
        }
        string marker = !type.IsValueType && !type.IsGenericParameter && nullability?.ReadState == NullabilityState.Nullable ? "?" : "";
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, nullability?.ElementType, tupleNames) + "[]" + marker;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            string?[] names = type.GetGenericArguments().Select(_ => tupleNames.Count > 0 ? tupleNames.Dequeue() : null).ToArray();
            string[] elements = type.GetGenericArguments()
                .Select((argument, index) => TypeName(argument, nullability?.GenericTypeArguments.ElementAtOrDefault(index), tupleNames)
                    + (names[index] is { } name ? " " + name : ""))
                .ToArray();
            return "(" + string.Join(", ", elements) + ")";
        }
        if (Keywords.TryGetValue(type, out string? keyword))
        {
            return keyword + marker;
        }
        string simple = BareName(type);
        if (type.IsGenericType)
        {
            simple += "<" + string.Join(", ", type.GetGenericArguments().Select((argument, index) =>
                TypeName(argument, nullability?.GenericTypeArguments.ElementAtOrDefault(index), tupleNames))) + ">";
        }
        return simple + marker;
    }

    // The name as declared: without the arity suffix, with its type parameters (the stand-in nests no type in a generic one).
    private static string SimpleName(Type type) =>
        type.IsGenericTypeDefinition
            ? BareName(type) + "<" + string.Join(", ", type.GetGenericArguments().Select(argument => argument.Name)) + ">"
            : BareName(type);

    private static string BareName(Type type)
    {
        int arity = type.Name.IndexOf('`');
        return arity < 0 ? type.Name : type.Name[..arity];
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte",
        [typeof(short)] = "short", [typeof(int)] = "int", [typeof(long)] = "long", [typeof(ulong)] = "ulong",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(string)] = "string", [typeof(object)] = "object",
    };
}
