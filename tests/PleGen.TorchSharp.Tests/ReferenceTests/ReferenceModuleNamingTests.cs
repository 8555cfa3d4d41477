using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PleGen.TorchSharp.Tests.Naming;
using PleGen.TorchSharp.Tests.Reference;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace PleGen.TorchSharp.Tests.ReferenceTests;

/// <summary>
/// The reference module's parameter names, derived from its types the way TorchSharp derives them: RegisterComponents
/// registers each instance field holding a Module, Parameter or Tensor under the field's name; ModuleList names its
/// items 0, 1, ...; ModuleDict by their keys; Linear has weight and bias, Embedding weight. They must be the
/// state_dict names of docs/dsl.md, so checkpoints move between the TorchSharp and managed backends.
/// </summary>
public sealed class ReferenceModuleNamingTests
{
    [Fact]
    public void Parameter_names_follow_the_documented_state_dict_layout()
    {
        string[] expected =
        [
            "embeddings.{key}.weight",
            "levels.{index}.shared.{index}.layers.{index}.weight",
            "levels.{index}.shared.{index}.layers.{index}.bias",
            "levels.{index}.tasks.{key}.{index}.layers.{index}.weight",
            "levels.{index}.tasks.{key}.{index}.layers.{index}.bias",
            "gates.{key}.{index}.weight",
            "gates.{key}.{index}.bias",
            "shared_gates.{index}.weight",
            "shared_gates.{index}.bias",
            "towers.{key}.{index}.weight",
            "towers.{key}.{index}.bias",
        ];

        Assert.Equal(expected, TorchSharpNaming.ParameterNamePatterns(typeof(ReferencePleModule)));
    }

    [Fact]
    public void The_naming_derivation_sees_unregistered_helper_fields_as_unregistered()
    {
        // ExtractionLevel keeps its experts a second time in plain lists; they must not become components.
        string[] levelComponents = TorchSharpNaming.Components(typeof(ExtractionLevel)).Select(field => field.Name).ToArray();

        Assert.Equal(["shared", "tasks"], levelComponents);
        Assert.Contains(typeof(ExtractionLevel).GetFields(BindingFlags.Instance | BindingFlags.NonPublic),
            field => field.FieldType == typeof(List<Expert>));
    }
}
