using System;
using System.Globalization;
using PleGen.Generator.Diagnostics;
using Xunit;

namespace PleGen.Generator.Tests.Robustness;

/// <summary>
/// The generator's own failure while it writes a model's code is PLE0046, naming the model and the exception, and no
/// file; cancellation is not a failure and goes through.
/// </summary>
public sealed class InternalErrorTests
{
    [Fact]
    public void A_renderer_that_throws_is_one_diagnostic_naming_the_model_and_the_exception()
    {
        (string? text, DiagnosticInfo? error) = InternalErrors.Render("CensusPle", () => throw new InvalidOperationException("Unknown module kind.\n   at somewhere"));

        Assert.Null(text);
        Assert.NotNull(error);
        Microsoft.CodeAnalysis.Diagnostic diagnostic = error!.ToDiagnostic();
        Assert.Equal("PLE0046", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("PleGen failed on 'CensusPle'", message);
        Assert.Contains("not in the declaration (System.InvalidOperationException: Unknown module kind.)", message);
        Assert.DoesNotContain("somewhere", message);
    }

    [Fact]
    public void A_renderer_that_works_gives_its_text_and_cancellation_is_not_a_failure()
    {
        Assert.Equal(("code", (DiagnosticInfo?)null), InternalErrors.Render("CensusPle", () => "code"));
        Assert.Throws<OperationCanceledException>(() => InternalErrors.Render("CensusPle", () => throw new OperationCanceledException()));
    }
}
