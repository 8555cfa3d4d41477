namespace PleGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic as pipeline data: descriptor, location, message arguments and related locations (the other places
/// involved in the same problem, shown by the IDE beside the main one), all value-equal.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs, EquatableArray<LocationInfo> RelatedLocations = default)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
        => new(descriptor, location, messageArgs.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        object[] args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation(), RelatedLocations.Select(l => l.ToLocation()), args);
    }
}
