namespace Chatbot.Moderation.Evaluation;

/// <summary>Counts for one class and the usual ratios (1.0 when nothing was predicted or expected).</summary>
public sealed record ClassScore(string Class, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public override string ToString() =>
        $"| {Class,-18} | {TruePositives + FalseNegatives,8} | {TruePositives,4} | {FalsePositives,4} | {FalseNegatives,4} | {Precision,9:P1} | {Recall,7:P1} |";

    public const string Header = "| class              | expected |   TP |   FP |   FN | precision |  recall |\n|---|---|---|---|---|---|---|";
}
