using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace PleGen.TorchSharp.Tests.StandInTests;

/// <summary>
/// The stand-in is declarations only: every body (methods, constructors, operators, accessors, of every
/// visibility) throws NotSupportedException("stand-in"), so nothing can come to depend on stand-in behaviour.
/// </summary>
public sealed class StandInBodyTests
{
    [Fact]
    public void Every_body_throws_NotSupportedException_stand_in()
    {
        MethodBase[] bodies = StandInApi.Types
            .SelectMany(type => type.GetMethods(StandInApi.Declared).Cast<MethodBase>()
                .Concat(type.GetConstructors(StandInApi.Declared).Where(constructor => !constructor.IsStatic)))
            .Where(body => !body.IsAbstract)
            .ToArray();

        string[] problems = bodies
            .Select(body => (body, thrown: NonVirtualInvoker.Run(body)))
            .Where(run => run.thrown is not NotSupportedException { Message: "stand-in" })
            .Select(run => $"{run.body.DeclaringType!.FullName}.{run.body}: "
                + (run.thrown is null ? "returned" : $"threw {run.thrown.GetType().Name}: {run.thrown.Message}"))
            .ToArray();

        Assert.True(bodies.Length > 200, $"Expected the whole stand-in, found only {bodies.Length} bodies.");
        Assert.True(problems.Length == 0, "Stand-in bodies that do not throw NotSupportedException(\"stand-in\"):\n" + string.Join("\n", problems));
    }
}
