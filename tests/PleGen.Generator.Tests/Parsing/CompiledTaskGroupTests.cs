using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PleGen.Generator.Tests.Infrastructure;
using Xunit;

namespace PleGen.Generator.Tests.Parsing;

/// <summary>
/// A task group declared in a referenced assembly (a library of shared task and feature declarations, built with PleGen,
/// which generated the group's data types there) is read from its compiled attributes, named arguments included: the
/// model is the same as with the group in the same project.
/// </summary>
public sealed class CompiledTaskGroupTests
{
    private const string Group = """
        using PleGen;
        namespace Shared;
        [Task("click", TaskKind.Binary, Tower = [48, 16], LossWeight = 0.5, LossWeightDecay = 0.9, Masked = true)]
        [Task("dwell", TaskKind.Regression, Tower = [8])]
        [DenseFeature("user", 12)]
        [CategoricalFeature("item", 100, 6)]
        public sealed partial class FeedTasks { }
        """;

    private const string Model = """
        using PleGen;
        namespace App;
        [PleModel(TaskGroup = typeof(Shared.FeedTasks), Levels = 2)]
        [SharedExperts(Count = 2, Units = [32])]
        [TaskExperts(Count = 1, Units = [32])]
        public partial class FeedPle { }
        """;

    [Fact]
    public void A_task_group_from_a_referenced_assembly_gives_the_same_model_as_a_local_one()
    {
        GeneratorRun local = GeneratorHarness.Run(Group, Model);
        GeneratorRun library = GeneratorHarness.Run(Group);
        using var image = new MemoryStream();
        Assert.True(library.OutputCompilation.Emit(image).Success);
        GeneratorRun referenced = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compile(Model).AddReferences(MetadataReference.CreateFromImage(image.ToArray())));

        Assert.Empty(local.PleDiagnostics);
        Assert.Empty(referenced.PleDiagnostics);
        Assert.Empty(referenced.CompilerProblems);
        string localModel = local.Sources.Single(s => s.HintName.StartsWith("App.FeedPle.", System.StringComparison.Ordinal)).Text;
        string referencedModel = Assert.Single(referenced.Sources).Text;
        Assert.Equal(localModel, referencedModel);

        // The named arguments made it: the 48-16 tower, the Eq. 10 decay and the mask.
        Assert.Contains("_registry.Mlp(\"towers.click\", 32, new int[] { 48, 16, 1 }, lastIsOutput: true)", referencedModel);
        Assert.Contains("0.5 * global::System.Math.Pow(0.9, epoch)", referencedModel);
        Assert.Contains("labels.ClickMask", referencedModel);
        Assert.Contains("global::Shared.FeedTasks.Batch batch", referencedModel);
    }

    [Fact]
    public void A_compiled_task_group_without_generated_data_types_is_reported()
    {
        CSharpCompilation library = GeneratorHarness.Compile(Group.Replace("partial ", ""));
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);
        GeneratorRun referenced = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compile(Model).AddReferences(MetadataReference.CreateFromImage(image.ToArray())));

        Diagnostic diagnostic = Assert.Single(referenced.PleDiagnostics);
        Assert.Equal("PLE0032", diagnostic.Id);
        Assert.Contains("has no generated Dataset, Batch and Labels", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
