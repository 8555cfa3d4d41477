using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Text;
using PleGen.Runtime.Tensors;
using PleGen.Tests.Shared;
using Xunit;

namespace PleGen.Runtime.Tests.PublicApi;

/// <summary>
/// The package's public surface, pinned: every public type of PleGen.Runtime (attributes included) with every public or
/// protected member, grouped by namespace. A change to it shows as a snapshot diff to review, like generated code.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_reviewed_one() => Snapshot.Match(Describe(typeof(Tensor).Assembly), "txt");

    [Fact]
    public void What_only_generated_code_calls_is_in_one_namespace_hidden_from_intellisense()
    {
        Type[] generatedOnly = typeof(Tensor).Assembly.GetExportedTypes().Where(t => t.Namespace == "PleGen.Runtime.Generated").ToArray();

        Assert.Equal(["CheckpointCardinalities", "DenseLayer", "ExpertBank", "InputChecks", "LayerContext", "Mlp", "ParameterRegistry", "Rows", "TensorShapeChecks"], generatedOnly.Select(t => t.Name).Order());
        Assert.All(generatedOnly, t => Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
        Assert.DoesNotContain(typeof(Tensor).Assembly.GetExportedTypes(), t => t.Namespace != "PleGen.Runtime.Generated" && t.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never);
    }

    [Fact]
    public void Every_runtime_namespace_is_the_folder_of_its_types()
    {
        // PleGen.Runtime.X lives in src/Runtime/X; the attributes and compile-time summary types are the DSL's own namespace.
        var namespaces = typeof(Tensor).Assembly.GetExportedTypes().Select(t => t.Namespace!).Distinct().Order().ToArray();
        string runtime = System.IO.Path.Combine(RepositoryRoot.Path, "src", "Runtime");
        foreach (string ns in namespaces.Where(n => n != "PleGen"))
        {
            Assert.StartsWith("PleGen.Runtime.", ns);
            Assert.True(System.IO.Directory.Exists(System.IO.Path.Combine(runtime, ns["PleGen.Runtime.".Length..])), $"{ns} has no folder src/Runtime/{ns["PleGen.Runtime.".Length..]}");
        }
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var group in assembly.GetExportedTypes().GroupBy(t => t.Namespace ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("namespace ").Append(group.Key).Append('\n');
            foreach (Type type in group.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                text.Append("  ").Append(TypeHeader(type)).Append('\n');
                foreach (string member in Members(type).Order(StringComparer.Ordinal))
                {
                    text.Append("    ").Append(member).Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        string hidden = type.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never ? "[hidden] " : "";
        string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        return $"{hidden}{kind} {Name(type)}" + (bases.Count == 0 ? "" : " : " + string.Join(", ", bases));
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            foreach (string name in Enum.GetNames(type))
            {
                yield return name;
            }

            yield break;
        }

        foreach (MemberInfo member in type.GetMembers(flags))
        {
            string? line = member switch
            {
                ConstructorInfo c when Visible(c) => $"{Static(c)}.ctor({Parameters(c)})",
                MethodInfo m when Visible(m) && !m.IsSpecialName => $"{Static(m)}{Name(m.ReturnType)} {m.Name}{GenericArguments(m)}({Parameters(m)})",
                PropertyInfo p when (p.GetMethod is { } g && Visible(g)) || (p.SetMethod is { } s && Visible(s)) => $"{Name(p.PropertyType)} {p.Name} {{ {Accessors(p)}}}",
                FieldInfo f when (f.IsPublic || f.IsFamily) && !f.IsSpecialName => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType)} {f.Name}",
                EventInfo e when e.AddMethod is { } a && Visible(a) => $"event {Name(e.EventHandlerType!)} {e.Name}",
                _ => null,
            };
            if (line is not null)
            {
                yield return line;
            }
        }
    }

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Static(MethodBase method) => method.IsStatic ? "static " : "";

    private static string Accessors(PropertyInfo property)
        => (property.GetMethod is { } g && Visible(g) ? "get; " : "")
            + (property.SetMethod is { } s && Visible(s) ? (s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init; " : "set; ") : "");

    private static string GenericArguments(MethodInfo method) => method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") + Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        string name = type.IsGenericParameter ? type.Name : (type.DeclaringType is { } outer && !type.IsGenericParameter ? Name(outer) + "." : "") + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        name = name[..name.IndexOf('`', StringComparison.Ordinal)];
        Type[] arguments = type.GetGenericArguments();
        return name + "<" + string.Join(", ", arguments.Select(Name)) + ">";
    }
}
