namespace Chatbot.Identity.Erasure;

/// <summary>The <c>202</c> body of the three erasure routes.</summary>
public sealed record ErasureStarted(Guid ErasureId, string ReceiptUrl)
{
    public static ErasureStarted Of(Guid erasureId) => new(erasureId, $"/api/erasures/{erasureId}");
}
