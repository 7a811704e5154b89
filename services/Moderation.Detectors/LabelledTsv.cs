namespace Chatbot.Moderation.Detectors;

/// <summary>Reads the committed labelled sets: a header line, then <c>label TAB text</c>; '#' lines are comments.</summary>
public static class LabelledTsv
{
    public static IEnumerable<(string Label, string Text)> Read(TextReader reader)
    {
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new FormatException($"A labelled line has no tab: '{line[..Math.Min(line.Length, 40)]}'.");
            yield return (line[..tab], line[(tab + 1)..].Replace("\\n", "\n"));
        }
    }
}
