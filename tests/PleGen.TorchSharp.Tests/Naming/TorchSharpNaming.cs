using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using TorchSharp;
using TorchSharp.Modules;

namespace PleGen.TorchSharp.Tests.Naming;

/// <summary>
/// A module type's parameter names as TorchSharp derives them, without running TorchSharp: RegisterComponents
/// registers each instance field holding a Module, Parameter or Tensor under the field's name; ModuleList names its
/// items 0, 1, ... ("{index}"); ModuleDict by their keys ("{key}"); Linear has weight and bias, Embedding weight.
/// </summary>
internal static class TorchSharpNaming
{
    /// <summary>The name patterns of <paramref name="module"/>'s parameters, e.g. "levels.{index}.shared.{index}.layers.{index}.weight".</summary>
    public static IReadOnlyList<string> ParameterNamePatterns(Type module)
    {
        if (module == typeof(Linear))
        {
            return ["weight", "bias"];
        }

        if (module == typeof(Embedding))
        {
            return ["weight"];
        }

        if (module.IsGenericType && module.GetGenericTypeDefinition() == typeof(ModuleList<>))
        {
            return ParameterNamePatterns(module.GetGenericArguments()[0]).Select(name => "{index}." + name).ToArray();
        }

        if (module.IsGenericType && module.GetGenericTypeDefinition() == typeof(ModuleDict<>))
        {
            return ParameterNamePatterns(module.GetGenericArguments()[0]).Select(name => "{key}." + name).ToArray();
        }

        return Components(module)
            .SelectMany(field => typeof(torch.nn.Module).IsAssignableFrom(field.FieldType)
                ? ParameterNamePatterns(field.FieldType).Select(name => field.Name + "." + name)
                : [field.Name])
            .ToArray();
    }

    /// <summary>Whether <paramref name="name"/> is an instance of <paramref name="pattern"/> (an index is digits, a key an identifier).</summary>
    public static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\{index}", "[0-9]+", StringComparison.Ordinal).Replace(@"\{key}", "[A-Za-z_][A-Za-z0-9_]*", StringComparison.Ordinal) + "$");

    /// <summary>The fields TorchSharp's RegisterComponents would register, in declaration order.</summary>
    public static IEnumerable<FieldInfo> Components(Type module) =>
        module.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(field => typeof(torch.nn.Module).IsAssignableFrom(field.FieldType) || typeof(torch.Tensor).IsAssignableFrom(field.FieldType))
            .OrderBy(field => field.MetadataToken);
}
