using System;
using System.Collections.Generic;
using System.Linq;

namespace PleGen.Samples.Experiments;

/// <summary>
/// The models of the PLE paper's comparison (Table 1, Figure 3) plus the MMoE paper's OMoE, under the names both samples'
/// <c>--models</c> use, in the paper's order. A sample trains the ones it declares (its candidate table, in this order);
/// a name here that a sample does not declare is refused with a message saying so, not as a typo.
/// </summary>
public static class PaperModels
{
    /// <summary>The reference of the parameter budget (<see cref="ParameterBudget"/>): the model the paper proposes.</summary>
    public const string Reference = "PLE";

    /// <summary>The eleven names, in the paper's order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "SingleTask", "SharedBottom", "AsymmetricSharing", "CustomizedSharing", "CrossStitch", "Sluice",
        "OMoE", "MMoE", "MultiLevelMmoe", "CGC", "PLE",
    ];

    /// <summary>Whether <paramref name="name"/> is one of <see cref="Names"/> (any letter case).</summary>
    public static bool Contains(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);
}
