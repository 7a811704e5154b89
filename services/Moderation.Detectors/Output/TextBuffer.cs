namespace Chatbot.Moderation.Detectors.Output;

/// <summary>The reply so far as one growable array: indexed and sliced without the chunk walk of a StringBuilder.</summary>
internal sealed class TextBuffer
{
    private char[] chars = new char[256];

    public int Length { get; private set; }

    public char this[int index] => chars[index];

    public ReadOnlySpan<char> Span => chars.AsSpan(0, Length);

    public void Append(string value)
    {
        if (Length + value.Length > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, Length + value.Length));
        }
        value.CopyTo(chars.AsSpan(Length));
        Length += value.Length;
    }

    public string ToString(int start, int length) => new(chars, start, length);

    public override string ToString() => new(chars, 0, Length);
}
