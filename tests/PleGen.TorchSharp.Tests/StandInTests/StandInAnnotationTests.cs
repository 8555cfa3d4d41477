using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using PleGen.TorchSharp.StandIn;
using TorchSharp;
using Xunit;

namespace PleGen.TorchSharp.Tests.StandInTests;

/// <summary>
/// Every declaration of the stand-in records where its signature comes from, so nothing can be added to it
/// without naming its source in dotnet/TorchSharp and the version it was read at.
/// </summary>
public sealed class StandInAnnotationTests
{
    private static readonly Regex SourcePath = new(@"^src/TorchSharp/([A-Za-z0-9_.]+/)*[A-Za-z0-9_.]+\.cs$");

    [Fact]
    public void Every_type_and_member_names_its_TorchSharp_source_file_and_version()
    {
        string[] problems = StandInApi.TypesAndMembers()
            .Select(member => (member, source: member.GetCustomAttribute<TorchSharpSourceAttribute>()))
            .Where(entry => entry.source is null
                || !SourcePath.IsMatch(entry.source.Path)
                || entry.source.Version != StandInApi.VerifiedVersion)
            .Select(entry => entry.source is null
                ? $"{Describe(entry.member)}: no [TorchSharpSource]"
                : $"{Describe(entry.member)}: [TorchSharpSource(\"{entry.source.Path}\", \"{entry.source.Version}\")] "
                    + $"needs a path like src/TorchSharp/NN/Linear.cs and version {StandInApi.VerifiedVersion}")
            .ToArray();

        Assert.True(problems.Length == 0, "Stand-in declarations without a valid source:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_stand_in_declares_the_namespaces_and_core_types_of_TorchSharp()
    {
        Assert.Equal("TorchSharp", StandInApi.Assembly.GetName().Name);
        Assert.Equal(
            new[] { "TorchSharp", "TorchSharp.Modules", "TorchSharp.Utils" },
            StandInApi.Types.Select(type => type.Namespace).Distinct().OrderBy(name => name));
        Assert.True(typeof(torch).IsAbstract && typeof(torch).IsSealed, "torch must be a static class");
        Assert.True(typeof(torch.nn.functional).IsAbstract && typeof(torch.nn.functional).IsSealed, "torch.nn.functional must be a static class nested in torch.nn");
        Assert.Equal(typeof(torch.nn), typeof(torch.nn.functional).DeclaringType);
    }

    [Fact]
    public void The_annotation_check_sees_members_of_every_kind()
    {
        MemberTypes kinds = StandInApi.TypesAndMembers().Aggregate((MemberTypes)0, (all, member) => all | member.MemberType);

        Assert.Equal(
            MemberTypes.TypeInfo | MemberTypes.NestedType | MemberTypes.Constructor | MemberTypes.Method | MemberTypes.Property | MemberTypes.Field,
            kinds);
    }

    private static string Describe(MemberInfo member) =>
        member is System.Type type ? type.FullName! : $"{member.DeclaringType!.FullName}.{member.Name}";
}
