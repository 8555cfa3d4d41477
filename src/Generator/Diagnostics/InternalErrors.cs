namespace PleGen.Generator.Diagnostics;

/// <summary>
/// The generator's own bugs as a diagnostic: an exception while reading a declaration or writing its code becomes PLE0046,
/// naming the model and the exception, instead of the compiler's CS8785 warning (which names neither the model nor what
/// to do) followed by errors about members that were never generated.
/// </summary>
internal static class InternalErrors
{
    public static DiagnosticInfo From(string model, Exception exception, LocationInfo? location)
    {
        string message = exception.Message.Split('\n')[0].Trim();
        return DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, model, exception.GetType().FullName ?? exception.GetType().Name, message);
    }

    /// <summary>Adds the file <paramref name="render"/> writes, or reports PLE0046 for <paramref name="model"/> when it throws.</summary>
    public static void AddSource(SourceProductionContext context, string hintName, string model, Func<string> render)
    {
        (string? text, DiagnosticInfo? error) = Render(model, render);
        if (error is not null)
        {
            context.ReportDiagnostic(error.ToDiagnostic());
        }
        else
        {
            context.AddSource(hintName, text!);
        }
    }

    /// <summary>The text <paramref name="render"/> writes, or the PLE0046 it becomes when it throws (cancellation goes through).</summary>
    public static (string? Text, DiagnosticInfo? Error) Render(string model, Func<string> render)
    {
        try
        {
            return (render(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, From(model, e, null));
        }
    }
}
