using Chatbot.Moderation.Detectors;

namespace Chatbot.Moderation.Evaluation;

/// <summary>Loads the committed labelled sets copied next to the test assembly.</summary>
public static class EvaluationSet
{
    public static IReadOnlyList<(string Label, string Text)> Load(string fileName)
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Data", fileName));
        return [.. LabelledTsv.Read(reader)];
    }

    /// <summary>
    /// The held-out sources (<c>Data/heldout/*.tsv</c>, author B of each genre): written apart from the training sources
    /// (author A, <c>services/Moderation.Detectors/Training</c>) with other templates and slot fillers, never trained on.
    /// </summary>
    public static IReadOnlyList<LabelledRow> HeldOut() =>
    [
        .. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "heldout"), "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(file => Load(Path.Combine("heldout", Path.GetFileName(file))).Select(row =>
                new LabelledRow("heldout/" + Path.GetFileNameWithoutExtension(file), Path.GetFileNameWithoutExtension(file), row.Label == "1", row.Text))),
    ];
}
