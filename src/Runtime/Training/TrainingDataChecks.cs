using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PleGen.Runtime.Training;

/// <summary>
/// What Fit checks of its data before the first step, so that a problem which would surface only after an epoch of
/// training (or abort it) is reported at once, all problems in one message: samples at all, one label (and mask value)
/// per sample, 0/1 masks, labels a loss or metric accepts inside each task's sample space, and a monitored task that has
/// samples to train on and, in the validation data, a defined metric. Labels outside a sample space are not looked at
/// (they may be missing); an unmonitored task without validation samples simply has no metric.
/// </summary>
internal static class TrainingDataChecks
{
    private const int MostProblemsShown = 8;

    /// <summary>Checks one data set; <paramref name="validation"/> selects the validation rules (AUC needs hard labels and both classes).</summary>
    /// <returns>The problems found (empty: none).</returns>
    public static List<string> Problems<TDataset>(ITrainingSession<TDataset> session, TDataset data, bool validation, IReadOnlyList<bool> monitored)
    {
        string role = validation ? "validation" : "training";
        var problems = new List<string>();
        int count = session.Count(data);
        if (count < 1)
        {
            problems.Add($"the {role} data has no samples");
            return problems;
        }

        for (int t = 0; t < session.TaskInfos.Count; t++)
        {
            TaskInfo task = session.TaskInfos[t];
            ReadOnlySpan<float> labels = session.Labels(data, t), mask = session.Mask(data, t);
            if (labels.Length != count)
            {
                problems.Add($"task '{task.Name}' has {labels.Length} labels in the {role} data, but it has {count} samples");
                continue;
            }

            if (!mask.IsEmpty && mask.Length != count)
            {
                problems.Add($"the mask of task '{task.Name}' has {mask.Length} values in the {role} data, but it has {count} samples");
                continue;
            }

            int badMask = mask.IndexOfAnyExcept(0f, 1f);
            if (badMask >= 0)
            {
                problems.Add($"the mask of task '{task.Name}' in the {role} data must hold 0 or 1, but sample {badMask} has {Show(mask[badMask])}");
                continue;
            }

            if (BadLabel(task, labels, mask, validation, role) is { } label)
            {
                problems.Add(label);
                continue;
            }

            SampleSpace space = SampleSpace.Of(labels, mask);
            if (monitored[t] && space.Samples == 0)
            {
                problems.Add($"task '{task.Name}' is monitored but has no sample in its sample space in the {role} data (its mask is all 0)");
            }
            else if (monitored[t] && validation && !space.HasMetric(task.IsBinary))
            {
                problems.Add($"task '{task.Name}' is monitored but its validation samples are all of one class ({space.Positives} positives, {space.Negatives} negatives), so its AUC is undefined");
            }
        }

        return problems;
    }

    /// <summary>The problems as the message of the exception Fit throws.</summary>
    public static string Message(IReadOnlyList<string> problems)
    {
        string shown = string.Join("; ", problems.Take(MostProblemsShown));
        string more = problems.Count > MostProblemsShown ? $"; and {problems.Count - MostProblemsShown} more" : "";
        return $"Cannot train: {shown}{more}. Fix the data and call Fit again. Nothing was trained.";
    }

    private static string? BadLabel(TaskInfo task, ReadOnlySpan<float> labels, ReadOnlySpan<float> mask, bool validation, string role)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            float label = labels[i];
            if (!mask.IsEmpty && mask[i] == 0f)
            {
                continue;
            }

            if (!float.IsFinite(label) && !task.IsBinary)
            {
                return $"the label of task '{task.Name}' at sample {i} of the {role} data is {Show(label)}, not a finite number";
            }

            if (task.IsBinary && validation && label != 0f && label != 1f)
            {
                return $"the label of binary task '{task.Name}' at sample {i} of the {role} data is {Show(label)}; AUC needs labels of 0 or 1";
            }

            if (task.IsBinary && !(label >= 0f && label <= 1f))
            {
                return $"the label of binary task '{task.Name}' at sample {i} of the {role} data is {Show(label)}, not in [0, 1]";
            }
        }

        return null;
    }

    private static string Show(float value) => value.ToString(CultureInfo.InvariantCulture);
}
