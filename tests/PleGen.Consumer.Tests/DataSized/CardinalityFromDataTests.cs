using System;
using System.IO;
using System.Linq;
using PleGen.Runtime.Checkpoints;
using PleGen.Runtime.Data;
using PleGen.Runtime.Gradients;
using PleGen.Runtime.Optim;
using PleGen.Runtime.Tensors;
using PleGen.Runtime.Training;
using Xunit;

namespace PleGen.Consumer.Tests.DataSized;

/// <summary>
/// Categorical features declared without a cardinality: sized by the training vocabularies when the model is built,
/// counted and summarised with those sizes, trained, and checked against checkpoints when they are loaded.
/// </summary>
public sealed class CardinalityFromDataTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "plegen-cardinality-" + Guid.NewGuid().ToString("N"));

    public CardinalityFromDataTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_cardinalities_are_the_training_vocabularies_plus_the_out_of_vocabulary_id()
    {
        PeopleData data = PeopleData.Make(occupations: 5);

        var cardinalities = PeopleTasks.FeatureCardinalities.FromVocabularies(data.Preprocessing);

        Assert.Equal(5 + 1, cardinalities.Occupation);
        Assert.Equal(3 + 1, cardinalities.Country);
        Assert.Equal(cardinalities.Occupation, PeopleTasks.FeatureCardinalities.FromVocabularies(data.Train).Occupation);
        Assert.Equal("occupation 6, country 4", cardinalities.ToString());
    }

    [Fact]
    public void Parameter_counts_modules_and_the_summary_follow_the_cardinalities()
    {
        foreach (int occupations in new[] { 4, 7 })
        {
            var cardinalities = PeopleTasks.FeatureCardinalities.FromVocabularies(PeopleData.Make(occupations: occupations).Preprocessing);
            var model = new PeoplePle(cardinalities, seed: 1);

            long actual = model.Parameters.Sum(p => (long)p.Tensor.Length);
            Assert.Equal(actual, PeoplePle.Architecture.TotalParameters(cardinalities));
            Assert.Equal(actual, PeoplePle.Architecture.Modules(cardinalities).Sum(m => m.Parameters));
            Assert.Equal([occupations + 1, 4], model.Parameters.Single(p => p.Name == "embeddings.occupation.weight").Tensor.Shape);

            ArchitectureModule occupation = PeoplePle.Architecture.Modules(cardinalities).Single(m => m.Name == "embeddings.occupation");
            Assert.Equal(occupations + 1, occupation.InputWidth);
            string summary = PeoplePle.Architecture.Summary(cardinalities);
            Assert.Contains($"{occupations + 1} -> 4", summary);
            Assert.EndsWith($"Total parameters: {actual:N0}\n", summary);
        }
    }

    [Fact]
    public void A_model_sized_by_its_data_trains_and_comes_back_from_its_checkpoint()
    {
        PeopleData data = PeopleData.Make();
        var cardinalities = PeopleTasks.FeatureCardinalities.FromVocabularies(data.Preprocessing);
        var model = new PeoplePle(cardinalities, seed: 2);
        var trainer = new Trainer<PeopleTasks.Dataset>(model, new Adam(model.Parameters, 1e-2), new TrainerOptions { Epochs = 3, BatchSize = 64, ShuffleSeed = 1 });

        TrainingHistory history = trainer.Fit(PeopleTasks.Dataset.FromColumns(data.Train), PeopleTasks.Dataset.FromColumns(data.Validation));
        Assert.Equal(3, history.Epochs.Count);

        string checkpoint = Path.Combine(_directory, "people.safetensors");
        model.Save(checkpoint);
        data.Preprocessing.Save(Preprocessing.PathBeside(checkpoint));

        // Inference from the files alone: the checkpoint sizes the model, the preprocessing beside it encodes the rows.
        PeoplePle restored = PeoplePle.FromCheckpoint(checkpoint);
        restored.Training = false;
        model.Training = false;
        Preprocessing preprocessing = Preprocessing.Load(Preprocessing.PathBeside(checkpoint));
        Assert.Equal(cardinalities.Occupation, restored.Cardinalities.Occupation);
        Assert.Equal(cardinalities.Country, PeopleTasks.FeatureCardinalities.FromVocabularies(preprocessing).Country);
        PeopleTasks.Batch batch = PeopleTasks.Batch.FromColumns(preprocessing.Apply(data.Table, data.Split.Test));
        using (Autograd.NoGrad())
        {
            Assert.Equal(model.Forward(batch).IncomeProbability.ToArray(), restored.Forward(batch).IncomeProbability.ToArray());
            Assert.Equal(model.Forward(batch).Hours.ToArray(), restored.Forward(batch).Hours.ToArray());
        }
    }

    [Fact]
    public void A_checkpoint_of_other_cardinalities_is_refused_naming_the_feature_and_both_sizes()
    {
        var trained = new PeoplePle(new PeopleTasks.FeatureCardinalities(occupation: 8, country: 4), seed: 3);
        string checkpoint = Path.Combine(_directory, "eight.safetensors");
        trained.Save(checkpoint);
        var other = new PeoplePle(new PeopleTasks.FeatureCardinalities(occupation: 9, country: 4), seed: 3);
        float[] before = other.Parameters[0].Tensor.ToArray();

        var error = Assert.Throws<CheckpointException>(() => other.Load(checkpoint));

        Assert.Contains("cardinality 8 for categorical feature 'occupation'", error.Message);
        Assert.Contains("built with cardinality 9", error.Message);
        Assert.Contains("PeoplePle.FromCheckpoint(path)", error.Message);
        Assert.Equal(before, other.Parameters[0].Tensor.ToArray());
    }

    [Fact]
    public void A_single_task_model_has_a_table_per_task_of_the_features_cardinality()
    {
        var cardinalities = new PeopleTasks.FeatureCardinalities(occupation: 6, country: 3);
        var model = new PeopleSingleTask(cardinalities, seed: 4);
        Assert.Equal([6, 4], model.Parameters.Single(p => p.Name == "embeddings.income.occupation.weight").Tensor.Shape);
        Assert.Equal([6, 4], model.Parameters.Single(p => p.Name == "embeddings.hours.occupation.weight").Tensor.Shape);
        Assert.Equal(model.Parameters.Sum(p => (long)p.Tensor.Length), PeopleSingleTask.Architecture.TotalParameters(cardinalities));

        string checkpoint = Path.Combine(_directory, "single.safetensors");
        model.Save(checkpoint);
        PeopleSingleTask restored = PeopleSingleTask.FromCheckpoint(checkpoint);
        Assert.Equal(6, restored.Cardinalities.Occupation);
        Assert.Equal(3, restored.Cardinalities.Country);
        Assert.Equal(model.Parameters.Select(p => p.Tensor.ToArray()), restored.Parameters.Select(p => p.Tensor.ToArray()));
    }

    [Fact]
    public void Ids_beyond_the_built_cardinality_and_negative_ids_are_refused_naming_the_feature()
    {
        var model = new PeoplePle(new PeopleTasks.FeatureCardinalities(occupation: 5, country: 3));
        var batch = new PeopleTasks.Batch([0.5f], [1], [5], [2]);

        var beyond = Assert.Throws<ArgumentOutOfRangeException>(() => model.Forward(batch));
        Assert.Contains("'occupation'", beyond.Message);
        Assert.Contains("outside [0, 5)", beyond.Message);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new PeopleTasks.Batch([0.5f], [1], [-1], [2]));
        Assert.Contains("'occupation' has id -1 at sample 0", negative.Message);
    }

    [Fact]
    public void Cardinalities_below_one_or_beyond_an_array_are_refused()
    {
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new PeopleTasks.FeatureCardinalities(occupation: 0, country: 3));
        Assert.Contains("'occupation' must be at least 1, but it is 0", zero.Message);

        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => new PeopleTasks.FeatureCardinalities(occupation: 5, country: int.MaxValue));
        Assert.Contains("'country'", huge.Message);
        Assert.Contains("more than one .NET array holds", huge.Message);
    }

    [Fact]
    public void A_feature_without_a_vocabulary_says_how_to_get_one()
    {
        PeopleData data = PeopleData.Make(options: new PreprocessingOptions { Categorical = ["education", "country"] });

        var error = Assert.Throws<DataBindingException>(() => PeopleTasks.FeatureCardinalities.FromVocabularies(data.Preprocessing));

        Assert.Contains("'occupation'", error.Message);
        Assert.Contains("PreprocessingOptions.Categorical", error.Message);
        Assert.Contains("'education', 'country'", error.Message);
    }

    [Fact]
    public void A_checkpoint_without_the_table_cannot_size_the_model()
    {
        string checkpoint = Path.Combine(_directory, "other.safetensors");
        SafeTensors.Save(checkpoint, [new NamedTensor("x", new Tensor([1], [1f]))]);

        var error = Assert.Throws<CheckpointException>(() => PeoplePle.FromCheckpoint(checkpoint));

        Assert.Contains("'embeddings.occupation.weight'", error.Message);
        Assert.Contains("is this a checkpoint of PeoplePle?", error.Message);
    }
}
