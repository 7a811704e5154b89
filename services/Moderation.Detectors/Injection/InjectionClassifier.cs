using System.Collections.Concurrent;
using System.Reflection;
using Chatbot.Moderation.Detectors.Normalization;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// A small ML.NET text classifier (word 1-2-grams and character 3-grams, SDCA logistic regression) trained once from the
/// committed labelled set <c>Training/injection-training.tsv</c>. Prediction engines are not thread-safe: they are
/// pooled, and one is created (and used once) up front so the first real check does not pay for it.
/// </summary>
public sealed class InjectionClassifier : IDisposable
{
    private readonly ConcurrentBag<PredictionEngine<InjectionSample, InjectionPrediction>> engines = [];
    private readonly Func<PredictionEngine<InjectionSample, InjectionPrediction>> newEngine;

    public InjectionClassifier() : this(LoadEmbeddedTrainingSet())
    {
    }

    /// <summary>Trains on <paramref name="training"/> (not an IEnumerable: DI would inject an empty one).</summary>
    public InjectionClassifier(IReadOnlyList<InjectionSample> training)
    {
        var ml = new MLContext(seed: 7);
        // Trained on the same folded view the detector scores, so normalisation tricks look alike in both.
        var samples = training
            .Select(s => new InjectionSample { Label = s.Label, Text = TextNormalizer.Normalize(s.Text).Folded }).ToList();
        if (samples.Count == 0 || samples.All(s => s.Label) || !samples.Exists(s => s.Label))
        {
            throw new InvalidOperationException($"The injection training set needs both labels; it has {samples.Count} rows.");
        }
        var data = ml.Data.LoadFromEnumerable(samples);
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(InjectionSample.Text))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(
                labelColumnName: nameof(InjectionSample.Label), featureColumnName: "Features"));
        var model = pipeline.Fit(data);
        newEngine = () => ml.Model.CreatePredictionEngine<InjectionSample, InjectionPrediction>(model);
        _ = Score("warm up");
    }

    /// <summary>Probability (0..1) that the folded text is an injection attempt.</summary>
    public double Score(string folded)
    {
        var engine = engines.TryTake(out var pooled) ? pooled : newEngine();
        try
        {
            return engine.Predict(new InjectionSample { Text = folded }).Probability;
        }
        finally
        {
            engines.Add(engine);
        }
    }

    public static IReadOnlyList<InjectionSample> LoadEmbeddedTrainingSet()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("injection-training.tsv")
            ?? throw new InvalidOperationException("The embedded training set injection-training.tsv is missing.");
        using var reader = new StreamReader(stream);
        return [.. LabelledTsv.Read(reader).Select(row => new InjectionSample { Label = row.Label == "1", Text = row.Text })];
    }

    public void Dispose()
    {
        while (engines.TryTake(out var engine)) engine.Dispose();
    }
}
