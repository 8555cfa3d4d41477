using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PleGen.Runtime.Data;
using PleGen.Samples.Census;

namespace PleGen.Samples.CensusSample;

/// <summary>
/// Builds a generated model's Dataset from a census split through the data layer's <see cref="IColumnSource"/>, as the
/// generated <c>Dataset.FromColumns</c> will: each constructor parameter is matched to the feature or task it stands for in
/// the model's declaration (and its task group's), and gets that feature's or task's array by declared name, width and
/// cardinality ("numeric" the standardized matrix, a categorical column its ids, a task its labels, a mask null when the
/// task has no mask column). To be replaced by the generated FromColumns.
/// </summary>
public static class CensusDatasetBinder
{
    /// <summary>The Dataset of <typeparamref name="TDataset"/> over <paramref name="split"/>.</summary>
    public static TDataset Bind<TDataset>(CensusSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        Type model = typeof(TDataset).DeclaringType ?? throw new InvalidOperationException($"{typeof(TDataset).FullName} is not a generated model's nested Dataset.");
        Declaration declaration = Declaration.Of(model);
        ConstructorInfo constructor = typeof(TDataset).GetConstructors().Single();
        object?[] arguments = constructor.GetParameters().Select(p => declaration.Argument(split.Columns, p, typeof(TDataset))).ToArray();
        try
        {
            return (TDataset)constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The generated constructor's own checks (lengths, id ranges) name the feature; surface them unwrapped.
            throw e.InnerException;
        }
    }

    // Generated parameter names are camelCase ("classWorker" for class_worker); compare without case and underscores.
    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The features and tasks a model declares (on itself and on its task group), by normalized name.</summary>
    private sealed class Declaration
    {
        private readonly Dictionary<string, Func<IColumnSource, object?>> _bindings = new();

        public static Declaration Of(Type model)
        {
            var declaration = new Declaration();
            var types = new List<Type> { model };
            if (model.GetCustomAttributes().OfType<ModelAttribute>().FirstOrDefault() is { TaskGroup: { } group })
            {
                types.Add(group);
            }

            foreach (Type type in types)
            {
                foreach (DenseFeatureAttribute dense in type.GetCustomAttributes<DenseFeatureAttribute>())
                {
                    declaration._bindings[Normalize(dense.Name)] = source => source.Dense(dense.Name, dense.Width);
                }

                foreach (CategoricalFeatureAttribute categorical in type.GetCustomAttributes<CategoricalFeatureAttribute>())
                {
                    declaration._bindings[Normalize(categorical.Name)] = source => source.Categorical(categorical.Name, categorical.Cardinality);
                }

                foreach (TaskAttribute task in type.GetCustomAttributes<TaskAttribute>())
                {
                    declaration._bindings[Normalize(task.Name)] = source => source.Labels(task.Name, task.Kind);
                    declaration._bindings[Normalize(task.Name) + "mask"] = source => source.Mask(task.Name);
                }
            }

            return declaration;
        }

        public object? Argument(IColumnSource source, ParameterInfo parameter, Type dataset) =>
            _bindings.TryGetValue(Normalize(parameter.Name!), out Func<IColumnSource, object?>? bind)
                ? bind(source)
                : throw new InvalidOperationException($"{dataset.FullName} takes '{parameter.Name}', which is no feature or task its model declares; declare features named after the census columns.");
    }
}
