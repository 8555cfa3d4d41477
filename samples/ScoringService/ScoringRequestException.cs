using System;

namespace PleGen.Samples.ScoringService;

/// <summary>A request the service refuses: the JSON path of the field at fault and what was expected there.</summary>
public sealed class ScoringRequestException : Exception
{
    /// <summary>A refusal of <paramref name="field"/> (e.g. <c>rows[2].city</c>) with HTTP status <paramref name="status"/>.</summary>
    public ScoringRequestException(string field, string message, int status = 400)
        : base(message)
    {
        Field = field;
        Status = status;
    }

    /// <summary>The JSON path of the field at fault (<c>$</c> for the whole body).</summary>
    public string Field { get; }

    /// <summary>The HTTP status: 400, or 413 for a body over the limit, 415 for a body that is not JSON.</summary>
    public int Status { get; }
}
