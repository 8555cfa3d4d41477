using System;

namespace PleGen.Runtime.Experiments;

/// <summary>A training run that did not finish: which one, what went wrong and after how long.</summary>
/// <param name="Model">The candidate's name.</param>
/// <param name="Seed">The seed it was trained with.</param>
/// <param name="Label">What the run was about besides model and seed (e.g. "p = 0.5"), or empty.</param>
/// <param name="Error">The exception's message (for a diverged model, the task and sample whose loss was not finite).</param>
/// <param name="ErrorType">The exception's type name, e.g. NonFiniteLossException.</param>
/// <param name="Duration">Wall-clock time until it failed.</param>
public sealed record FailedRun(string Model, ulong Seed, string Label, string Error, string ErrorType, TimeSpan Duration);
