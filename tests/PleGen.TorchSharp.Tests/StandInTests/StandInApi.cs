using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using TorchSharp;

namespace PleGen.TorchSharp.Tests.StandInTests;

/// <summary>
/// The declarations of the TorchSharp stand-in: its types in namespace TorchSharp and below, and the members each
/// declares. Property and indexer accessors are represented by their property, enum values by their enum, and the
/// compiler's static constructors are not declarations.
/// </summary>
internal static class StandInApi
{
    public const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>The TorchSharp version every signature was read from (also stated in docs/torchsharp-standin.md).</summary>
    public const string VerifiedVersion = "0.105.0";

    public static Assembly Assembly { get; } = typeof(torch).Assembly;

    public static IReadOnlyList<Type> Types { get; } = Assembly.GetTypes()
        .Where(type => type.Namespace is not null
            && (type.Namespace == "TorchSharp" || type.Namespace.StartsWith("TorchSharp.", StringComparison.Ordinal))
            && !type.IsDefined(typeof(CompilerGeneratedAttribute)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static IEnumerable<MemberInfo> MembersOf(Type type)
    {
        if (type.IsEnum)
        {
            yield break;
        }

        var accessors = new HashSet<MethodInfo>(type.GetProperties(Declared).SelectMany(property => property.GetAccessors(nonPublic: true)));
        foreach (MemberInfo member in type.GetMembers(Declared))
        {
            bool declaration = member switch
            {
                Type => false,
                ConstructorInfo constructor => !constructor.IsStatic,
                MethodInfo method => !accessors.Contains(method),
                _ => true,
            };
            if (declaration && !member.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                yield return member;
            }
        }
    }

    /// <summary>Every stand-in type followed by the members it declares.</summary>
    public static IEnumerable<MemberInfo> TypesAndMembers() => Types.SelectMany(type => MembersOf(type).Prepend(type));
}
