namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Cheap pre-check before the regular expressions of <see cref="Pii.PiiDetector"/> run on a reply's tail. Every format
/// the detector finds contains a digit, one of <c>@ : = _ - / + \</c>, or a capital letter right after a letter
/// (<c>AKIA</c>, <c>eyJ</c>, <c>AIza</c>, <c>SG.</c>): text with none of them (most prose) cannot hold a finding.
/// </summary>
internal static class ScanTrigger
{
    public static bool MayHoldFinding(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(Triggers) >= 0) return true;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && char.IsLetter(text[i - 1])) return true;
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> Triggers =
        System.Buffers.SearchValues.Create("0123456789@:=_-/+\\");
}
