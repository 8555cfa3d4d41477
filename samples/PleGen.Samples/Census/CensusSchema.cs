using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using PleGen.Runtime.Data;

namespace PleGen.Samples.Census;

/// <summary>
/// What the prepared census data offers a model: the categorical columns with their training vocabularies
/// (cardinality = known values + 1 for the out-of-vocabulary id 0), the numeric columns with their training
/// statistics (available one float per column, or all together as the dense feature <see cref="DenseFeatureName"/>
/// of width <see cref="DenseWidth"/>), and the two tasks. A sample checks its [CategoricalFeature] and
/// [DenseFeature] declarations against it with <see cref="CheckDeclaration(Type)"/>.
/// </summary>
public sealed class CensusSchema
{
    /// <summary>The name under which all numeric columns form one dense feature of width <see cref="DenseWidth"/>.</summary>
    public const string DenseFeatureName = "numeric";

    internal CensusSchema(Preprocessing preprocessing)
    {
        Preprocessing = preprocessing;
        Categorical = CensusColumns.Categorical.Select(c => preprocessing.VocabularyOf(c)!).ToArray();
        Numeric = CensusColumns.Numeric.Select(c => preprocessing.StandardizationOf(c)!).ToArray();
    }

    /// <summary>The fitted preprocessing (save it beside a checkpoint with <see cref="Preprocessing.Save"/>).</summary>
    public Preprocessing Preprocessing { get; }

    /// <summary>Categorical columns in <see cref="CensusColumns.Categorical"/> order, each with its vocabulary.</summary>
    public IReadOnlyList<CategoricalVocabulary> Categorical { get; }

    /// <summary>Numeric columns in <see cref="CensusColumns.Numeric"/> order, each with its training mean and std.</summary>
    public IReadOnlyList<Standardization> Numeric { get; }

    /// <summary>Columns of the dense matrix: one per numeric column.</summary>
    public int DenseWidth => Numeric.Count;

    /// <summary>The tasks the data has labels for.</summary>
    public IReadOnlyList<string> Tasks { get; } = [CensusLabels.IncomeTask, CensusLabels.NeverMarriedTask];

    /// <summary>The vocabulary of a categorical column.</summary>
    public CategoricalVocabulary Vocabulary(string column) =>
        Categorical.FirstOrDefault(v => v.Column == column)
        ?? throw new ArgumentException($"'{column}' is not a categorical census column; categorical columns are {string.Join(", ", CensusColumns.Categorical)}.", nameof(column));

    /// <summary>Throws when an embedding of <paramref name="declaredCardinality"/> rows cannot hold every id of <paramref name="column"/>.</summary>
    public void CheckCategorical(string column, int declaredCardinality)
    {
        if (CategoricalProblem(column, declaredCardinality) is { } problem)
        {
            throw new SchemaMismatchException($"Categorical feature '{column}'", [problem]);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="name"/> with <paramref name="declaredWidth"/> is a dense feature the data
    /// provides: <see cref="DenseFeatureName"/> of width <see cref="DenseWidth"/>, or a numeric column of width 1.
    /// </summary>
    public void CheckDense(string name, int declaredWidth)
    {
        if (DenseProblem(name, declaredWidth) is { } problem)
        {
            throw new SchemaMismatchException($"Dense feature '{name}'", [problem]);
        }
    }

    /// <summary>
    /// Checks every [Task], [DenseFeature] and [CategoricalFeature] of a model class (and of the type its
    /// architecture attribute names as TaskGroup) against the data, and throws one exception listing all mismatches.
    /// </summary>
    public void CheckDeclaration(Type modelType)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        var declaringTypes = new List<Type>();
        if (modelType.GetCustomAttribute<ModelAttribute>() is { TaskGroup: { } group })
        {
            declaringTypes.Add(group);
        }

        declaringTypes.Add(modelType);
        var problems = new List<string>();
        int features = 0;
        foreach (Type type in declaringTypes)
        {
            foreach (CategoricalFeatureAttribute feature in type.GetCustomAttributes<CategoricalFeatureAttribute>())
            {
                features++;
                if (CategoricalProblem(feature.Name, feature.Cardinality) is { } problem)
                {
                    problems.Add(problem);
                }
            }

            foreach (DenseFeatureAttribute feature in type.GetCustomAttributes<DenseFeatureAttribute>())
            {
                features++;
                if (DenseProblem(feature.Name, feature.Width) is { } problem)
                {
                    problems.Add(problem);
                }
            }

            foreach (TaskAttribute task in type.GetCustomAttributes<TaskAttribute>())
            {
                if (!Tasks.Contains(task.Name))
                {
                    problems.Add($"task '{task.Name}' has no labels in the census data; its tasks are {string.Join(" and ", Tasks)}.");
                }
            }
        }

        if (features == 0)
        {
            problems.Add($"{modelType.Name} declares no [DenseFeature] or [CategoricalFeature] (looked at {string.Join(" and ", declaringTypes.Select(t => t.Name))}).");
        }

        if (problems.Count > 0)
        {
            throw new SchemaMismatchException($"The declaration of {modelType.Name}", problems);
        }
    }

    /// <summary>A table of the columns: name, kind, cardinality or training mean/std.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (CategoricalVocabulary v in Categorical)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{v.Column,-18} categorical  cardinality {v.Cardinality}\n");
        }

        foreach (Standardization n in Numeric)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{n.Column,-18} numeric      mean {n.Mean:G6}  std {n.Std:G6}\n");
        }

        return sb.ToString();
    }

    private string? CategoricalProblem(string column, int declaredCardinality)
    {
        CategoricalVocabulary? vocabulary = Categorical.FirstOrDefault(v => v.Column == column);
        if (vocabulary is null)
        {
            return $"categorical feature '{column}' is not a categorical census column; use one of {string.Join(", ", CensusColumns.Categorical)}.";
        }

        if (declaredCardinality < vocabulary.Cardinality)
        {
            return $"categorical feature '{column}' declares cardinality {declaredCardinality}, but the training split has {vocabulary.Values.Count} values plus id 0 for unseen ones: declare at least {vocabulary.Cardinality}.";
        }

        return null;
    }

    private string? DenseProblem(string name, int declaredWidth)
    {
        if (name == DenseFeatureName)
        {
            return declaredWidth == DenseWidth
                ? null
                : $"dense feature '{name}' declares width {declaredWidth}, but the numeric matrix has {DenseWidth} columns ({string.Join(", ", CensusColumns.Numeric)}): declare width {DenseWidth}.";
        }

        if (Numeric.Any(n => n.Column == name))
        {
            return declaredWidth == 1 ? null : $"dense feature '{name}' declares width {declaredWidth}, but a single numeric column has width 1.";
        }

        return $"dense feature '{name}' is neither '{DenseFeatureName}' (all numeric columns, width {DenseWidth}) nor a numeric census column ({string.Join(", ", CensusColumns.Numeric)}).";
    }
}
