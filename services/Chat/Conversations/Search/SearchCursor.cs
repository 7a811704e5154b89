using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Chatbot.Chat.Conversations.Search;

/// <summary>
/// An opaque search page cursor: the (rank, id) of the last hit of the previous page, base64url encoded like
/// <see cref="Http.KeysetCursor"/> (same <c>cursor</c> parameter and problem), with the rank's exact bits so the next
/// page starts right after it. A list cursor is not a search cursor and the other way round.
/// </summary>
public sealed record SearchCursor(float Rank, Guid Id)
{
    private const string Prefix = "s";

    /// <summary>Before every hit: ranks are finite, so (rank, id) &lt; (+∞, max id) holds for all.</summary>
    public static SearchCursor Start { get; } = new(float.PositiveInfinity, Guid.AllBitsSet);

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{Prefix}.{BitConverter.SingleToInt32Bits(Rank).ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string? value, out SearchCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('.');
            if (parts.Length == 3 && parts[0] == Prefix
                && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bits)
                && float.IsFinite(BitConverter.Int32BitsToSingle(bits)) && Guid.TryParseExact(parts[2], "N", out var id))
            {
                cursor = new SearchCursor(BitConverter.Int32BitsToSingle(bits), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
