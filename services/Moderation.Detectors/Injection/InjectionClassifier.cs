using System.Collections.Concurrent;
using System.Reflection;
using Chatbot.Moderation.Detectors.Normalization;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// A small ML.NET text classifier (word 1-2-grams and character 3-grams, SDCA logistic regression) trained once from the
/// committed labelled sources <c>Training/*.tsv</c> (author A of each genre; author B is held out for evaluation). Prediction engines are not thread-safe: they are
/// pooled, and one is created (and used once) up front so the first real check does not pay for it.
/// </summary>
public sealed class InjectionClassifier : IDisposable
{
    private readonly ConcurrentBag<PredictionEngine<InjectionSample, InjectionPrediction>> engines = [];
    private static readonly string[] StopWords =
    [
        "you", "your", "yours", "yourself", "you're", "youre", "u", "i", "me", "my", "mine", "we", "us", "our", "he", "she", "it",
        "its", "they", "them", "their", "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "being", "and", "of",
    ];

    /// <summary>A text is judged on at most this many windows (the rules still see all of it).</summary>
    public const int MaxWindows = 32;

    private readonly Func<PredictionEngine<InjectionSample, InjectionPrediction>> newEngine;

    public InjectionClassifier() : this(LoadEmbeddedTrainingSet())
    {
    }

    /// <summary>Trains on <paramref name="training"/> (not an IEnumerable: DI would inject an empty one).</summary>
    public InjectionClassifier(IReadOnlyList<InjectionSample> training)
    {
        var ml = new MLContext(seed: 7);
        var samples = Windows(training);
        if (samples.Count == 0 || samples.All(s => s.Label) || !samples.Exists(s => s.Label))
        {
            throw new InvalidOperationException($"The injection training set needs both labels; it has {samples.Count} windows.");
        }
        var data = ml.Data.LoadFromEnumerable(samples);
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            // No length normalisation (windows are short anyway): a window of words the model never saw scores near
            // the prior instead of being judged by the one or two words it knows. Pronouns, articles and forms of
            // "to be" are not features: second-person task phrasing ("You need to write...") must not decide.
            Norm = TextFeaturizingEstimator.NormFunction.None,
            StopWordsRemoverOptions = new CustomStopWordsRemovingEstimator.Options { StopWords = StopWords },
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(InjectionSample.Text))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(
                labelColumnName: nameof(InjectionSample.Label), featureColumnName: "Features",
                exampleWeightColumnName: nameof(InjectionSample.Weight)));
        var model = pipeline.Fit(data);
        newEngine = () => ml.Model.CreatePredictionEngine<InjectionSample, InjectionPrediction>(model);
        _ = Score("warm up");
    }

    /// <summary>
    /// Probability (0..1) that the folded text is an injection attempt: the highest over its windows of whole sentences
    /// (<see cref="Segments"/>), at most <see cref="MaxWindows"/> of them (the head and the tail of a longer text).
    /// </summary>
    public double Score(string folded)
    {
        var windows = Segments.Split(folded).ToList();
        if (windows.Count > MaxWindows) windows = [.. windows[..(MaxWindows * 3 / 4)], .. windows[^(MaxWindows / 4)..]];
        var engine = engines.TryTake(out var pooled) ? pooled : newEngine();
        try
        {
            var best = 0.0;
            foreach (var window in windows)
            {
                best = Math.Max(best, engine.Predict(new InjectionSample { Text = window }).Probability);
            }
            return best;
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>
    /// The training windows: every window of a benign text is benign; a window of an attack counts as an attack only when
    /// it holds a sentence that no benign text has (an e-mail around a hidden instruction is not what makes it an attack).
    /// Benign windows are weighted so that, in total, they weigh twice the attack windows.
    /// </summary>
    private static List<InjectionSample> Windows(IReadOnlyList<InjectionSample> training)
    {
        // Trained on the same folded view the detector scores, so normalisation tricks look alike in both.
        var folded = training.Select(s => (s.Label, Text: TextNormalizer.Normalize(s.Text).Folded)).ToList();
        var benignSentences = folded.Where(s => !s.Label).SelectMany(s => Segments.Sentences(s.Text)).ToHashSet(StringComparer.Ordinal);
        var windows = folded.SelectMany(s => Segments.Split(s.Text)
                .Where(w => !s.Label || Segments.Sentences(w).Any(sentence => !benignSentences.Contains(sentence)))
                .Select(w => new InjectionSample { Label = s.Label, Text = w }))
            .ToList();
        var attacks = windows.Count(w => w.Label);
        var benignWeight = 2f * attacks / Math.Max(1, windows.Count - attacks);
        windows.ForEach(w => w.Weight = w.Label ? 1 : benignWeight);
        return windows;
    }

    /// <summary>Every committed training source (<c>Training/*.tsv</c>, one genre and author style each) in one list.</summary>
    public static IReadOnlyList<InjectionSample> LoadEmbeddedTrainingSet() => [.. LoadEmbeddedSources().Values.SelectMany(s => s)];

    /// <summary>The committed training sources by name (file name without <c>.tsv</c>), for leave-one-source-out evaluation.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<InjectionSample>> LoadEmbeddedSources()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var sources = new SortedDictionary<string, IReadOnlyList<InjectionSample>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("training/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            sources[name["training/".Length..^".tsv".Length]] =
                [.. LabelledTsv.Read(reader).Select(row => new InjectionSample { Label = row.Label == "1", Text = row.Text })];
        }
        return sources.Count > 0 ? sources : throw new InvalidOperationException("No embedded training source (training/*.tsv) was found.");
    }

    /// <summary>Prediction engines ready in the pool: creating one costs tens of milliseconds, too much inside a check.</summary>
    public int PooledEngines => engines.Count;

    /// <summary>Fills the pool up to <paramref name="count"/> engines, so that many concurrent checks never create one.</summary>
    public void Prewarm(int count)
    {
        while (engines.Count < count) engines.Add(newEngine());
    }

    public void Dispose()
    {
        while (engines.TryTake(out var engine)) engine.Dispose();
    }
}
