using Chatbot.Moderation.Detectors;

namespace Chatbot.Moderation.Evaluation;

/// <summary>Loads a committed labelled set copied next to the test assembly.</summary>
public static class EvaluationSet
{
    public static IReadOnlyList<(string Label, string Text)> Load(string fileName)
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Data", fileName));
        return [.. LabelledTsv.Read(reader)];
    }
}
