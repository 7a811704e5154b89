namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// One evaluation line: where it comes from (<paramref name="Source"/>: a file or a public set), its attack style or
/// benign genre (<paramref name="Style"/>), its label, and the goal group it counts in (<see cref="EvaluationGroups"/>).
/// </summary>
public sealed record LabelledRow(string Source, string Style, bool Attack, string Text)
{
    public string Group => EvaluationGroups.Of(this);

    /// <summary>The length bins: under 200 characters, 200 to 999, 1,000 and more.</summary>
    public string LengthBin => Text.Length switch
    {
        < 200 => "<200",
        < 1000 => "200-999",
        _ => ">=1000",
    };

    public static readonly string[] LengthBins = ["<200", "200-999", ">=1000"];
}
